"""The device's side of a conversation: it opens and closes sessions, carries the session
attributes from each response to the next request, plays the reprompt when the user stays
silent, and turns each response into what Alexa would say."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from skill.chat.envelopes import (
    ERROR,
    EXCEEDED_MAX_REPROMPTS,
    USER_INITIATED,
    EnvelopeFactory,
    Session,
)
from skill.understanding import LaunchPhrase, Nlu

Invoke = Callable[[dict[str, Any]], dict[str, Any]]

# What Alexa says when a skill fails or answers with something it cannot use.
PROBLEM_SPEECH = "There was a problem with the requested skill's response."


@dataclass(frozen=True)
class ShownCard:
    """A card as the Alexa app shows it, read from the response envelope."""

    title: str
    content: str


@dataclass(frozen=True)
class Exchange:
    """One request envelope and the skill's response envelope (None if it sent none)."""

    request: dict[str, Any]
    response: dict[str, Any] | None


@dataclass(frozen=True)
class Heard:
    """What the user hears and sees after one turn.

    `notice` is the device's own remark (not the skill's), such as a hint that no session is
    open; `error` says why the skill's response could not be used.
    """

    speech: str = ""
    reprompt: str | None = None
    card: ShownCard | None = None
    session_ended: bool = False
    notice: str | None = None
    error: str | None = None
    exchanges: tuple[Exchange, ...] = ()


def ssml_to_text(ssml: str) -> str:
    """The words of an SSML string: tags dropped, entities unescaped, spacing tidied."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", ssml))
    text = " ".join(text.split())
    return re.sub(r" ([.,!?;:])", r"\1", text)


def speech_text(output_speech: Mapping[str, Any] | None) -> str:
    if not output_speech:
        return ""
    if output_speech.get("type") == "PlainText":
        return str(output_speech.get("text", ""))
    return ssml_to_text(str(output_speech.get("ssml", "")))


def card_of(response: Mapping[str, Any]) -> ShownCard | None:
    card = response.get("card")
    if not card:
        return None
    # Simple cards carry "content", Standard cards "text"; permission cards carry neither.
    content = card.get("content") or card.get("text") or card.get("type", "")
    return ShownCard(str(card.get("title", "")), str(content))


class Device:
    """Plays the role of an Echo device in front of a skill reached through `invoke`."""

    def __init__(self, invoke: Invoke, nlu: Nlu, envelopes: EnvelopeFactory | None = None) -> None:
        self._invoke = invoke
        self.nlu = nlu
        self.envelopes = envelopes or EnvelopeFactory()
        self.session: Session | None = None
        self._reprompt: str | None = None
        self._reprompt_played = False

    @property
    def session_open(self) -> bool:
        return self.session is not None

    @property
    def launch_phrase(self) -> str:
        return f"open {self.nlu.invocation_name}"

    def hear(self, text: str) -> Heard:
        """The user says `text` (an empty string is silence)."""
        if not text.strip():
            return self.silence()
        launch = self.nlu.parse_launch(text)
        if launch is not None:
            return self._open(launch)
        if self.session is None:
            return Heard(notice=f"no session is open: say '{self.launch_phrase}' to start one")
        envelope = self.envelopes.intent(self.session, self.nlu.resolve(text))
        return self._send(envelope)

    def tap(self, event: Mapping[str, Any]) -> Heard:
        """The user touches a button on the screen: the device sends its UserEvent."""
        if self.session is None:
            return Heard(notice="no session is open, so the tap goes nowhere")
        return self._send(self.envelopes.user_event(self.session, event))

    def silence(self) -> Heard:
        """The user says nothing: Alexa reprompts once, then gives up on the session."""
        if self.session is None:
            return Heard()
        if self._reprompt and not self._reprompt_played:
            self._reprompt_played = True
            return Heard(speech=self._reprompt, notice="no answer, so Alexa reprompts")
        ended = self._end_session(EXCEEDED_MAX_REPROMPTS)
        return Heard(
            session_ended=True, notice="no answer again, so the session ends", exchanges=ended
        )

    def exit(self) -> Heard:
        """The user says "exit": Alexa closes the session and tells the skill."""
        if self.session is None:
            return Heard()
        return Heard(session_ended=True, exchanges=self._end_session(USER_INITIATED))

    def _open(self, launch: LaunchPhrase) -> Heard:
        # Naming the skill again mid-session starts a new session, as on a device.
        closed = self._end_session(USER_INITIATED) if self.session else ()
        self.session = self.envelopes.new_session()
        if launch.utterance:
            envelope = self.envelopes.intent(self.session, self.nlu.resolve(launch.utterance))
        else:
            envelope = self.envelopes.launch(self.session)
        heard = self._send(envelope)
        return replace(heard, exchanges=closed + heard.exchanges)

    def _send(self, envelope: dict[str, Any]) -> Heard:
        session = self.session
        if session is None:
            raise RuntimeError("a request needs an open session")
        try:
            response_envelope = self._invoke(envelope)
            response = response_envelope["response"]
        except Exception as failure:  # any failure in the skill is Alexa's "problem" answer
            return self._fail(envelope, None, f"{type(failure).__name__}: {failure}")
        if not isinstance(response, dict):
            return self._fail(envelope, response_envelope, "the response has no 'response' object")
        exchange = (Exchange(envelope, response_envelope),)
        reprompt = speech_text((response.get("reprompt") or {}).get("outputSpeech"))
        ended = bool(response.get("shouldEndSession"))
        if ended:
            self._forget_session()
        else:
            session.new = False
            session.attributes = dict(response_envelope.get("sessionAttributes") or {})
            self._reprompt, self._reprompt_played = reprompt or None, False
        return Heard(
            speech=speech_text(response.get("outputSpeech")),
            reprompt=reprompt or None,
            card=card_of(response),
            session_ended=ended,
            exchanges=exchange,
        )

    def _fail(self, envelope: dict[str, Any], response: dict[str, Any] | None, error: str) -> Heard:
        exchanges: tuple[Exchange, ...] = (Exchange(envelope, response),)
        exchanges += self._end_session(ERROR, {"type": "INVALID_RESPONSE", "message": error})
        return Heard(PROBLEM_SPEECH, session_ended=True, error=error, exchanges=exchanges)

    def _end_session(
        self, reason: str, error: Mapping[str, str] | None = None
    ) -> tuple[Exchange, ...]:
        """Send a SessionEndedRequest; the skill may answer, but nothing it says is spoken."""
        session = self.session
        if session is None:
            return ()
        self._forget_session()
        envelope = self.envelopes.session_ended(session, reason, error)
        try:
            response: dict[str, Any] | None = self._invoke(envelope)
        except Exception:  # a skill that fails here has nothing more to tell the user
            response = None
        return (Exchange(envelope, response),)

    def _forget_session(self) -> None:
        self.session = None
        self._reprompt, self._reprompt_played = None, False
