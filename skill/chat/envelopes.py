"""Alexa request envelopes as JSON dicts, in the exact shape Alexa sends them to a skill.

Ids are random like Alexa's unless an `IdSource` with a seed is given, and the clock can be
fixed, so tests get the same envelopes every run.
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from skill.settings import Clock, utc_now
from skill.understanding import IntentMatch, SlotMatch

API_ENDPOINT = "https://api.amazonalexa.com"
LOCAL_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"

APL_USER_EVENT = "Alexa.Presentation.APL.UserEvent"
APL_SUPPORT = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.4"}}}

# SessionEndedRequest reasons
USER_INITIATED = "USER_INITIATED"
EXCEEDED_MAX_REPROMPTS = "EXCEEDED_MAX_REPROMPTS"
ERROR = "ERROR"


class IdSource:
    """Fresh uuids: random by default, the same sequence every time for a given seed."""

    def __init__(self, seed: str | None = None) -> None:
        self._seed = seed
        self._counter = itertools.count(1)

    def uuid(self) -> str:
        if self._seed is None:
            return str(uuid.uuid4())
        digest = hashlib.sha256(f"{self._seed}:{next(self._counter)}".encode()).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))

    def token(self) -> str:
        """An opaque string in the place of Alexa's longer ids and access tokens."""
        return (self.uuid() + self.uuid()).replace("-", "").upper()


@dataclass
class Session:
    """What the device remembers of one skill session."""

    session_id: str
    new: bool = True
    attributes: dict[str, Any] = field(default_factory=dict)


class EnvelopeFactory:
    """Builds the envelopes one device (one user, one skill) sends."""

    def __init__(
        self,
        locale: str = "en-US",
        skill_id: str = LOCAL_SKILL_ID,
        ids: IdSource | None = None,
        clock: Clock = utc_now,
        screen: bool = False,
    ) -> None:
        self.locale = locale
        # A device with a screen (an Echo Show) says it supports APL; a speaker says nothing.
        self.screen = screen
        self.skill_id = skill_id
        self._ids = ids or IdSource()
        self._clock = clock
        self.user_id = f"amzn1.ask.account.{self._ids.token()}"
        self.device_id = f"amzn1.ask.device.{self._ids.token()}"
        self._api_access_token = self._ids.token()

    def new_session(self) -> Session:
        return Session(session_id=f"amzn1.echo-api.session.{self._ids.uuid()}")

    def launch(self, session: Session) -> dict[str, Any]:
        return self._envelope(session, self._request("LaunchRequest"))

    def intent(self, session: Session, match: IntentMatch) -> dict[str, Any]:
        intent: dict[str, Any] = {"name": match.name, "confirmationStatus": "NONE"}
        if match.slots:
            intent["slots"] = {slot.name: self._slot(slot) for slot in match.slots}
        return self._envelope(session, {**self._request("IntentRequest"), "intent": intent})

    def user_event(self, session: Session, event: Mapping[str, Any]) -> dict[str, Any]:
        """A tap on a screen: `event` has the document's token and the SendEvent's arguments."""
        request = {**self._request(APL_USER_EVENT)}
        for key in ("token", "arguments", "source", "components"):
            if key in event:
                request[key] = event[key]
        return self._envelope(session, request)

    def session_ended(
        self, session: Session, reason: str, error: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        request: dict[str, Any] = {**self._request("SessionEndedRequest"), "reason": reason}
        if error is not None:
            request["error"] = dict(error)
        return self._envelope(session, request)

    def _request(self, request_type: str) -> dict[str, Any]:
        return {
            "type": request_type,
            "requestId": f"amzn1.echo-api.request.{self._ids.uuid()}",
            "timestamp": self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "locale": self.locale,
        }

    def _slot(self, slot: SlotMatch) -> dict[str, Any]:
        body: dict[str, Any] = {"name": slot.name, "confirmationStatus": "NONE"}
        if slot.value is None:
            return body  # declared but not spoken: Alexa sends the name only
        body.update(value=slot.value, source="USER")
        if slot.resolution is not None:
            values = []
            if slot.resolution.value_id is not None:
                value = {"name": slot.resolution.value_name, "id": slot.resolution.value_id}
                values.append({"value": value})
            authority: dict[str, Any] = {
                "authority": f"amzn1.er-authority.echo-sdk.{self.skill_id}.{slot.slot_type}",
                "status": {"code": slot.resolution.status},
            }
            if values:
                authority["values"] = values
            body["resolutions"] = {"resolutionsPerAuthority": [authority]}
        return body

    def _envelope(self, session: Session, request: dict[str, Any]) -> dict[str, Any]:
        application = {"applicationId": self.skill_id}
        user = {"userId": self.user_id}
        return {
            "version": "1.0",
            "session": {
                "new": session.new,
                "sessionId": session.session_id,
                "application": application,
                "attributes": dict(session.attributes),
                "user": user,
            },
            "context": {
                "System": {
                    "application": application,
                    "user": user,
                    "device": {
                        "deviceId": self.device_id,
                        "supportedInterfaces": dict(APL_SUPPORT) if self.screen else {},
                    },
                    "apiEndpoint": API_ENDPOINT,
                    "apiAccessToken": self._api_access_token,
                }
            },
            "request": request,
        }
