"""What every response of the skill must satisfy, whatever request and session it was sent."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from typing import Any

from skill.knowledge import load_knowledge
from skill.triage import Outcome, Question, shipped_engine

CONDITION_IDS = tuple(load_knowledge().causes)
LOOKALIKE_IDS = tuple(load_knowledge().lookalikes)
QUESTION_IDS = frozenset({*load_knowledge().red_flags, *load_knowledge().features})
TRIAGES_WITHOUT_CONDITIONS = frozenset({"emergency", "urgent", "unclear"})
# Alexa refuses session attributes much past this; the skill's own state is far smaller.
SESSION_ATTRIBUTES_BUDGET_BYTES = 4096
# Requests to which Alexa accepts no speech in return.
SILENT_REQUEST_TYPES = frozenset(
    {"SessionEndedRequest", "System.ExceptionEncountered"}
    # Requests nobody said: answered with nothing (skill/voice/handlers.py, NotATurnHandler).
    | {"CanFulfillIntentRequest", "Alexa.Presentation.APL.RuntimeError"}
)


def check_ssml(ssml: object) -> None:
    assert isinstance(ssml, str), f"SSML must be a string, got {ssml!r}"
    try:
        root = ElementTree.fromstring(ssml)
    except ElementTree.ParseError as error:
        raise AssertionError(f"SSML is not well-formed XML ({error}): {ssml!r}") from error
    assert root.tag == "speak", f"SSML root is <{root.tag}>, not <speak>"


def check_output_speech(output_speech: object) -> None:
    assert isinstance(output_speech, Mapping), f"outputSpeech is {output_speech!r}"
    if output_speech.get("type") == "SSML":
        check_ssml(output_speech.get("ssml"))
    else:
        assert output_speech.get("type") == "PlainText", output_speech
        assert isinstance(output_speech.get("text"), str)


def check_response_envelope(request: Mapping[str, Any], envelope: object) -> None:
    """The response is one Alexa accepts for this request, and the session is sound."""
    assert isinstance(envelope, dict), f"the handler returned {type(envelope).__name__}"
    json.dumps(envelope, allow_nan=False)  # what Lambda sends back must be strict JSON
    assert envelope.get("version") == "1.0"
    response = envelope.get("response")
    assert isinstance(response, dict), "the envelope has no response object"
    request_type = request["request"]["type"]

    if request_type in SILENT_REQUEST_TYPES:
        for key in ("outputSpeech", "reprompt", "card", "directives"):
            assert key not in response, f"{request_type} answered with {key}"
        return

    check_output_speech(response.get("outputSpeech"))
    ends = response.get("shouldEndSession")
    assert isinstance(ends, bool), "a spoken response must say whether the session ends"
    if ends:
        assert "reprompt" not in response, "a closing response has a reprompt"
    else:
        reprompt = response.get("reprompt")
        assert isinstance(reprompt, Mapping), "an open session has no reprompt"
        check_output_speech(reprompt.get("outputSpeech"))
    if "session" in request:
        check_session_attributes(envelope.get("sessionAttributes"))


def check_session_attributes(attributes: object) -> None:
    """Small, JSON-safe, and `question`/`outcome` as the contract says, derived from `interview`."""
    if attributes is None:
        return
    assert isinstance(attributes, dict), f"sessionAttributes is {type(attributes).__name__}"
    size = len(json.dumps(attributes, allow_nan=False).encode("utf-8"))
    assert size < SESSION_ATTRIBUTES_BUDGET_BYTES, f"session attributes take {size} bytes"

    question = attributes.get("question")
    outcome = attributes.get("outcome")
    assert question is None or question in QUESTION_IDS, f"unknown question id {question!r}"
    assert question is None or outcome is None, "both a waiting question and an outcome"
    if outcome is not None:
        check_outcome_shape(outcome)

    # The contract's keys describe the stored interview: the next step of that interview.
    if "interview" not in attributes:
        assert question is None and outcome is None
        return
    interview = shipped_engine().restore(attributes["interview"])
    assert interview.to_state() == attributes["interview"], "the stored interview is not genuine"
    step = shipped_engine().next_step(interview)
    confirming = attributes.get("confirm")
    if confirming is not None:
        # A warning sign asked to confirm something volunteered waits before the interview.
        assert question == confirming and interview.answered(confirming) is None
    elif isinstance(step, Question):
        assert question == step.id
    else:
        assert isinstance(step, Outcome)
        assert outcome == {"triage": step.triage, "conditions": list(step.conditions)}


def check_outcome_shape(outcome: object) -> None:
    assert isinstance(outcome, dict), f"outcome is {outcome!r}"
    assert set(outcome) == {"triage", "conditions"}, f"outcome keys {sorted(outcome)}"
    triage, conditions = outcome["triage"], outcome["conditions"]
    assert isinstance(conditions, list)
    assert set(conditions) <= set(CONDITION_IDS), conditions
    assert len(set(conditions)) == len(conditions), conditions
    if triage == "see_specialist":
        assert 1 <= len(conditions) <= 2, conditions
        assert not set(conditions) & set(LOOKALIKE_IDS), conditions
    elif triage == "elsewhere":
        assert 1 <= len(conditions) <= 2 and set(conditions) <= set(LOOKALIKE_IDS), conditions
    elif triage == "soon":
        assert len(conditions) <= 2, conditions
    else:
        assert triage in TRIAGES_WITHOUT_CONDITIONS, f"unknown triage {triage!r}"
        assert conditions == [], conditions
