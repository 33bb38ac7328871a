"""The response checks used by the robustness tests reject what Alexa would reject."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from skill.voice import lambda_handler
from tests.robustness.envelopes import Envelopes
from tests.robustness.invariants import check_outcome_shape, check_response_envelope


@pytest.fixture(scope="module")
def exchange() -> tuple[dict[str, Any], dict[str, Any]]:
    """A real launch request and the skill's answer to it."""
    envelopes = Envelopes(seed="invariants")
    request = envelopes.launch(envelopes.new_session(), "en-US")
    return request, lambda_handler(request, None)


def spoil(envelope: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    spoilt = copy.deepcopy(envelope)
    holder = spoilt
    for key in path[:-1]:
        holder = holder[key]
    if value is KeyError:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return spoilt


def test_a_real_launch_response_passes(exchange: tuple[dict[str, Any], dict[str, Any]]) -> None:
    check_response_envelope(*exchange)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), "2.0"),
        (("response", "outputSpeech", "ssml"), "<speak>fish & chips</speak>"),
        (("response", "outputSpeech", "ssml"), "<speak>one</speak><speak>two</speak>"),
        (("response", "outputSpeech", "ssml"), "<p>not speak</p>"),
        (("response", "reprompt"), KeyError),
        (("response", "shouldEndSession"), KeyError),
        (("sessionAttributes", "question"), "no_such_question"),
        (("sessionAttributes", "question"), "past_knee"),  # not what the interview asks next
        (("sessionAttributes", "outcome"), {"triage": "unclear", "conditions": []}),
        (("sessionAttributes", "interview"), {"v": 2, "a": "past_knee:y,past_knee:n"}),
        (("sessionAttributes", "padding"), "x" * 5000),
    ],
)
def test_a_spoilt_response_is_rejected(
    exchange: tuple[dict[str, Any], dict[str, Any]], path: tuple[str, ...], value: Any
) -> None:
    request, response = exchange
    with pytest.raises(AssertionError):
        check_response_envelope(request, spoil(response, path, value))


def test_speech_in_answer_to_a_session_ended_request_is_rejected() -> None:
    envelopes = Envelopes(seed="invariants")
    request = envelopes.session_ended(envelopes.new_session(), "USER_INITIATED", "en-US")
    spoken = {
        "version": "1.0",
        "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Bye</speak>"}},
    }
    with pytest.raises(AssertionError):
        check_response_envelope(request, spoken)


@pytest.mark.parametrize(
    "outcome",
    [
        {"triage": "see_specialist", "conditions": []},
        {
            "triage": "see_specialist",
            "conditions": ["sciatica", "hip_bursitis", "si_joint_dysfunction"],
        },
        {"triage": "emergency", "conditions": ["sciatica"]},
        {"triage": "maybe", "conditions": []},
        {"triage": "unclear", "conditions": [], "extra": 1},
    ],
)
def test_an_outcome_outside_the_contract_is_rejected(outcome: dict[str, Any]) -> None:
    with pytest.raises(AssertionError):
        check_outcome_shape(outcome)
