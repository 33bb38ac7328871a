"""Alexa request verification through the real Flask app, with a test PKI in place of Amazon's."""

from __future__ import annotations

import base64
import itertools
from collections.abc import Callable
from datetime import timedelta

import pytest
from ask_sdk_webservice_support.verifier import VerificationException
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from skill.web import create_app
from skill.web.verification import read_signature_headers
from testkit.amazon import (
    ALEXA_DOMAIN,
    CERT_URL,
    NOW,
    FakeAmazonPki,
    PostSigned,
    RecordingCertificateLoader,
    build_test_skill,
    header,
    intent_request,
    issue_certificate,
    launch_request,
    pem,
    sign,
    signed_headers,
    verifying_app,
)


def assert_rejected(response: TestResponse, status: int = 400) -> None:
    assert response.status_code == status
    body = response.get_json()
    assert set(body) == {"error"}
    assert "Traceback" not in body["error"]


def test_correctly_signed_request_is_answered_by_the_skill(post_signed: PostSigned) -> None:
    response = post_signed(launch_request())

    assert response.status_code == 200
    envelope = response.get_json()
    assert (
        envelope["response"]["outputSpeech"]["ssml"] == "<speak>Welcome to the test skill.</speak>"
    )
    assert envelope["sessionAttributes"] == {"visits": 1}


def test_certificate_chain_is_downloaded_once_for_two_requests_with_the_same_url(
    post_signed: PostSigned, certificate_loader: RecordingCertificateLoader
) -> None:
    assert post_signed(launch_request()).status_code == 200
    assert post_signed(intent_request("EchoIntent", new_session=False)).status_code == 200

    assert certificate_loader.calls == [CERT_URL]


def test_expired_cached_certificate_is_downloaded_again_not_served(pki: FakeAmazonPki) -> None:
    clock = [NOW]
    short_lived = pki.leaf_chain(not_after=NOW + timedelta(days=1))
    loader = RecordingCertificateLoader(chains={CERT_URL: short_lived})
    client = verifying_app(pki, loader, now=lambda: clock[0]).test_client()
    first = launch_request(timestamp=clock[0])
    assert (
        client.post("/", data=first, headers=signed_headers(first, pki.leaf_key)).status_code == 200
    )

    clock[0] = NOW + timedelta(days=2)
    loader.chains[CERT_URL] = pki.leaf_chain(not_before=NOW, not_after=NOW + timedelta(days=90))
    second = launch_request(timestamp=clock[0])
    response = client.post("/", data=second, headers=signed_headers(second, pki.leaf_key))

    assert response.status_code == 200
    assert loader.calls == [CERT_URL, CERT_URL]


@pytest.mark.parametrize(
    "cert_url",
    [
        pytest.param("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", id="http-scheme"),
        pytest.param("https://notamazon.com/echo.api/echo-api-cert.pem", id="wrong-host"),
        pytest.param("https://s3.amazonaws.com.evil.example/echo.api/cert.pem", id="host-suffix"),
        pytest.param("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", id="path-case"),
        pytest.param("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", id="wrong-path"),
        pytest.param("https://s3.amazonaws.com/echo.api/../invalid.pem", id="path-traversal"),
        pytest.param(
            "https://s3.amazonaws.com/echo.api/%2e%2e/invalid.pem", id="encoded-traversal"
        ),
        pytest.param("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", id="wrong-port"),
    ],
)
def test_certificate_url_outside_amazons_bucket_is_rejected_without_download(
    client: FlaskClient,
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
    cert_url: str,
) -> None:
    # Even a genuine chain at that URL must not be fetched: the URL itself is refused.
    certificate_loader.chains[cert_url] = pki.chain_pem
    body = launch_request()

    response = client.post("/", data=body, headers=signed_headers(body, pki.leaf_key, cert_url))

    assert_rejected(response)
    assert certificate_loader.calls == []


def _self_signed_leaf(pki: FakeAmazonPki) -> bytes:
    leaf = issue_certificate(
        common_name=ALEXA_DOMAIN,
        key=pki.leaf_key,
        issuer=None,
        issuer_key=pki.leaf_key,
        is_ca=False,
        dns_names=(ALEXA_DOMAIN,),
    )
    return pem(leaf)


