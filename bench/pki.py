"""A throwaway certificate chain in Amazon's place, so the web service can verify signatures
locally: root CA -> intermediate -> leaf for echo-api.amazon.com, and request signing with the
leaf key the way Alexa signs (RSA PKCS#1 v1.5 over SHA-256 of the body, base64)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

# The tests' certificate authority, reused: one way to issue Amazon-shaped certificates.
from testkit.amazon import FakeAmazonPki, pem
from testkit.amazon import signed_headers as alexa_signed_headers

# Passes the service's URL rules; the bench server's loader serves the local file for it.
CERT_CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-bench.pem"

ROOT_FILE = "root.pem"
CHAIN_FILE = "chain.pem"
LEAF_KEY_FILE = "leaf-key.pem"


@dataclass(frozen=True)
class TestPki:
    root: x509.Certificate
    chain_pem: bytes
    leaf_key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls) -> TestPki:
        # Valid around the real clock: the bench server checks dates against the time now.
        now = datetime.now(UTC)
        pki = FakeAmazonPki.generate(
            not_before=now - timedelta(days=1), not_after=now + timedelta(days=2)
        )
        return cls(root=pki.root, chain_pem=pki.chain_pem, leaf_key=pki.leaf_key)

    def write(self, folder: Path) -> None:
        (folder / ROOT_FILE).write_bytes(pem(self.root))
        (folder / CHAIN_FILE).write_bytes(self.chain_pem)
        (folder / LEAF_KEY_FILE).write_bytes(
            self.leaf_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def load_root(folder: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate((folder / ROOT_FILE).read_bytes())


def load_leaf_key(folder: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key((folder / LEAF_KEY_FILE).read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def signed_headers(body: bytes, leaf_key: rsa.RSAPrivateKey) -> dict[str, str]:
    return alexa_signed_headers(body, leaf_key, CERT_CHAIN_URL)
