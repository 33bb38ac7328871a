"""Checks that a request really comes from Alexa, for our own skill, and is fresh.

These follow Amazon's rules for skills hosted as a web service. They use `cryptography`
(including its X.509 path validation) instead of the certvalidator/oscrypto stack that
ask-sdk-webservice-support's own verifiers depend on. Every failure raises
`VerificationException`, which the service answers with HTTP 400.

They work on what was sent, never on SDK objects: the headers, the raw body bytes (the
signature is over exactly those) and the body parsed as plain JSON. `AlexaRequestChecks`
runs them cheapest first, so a request that fails a cheap rule costs no download and no
RSA work, and the body is deserialised into SDK objects only once all of them passed.
Exception messages never quote the request body: it can hold health information.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ask_sdk_webservice_support.verifier import VerificationException
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from skill.settings import Clock, utc_now
from skill.web.certificates import (
    DOWNLOAD_TIMEOUT_SECONDS,
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
# Amazon's are about 60 characters; the download bounds remember URLs, so they are kept short.
MAX_CERT_CHAIN_URL_LENGTH = 256
ALEXA_SIGNING_DOMAIN = "echo-api.amazon.com"
TIMESTAMP_TOLERANCE = timedelta(seconds=150)
# Shorter RSA keys can be factored by a determined attacker; Amazon's signing key is 2,048.
MIN_RSA_KEY_BITS = 2048
# Downloads of chains not in the cache: a burst of this many, then one more per interval.
# Alexa uses one chain URL at a time, so a real request rarely needs more than one.
DOWNLOAD_BURST = 4
DOWNLOAD_INTERVAL = timedelta(seconds=30)


def validate_certificate_chain_url(url: str) -> str:
    """Reject a SignatureCertChainUrl that does not point into Amazon's echo.api bucket.

    Returns the URL normalised: https, the lower-case host, no port, query or fragment, and
    the path with `.` and `..` resolved and percent-escapes written one way. That is the URL
    that is downloaded and the key the chain is cached under, so spellings of one URL share
    one download and one cache entry.
    """
    if len(url) > MAX_CERT_CHAIN_URL_LENGTH:
        raise VerificationException("certificate chain URL is too long")
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
    path = quote(posixpath.normpath(unquote(parts.path)), safe="/")
    return f"{CERT_CHAIN_URL_SCHEME}://{CERT_CHAIN_URL_HOST}{path}"


#: Request headers as name-value pairs, in the order sent: a list, or Werkzeug's headers.
Headers = Iterable[tuple[str, Any]]
#: The headers the checks read, by lower-case name. The SHA-1 `Signature` header, which
#: Alexa still sends beside `Signature-256`, is not used and so not read.
SIGNATURE_HEADERS = frozenset(
    name.lower() for name in (SIGNATURE_CERT_CHAIN_URL_HEADER, SIGNATURE_256_HEADER)
)


def signature_header_values(headers: Headers) -> dict[str, str]:
    """The signature headers by lower-case name, in one pass over `headers`.

    One pass, because Werkzeug's `headers.items()` is a generator that a second scan finds
    empty. A name sent twice is refused: as two pairs here, and as the one comma-joined
    value a WSGI server makes of a repeated header (the value checks below refuse that).
    """
    found: dict[str, str] = {}
    for name, value in headers:
        key = name.lower()
        if key in SIGNATURE_HEADERS:
            if key in found:
                raise VerificationException(f"{name} header sent more than once")
            found[key] = str(value)
    return found


@dataclass(frozen=True)
class SignatureHeaders:
    """The two signature headers, checked for form: the normalised URL and the raw signature."""

    cert_chain_url: str
    signature: bytes


def read_signature_headers(headers: Headers) -> SignatureHeaders:
    values = signature_header_values(headers)
    cert_url = values.get(SIGNATURE_CERT_CHAIN_URL_HEADER.lower())
    if not cert_url:
        raise VerificationException(f"missing {SIGNATURE_CERT_CHAIN_URL_HEADER} header")
    signature_header = values.get(SIGNATURE_256_HEADER.lower())
    if not signature_header:
        raise VerificationException(f"missing {SIGNATURE_256_HEADER} header")
    # A server joins a repeated header's values with commas; neither value ever holds one.
    for name, value in (
        (SIGNATURE_CERT_CHAIN_URL_HEADER, cert_url),
        (SIGNATURE_256_HEADER, signature_header),
    ):
        if "," in value:
            raise VerificationException(f"{name} header sent more than once")
    normalised_url = validate_certificate_chain_url(cert_url)
    try:
        signature = base64.b64decode(signature_header, validate=True)
    except (binascii.Error, ValueError) as error:
        raise VerificationException("signature is not valid base64") from error
    return SignatureHeaders(cert_chain_url=normalised_url, signature=signature)


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
    """Chains that verified a signature, by normalised URL; an expired chain is dropped."""

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


class TokenBucket:
    """`burst` tokens at once, then one more per `interval`."""

    def __init__(self, burst: int, interval: timedelta) -> None:
        self._burst = burst
        self._interval = interval
        self._tokens = float(burst)
        self._refilled: datetime | None = None

    def take(self, now: datetime) -> bool:
        if self._refilled is not None and now > self._refilled:
            earned = (now - self._refilled) / self._interval
            self._tokens = min(float(self._burst), self._tokens + earned)
        self._refilled = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


class BoundedDownloads:
    """Downloads chains so that no traffic can make the service fetch over and over, and no
    traffic can keep Alexa's chain from being fetched.

    - One download at a time per URL: requests that need a URL already being fetched wait
      for that download and share its result.
    - URLs whose chain has verified a signature here (`mark_good`) are fetched again, once
      their chain expires, from a budget of their own that other URLs cannot spend.
    - Other URLs share a budget: `burst` downloads at once, then one per `interval`.
    - When that budget is spent, the URL most in demand still gets a download: the one
      asked for in the most distinct seconds (at least `DEMAND_QUORUM`, and no fewer than
      any other), once per `DEMAND_INTERVAL`, or sooner if it is in more demand than the
      last URL fetched that way. Alexa asks for its one URL on every request, so its demand
      grows second by second; a flood of new URLs, each asked for once, never leads, and a
      URL pushed to the lead is spent by its one failed download.
    - A URL whose download failed is not fetched again for an `interval`, and does not jump
      the queue again for an hour.
    Past all that a request is refused without a download.
    """

    #: Distinct seconds a URL must have been asked for to lead the demand.
    DEMAND_QUORUM = 3
    #: URLs asked for in one second only, URLs asked for in several whose demand is counted,
    #: and known-good URLs: how many of each are remembered.
    MAX_ASKED_ONCE = 4096
    MAX_PENDING = 64
    MAX_KNOWN_GOOD = 16
    #: URLs whose download failed: refused without another for an `interval`, and kept
    #: from jumping the queue for `FAILED_URL_MEMORY`.
    MAX_FAILED = 1024
    FAILED_URL_MEMORY = timedelta(hours=1)
    #: How often the URL most in demand may be downloaded past the shared budget.
    DEMAND_INTERVAL = timedelta(seconds=10)

    def __init__(
        self,
        loader: CertificateLoader,
        *,
        burst: int = DOWNLOAD_BURST,
        interval: timedelta = DOWNLOAD_INTERVAL,
        wait_seconds: float = 3 * DOWNLOAD_TIMEOUT_SECONDS,
    ) -> None:
        self._load = loader
        self._interval = interval
        self._wait_seconds = wait_seconds
        self._new_urls = TokenBucket(burst, interval)
        self._renewals = TokenBucket(burst, interval)
        self._known_good: OrderedDict[str, None] = OrderedDict()
        # URL -> the second it was asked for, while that is the only one.
        self._asked_once: OrderedDict[str, int] = OrderedDict()
        # URL -> (distinct seconds it was asked for, the last of them) while not fetched.
        self._demand: dict[str, tuple[int, int]] = {}
        # When the URL most in demand was last fetched past the budget, and its demand then.
        self._demand_download: tuple[datetime, int] | None = None
        self._failed: OrderedDict[str, datetime] = OrderedDict()
        self._in_flight: dict[str, Future[bytes]] = {}
        self._lock = threading.Lock()

    def fetch(self, url: str, now: datetime) -> bytes:
        with self._lock:
            flight = self._in_flight.get(url)
            leader = flight is None
            if flight is None:
                if not self._may_download(url, now):
                    raise VerificationException(
                        "too many certificate chain downloads; try again later"
                    )
                flight = self._in_flight[url] = Future()
        if leader:
            try:
                flight.set_result(self._load(url))
            except Exception as error:  # any loader failure means the request cannot be trusted
                flight.set_exception(error)
                with self._lock:
                    self._remember_failure(url, now)
            finally:
                with self._lock:
                    del self._in_flight[url]
        try:
            return flight.result(timeout=self._wait_seconds)
        except FutureTimeout as error:
            raise VerificationException("certificate chain download is taking too long") from error
        except Exception as error:
            raise VerificationException("could not download the certificate chain") from error

    def mark_good(self, url: str) -> None:
        """`url`'s chain verified a signature: later downloads of it come from the renewals."""
        with self._lock:
            self._known_good[url] = None
            self._known_good.move_to_end(url)
            while len(self._known_good) > self.MAX_KNOWN_GOOD:
                self._known_good.popitem(last=False)
            self._forget_demand(url)

    def _remember_failure(self, url: str, now: datetime) -> None:
        self._failed[url] = now
        self._failed.move_to_end(url)
        while len(self._failed) > self.MAX_FAILED:
            self._failed.popitem(last=False)

    def _may_download(self, url: str, now: datetime) -> bool:
        failed = self._failed.get(url)
        if failed is not None and now - failed < self._interval:
            return False
        if url in self._known_good:
            return self._renewals.take(now)
        seconds = self._count_demand(url, now)
        if self._new_urls.take(now):
            self._forget_demand(url)
            return True
        if (failed is None or now - failed >= self.FAILED_URL_MEMORY) and self._may_jump_the_queue(
            url, seconds, now
        ):
            self._demand_download = (now, seconds)
            self._forget_demand(url)
            return True
        return False

    def _forget_demand(self, url: str) -> None:
        self._demand.pop(url, None)
        self._asked_once.pop(url, None)

    def _count_demand(self, url: str, now: datetime) -> int:
        """The distinct seconds in which `url` has been asked for, this one included.

        URLs asked for in one second only are kept apart, oldest forgotten first, so that a
        flood of new URLs churns only them; a URL asked for again in a later second moves to
        the demand table, whose least asked-for URL is forgotten first.
        """
        second = int(now.timestamp())
        if url in self._demand:
            seconds, last = self._demand[url]
            if second != last:
                seconds += 1
            self._demand[url] = (seconds, second)
            return seconds
        first = self._asked_once.pop(url, None)
        if first is None or first == second:
            self._asked_once[url] = second
            while len(self._asked_once) > self.MAX_ASKED_ONCE:
                self._asked_once.popitem(last=False)
            return 1
        self._demand[url] = (2, second)
        if len(self._demand) > self.MAX_PENDING:
            others = (key for key in self._demand if key != url)
            del self._demand[min(others, key=lambda key: self._demand[key][0])]
        return 2

    def _may_jump_the_queue(self, url: str, seconds: int, now: datetime) -> bool:
        """The URL most in demand is fetched past the budget: once per DEMAND_INTERVAL, or
        sooner if it is in more demand than the last URL that did so."""
        rivals = (count for key, (count, _) in self._demand.items() if key != url)
        if seconds < self.DEMAND_QUORUM or seconds < max(rivals, default=0):
            return False
        if self._demand_download is None:
            return True
        last_time, last_seconds = self._demand_download
        return now - last_time >= self.DEMAND_INTERVAL or seconds > last_seconds


