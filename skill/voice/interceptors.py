"""Interceptors: log what kind of request came in (never what was said), load the conversation."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput

from skill.voice import intents
from skill.voice.handlers import CONVERSATION, request_locale, session_attributes
from skill.voice.session import conversation_from

logger = logging.getLogger(__name__)


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
