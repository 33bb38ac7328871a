"""The one skill object, and the Lambda entry over it (the web service wraps the same object)."""

from __future__ import annotations

import json
import logging
from functools import cache
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.settings import configured_skill_id
from skill.voice.dialogue import Dialogue
from skill.voice.handlers import ApologiseAndCarryOn, request_handlers
from skill.voice.interceptors import HearFreeSpeech, LoadConversation, LogRequestKind


def new_skill_builder(dialogue: Dialogue | None = None) -> SkillBuilder:
    dialogue = dialogue or Dialogue()
    builder = SkillBuilder()
    # When configured, the SDK refuses requests meant for any other skill.
    skill_id = configured_skill_id()
    if skill_id:
        builder.skill_id = skill_id  # type: ignore[assignment]  # the SDK annotates it as None
    builder.add_global_request_interceptor(HearFreeSpeech())
    builder.add_global_request_interceptor(LogRequestKind())
    builder.add_global_request_interceptor(LoadConversation())
    for handler in request_handlers(dialogue):
        builder.add_request_handler(handler)
    builder.add_exception_handler(ApologiseAndCarryOn(dialogue))
    return builder


logger = logging.getLogger(__name__)


def _empty_response() -> dict[str, Any]:
    """What Lambda returns for an event it cannot take as a request: a response that says
    nothing."""
    return {"version": "1.0", "response": {}}


@cache
def build_skill() -> CustomSkill:
    """The skill, built once per process."""
    return new_skill_builder().create()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """AWS Lambda entry: the same steps as SkillBuilder.lambda_handler(), on the one skill.

    An event that is no Alexa request envelope (a shape the SDK cannot read, or one without
    the context every Alexa request carries) gets an empty response, logged by kind only, as
    the web service answers it with a 400."""
    skill = build_skill()
    try:
        request_envelope = skill.serializer.deserialize(
            payload=json.dumps(event), obj_type=RequestEnvelope
        )
    except Exception as error:  # the serializer raises a variety of types for odd shapes
        logger.warning("not an Alexa request envelope: %s", type(error).__name__)
        return _empty_response()
    system = getattr(request_envelope.context, "system", None)
    if request_envelope.request is None or getattr(system, "application", None) is None:
        logger.warning("not an Alexa request envelope: no request or no context")
        return _empty_response()
    response_envelope = skill.invoke(request_envelope=request_envelope, context=context)
    serialized = skill.serializer.serialize(response_envelope)
    assert isinstance(serialized, dict)
    return serialized
