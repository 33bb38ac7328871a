"""Checks that a request really comes from Alexa, for our own skill, and is fresh.

These follow Amazon's rules for skills hosted as a web service. They use `cryptography`
(including its X.509 path validation) instead of the certvalidator/oscrypto stack that
ask-sdk-webservice-support's own verifiers depend on. Every failure raises
`VerificationException`, which flask-ask-sdk's SkillAdapter turns into HTTP 400.
Exception messages never quote the request body: it can hold health information.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_webservice_support.verifier import AbstractVerifier, VerificationException
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from skill.settings import Clock, utc_now
from skill.web.certificates import (
    CertificateLoader,
    download_certificate_chain,
    load_default_trust_roots,
)

SIGNATURE_CERT_CHAIN_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_256_HEADER = "Signature-256"
CERT_CHAIN_URL_SCHEME = "https"
CERT_CHAIN_URL_HOST = "s3.amazonaws.com"
CERT_CHAIN_URL_PORT = 443
CERT_CHAIN_URL_PATH_PREFIX = "/echo.api/"
ALEXA_SIGNING_DOMAIN = "echo-api.amazon.com"
TIMESTAMP_TOLERANCE = timedelta(seconds=150)


def validate_certificate_chain_url(url: str) -> None:
    """Reject a SignatureCertChainUrl that does not point into Amazon's echo.api bucket."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise VerificationException("certificate chain URL is malformed") from error
    if parts.scheme.lower() != CERT_CHAIN_URL_SCHEME:
        raise VerificationException("certificate chain URL must use https")
    if (parts.hostname or "").lower() != CERT_CHAIN_URL_HOST:
        raise VerificationException(f"certificate chain URL host must be {CERT_CHAIN_URL_HOST}")
    if parts.username is not None or parts.password is not None:
        raise VerificationException("certificate chain URL must not carry credentials")
    if port is not None and port != CERT_CHAIN_URL_PORT:
        raise VerificationException(f"certificate chain URL port must be {CERT_CHAIN_URL_PORT}")
    # Check the path both as written and percent-decoded, so %2e%2e cannot smuggle in a "..".
    for path in (parts.path, unquote(parts.path)):
        if not posixpath.normpath(path).startswith(CERT_CHAIN_URL_PATH_PREFIX):
            raise VerificationException(
                f"certificate chain URL path must start with {CERT_CHAIN_URL_PATH_PREFIX}"
            )


