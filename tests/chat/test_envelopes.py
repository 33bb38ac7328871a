"""Built envelopes are what Alexa sends: ask-sdk-core reads them into the right request types."""

from __future__ import annotations

import json
import re
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope, SessionEndedRequest
from ask_sdk_model.slu.entityresolution import StatusCode

from skill.chat.envelopes import (
    EXCEEDED_MAX_REPROMPTS,
    LOCAL_SKILL_ID,
    EnvelopeFactory,
    IdSource,
)
from skill.understanding import Nlu
from testkit import FIXED_TIME


def read_as_alexa_sdk(envelope: dict[str, Any]) -> RequestEnvelope:
    parsed: RequestEnvelope = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    return parsed


def test_launch_request_carries_a_new_session_and_the_device_context(
    envelopes: EnvelopeFactory,
) -> None:
    session = envelopes.new_session()
    parsed = read_as_alexa_sdk(envelopes.launch(session))
    assert isinstance(parsed.request, LaunchRequest)
    assert parsed.version == "1.0"
    assert parsed.session.new is True
    assert parsed.session.session_id == session.session_id
    assert parsed.session.application.application_id == LOCAL_SKILL_ID
    assert parsed.session.user.user_id.startswith("amzn1.ask.account.")
    system = parsed.context.system
    assert system.device.device_id.startswith("amzn1.ask.device.")
    assert system.api_endpoint == "https://api.amazonalexa.com"
    assert system.api_access_token
    assert parsed.request.locale == "en-US"
    assert parsed.request.request_id.startswith("amzn1.echo-api.request.")


def test_intent_request_keeps_slot_and_entity_resolution(
    envelopes: EnvelopeFactory, nlu: Nlu
) -> None:
    session = envelopes.new_session()
    session.new, session.attributes = False, {"question": "past_knee"}
    envelope = envelopes.intent(session, nlu.resolve("what is runner's butt"))
    parsed = read_as_alexa_sdk(envelope)
    assert isinstance(parsed.request, IntentRequest)
    assert parsed.session.new is False
    assert parsed.session.attributes == {"question": "past_knee"}
    intent = parsed.request.intent
    assert intent.name == "ExplainConditionIntent"
    slot = intent.slots["condition"]
    assert slot.value == "runner's butt"
    (authority,) = slot.resolutions.resolutions_per_authority
    assert authority.authority == f"amzn1.er-authority.echo-sdk.{LOCAL_SKILL_ID}.ConditionType"
    assert authority.status.code == StatusCode.ER_SUCCESS_MATCH
    assert authority.values[0].value.id == "ischial_bursitis"
    assert authority.values[0].value.name == "ischial bursitis"


def test_unresolved_slot_reports_no_match_and_no_values(
    envelopes: EnvelopeFactory, nlu: Nlu
) -> None:
    envelope = envelopes.intent(
        envelopes.new_session(), nlu.resolve("tell me about hamstring pain")
    )
    slot = read_as_alexa_sdk(envelope).request.intent.slots["condition"]
    (authority,) = slot.resolutions.resolutions_per_authority
    assert authority.status.code == StatusCode.ER_SUCCESS_NO_MATCH
    assert not authority.values


def test_unspoken_slot_is_sent_with_its_name_only(envelopes: EnvelopeFactory, nlu: Nlu) -> None:
    envelope = envelopes.intent(envelopes.new_session(), nlu.resolve("what is it"))
    assert envelope["request"]["intent"]["slots"] == {
        "condition": {"name": "condition", "confirmationStatus": "NONE"}
    }
    slot = read_as_alexa_sdk(envelope).request.intent.slots["condition"]
    assert slot.value is None


def test_intent_without_slots_sends_no_slots(envelopes: EnvelopeFactory, nlu: Nlu) -> None:
    envelope = envelopes.intent(envelopes.new_session(), nlu.resolve("yes"))
    assert envelope["request"]["intent"] == {
        "name": "AMAZON.YesIntent",
        "confirmationStatus": "NONE",
    }
    assert read_as_alexa_sdk(envelope).request.intent.name == "AMAZON.YesIntent"


def test_session_ended_request_carries_reason_and_error(envelopes: EnvelopeFactory) -> None:
    session = envelopes.new_session()
    parsed = read_as_alexa_sdk(envelopes.session_ended(session, EXCEEDED_MAX_REPROMPTS))
    assert isinstance(parsed.request, SessionEndedRequest)
    assert parsed.request.reason.value == EXCEEDED_MAX_REPROMPTS
    error = {"type": "INVALID_RESPONSE", "message": "boom"}
    failed = read_as_alexa_sdk(envelopes.session_ended(session, "ERROR", error))
    assert failed.request.error.message == "boom"
    assert failed.request.error.object_type.value == "INVALID_RESPONSE"


def test_timestamp_is_iso_8601_utc_with_a_z(envelopes: EnvelopeFactory) -> None:
    timestamp = envelopes.launch(envelopes.new_session())["request"]["timestamp"]
    assert timestamp == "2024-05-01T07:30:00Z"
    assert read_as_alexa_sdk(envelopes.launch(envelopes.new_session())).request.timestamp == (
        FIXED_TIME
    )


def test_seeded_ids_repeat_and_unseeded_ids_differ() -> None:
    def first_launch(ids: IdSource) -> dict[str, Any]:
        factory = EnvelopeFactory(ids=ids, clock=lambda: FIXED_TIME)
        return factory.launch(factory.new_session())

    assert first_launch(IdSource("a")) == first_launch(IdSource("a"))
    assert first_launch(IdSource("a")) != first_launch(IdSource("b"))
    assert first_launch(IdSource()) != first_launch(IdSource())
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    session_id = first_launch(IdSource("a"))["session"]["sessionId"]
    assert re.fullmatch(rf"amzn1\.echo-api\.session\.{uuid}", session_id)