def _leaf_from_another_ca(pki: FakeAmazonPki) -> bytes:
    leaf = issue_certificate(
        common_name=ALEXA_DOMAIN,
        key=pki.leaf_key,
        issuer=pki.other_root,
        issuer_key=pki.other_root_key,
        is_ca=False,
        dns_names=(ALEXA_DOMAIN,),
    )
    return pem(leaf, pki.other_root)


NOT_VALID_NOW = "cert is not valid at validation time"
NO_TRUSTED_PATH = "candidates exhausted"

BAD_CHAINS = {
    "expired": (
        lambda pki: pki.leaf_chain(
            not_before=NOW - timedelta(days=400), not_after=NOW - timedelta(seconds=1)
        ),
        NOT_VALID_NOW,
    ),
    "not-yet-valid": (
        lambda pki: pki.leaf_chain(
            not_before=NOW + timedelta(seconds=1), not_after=NOW + timedelta(days=400)
        ),
        NOT_VALID_NOW,
    ),
    "wrong-san": (
        lambda pki: pki.leaf_chain(dns_names=("echo-api.example.com",)),
        "no matching subjectAltName",
    ),
    "wildcard-san": (
        lambda pki: pki.leaf_chain(dns_names=("*.amazon.com",)),
        "signing certificate is not for echo-api.amazon.com",
    ),
    "self-signed": (_self_signed_leaf, NO_TRUSTED_PATH),
    "another-ca": (_leaf_from_another_ca, NO_TRUSTED_PATH),
    "missing-intermediate": (lambda pki: pem(pki.leaf), NO_TRUSTED_PATH),
    "not-pem": (lambda pki: b"<html>Access Denied</html>", "not valid PEM"),
}


@pytest.mark.parametrize(("bad_chain", "reason"), BAD_CHAINS.values(), ids=BAD_CHAINS.keys())
def test_untrustworthy_certificate_chain_is_rejected(
    post_signed: PostSigned,
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
    caplog: pytest.LogCaptureFixture,
    bad_chain: Callable[[FakeAmazonPki], bytes],
    reason: str,
) -> None:
    certificate_loader.chains[CERT_URL] = bad_chain(pki)

    assert_rejected(post_signed(launch_request()))
    assert reason in caplog.text


@pytest.mark.parametrize("bits", [1024, 1536, 2047])
def test_a_leaf_with_an_rsa_key_under_2048_bits_is_rejected_though_it_signed_the_body(
    client: FlaskClient,
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
    caplog: pytest.LogCaptureFixture,
    bits: int,
) -> None:
    weak_key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    certificate_loader.chains[CERT_URL] = pki.leaf_chain(key=weak_key)
    body = launch_request()

    assert_rejected(client.post("/", data=body, headers=signed_headers(body, weak_key)))
    assert "shorter than 2048 bits" in caplog.text


def test_failed_certificate_download_is_rejected(
    post_signed: PostSigned, certificate_loader: RecordingCertificateLoader
) -> None:
    certificate_loader.chains.clear()

    assert_rejected(post_signed(launch_request()))


def test_tampered_body_is_rejected(client: FlaskClient, pki: FakeAmazonPki) -> None:
    signed = launch_request()
    tampered = signed.replace(b"LaunchRequest", b"SessionEndedRequest")

    response = client.post("/", data=tampered, headers=signed_headers(signed, pki.leaf_key))

    assert_rejected(response)


def test_signature_made_with_another_key_is_rejected(
    client: FlaskClient, pki: FakeAmazonPki
) -> None:
    body = launch_request()

    response = client.post("/", data=body, headers=signed_headers(body, pki.spare_key))

    assert_rejected(response)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"Signature-256": None}, id="missing-signature-256"),
        pytest.param({"SignatureCertChainUrl": None}, id="missing-cert-url"),
        pytest.param({"Signature-256": "not base64!"}, id="signature-not-base64"),
        pytest.param({"Signature-256": ""}, id="empty-signature"),
    ],
)
def test_request_without_usable_signature_headers_is_rejected(
    post_signed: PostSigned, overrides: dict[str, str | None]
) -> None:
    assert_rejected(post_signed(launch_request(), overrides))


def test_legacy_sha1_signature_header_alone_is_not_enough(
    post_signed: PostSigned, pki: FakeAmazonPki
) -> None:
    body = launch_request()

    response = post_signed(body, {"Signature-256": None, "Signature": sign(body, pki.leaf_key)})

    assert_rejected(response)


