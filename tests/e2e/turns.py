"""One turn of an end-to-end conversation, as the virtual-alexa driver reports it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skill.chat.device import speech_text
from skill.triage import Interview


@dataclass(frozen=True)
class Turn:
    said: str
    request: dict[str, Any]
    response: dict[str, Any]

    @property
    def intent(self) -> str | None:
        """The intent virtual-alexa resolved (None for launch and session-ended requests)."""
        intent = self.request["request"].get("intent")
        return None if intent is None else str(intent["name"])

    @property
    def speech(self) -> str:
        return speech_text(self.response.get("response", {}).get("outputSpeech"))

    @property
    def reprompt(self) -> str:
        reprompt = self.response.get("response", {}).get("reprompt") or {}
        return speech_text(reprompt.get("outputSpeech"))

    @property
    def attributes(self) -> dict[str, Any]:
        return dict(self.response.get("sessionAttributes") or {})

    @property
    def question(self) -> str | None:
        return self.attributes.get("question")

    @property
    def outcome(self) -> dict[str, Any] | None:
        return self.attributes.get("outcome")

    @property
    def answers(self) -> list[list[str]]:
        """The answers in the stored interview, as [question id, answer code]."""
        stored = Interview.from_state_shape(self.attributes.get("interview"))
        assert stored is not None, "no interview in the session"
        return [[question_id, str(answer)] for question_id, answer in stored.answers]

    @property
    def ends_session(self) -> bool:
        return bool(self.response.get("response", {}).get("shouldEndSession"))


Converse = Callable[..., list[Turn]]
