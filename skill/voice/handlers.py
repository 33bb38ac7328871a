"""Alexa request handlers: each turns one kind of request into a dialogue call and a response."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import (
    get_locale,
    get_request_type,
    get_slot,
    is_request_type,
)
from ask_sdk_model import Response
from ask_sdk_model.slu.entityresolution import StatusCode
from ask_sdk_model.ui import SimpleCard

from skill.knowledge import load_knowledge
from skill.knowledge.speech import DEFAULT_LOCALE, load_speech
from skill.logs import request_kind
from skill.triage import Answer
from skill.voice import intents, screens
from skill.voice.dialogue import Conversation, Dialogue, Turn
from skill.voice.session import attributes_for, conversation_from
from skill.voice.ssml import ssml_within_speak

logger = logging.getLogger(__name__)

CONVERSATION = "conversation"
# The requests that are turns of the conversation (a session resumed after a connection is one,
# and is answered where it was); any other kind is answered with nothing.
_TURNS = frozenset(
    {"LaunchRequest", "IntentRequest", "SessionEndedRequest", screens.USER_EVENT}
    | {"SessionResumedRequest", "Connections.Response"}
)


def current_conversation(handler_input: HandlerInput) -> Conversation:
    """The conversation the request interceptor loaded (or, failing that, the session's)."""
    request_attributes = handler_input.attributes_manager.request_attributes
    conversation = request_attributes.get(CONVERSATION)
    if isinstance(conversation, Conversation):
        return conversation
    return conversation_from(session_attributes(handler_input), request_locale(handler_input))


def request_locale(handler_input: HandlerInput) -> str:
    """The request's locale ("en-GB"), or the default when a request carries none."""
    locale = get_locale(handler_input)
    return locale if isinstance(locale, str) and locale else DEFAULT_LOCALE


def session_attributes(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The session's attributes; None for requests that come without a session."""
    if handler_input.request_envelope.session is None:
        return None
    attributes: dict[str, Any] | None = handler_input.attributes_manager.session_attributes
    return attributes


def respond(handler_input: HandlerInput, turn: Turn) -> Response:
    """Say what the turn says and keep the conversation in the session for the next turn."""
    handler_input.attributes_manager.request_attributes[CONVERSATION] = turn.conversation
    if handler_input.request_envelope.session is not None:
        handler_input.attributes_manager.session_attributes = attributes_for(turn.conversation)
    said = turn.said
    locale = request_locale(handler_input)
    # The builder wraps the speech in <speak> itself.
    builder = handler_input.response_builder.speak(ssml_within_speak(said.speech, locale))
    if said.card is not None:
        builder.set_card(SimpleCard(title=said.card.title, content=said.card.content))
    if said.end_session or said.reprompt is None:
        builder.set_should_end_session(True)
    else:
        builder.ask(ssml_within_speak([said.reprompt], locale))
    if shows_screens(handler_input):
        # Imported here: the SDK's APL models add about a fifth to every cold start, and a
        # speaker never needs them.
        from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

        screen = screens.screen_for_turn(turn, load_knowledge(), load_speech())
        if screen is not None:
            builder.add_directive(
                RenderDocumentDirective(
                    token=screen.token, document=screen.document, datasources=screen.datasources
                )
            )
    response: Response = builder.response
    return response


def shows_screens(handler_input: HandlerInput) -> bool:
    """Whether the device says it supports APL (Echo Show, Spot, Fire TV); speakers do not."""
    context = handler_input.request_envelope.context
    device = getattr(getattr(context, "system", None), "device", None)
    interfaces = getattr(device, "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


class DialogueHandler(AbstractRequestHandler):
    """Handles the requests that `matches` accepts by calling one dialogue step."""

    def __init__(
        self,
        matches: Callable[[HandlerInput], bool],
        step: Callable[[HandlerInput, Conversation], Turn],
    ) -> None:
        self._matches = matches
        self._step = step

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(self._matches(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(
            handler_input, self._step(handler_input, current_conversation(handler_input))
        )


class SessionEndedHandler(AbstractRequestHandler):
    """The session closed (the person left, said nothing, or an error): nothing may be spoken."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        reason = getattr(request, "reason", None)
        logger.info("session ended: %s", getattr(reason, "value", reason))
        response: Response = handler_input.response_builder.response
        return response


class SystemExceptionHandler(AbstractRequestHandler):
    """Alexa reports an error in an earlier response; it accepts no speech in return."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("System.ExceptionEncountered")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        error = getattr(handler_input.request_envelope.request, "error", None)
        logger.warning("Alexa reported an error: %s", getattr(error, "object_type", "unknown"))
        response: Response = handler_input.response_builder.response
        return response


class NotATurnHandler(AbstractRequestHandler):
    """A request nobody said (an Echo Show's APL RuntimeError, CanFulfillIntentRequest, an audio
    or messaging event): logged by kind, answered with nothing. Only launches, intents and
    screen taps are turns of the conversation."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) not in _TURNS

    def handle(self, handler_input: HandlerInput) -> Response:
        kind = request_kind(get_request_type(handler_input))
        logger.info("not a turn of the conversation: %s", kind)
        response: Response = handler_input.response_builder.response
        return response


class ApologiseAndCarryOn(AbstractExceptionHandler):
    """Any unexpected error: apologise and repeat where we were, keeping the session usable."""

    def __init__(self, dialogue: Dialogue) -> None:
        self._dialogue = dialogue

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("request failed: %s", type(exception).__name__, exc_info=exception)
        try:
            conversation = current_conversation(handler_input)
            turn = self._dialogue.error(conversation)
        except Exception:  # the conversation itself is the problem: start clean
            turn = self._dialogue.error(Conversation())
        return respond(handler_input, turn)


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name; None for any other request, or an intent request without an intent
    (which only a tampered request has)."""
    request = handler_input.request_envelope.request
    name = getattr(getattr(request, "intent", None), "name", None)
    return name if isinstance(name, str) else None


def slot_value(handler_input: HandlerInput, name: str) -> tuple[str | None, str | None]:
    """The id the slot resolved to and the words heard, either of which may be missing."""
    slot = get_slot(handler_input, name)
    if slot is None:
        return None, None
    heard = slot.value or None
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        if authority.status and authority.status.code == StatusCode.ER_SUCCESS_MATCH:
            for candidate in authority.values or []:
                if candidate.value and candidate.value.id:
                    return str(candidate.value.id), heard
    return None, heard


def request_handlers(dialogue: Dialogue) -> list[AbstractRequestHandler]:
    def intent(name: str) -> Callable[[HandlerInput], bool]:
        return lambda handler_input: intent_name(handler_input) == name

    def answering(answer: Answer) -> Callable[[HandlerInput, Conversation], Turn]:
        return lambda _, conversation: dialogue.answer(conversation, answer)

    def explaining(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        condition_id, heard = slot_value(handler_input, intents.CONDITION_SLOT)
        return dialogue.explain(conversation, condition_id, heard)

    def comparing(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        return dialogue.compare(
            conversation,
            slot_value(handler_input, intents.CONDITION_SLOT),
            slot_value(handler_input, intents.OTHER_CONDITION_SLOT),
        )

    def racing(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        condition_id, _ = slot_value(handler_input, intents.CONDITION_SLOT)
        return dialogue.race(conversation, condition_id)

    def suspecting(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        condition_id, heard = slot_value(handler_input, intents.CONDITION_SLOT)
        return dialogue.suspect(conversation, condition_id, heard)

    def explaining_a_term(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        term_id, heard = slot_value(handler_input, intents.TERM_SLOT)
        return dialogue.term(conversation, term_id, heard)

    def volunteering_a_sign(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        flag_id, _ = slot_value(handler_input, intents.SIGN_SLOT)
        return dialogue.warning_sign(conversation, flag_id)

    def denying_a_sign(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        flag_id, _ = slot_value(handler_input, intents.SIGN_SLOT)
        return dialogue.no_warning_sign(conversation, flag_id)

    def telling(
        step: Callable[[Conversation, str | None, Answer], Turn], answer: Answer
    ) -> Callable[[HandlerInput, Conversation], Turn]:
        """A place or sign of the pain told (the fact slot), as `answer`, to a dialogue step."""

        def told(handler_input: HandlerInput, conversation: Conversation) -> Turn:
            fact_id, _ = slot_value(handler_input, intents.FACT_SLOT)
            return step(conversation, fact_id, answer)

        return told

    def correcting(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        code, _ = slot_value(handler_input, intents.ANSWER_SLOT)
        answer = next((a for a in Answer if a.value == code), None)
        return dialogue.correct(conversation, answer)

    def asks_after_the_result(handler_input: HandlerInput) -> bool:
        return bool(
            is_request_type("IntentRequest")(handler_input)
            and intent_name(handler_input) in intents.TOPICS
        )

    def asking_after_the_result(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        topic = intents.TOPICS[str(intent_name(handler_input))]
        cause_id, _ = slot_value(handler_input, intents.CONDITION_SLOT)
        return dialogue.after_result(conversation, topic, cause_id)

    # What a tapped button asks for: the same dialogue call as the same words said aloud.
    asked_by_tap = {
        screens.GO_BACK: dialogue.go_back,
        screens.MORE: dialogue.more,
        screens.RUNNER_UP: dialogue.runner_up,
        screens.WHO_TO_SEE: dialogue.who_to_see,
        screens.START_OVER: dialogue.start_over,
    }

    def tapping(handler_input: HandlerInput, conversation: Conversation) -> Turn:
        # A tap is the spoken answer or request when it is on the screen now shown; a tap
        # on an older screen is never recorded: the skill says so and asks again.
        event = handler_input.request_envelope.request
        tap = screens.tapped(
            getattr(event, "token", None), getattr(event, "arguments", None), conversation
        )
        if tap is None:
            return screens.stale_tap(dialogue.repeat(conversation), dialogue.speech)
        if tap.answer is not None:
            return dialogue.answer(conversation, tap.answer)
        return asked_by_tap[tap.request](conversation)

    def only(step: Callable[[Conversation], Turn]) -> Callable[[Any, Conversation], Turn]:
        return lambda _, conversation: step(conversation)

    def anything(_: HandlerInput) -> bool:
        return True

    return [
        DialogueHandler(is_request_type("LaunchRequest"), only(dialogue.launch)),
        DialogueHandler(intent(intents.YES), answering(Answer.YES)),
        DialogueHandler(intent(intents.NO), answering(Answer.NO)),
        DialogueHandler(intent(intents.SOMETIMES), answering(Answer.SOMETIMES)),
        DialogueHandler(intent(intents.NOT_SURE), answering(Answer.UNSURE)),
        DialogueHandler(intent(intents.CONFUSED), only(dialogue.confused)),
        DialogueHandler(intent(intents.TERM), explaining_a_term),
        DialogueHandler(intent(intents.START), only(dialogue.start)),
        DialogueHandler(intent(intents.REPEAT), only(dialogue.repeat)),
        DialogueHandler(is_request_type(screens.USER_EVENT), tapping),
        DialogueHandler(intent(intents.GO_BACK), only(dialogue.go_back)),
        DialogueHandler(intent(intents.START_OVER), only(dialogue.start_over)),
        DialogueHandler(intent(intents.WHY), only(dialogue.why)),
        DialogueHandler(intent(intents.RESULT), only(dialogue.result)),
        DialogueHandler(intent(intents.RUNNER_UP), only(dialogue.runner_up)),
        DialogueHandler(intent(intents.WHO_TO_SEE), only(dialogue.who_to_see)),
        DialogueHandler(intent(intents.QUESTIONS_LEFT), only(dialogue.questions_left)),
        DialogueHandler(intent(intents.MORE), only(dialogue.more)),
        DialogueHandler(intent(intents.EXPLAIN_CONDITION), explaining),
        DialogueHandler(intent(intents.DIFFERENCE), comparing),
        DialogueHandler(intent(intents.WARNING_SIGN), volunteering_a_sign),
        DialogueHandler(intent(intents.NO_WARNING_SIGN), denying_a_sign),
        DialogueHandler(intent(intents.PAIN_FACT), telling(dialogue.fact, Answer.YES)),
        DialogueHandler(intent(intents.NO_PAIN_FACT), telling(dialogue.fact, Answer.NO)),
        DialogueHandler(
            intent(intents.SOMETIMES_PAIN_FACT), telling(dialogue.fact, Answer.SOMETIMES)
        ),
        # The answer to the question waiting, with a place or sign after it.
        DialogueHandler(
            intent(intents.NO_BUT_PAIN_FACT), telling(dialogue.answer_with_fact, Answer.NO)
        ),
        DialogueHandler(
            intent(intents.YES_AND_PAIN_FACT), telling(dialogue.answer_with_fact, Answer.YES)
        ),
        DialogueHandler(intent(intents.DURATION), only(dialogue.duration)),
        DialogueHandler(intent(intents.GRADUAL_ONSET), only(dialogue.gradual_onset)),
        DialogueHandler(intent(intents.STOPS_ABOVE_KNEE), only(dialogue.stops_above_knee)),
        DialogueHandler(intent(intents.CORRECTION), correcting),
        DialogueHandler(intent(intents.HOW_SURE), only(dialogue.how_sure)),
        DialogueHandler(intent(intents.COMMON), only(dialogue.how_common)),
        DialogueHandler(intent(intents.HOW_LONG), only(dialogue.how_long)),
        DialogueHandler(asks_after_the_result, asking_after_the_result),
        DialogueHandler(intent(intents.MEDICINE), only(dialogue.medicine)),
        DialogueHandler(intent(intents.TREATMENT), only(dialogue.treatment)),
        DialogueHandler(intent(intents.PRIVACY), only(dialogue.privacy)),
        DialogueHandler(intent(intents.SEND), only(dialogue.send)),
        DialogueHandler(intent(intents.PREGNANCY), only(dialogue.pregnancy)),
        DialogueHandler(intent(intents.ICE_OR_HEAT), only(dialogue.ice_or_heat)),
        DialogueHandler(intent(intents.RACE), racing),
        DialogueHandler(intent(intents.HOLD_ON), only(dialogue.hold_on)),
        DialogueHandler(intent(intents.SUSPECT), suspecting),
        DialogueHandler(intent(intents.ALREADY_ASKED), only(dialogue.already_asked)),
        DialogueHandler(intent(intents.DISAGREE), only(dialogue.disagree)),
        DialogueHandler(intent(intents.ARE_YOU_A_DOCTOR), only(dialogue.not_a_doctor)),
        DialogueHandler(intent(intents.THANKS), only(dialogue.thanks)),
        DialogueHandler(intent(intents.SMALL_TALK), only(dialogue.small_talk)),
        DialogueHandler(intent(intents.HELP), only(dialogue.help)),
        DialogueHandler(
            lambda h: (
                intent(intents.STOP)(h)
                or intent(intents.CANCEL)(h)
                or intent(intents.NAVIGATE_HOME)(h)
            ),
            only(dialogue.stop),
        ),
        SessionEndedHandler(),
        SystemExceptionHandler(),
        NotATurnHandler(),
        # Last: the fallback intent and intents the model does not have.
        DialogueHandler(anything, only(dialogue.not_understood)),
    ]
