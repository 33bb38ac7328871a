"""Stand-ins for Amazon in the web service tests: a test PKI, signed Alexa requests, a tiny skill
(so these tests do not depend on the real one) and a recording certificate download."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask import Flask
from werkzeug.test import TestResponse

from skill.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, 0, tzinfo=UTC)
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000001"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
ALEXA_DOMAIN = "echo-api.amazon.com"

#: The post_signed fixture: POST a body signed by the fake Amazon, with header overrides.
PostSigned = Callable[..., TestResponse]


# --- test certificate authority -------------------------------------------------------------


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def issue_certificate(
    *,
    common_name: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    is_ca: bool,
    dns_names: tuple[str, ...] = (),
    not_before: datetime = NOW - timedelta(days=30),
    not_after: datetime = NOW + timedelta(days=365),
) -> x509.Certificate:
    """A certificate shaped like a public web PKI one; issuer None means self-signed."""
    public_key = key.public_key()
    issuer_name = issuer.subject if issuer is not None else _name(common_name)
    issuer_public_key = issuer.public_key() if issuer is not None else public_key
    assert isinstance(issuer_public_key, rsa.RSAPublicKey)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public_key), critical=False
        )
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
        ).add_extension(
            x509.SubjectAlternativeName([x509.DNSName(name) for name in dns_names]),
            critical=False,
        )
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certificates: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


@dataclass(frozen=True)
class FakeAmazonPki:
    """Root CA -> intermediate -> leaf for echo-api.amazon.com, plus an unrelated CA."""

    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    intermediate: x509.Certificate
    intermediate_key: rsa.RSAPrivateKey
    leaf: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    other_root: x509.Certificate
    other_root_key: rsa.RSAPrivateKey
    spare_key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls, **validity: datetime) -> FakeAmazonPki:
        """`validity` (not_before, not_after) applies to every certificate; by default they are
        valid around the fixed NOW the tests use."""
        root_key, intermediate_key, leaf_key = new_rsa_key(), new_rsa_key(), new_rsa_key()
        other_root_key, spare_key = new_rsa_key(), new_rsa_key()
        root = issue_certificate(
            common_name="Test Root CA",
            key=root_key,
            issuer=None,
            issuer_key=root_key,
            is_ca=True,
            **validity,
        )
        intermediate = issue_certificate(
            common_name="Test Intermediate CA",
            key=intermediate_key,
            issuer=root,
            issuer_key=root_key,
            is_ca=True,
            **validity,
        )
        leaf = issue_certificate(
            common_name=ALEXA_DOMAIN,
            key=leaf_key,
            issuer=intermediate,
            issuer_key=intermediate_key,
            is_ca=False,
            dns_names=(ALEXA_DOMAIN,),
            **validity,
        )
        other_root = issue_certificate(
            common_name="Other Root CA",
            key=other_root_key,
            issuer=None,
            issuer_key=other_root_key,
            is_ca=True,
            **validity,
        )
        return cls(
            root=root,
            root_key=root_key,
            intermediate=intermediate,
            intermediate_key=intermediate_key,
            leaf=leaf,
            leaf_key=leaf_key,
            other_root=other_root,
            other_root_key=other_root_key,
            spare_key=spare_key,
        )

    @property
    def chain_pem(self) -> bytes:
        return pem(self.leaf, self.intermediate)

    def leaf_chain(self, **leaf_options: Any) -> bytes:
        """A chain whose leaf (same key, same intermediate) differs in the given options."""
        options: dict[str, Any] = {
            "common_name": ALEXA_DOMAIN,
            "key": self.leaf_key,
            "issuer": self.intermediate,
            "issuer_key": self.intermediate_key,
            "is_ca": False,
            "dns_names": (ALEXA_DOMAIN,),
        }
        options.update(leaf_options)
        return pem(issue_certificate(**options), self.intermediate)


# --- Alexa requests -------------------------------------------------------------------------


def alexa_body(
    request: dict[str, Any],
    *,
    timestamp: datetime = NOW,
    application_id: str = SKILL_ID,
    attributes: dict[str, Any] | None = None,
    new_session: bool = True,
) -> bytes:
    """A request envelope as Alexa sends it, serialised to the bytes that get signed."""
    application = {"applicationId": application_id}
    user = {"userId": "amzn1.ask.account.test"}
    envelope = {
        "version": "1.0",
        "session": {
            "new": new_session,
            "sessionId": "amzn1.echo-api.session.test",
            "application": application,
            "attributes": attributes or {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "amzn1.ask.device.test", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "requestId": "amzn1.echo-api.request.test",
            "timestamp": timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "locale": "en-US",
            **request,
        },
    }
    return json.dumps(envelope).encode("utf-8")


def launch_request(**options: Any) -> bytes:
    return alexa_body({"type": "LaunchRequest"}, **options)


def intent_request(intent_name: str, **options: Any) -> bytes:
    intent = {"name": intent_name, "confirmationStatus": "NONE", "slots": {}}
    return alexa_body({"type": "IntentRequest", "intent": intent}, **options)


def sign(body: bytes, key: rsa.RSAPrivateKey, algorithm: str = "sha256") -> str:
    digest = hashes.SHA256() if algorithm == "sha256" else hashes.SHA1()
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), digest)).decode("ascii")


#: Request headers as a client sends them: name-value pairs, in order.
HeaderList = list[tuple[str, str]]


def signed_headers(body: bytes, key: rsa.RSAPrivateKey, cert_url: str = CERT_URL) -> HeaderList:
    """The headers of a signed Alexa request, as a list in the order sent: both signatures
    (the deprecated SHA-1 one too) before the certificate URL, the order a reader that scans
    the headers twice gets wrong. Amazon documents no order, so the tests send every other
    order of these headers too."""
    return [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Accept", "application/json"),
        ("Accept-Charset", "utf-8"),
        ("Signature", sign(body, key, "sha1")),
        ("Signature-256", sign(body, key)),
        ("SignatureCertChainUrl", cert_url),
        ("User-Agent", "Apache-HttpClient/UNAVAILABLE (Java/1.8.0_462)"),
    ]


def replace_headers(headers: HeaderList, changes: Mapping[str, str | None]) -> HeaderList:
    """`headers` with each named header's value changed in place (names matched in any case),
    removed where the change is None, and added at the end where it was not there."""
    wanted = {name.lower(): value for name, value in changes.items()}
    changed: HeaderList = []
    for name, value in headers:
        if name.lower() not in wanted:
            changed.append((name, value))
        elif (new_value := wanted.pop(name.lower())) is not None:
            changed.append((name, new_value))
    spelled = {name.lower(): name for name in changes}
    changed += [(spelled[key], value) for key, value in wanted.items() if value is not None]
    return changed


def header(headers: HeaderList, name: str) -> str:
    """The value of the first header called `name` (in any case)."""
    return next(value for key, value in headers if key.lower() == name.lower())


@dataclass
class RecordingCertificateLoader:
    """Stands in for the HTTPS download: serves PEM by URL and remembers every call."""

    chains: dict[str, bytes] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if url not in self.chains:
            raise OSError(f"404 for {url}")
        return self.chains[url]


# --- a tiny skill ---------------------------------------------------------------------------


class _LaunchHandler(AbstractRequestHandler):  # type: ignore[misc]
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        handler_input.attributes_manager.session_attributes["visits"] = 1
        builder = handler_input.response_builder
        return builder.speak("Welcome to the test skill.").ask("Say echo.").response


class _EchoHandler(AbstractRequestHandler):  # type: ignore[misc]
    """Bumps the session attributes it was sent, so carrying them across turns is visible."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("EchoIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = handler_input.attributes_manager.session_attributes
        attributes["visits"] = attributes.get("visits", 0) + 1
        builder = handler_input.response_builder
        return builder.speak(f"Visit {attributes['visits']}.").ask("Again?").response


class _SessionEndedHandler(AbstractRequestHandler):  # type: ignore[misc]
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


def build_test_skill(*extra_handlers: AbstractRequestHandler) -> CustomSkill:
    builder = SkillBuilder()
    for handler in (*extra_handlers, _LaunchHandler(), _EchoHandler(), _SessionEndedHandler()):
        builder.add_request_handler(handler)
    return builder.create()


def verifying_app(
    pki: FakeAmazonPki,
    certificate_loader: Callable[[str], bytes],
    now: Callable[[], datetime] = lambda: NOW,
) -> Flask:
    """The service as deployed over the test skill: every check on, the skill id the fake
    requests carry, `pki`'s root trusted and its chains downloaded by `certificate_loader`."""
    return create_app(
        build_test_skill(),
        verify=True,
        skill_id=SKILL_ID,
        certificate_loader=certificate_loader,
        trust_roots=[pki.root],
        now=now,
    )
