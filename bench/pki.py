"""A throwaway certificate chain in Amazon's place, so the web service can verify signatures
locally: root CA -> intermediate -> leaf for echo-api.amazon.com, and request signing with the
leaf key the way Alexa signs (RSA PKCS#1 v1.5 over SHA-256 of the body, base64)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ALEXA_SIGNING_DOMAIN = "echo-api.amazon.com"
# Passes the service's URL rules; the bench server's loader serves the local file for it.
CERT_CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-bench.pem"

ROOT_FILE = "root.pem"
CHAIN_FILE = "chain.pem"
LEAF_KEY_FILE = "leaf-key.pem"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(
    name: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    *,
    is_ca: bool,
) -> x509.Certificate:
    now = datetime.now(UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    issuer_public = issuer.public_key() if issuer else key.public_key()
    assert isinstance(issuer_public, rsa.RSAPublicKey)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), False)
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not is_ca,
                content_commitment=False,
                key_encipherment=not is_ca,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=is_ca,
                crl_sign=is_ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if not is_ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        ).add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(*certificates: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


@dataclass(frozen=True)
class TestPki:
    root: x509.Certificate
    chain_pem: bytes
    leaf_key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls) -> TestPki:
        root_key, intermediate_key, leaf_key = _key(), _key(), _key()
        root = _certificate("Bench Test Root CA", root_key, None, root_key, is_ca=True)
        intermediate = _certificate(
            "Bench Test Intermediate CA", intermediate_key, root, root_key, is_ca=True
        )
        leaf = _certificate(
            ALEXA_SIGNING_DOMAIN, leaf_key, intermediate, intermediate_key, is_ca=False
        )
        return cls(root=root, chain_pem=_pem(leaf, intermediate), leaf_key=leaf_key)

    def write(self, folder: Path) -> None:
        (folder / ROOT_FILE).write_bytes(_pem(self.root))
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
    signature = leaf_key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    return {
        "Content-Type": "application/json; charset=utf-8",
        "SignatureCertChainUrl": CERT_CHAIN_URL,
        "Signature-256": base64.b64encode(signature).decode("ascii"),
    }
