"""The service as a real gunicorn process runs it in the tests: the app factory, and the test
PKI it trusts, passed through a folder named in $GLUTE_DETECTIVE_TEST_PKI.

    gunicorn -c python:skill.web.gunicorn_conf 'tests.web.served:create_app_for_tests()'

Everything is production code except the trusted root and the certificate download, which
serves the test chain for CERT_URL from the folder.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask

from skill.web import create_app
from testkit.amazon import CERT_URL, SKILL_ID, FakeAmazonPki, pem

PKI_ENV_VAR = "GLUTE_DETECTIVE_TEST_PKI"
ROOT_FILE, CHAIN_FILE, LEAF_KEY_FILE = "root.pem", "chain.pem", "leaf-key.pem"


def write_pki(folder: Path) -> rsa.RSAPrivateKey:
    """A PKI valid around the real clock, written to `folder`; returns the leaf key to sign."""
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


def create_app_for_tests() -> Flask:
    folder = Path(os.environ[PKI_ENV_VAR])
    chain = (folder / CHAIN_FILE).read_bytes()

    def load_chain(url: str) -> bytes:
        if url != CERT_URL:
            raise OSError(f"404 for {url}")
        return chain

    return create_app(
        verify=True,
        skill_id=SKILL_ID,
        certificate_loader=load_chain,
        trust_roots=[x509.load_pem_x509_certificate((folder / ROOT_FILE).read_bytes())],
    )
