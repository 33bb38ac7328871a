"""The web service in a process of its own, trusting a test PKI passed through a folder.

The web tests' gunicorn process and the benchmark's servers are started by another process,
which writes the PKI with `write_pki` and keeps the leaf key to sign with; the server builds
its app with `create_served_app`. Everything in that app is production code except the
trusted root and the certificate download, which serves the test chain for one URL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from ask_sdk_core.skill import CustomSkill
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask

from skill.web import create_app
from testkit.amazon import FakeAmazonPki, pem

ROOT_FILE, CHAIN_FILE, LEAF_KEY_FILE = "root.pem", "chain.pem", "leaf-key.pem"


def write_pki(folder: Path) -> rsa.RSAPrivateKey:
    """A PKI valid around the real clock, written to `folder`; returns the leaf key to sign.

    The real clock, because the server checks certificate dates against the time now.
    """
    now = datetime.now(UTC)
    pki = FakeAmazonPki.generate(
        not_before=now - timedelta(days=1), not_after=now + timedelta(days=2)
    )
    (folder / ROOT_FILE).write_bytes(pem(pki.root))
    (folder / CHAIN_FILE).write_bytes(pki.chain_pem)
    (folder / LEAF_KEY_FILE).write_bytes(
        pki.leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki.leaf_key


def load_leaf_key(folder: Path) -> rsa.RSAPrivateKey:
    """The leaf key `write_pki` wrote, for a signing client in another process."""
    key = serialization.load_pem_private_key((folder / LEAF_KEY_FILE).read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def create_served_app(
    folder: Path, *, cert_url: str, skill_id: str, skill: CustomSkill | None = None
) -> Flask:
    """`skill.web.create_app` with every check on, trusting the root in `folder` and serving
    its chain for `cert_url` (any other URL fails as a download would). `skill` defaults to
    the real skill."""
    chain = (folder / CHAIN_FILE).read_bytes()

    def load_chain(url: str) -> bytes:
        if url != cert_url:
            raise OSError(f"404 for {url}")
        return chain

    return create_app(
        skill,
        verify=True,
        skill_id=skill_id,
        certificate_loader=load_chain,
        trust_roots=[x509.load_pem_x509_certificate((folder / ROOT_FILE).read_bytes())],
    )
