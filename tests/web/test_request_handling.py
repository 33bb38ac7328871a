"""The HTTP surface: bad input gets a 4xx JSON error, never a 500 or a stack trace."""

from __future__ import annotations

import logging

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from skill.settings import SKILL_ID_VARIABLE
from skill.web import create_app
from skill.web.app import MAX_REQUEST_BYTES
from testkit.amazon import (
    SKILL_ID,
    PostSigned,
    alexa_body,
    build_test_skill,
    intent_request,
    launch_request,
)

JSON = {"Content-Type": "application/json"}
OTHER_SKILL = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"


def assert_json_error(response: TestResponse, status: int) -> None:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.fixture
def unverified_client() -> FlaskClient:
    return create_app(build_test_skill(), verify=False).test_client()


def test_health_check_answers_ok(client: FlaskClient) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_anything_but_post_on_the_skill_endpoint_is_405(client: FlaskClient, method: str) -> None:
    response = client.open("/", method=method)

    assert_json_error(response, 405)
    assert "POST" in response.headers["Allow"]


def test_unknown_path_is_a_json_404(client: FlaskClient) -> None:
    assert_json_error(client.get("/admin"), 404)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1"],
)
def test_body_that_is_not_utf8_json_by_content_type_is_415(
    post_signed: PostSigned, content_type: str
) -> None:
    assert_json_error(post_signed(launch_request(), {"Content-Type": content_type}), 415)


def test_missing_content_type_is_415(post_signed: PostSigned) -> None:
    assert_json_error(post_signed(launch_request(), {"Content-Type": None}), 415)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"{not json", id="malformed-json"),
        pytest.param(b"", id="empty"),
        pytest.param(b"[1, 2, 3]", id="json-array"),
        pytest.param(b'"LaunchRequest"', id="json-string"),
        pytest.param(b'{"request": "x"}', id="not-an-envelope"),
        pytest.param(b'{"request": {"type": "NoSuchRequest"}}', id="unknown-request-type"),
        pytest.param(b'{"version": "1.0"}', id="no-request"),
        pytest.param('{"a": "caf\u00e9"}'.encode("latin-1"), id="not-utf8"),
    ],
)
def test_body_that_is_not_an_alexa_envelope_is_400(post_signed: PostSigned, body: bytes) -> None:
    assert_json_error(post_signed(body), 400)


def test_body_over_64_kb_is_413(post_signed: PostSigned) -> None:
    padding = "x" * MAX_REQUEST_BYTES
    body = alexa_body({"type": "LaunchRequest", "padding": padding})

    assert_json_error(post_signed(body), 413)


def test_failed_verification_is_a_json_400(client: FlaskClient) -> None:
    assert_json_error(client.post("/", data=launch_request(), headers=JSON), 400)


def test_launch_then_intent_carries_session_attributes_without_verification(
    unverified_client: FlaskClient,
) -> None:
    launch = unverified_client.post("/", data=launch_request(), headers=JSON)
    assert launch.status_code == 200
    attributes = launch.get_json()["sessionAttributes"]
    assert attributes == {"visits": 1}

    body = intent_request("EchoIntent", attributes=attributes, new_session=False)
    echo = unverified_client.post("/", data=body, headers=JSON)

    assert echo.status_code == 200
    envelope = echo.get_json()
    assert envelope["sessionAttributes"] == {"visits": 2}
    assert envelope["response"]["outputSpeech"]["ssml"] == "<speak>Visit 2.</speak>"


def test_skill_id_is_checked_even_without_signature_verification() -> None:
    app = create_app(build_test_skill(), verify=False, skill_id=SKILL_ID)

    response = app.test_client().post(
        "/", data=launch_request(application_id=OTHER_SKILL), headers=JSON
    )

    assert_json_error(response, 400)


def test_skill_id_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SKILL_ID_VARIABLE, SKILL_ID)
    client = create_app(build_test_skill(), verify=False).test_client()

    assert client.post("/", data=launch_request(), headers=JSON).status_code == 200
    rejected = client.post("/", data=launch_request(application_id=OTHER_SKILL), headers=JSON)
    assert_json_error(rejected, 400)


def test_a_request_without_the_context_skill_id_is_refused_when_a_skill_id_is_set() -> None:
    # Every Alexa request carries context.System.application; the SDK checks the id there, and
    # a request without it (the session's id alone) crashed that check with a 500.
    app = create_app(skill_id=SKILL_ID, verify=False)
    body = launch_request(application_id=SKILL_ID).replace(b'"context"', b'"unused"')

    assert app.test_client().post("/", data=body, headers=JSON).status_code == 400


class _CrashingHandler(AbstractRequestHandler):  # type: ignore[misc]
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("CrashIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        symptom = handler_input.attributes_manager.session_attributes["symptom"]
        raise RuntimeError(f"cannot handle {symptom}")


def test_unexpected_skill_error_is_a_generic_500_and_its_message_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = create_app(build_test_skill(_CrashingHandler()), verify=False).test_client()

    body = intent_request("CrashIntent", attributes={"symptom": "pain running uphill"})

    response = client.post("/", data=body, headers=JSON)

    assert_json_error(response, 500)
    assert response.get_json() == {"error": "internal server error"}
    assert "RuntimeError" in caplog.text
    assert "running uphill" not in caplog.text


def test_only_the_request_type_is_logged(
    unverified_client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = intent_request("EchoIntent", attributes={"symptom": "pain sitting on hard chairs"})

    unverified_client.post("/", data=body, headers=JSON)

    assert "IntentRequest" in caplog.text
    assert "hard chairs" not in caplog.text
    assert "amzn1.ask.account.test" not in caplog.text
