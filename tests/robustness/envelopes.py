"""Alexa request envelopes for the robustness tests, including ones a device would never send.

Built on `skill.chat.envelopes` (the shape Alexa sends) and then bent where a test needs it:
another locale, a session flagged new in mid-conversation, slots in odd states, hostile
session attributes, a System.ExceptionEncountered request with or without a session.
"""

from __future__ import annotations

import copy
from typing import Any

from skill.chat.envelopes import EnvelopeFactory, IdSource, Session
from skill.understanding import IntentMatch
from testkit import FIXED_TIME


class Envelopes:
    """One simulated device: a seeded factory, so every run sends the same ids."""

    def __init__(self, seed: str = "robustness") -> None:
        self.factory = EnvelopeFactory(ids=IdSource(seed), clock=lambda: FIXED_TIME)

    def new_session(self) -> Session:
        return self.factory.new_session()

    def launch(self, session: Session, locale: str) -> dict[str, Any]:
        return _in_locale(self.factory.launch(session), locale)

    def intent(
        self,
        session: Session,
        name: str,
        locale: str,
        slots: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        envelope = self.factory.intent(session, IntentMatch(name))
        if slots is not None:
            envelope["request"]["intent"]["slots"] = copy.deepcopy(slots)
        return _in_locale(envelope, locale)

    def session_ended(
        self, session: Session, reason: str, locale: str, error: dict[str, str] | None = None
    ) -> dict[str, Any]:
        return _in_locale(self.factory.session_ended(session, reason, error), locale)

    def exception_encountered(
        self, session: Session | None, error_type: str, locale: str
    ) -> dict[str, Any]:
        """Alexa's report that an earlier response was unusable; real ones carry no session."""
        holder = session or self.factory.new_session()
        envelope = self.factory.launch(holder)
        envelope["request"] = {
            **envelope["request"],
            "type": "System.ExceptionEncountered",
            "error": {"type": error_type, "message": "the response was not valid"},
            "cause": {"requestId": "amzn1.echo-api.request.earlier"},
        }
        if session is None:
            del envelope["session"]
        return _in_locale(envelope, locale)


def _in_locale(envelope: dict[str, Any], locale: str) -> dict[str, Any]:
    envelope["request"]["locale"] = locale
    return envelope


def condition_slot(
    value: str | None = None,
    status: str | None = None,
    value_id: str | None = None,
    *,
    empty_values: bool = False,
) -> dict[str, Any]:
    """The `condition` slot as Alexa sends it, in any of the states it can arrive in."""
    slot: dict[str, Any] = {"name": "condition", "confirmationStatus": "NONE"}
    if value is not None:
        slot.update(value=value, source="USER")
    if status is not None:
        authority: dict[str, Any] = {
            "authority": "amzn1.er-authority.echo-sdk.test.ConditionType",
            "status": {"code": status},
        }
        if value_id is not None:
            authority["values"] = [{"value": {"name": value or value_id, "id": value_id}}]
        elif empty_values:
            authority["values"] = []
        slot["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return slot
