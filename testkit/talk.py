"""A test device that sends real request envelopes through the real Lambda handler, and what
every response must satisfy."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from skill.chat.envelopes import EnvelopeFactory, IdSource, Session
from skill.triage import Interview
from skill.understanding import (
    ER_SUCCESS_MATCH,
    ER_SUCCESS_NO_MATCH,
    IntentMatch,
    Resolution,
    SlotMatch,
)
from skill.voice import intents, lambda_handler
from testkit import FIXED_TIME

ALEXA_SPEECH_LIMIT = 8000
ALEXA_RESPONSE_LIMIT = 24 * 1024


def condition_slot(heard: str | None, resolved_id: str | None = None) -> SlotMatch:
    if heard is None:
        return SlotMatch(intents.CONDITION_SLOT, "ConditionType")
    status = ER_SUCCESS_MATCH if resolved_id else ER_SUCCESS_NO_MATCH
    return SlotMatch(
        intents.CONDITION_SLOT,
        "ConditionType",
        value=heard,
        resolution=Resolution(status, resolved_id, heard if resolved_id else None),
    )


class Talk:
    """One device session: keeps session attributes between turns the way Alexa does."""

    def __init__(self, locale: str = "en-US") -> None:
        self.envelopes = EnvelopeFactory(
            locale=locale, ids=IdSource("voice-tests"), clock=lambda: FIXED_TIME
        )
        self.session: Session = self.envelopes.new_session()
        self.ended = False
        self.last: dict[str, Any] = {}

    @property
    def attributes(self) -> dict[str, Any]:
        return dict(self.last.get("sessionAttributes") or {})

    @property
    def answers(self) -> list[tuple[str, str]]:
        """The answers in the stored interview, as (question id, answer code)."""
        stored = Interview.from_state_shape(self.attributes.get("interview"))
        assert stored is not None, "no interview in the session"
        return [(question_id, str(answer)) for question_id, answer in stored.answers]

    def send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        response = lambda_handler(envelope, None)
        check_response(response, envelope["request"]["type"])
        self.last = response
        self.session.new = False
        self.session.attributes = dict(response.get("sessionAttributes") or {})
        self.ended = bool(response["response"].get("shouldEndSession"))
        return response

    def launch(self) -> dict[str, Any]:
        return self.send(self.envelopes.launch(self.session))

    def intent(self, name: str, *slots: SlotMatch) -> dict[str, Any]:
        return self.send(self.envelopes.intent(self.session, IntentMatch(name, tuple(slots))))

    def say(self, name: str, *slots: SlotMatch) -> str:
        return speech(self.intent(name, *slots))

    def answer_until_outcome(self, answers: dict[str, str], limit: int = 20) -> dict[str, Any]:
        names = {"y": intents.YES, "n": intents.NO, "s": intents.SOMETIMES, "u": intents.NOT_SURE}
        for _ in range(limit):
            question = self.attributes.get("question")
            if question is None:
                return self.last
            self.intent(names[answers.get(question, "n")])
        raise AssertionError("no outcome")


def speech(response: dict[str, Any]) -> str:
    """The spoken text, without SSML tags."""
    ssml = response["response"]["outputSpeech"]["ssml"]
    return " ".join("".join(ET.fromstring(ssml).itertext()).split())


def reprompt(response: dict[str, Any]) -> str:
    ssml = response["response"]["reprompt"]["outputSpeech"]["ssml"]
    return " ".join("".join(ET.fromstring(ssml).itertext()).split())


def check_response(response: dict[str, Any], request_type: str) -> None:
    """What every response must satisfy for Alexa and for certification."""
    assert response["version"] == "1.0"
    assert len(json.dumps(response).encode()) < ALEXA_RESPONSE_LIMIT
    body = response["response"]
    if request_type in ("SessionEndedRequest", "System.ExceptionEncountered"):
        assert "outputSpeech" not in body and "reprompt" not in body
        return
    for key in ("outputSpeech", "reprompt"):
        if key in body:
            output = body[key] if key == "outputSpeech" else body[key]["outputSpeech"]
            assert output["type"] == "SSML"
            assert len(output["ssml"]) <= ALEXA_SPEECH_LIMIT
            root = ET.fromstring(output["ssml"])  # raises on invalid XML
            assert root.tag == "speak"
            assert {e.tag for e in root.iter()} <= {"speak", "break", "phoneme"}
    assert "outputSpeech" in body
    if not body.get("shouldEndSession"):
        assert "reprompt" in body, "an open session needs a reprompt"