def header_value(headers: Mapping[str, Any], name: str) -> str | None:
    """Case-insensitive header lookup that works for plain dicts and Werkzeug headers."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return str(value)
    return None


@dataclass(frozen=True)
class CertificateChain:
    leaf: x509.Certificate
    intermediates: list[x509.Certificate]

    @classmethod
    def from_pem(cls, pem: bytes) -> CertificateChain:
        try:
            certificates = x509.load_pem_x509_certificates(pem)
        except ValueError as error:
            raise VerificationException("certificate chain is not valid PEM") from error
        return cls(leaf=certificates[0], intermediates=certificates[1:])

    @property
    def expires(self) -> datetime:
        everything = [self.leaf, *self.intermediates]
        return min(certificate.not_valid_after_utc for certificate in everything)


class CertificateChainCache:
    """Chains that passed verification, by URL; an expired chain is dropped, not served."""

    def __init__(self, max_entries: int = 16) -> None:
        self._max_entries = max_entries
        self._chains: OrderedDict[str, CertificateChain] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, url: str, now: datetime) -> CertificateChain | None:
        with self._lock:
            chain = self._chains.get(url)
            if chain is None:
                return None
            if chain.expires <= now:
                del self._chains[url]
                return None
            self._chains.move_to_end(url)
            return chain

    def put(self, url: str, chain: CertificateChain) -> None:
        with self._lock:
            self._chains[url] = chain
            self._chains.move_to_end(url)
            while len(self._chains) > self._max_entries:
                self._chains.popitem(last=False)


class SignatureVerifier(AbstractVerifier):
    """Checks the certificate chain and the Signature-256 header over the raw body."""

    def __init__(
        self,
        *,
        certificate_loader: CertificateLoader = download_certificate_chain,
        trust_roots: Sequence[x509.Certificate] | None = None,
        now: Clock = utc_now,
        cache: CertificateChainCache | None = None,
    ) -> None:
        roots = list(trust_roots) if trust_roots is not None else load_default_trust_roots()
        self._store = Store(roots)
        self._load_certificates = certificate_loader
        self._now = now
        self._cache = cache if cache is not None else CertificateChainCache()

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope | None,
    ) -> None:
        cert_url = header_value(headers, SIGNATURE_CERT_CHAIN_URL_HEADER)
        if not cert_url:
            raise VerificationException(f"missing {SIGNATURE_CERT_CHAIN_URL_HEADER} header")
        signature_header = header_value(headers, SIGNATURE_256_HEADER)
        if not signature_header:
            raise VerificationException(f"missing {SIGNATURE_256_HEADER} header")
        validate_certificate_chain_url(cert_url)
        chain = self._trusted_chain(cert_url)
        # The adapter hands us the body decoded strictly as UTF-8, so encoding it again
        # gives back exactly the bytes Alexa signed.
        self._check_signature(chain.leaf, signature_header, serialized_request_env.encode("utf-8"))

    def _trusted_chain(self, url: str) -> CertificateChain:
        now = self._now()
        chain = self._cache.get(url, now)
        if chain is None:
            try:
                pem = self._load_certificates(url)
            except Exception as error:  # any loader failure means the request cannot be trusted
                raise VerificationException("could not download the certificate chain") from error
            chain = CertificateChain.from_pem(pem)
        self._check_chain(chain, now)
        self._cache.put(url, chain)
        return chain

    def _check_chain(self, chain: CertificateChain, now: datetime) -> None:
        verifier = (
            PolicyBuilder()
            .store(self._store)
            .time(now)
            .build_server_verifier(x509.DNSName(ALEXA_SIGNING_DOMAIN))
        )
        try:
            verifier.verify(chain.leaf, chain.intermediates)
        except VerificationError as error:
            raise VerificationException("certificate chain is not trusted") from error
        # Amazon's rule is the exact name in the SAN list; path validation alone would also
        # accept a wildcard such as *.amazon.com.
        try:
            names = chain.leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        except x509.ExtensionNotFound as error:
            raise VerificationException("signing certificate has no SAN extension") from error
        if ALEXA_SIGNING_DOMAIN not in names.value.get_values_for_type(x509.DNSName):
            raise VerificationException(f"signing certificate is not for {ALEXA_SIGNING_DOMAIN}")

    @staticmethod
    def _check_signature(leaf: x509.Certificate, signature_header: str, body: bytes) -> None:
        try:
            signature = base64.b64decode(signature_header, validate=True)
        except (binascii.Error, ValueError) as error:
            raise VerificationException("signature is not valid base64") from error
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationException("signing certificate does not hold an RSA key")
        try:
            public_key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as error:
            raise VerificationException("request signature does not match the body") from error


class TimestampVerifier(AbstractVerifier):
    """Rejects requests whose request.timestamp is more than 150 s from now, either way."""

    def __init__(self, *, now: Clock = utc_now, tolerance: timedelta = TIMESTAMP_TOLERANCE):
        self._now = now
        self._tolerance = tolerance

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope | None,
    ) -> None:
        request = getattr(deserialized_request_env, "request", None)
        timestamp = getattr(request, "timestamp", None)
        if not isinstance(timestamp, datetime):
            raise VerificationException("request has no timestamp")
        if timestamp.tzinfo is None:  # Alexa sends UTC ("...Z"); treat a bare time as UTC
            timestamp = timestamp.replace(tzinfo=UTC)
        if abs(self._now() - timestamp) > self._tolerance:
            raise VerificationException("request timestamp is outside the allowed window")


class SkillIdVerifier(AbstractVerifier):
    """Rejects requests addressed to any skill but ours."""

    def __init__(self, skill_id: str) -> None:
        self._skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope | None,
    ) -> None:
        if application_id(deserialized_request_env) != self._skill_id:
            raise VerificationException("request is for a different skill")


def application_id(envelope: RequestEnvelope | None) -> str | None:
    """context.System.application.applicationId, else session.application.applicationId."""
    for source in (
        getattr(getattr(envelope, "context", None), "system", None),
        getattr(envelope, "session", None),
    ):
        value = getattr(getattr(source, "application", None), "application_id", None)
        if isinstance(value, str):
            return value
    return None
