"""Hostile input: deep or huge JSON, streamed bodies, unsigned traffic that tries to make the
service work or fetch, and values that try to forge log lines."""

from __future__ import annotations

import functools
import io
import json
import logging
import threading
from datetime import timedelta
from typing import Any

import pytest
from ask_sdk_core.skill import CustomSkill
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.voice import build_skill
from skill.web import create_app
from skill.web.app import MAX_REQUEST_BYTES
from skill.web.envelope import MAX_ATTRIBUTE_DEPTH, MAX_ATTRIBUTE_VALUES, nesting_exceeds
from testkit.amazon import (
    CERT_URL,
    NOW,
    SKILL_ID,
    FakeAmazonPki,
    HeaderList,
    PostSigned,
    RecordingCertificateLoader,
    alexa_body,
    build_test_skill,
    intent_request,
    launch_request,
    signed_headers,
)

JSON = {"Content-Type": "application/json"}


def deep(levels: int) -> Any:
    value: Any = "bottom"
    for _ in range(levels):
        value = {"a": [value]}
    return value


@pytest.fixture
def unverified_client() -> FlaskClient:
    return create_app(build_test_skill(), verify=False).test_client()


# --- 1. deep JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_a_thousand_deep_is_a_400_not_a_500(
    unverified_client: FlaskClient, post_signed: PostSigned, opener: str
) -> None:
    closer = "]" if opener == "[" else "}"
    body = (opener * 1000 + "1" + closer * 1000).encode()

    assert unverified_client.post("/", data=body, headers=JSON).status_code == 400
    assert post_signed(body).status_code == 400


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [{}]}', 3),
        ('["[[[[[[", "]]]]"]', 1),
        ('{"a\\"[[[": [[]]}', 3),
    ],
)
def test_nesting_depth_counts_brackets_outside_strings(text: str, depth: int) -> None:
    assert not nesting_exceeds(text.encode(), depth)
    if depth:
        assert nesting_exceeds(text.encode(), depth - 1)


# --- 2. session attributes ------------------------------------------------------------------


