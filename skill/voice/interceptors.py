"""Interceptors: hear free speech as the intent it means, log what kind of request came in
(never what was said), load the conversation."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import (
    Intent,
    IntentConfirmationStatus,
    IntentRequest,
    Slot,
    SlotConfirmationStatus,
)
from ask_sdk_model.slu.entityresolution import (
    Resolution,
    Resolutions,
    Status,
    StatusCode,
    Value,
    ValueWrapper,
)

from skill.interaction_model import FREE_SPEECH_PREFIX, FREE_SPEECH_SLOT
from skill.voice import intents
from skill.voice.handlers import (
    CONVERSATION,
    intent_name,
    request_locale,
    session_attributes,
    slot_value,
)
from skill.voice.session import conversation_from

if TYPE_CHECKING:
    from skill.understanding import IntentMatch

logger = logging.getLogger(__name__)


class HearFreeSpeech(AbstractRequestInterceptor):
    """Free speech ("no {speech}", an intent of definition.toml's [free_speech]): its opening put
    back before the words the device passed on, the whole understood as the chat understands
    typed text (skill/understanding.py), and the request handled as the intent that means. A
    warning sign said in a long reply is heard, where a device would have sent a fallback."""

    def process(self, handler_input: HandlerInput) -> None:
        name = intent_name(handler_input)
        if name is None or not name.startswith(FREE_SPEECH_PREFIX):
            return
        # Loaded on the first free speech a process hears, not with the skill: most turns are
        # a plain answer that a sample holds.
        from skill.interaction_model.builder import free_speech_intents
        from skill.understanding import understanding

        opening = free_speech_intents().get(name)
        if opening is None:
            return  # not one of the model's: handled as any unknown intent
        _, heard = slot_value(handler_input, FREE_SPEECH_SLOT)
        said = f"{opening} {heard or ''}".strip()  # an aside's intent has no opening to put back
        understood = understanding(request_locale(handler_input)).resolve(said)
        system = getattr(handler_input.request_envelope.context, "system", None)
        skill_id = getattr(getattr(system, "application", None), "application_id", None)
        request = handler_input.request_envelope.request
        assert isinstance(request, IntentRequest)  # it has an intent's name
        request.intent = _as_intent(understood, skill_id)


def _as_intent(understood: IntentMatch, skill_id: str | None) -> Intent:
    """The intent as Alexa would have sent it, slots resolved against the skill's own types."""
    slots = {}
    for slot in understood.slots:
        resolutions = None
        if slot.value is not None and slot.resolution is not None:
            resolved = slot.resolution
            values = None
            if resolved.value_id is not None:
                values = [ValueWrapper(Value(name=resolved.value_name, id=resolved.value_id))]
            authority = f"amzn1.er-authority.echo-sdk.{skill_id}.{slot.slot_type}"
            resolutions = Resolutions(
                resolutions_per_authority=[
                    Resolution(
                        authority=authority,
                        status=Status(StatusCode(resolved.status)),
                        values=values,
                    )
                ]
            )
        slots[slot.name] = Slot(
            name=slot.name,
            value=slot.value,
            confirmation_status=SlotConfirmationStatus.NONE,
            resolutions=resolutions,
        )
    return Intent(
        name=understood.name, slots=slots, confirmation_status=IntentConfirmationStatus.NONE
    )


class LogRequestKind(AbstractRequestInterceptor):
    """Request types and intent names only: answers and slot values are health data."""

    def process(self, handler_input: HandlerInput) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        request = handler_input.request_envelope.request
        request_type = getattr(request, "object_type", None)
        if request_type == "IntentRequest":
            # The model's own intent names only: any other name is whatever a caller sent.
            name = getattr(getattr(request, "intent", None), "name", None)
            logger.info("request %s %s", request_type, name if name in intents.ALL else "unknown")
        else:
            logger.info("request %s", request_type)


class LoadConversation(AbstractRequestInterceptor):
    """Restore the interview from the session once, before any handler looks at it."""

    def process(self, handler_input: HandlerInput) -> None:
        handler_input.attributes_manager.request_attributes[CONVERSATION] = conversation_from(
            session_attributes(handler_input), request_locale(handler_input)
        )