class SignatureVerifier:
    """Checks the certificate chain and the Signature-256 header over the raw body."""

    def __init__(
        self,
        *,
        certificate_loader: CertificateLoader = download_certificate_chain,
        trust_roots: Sequence[x509.Certificate] | None = None,
        now: Clock = utc_now,
        cache: CertificateChainCache | None = None,
        downloads: BoundedDownloads | None = None,
    ) -> None:
        roots = list(trust_roots) if trust_roots is not None else load_default_trust_roots()
        self._store = Store(roots)
        self._now = now
        self._cache = cache if cache is not None else CertificateChainCache()
        self._downloads = (
            downloads if downloads is not None else BoundedDownloads(certificate_loader)
        )

    def verify(self, signed: SignatureHeaders, body: bytes) -> None:
        url = signed.cert_chain_url
        now = self._now()
        chain = self._cache.get(url, now)
        if chain is None:
            chain = CertificateChain.from_pem(self._downloads.fetch(url, now))
        self._check_chain(chain, now)
        self._check_signature(chain.leaf, signed.signature, body)
        # Only a chain that verified a signature is kept: unsigned traffic cannot fill the
        # cache or push Alexa's chain out of it.
        self._cache.put(url, chain)
        self._downloads.mark_good(url)

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
    def _check_signature(leaf: x509.Certificate, signature: bytes, body: bytes) -> None:
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationException("signing certificate does not hold an RSA key")
        if public_key.key_size < MIN_RSA_KEY_BITS:
            raise VerificationException(
                f"signing certificate's RSA key is shorter than {MIN_RSA_KEY_BITS} bits"
            )
        try:
            public_key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as error:
            raise VerificationException("request signature does not match the body") from error


