"""Requests nobody said, and events that are no Alexa request: answered with nothing, logged by
kind only, never a crash (on Lambda as on the web service, which answers the latter with 400)."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest

from bench.interviews import record_interviews
from skill.voice import lambda_handler

INTERVIEW = record_interviews(1, vignettes=False)[0]
LAUNCH, ANSWER = INTERVIEW.requests[0], INTERVIEW.requests[1]


def changed(envelope: dict[str, Any], **request: Any) -> dict[str, Any]:
    changed = copy.deepcopy(envelope)
    changed["request"].update(request)
    return changed


@pytest.mark.parametrize(
    "request_type", ["Alexa.Presentation.APL.RuntimeError", "CanFulfillIntentRequest"]
)
def test_a_request_nobody_said_is_answered_with_nothing(request_type: str) -> None:
    response = lambda_handler(changed(LAUNCH, type=request_type), None)
    assert response["response"] == {}


def test_an_intent_request_without_an_intent_is_not_understood_and_no_crash(
    caplog: pytest.LogCaptureFixture,
) -> None:
    envelope = copy.deepcopy(ANSWER)
    del envelope["request"]["intent"]
    with caplog.at_level(logging.INFO):
        response = lambda_handler(envelope, None)
    assert response["response"]["reprompt"]
    assert "Traceback" not in caplog.text and "request failed" not in caplog.text
    assert "request IntentRequest unknown" in caplog.text


def _without_context(envelope: dict[str, Any]) -> dict[str, Any]:
    stripped = copy.deepcopy(envelope)
    del stripped["context"]
    return stripped


def _with_attributes(envelope: dict[str, Any], attributes: Any) -> dict[str, Any]:
    spoilt = copy.deepcopy(envelope)
    spoilt["session"]["attributes"] = attributes
    return spoilt


@pytest.mark.parametrize(
    "event",
    [
        _without_context(LAUNCH),
        _with_attributes(ANSWER, [1, 2]),
        _with_attributes(ANSWER, "some text"),
        changed(LAUNCH, timestamp="not a time"),
        changed(LAUNCH, type="Some.FutureRequest"),
        changed(LAUNCH, type="SessionEndedRequest", reason="A_NEW_REASON"),
    ],
    ids=[
        "no context",
        "list attributes",
        "text attributes",
        "bad timestamp",
        "unknown type",
        "new reason",
    ],
)
def test_lambda_answers_an_event_that_is_no_alexa_request_with_nothing(
    event: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = lambda_handler(event, None)
    assert response == {"version": "1.0", "response": {}}
    assert "not a time" not in caplog.text and "A_NEW_REASON" not in caplog.text