def test_over_deep_session_attributes_are_refused_before_the_skill_sees_them(
    unverified_client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    body = intent_request("EchoIntent", attributes={"x": deep(MAX_ATTRIBUTE_DEPTH)})

    response = unverified_client.post("/", data=body, headers=JSON)

    assert response.status_code == 400
    assert "Traceback" not in caplog.text


def test_over_large_session_attributes_are_refused(unverified_client: FlaskClient) -> None:
    attributes = {f"k{i}": i for i in range(MAX_ATTRIBUTE_VALUES)}
    body = intent_request("EchoIntent", attributes=attributes)

    assert unverified_client.post("/", data=body, headers=JSON).status_code == 400


def test_session_attributes_within_the_bounds_reach_the_skill(
    unverified_client: FlaskClient,
) -> None:
    attributes = {"visits": 1, "x": deep(MAX_ATTRIBUTE_DEPTH // 2 - 1)}
    body = intent_request("EchoIntent", attributes=attributes)

    response = unverified_client.post("/", data=body, headers=JSON)

    assert response.status_code == 200
    assert response.get_json()["sessionAttributes"]["visits"] == 2


def test_a_very_deep_stack_is_logged_in_a_few_lines(caplog: pytest.LogCaptureFixture) -> None:
    create_app(build_test_skill(), verify=False)  # installs the log protection

    def recurse(n: int) -> None:
        recurse(n + 1)

    try:
        recurse(0)
    except RecursionError as error:
        logging.getLogger("anything").error("failed", exc_info=error)

    assert "RecursionError (message withheld)" in caplog.text
    assert "frames omitted" in caplog.text
    assert len(caplog.text.splitlines()) < 100


# --- 3. bodies without Content-Length -------------------------------------------------------


def post_streamed(client: FlaskClient, body: bytes, headers: HeaderList) -> Any:
    """As a server passes a chunked body: no Content-Length, the stream ends where it ends."""
    return client.post(
        "/",
        input_stream=io.BytesIO(body),
        headers=headers,
        environ_overrides={"wsgi.input_terminated": True},
    )


def test_streamed_body_past_the_limit_is_413_even_when_its_start_is_signed(
    client: FlaskClient, pki: FakeAmazonPki
) -> None:
    envelope = launch_request()
    envelope = envelope[:-1] + b" " * (MAX_REQUEST_BYTES - len(envelope)) + b"}"
    headers = signed_headers(envelope, pki.leaf_key)

    assert post_streamed(client, envelope, headers).status_code == 200
    assert post_streamed(client, envelope + b"\n", headers).status_code == 413


# --- 4. cheap checks first, deserialise once ------------------------------------------------


class CountingSkill:
    """Counts how often the skill's serializer turns a body into SDK objects."""

    def __init__(self) -> None:
        self.skill: CustomSkill = build_test_skill()
        self.deserialised = 0
        original = self.skill.serializer.deserialize

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.deserialised += 1
            return original(*args, **kwargs)

        self.skill.serializer.deserialize = counting  # type: ignore[method-assign]


@pytest.fixture
def counting() -> CountingSkill:
    return CountingSkill()


@pytest.fixture
def counted_client(
    counting: CountingSkill, pki: FakeAmazonPki, certificate_loader: RecordingCertificateLoader
) -> FlaskClient:
    app = create_app(
        counting.skill,
        skill_id=SKILL_ID,
        certificate_loader=certificate_loader,
        trust_roots=[pki.root],
        now=lambda: NOW,
    )
    return app.test_client()


def test_a_signed_request_is_deserialised_once(
    counted_client: FlaskClient, counting: CountingSkill, pki: FakeAmazonPki
) -> None:
    body = launch_request()

    response = counted_client.post("/", data=body, headers=signed_headers(body, pki.leaf_key))

    assert response.status_code == 200
    assert counting.deserialised == 1


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(JSON, id="unsigned"),
        pytest.param(
            [*JSON.items(), ("Signature-256", "AAAA"), ("SignatureCertChainUrl", CERT_URL)],
            id="bad",
        ),
    ],
)
def test_a_request_that_fails_verification_is_never_deserialised(
    counted_client: FlaskClient,
    counting: CountingSkill,
    headers: HeaderList | dict[str, str],
) -> None:
    body = alexa_body({"type": "LaunchRequest", "padding": "x" * 60_000})

    assert counted_client.post("/", data=body, headers=headers).status_code == 400
    assert counting.deserialised == 0


def test_a_stale_request_costs_no_certificate_download(
    counted_client: FlaskClient,
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
) -> None:
    body = launch_request(timestamp=NOW - timedelta(hours=1))

    response = counted_client.post("/", data=body, headers=signed_headers(body, pki.leaf_key))

    assert response.status_code == 400
    assert certificate_loader.calls == []


# --- 5 and 9. the certificate cache and downloads -------------------------------------------


def test_url_variants_share_the_cached_chain_and_cannot_evict_it(
    post_signed: PostSigned,
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
) -> None:
    assert post_signed(launch_request()).status_code == 200
    body = launch_request()

    for n in range(20):
        variant = {"SignatureCertChainUrl": f"{CERT_URL}?evict={n}", "Signature-256": "AAAA"}
        assert post_signed(body, variant).status_code == 400

    assert post_signed(launch_request()).status_code == 200
    assert certificate_loader.calls == [CERT_URL]


def test_the_normalised_url_is_the_one_downloaded(
    post_signed: PostSigned, certificate_loader: RecordingCertificateLoader
) -> None:
    spelled = "HTTPS://S3.AmazonAWS.com:443/echo.api/./echo%2Dapi-cert-test.pem?x=1#y"

    assert post_signed(launch_request(), {"SignatureCertChainUrl": spelled}).status_code == 200
    assert certificate_loader.calls == [CERT_URL]


def test_unsigned_requests_with_new_urls_trigger_only_a_few_downloads(
    client: FlaskClient, pki: FakeAmazonPki, certificate_loader: RecordingCertificateLoader
) -> None:
    body = launch_request()
    for n in range(50):
        url = f"https://s3.amazonaws.com/echo.api/cert-{n}.pem"
        certificate_loader.chains[url] = pki.chain_pem  # even genuine chains
        headers = signed_headers(body, pki.spare_key, url)
        assert client.post("/", data=body, headers=headers).status_code == 400

    assert len(certificate_loader.calls) <= 4


def test_an_unsigned_request_does_not_put_its_chain_in_the_cache(
    client: FlaskClient, pki: FakeAmazonPki, certificate_loader: RecordingCertificateLoader
) -> None:
    body = launch_request()
    forged = signed_headers(body, pki.spare_key)
    assert client.post("/", data=body, headers=forged).status_code == 400

    assert (
        client.post("/", data=body, headers=signed_headers(body, pki.leaf_key)).status_code == 200
    )
    assert certificate_loader.calls == [CERT_URL, CERT_URL]


def test_concurrent_requests_for_one_url_share_one_download(pki: FakeAmazonPki) -> None:
    release = threading.Event()
    calls: list[str] = []

    def slow_loader(url: str) -> bytes:
        calls.append(url)
        release.wait(5)
        return pki.chain_pem

    app = create_app(
        build_test_skill(),
        skill_id=SKILL_ID,
        certificate_loader=slow_loader,
        trust_roots=[pki.root],
        now=lambda: NOW,
    )
    body = launch_request()
    headers = signed_headers(body, pki.leaf_key)
    statuses: list[int] = []

    def post() -> None:
        statuses.append(app.test_client().post("/", data=body, headers=headers).status_code)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(10)

    assert statuses == [200] * 8
    assert calls == [CERT_URL]


# --- 7. log forging -------------------------------------------------------------------------


def test_an_intent_name_cannot_forge_a_log_line(
    pki: FakeAmazonPki,
    certificate_loader: RecordingCertificateLoader,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    app = create_app(
        build_skill(),
        skill_id=SKILL_ID,
        certificate_loader=certificate_loader,
        trust_roots=[pki.root],
        now=lambda: NOW,
    )
    body = intent_request("AMAZON.HelpIntent\nERROR forged line")

    response = app.test_client().post("/", data=body, headers=signed_headers(body, pki.leaf_key))

    assert response.status_code == 200
    assert "request IntentRequest unknown" in caplog.text  # a name the model has not, unsaid
    assert "forged" not in caplog.text


@pytest.mark.parametrize(
    ("sent", "logged"),
    [
        ("a\nb", "a\\nb"),
        ("NEL\x85CSI\x9b[2J", "NEL\\x85CSI\\x9b[2J"),
        ("bidi\u202eflip", "bidi\\u202eflip"),
        ("line\u2028separator", "line\\u2028separator"),
        ("plain, with é and 東京", "plain, with é and 東京"),
    ],
)
def test_every_character_that_is_not_printable_is_escaped_in_positional_and_named_arguments(
    caplog: pytest.LogCaptureFixture, sent: str, logged: str
) -> None:
    create_app(build_test_skill(), verify=False)  # installs the log protection
    caplog.set_level(logging.INFO)

    logging.getLogger("anything").info("positional %s", sent)
    logging.getLogger("gunicorn.access").info("named %(a)s", {"a": sent})  # as gunicorn does

    assert caplog.messages == [f"positional {logged}", f"named {logged}"]


def test_an_unknown_request_type_is_not_logged_as_sent(
    unverified_client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    body = json.dumps({"request": {"type": "Made.Up\nforged", "timestamp": "x"}}).encode()

    unverified_client.post("/", data=body, headers=JSON)

    assert "Made.Up" not in caplog.text


# --- any of it: never a 500 -----------------------------------------------------------------

_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=20,
)
_PLACES = [
    ("request",),
    ("request", "type"),
    ("request", "intent"),
    ("request", "timestamp"),
    ("session",),
    ("session", "attributes"),
    ("session", "application"),
    ("context",),
    ("context", "System"),
    ("version",),
]


@functools.cache
def real_skill_clients() -> tuple[FlaskClient, FlaskClient, FakeAmazonPki]:
    """Unverified and verified apps around the real skill, built once for every example."""
    pki = FakeAmazonPki.generate()
    verified = create_app(
        build_skill(),
        skill_id=SKILL_ID,
        certificate_loader=RecordingCertificateLoader(chains={CERT_URL: pki.chain_pem}),
        trust_roots=[pki.root],
        now=lambda: NOW,
    )
    unverified = create_app(build_skill(), verify=False)
    return unverified.test_client(), verified.test_client(), pki


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    place=st.sampled_from(_PLACES),
    value=_JSON,
    request_type=st.sampled_from(["LaunchRequest", "IntentRequest", "SessionEndedRequest"]),
)
def test_any_envelope_signed_or_not_gets_an_answer_and_never_a_500(
    place: tuple[str, ...], value: Any, request_type: str
) -> None:
    envelope = json.loads(launch_request())
    envelope["request"]["type"] = request_type
    target = envelope
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    body = json.dumps(envelope).encode()

    unverified_client, verified_client, pki = real_skill_clients()

    unverified = unverified_client.post("/", data=body, headers=JSON)
    verified = verified_client.post("/", data=body, headers=signed_headers(body, pki.leaf_key))

    assert unverified.status_code in {200, 400}
    assert verified.status_code in {200, 400}