def check_timestamp(
    envelope: Mapping[str, Any], now: datetime, tolerance: timedelta = TIMESTAMP_TOLERANCE
) -> None:
    """Reject a request whose request.timestamp is more than 150 s from now, either way."""
    request = envelope.get("request")
    written = request.get("timestamp") if isinstance(request, Mapping) else None
    try:
        timestamp = datetime.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        timestamp = None
    if timestamp is None:
        raise VerificationException("request has no timestamp")
    if timestamp.tzinfo is None:  # Alexa sends UTC ("...Z"); treat a bare time as UTC
        timestamp = timestamp.replace(tzinfo=UTC)
    if abs(now - timestamp) > tolerance:
        raise VerificationException("request timestamp is outside the allowed window")


def application_id(envelope: Mapping[str, Any]) -> str | None:
    """context.System.application.applicationId: every Alexa request carries it, and the SDK
    checks the skill id there too (a request without it is no Alexa request)."""
    context = envelope.get("context")
    system = context.get("System") if isinstance(context, Mapping) else None
    application = system.get("application") if isinstance(system, Mapping) else None
    value = application.get("applicationId") if isinstance(application, Mapping) else None
    return value if isinstance(value, str) else None


class AlexaRequestChecks:
    """Amazon's rules for one request, in three steps from cheapest to dearest.

    `check_headers` needs only the headers; `check_envelope` the body parsed as plain JSON
    (timestamp, skill id); `check_signature` the raw bytes, and a certificate chain from the
    cache or from a bounded download. With `verify` False only the skill id is checked.
    """

    def __init__(
        self,
        *,
        verify: bool,
        skill_id: str | None,
        certificate_loader: CertificateLoader = download_certificate_chain,
        trust_roots: Sequence[x509.Certificate] | None = None,
        now: Clock = utc_now,
    ) -> None:
        self._skill_id = skill_id
        self._now = now
        self._signatures = (
            SignatureVerifier(
                certificate_loader=certificate_loader, trust_roots=trust_roots, now=now
            )
            if verify
            else None
        )

    def check_headers(self, headers: Headers) -> SignatureHeaders | None:
        if self._signatures is None:
            return None
        return read_signature_headers(headers)

    def check_envelope(self, envelope: Mapping[str, Any]) -> None:
        if self._signatures is not None:
            check_timestamp(envelope, self._now())
        if self._skill_id is not None and application_id(envelope) != self._skill_id:
            raise VerificationException("request is for a different skill")

    def check_signature(self, signed: SignatureHeaders | None, body: bytes) -> None:
        if self._signatures is not None:
            if signed is None:
                raise VerificationException("the signature headers were not checked")
            self._signatures.verify(signed, body)