@pytest.mark.parametrize(
    "offset",
    [
        pytest.param(timedelta(seconds=-151), id="stale"),
        pytest.param(timedelta(seconds=151), id="future"),
        pytest.param(timedelta(hours=-1), id="an-hour-old"),
    ],
)
def test_request_outside_the_150_second_window_is_rejected(
    post_signed: PostSigned, offset: timedelta
) -> None:
    assert_rejected(post_signed(launch_request(timestamp=NOW + offset)))


@pytest.mark.parametrize("offset", [timedelta(seconds=-150), timedelta(seconds=150)])
def test_request_at_the_edge_of_the_window_is_accepted(
    post_signed: PostSigned, offset: timedelta
) -> None:
    assert post_signed(launch_request(timestamp=NOW + offset)).status_code == 200


def test_request_for_another_skill_is_rejected(post_signed: PostSigned) -> None:
    other_skill = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"

    assert_rejected(post_signed(launch_request(application_id=other_skill)))


def test_header_names_are_matched_case_insensitively(
    client: FlaskClient, pki: FakeAmazonPki
) -> None:
    body = launch_request()
    spellings = {"signaturecertchainurl": "SIGNATURECERTCHAINURL", "signature-256": "sIgNaTuRe-256"}
    headers = [
        (spellings.get(name.lower(), name), value)
        for name, value in signed_headers(body, pki.leaf_key)
    ]

    assert client.post("/", data=body, headers=headers).status_code == 200


SIGNING_HEADERS = ("Content-Type", "Signature", "Signature-256", "SignatureCertChainUrl")


@pytest.mark.parametrize("order", list(itertools.permutations(SIGNING_HEADERS)), ids="-".join)
def test_a_signed_request_is_answered_whatever_the_order_of_its_headers(
    client: FlaskClient, pki: FakeAmazonPki, order: tuple[str, ...]
) -> None:
    body = launch_request()
    headers = signed_headers(body, pki.leaf_key)
    reordered = [(name, header(headers, name)) for name in order]

    assert client.post("/", data=body, headers=reordered).status_code == 200


@pytest.mark.parametrize("name", ["Signature-256", "SignatureCertChainUrl", "signature-256"])
def test_a_signature_header_sent_twice_is_refused_even_with_the_same_value(
    client: FlaskClient, pki: FakeAmazonPki, name: str
) -> None:
    body = launch_request()
    headers = signed_headers(body, pki.leaf_key)
    repeated = (name, header(headers, name))

    for twice in ([*headers, repeated], [repeated, *headers]):
        assert_rejected(client.post("/", data=body, headers=twice))


@pytest.mark.parametrize("first", ["Signature-256", "SignatureCertChainUrl"])
def test_the_headers_are_read_in_one_pass_over_a_one_shot_iterator(
    pki: FakeAmazonPki, first: str
) -> None:
    """Werkzeug's headers.items() is a generator: whatever a first scan passes is gone."""
    headers = signed_headers(launch_request(), pki.leaf_key)
    ordered = sorted(headers, key=lambda pair: pair[0] != first)

    signed = read_signature_headers(pair for pair in ordered)

    assert signed.cert_chain_url == CERT_URL
    assert base64.b64encode(signed.signature).decode() == header(headers, "Signature-256")


@pytest.mark.parametrize(
    "pairs",
    [
        pytest.param([("Signature-256", "AAAA"), ("signature-256", "AAAA")], id="two-pairs"),
        pytest.param([("Signature-256", "AAAA, AAAA")], id="joined-by-the-server"),
        pytest.param([("SignatureCertChainUrl", f"{CERT_URL},{CERT_URL}")], id="joined-url"),
    ],
)
def test_a_repeated_signature_header_is_refused_before_anything_else(
    pairs: list[tuple[str, str]],
) -> None:
    complete = {"signature-256": "AAAA", "signaturecertchainurl": CERT_URL}
    for name, _ in pairs:
        complete.pop(name.lower(), None)

    with pytest.raises(VerificationException, match="more than once"):
        read_signature_headers([*pairs, *complete.items()])


def test_verification_is_on_by_default(pki: FakeAmazonPki) -> None:
    app: Flask = create_app(build_test_skill(), trust_roots=[pki.root], now=lambda: NOW)

    response = app.test_client().post(
        "/", data=launch_request(), headers={"Content-Type": "application/json"}
    )

    assert_rejected(response)
