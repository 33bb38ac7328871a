"""A toy skill built with ask-sdk-core, standing in for the real one in the chat's tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard


def build_toy_handler() -> Callable[[dict[str, Any], object], dict[str, Any]]:
    """Launch asks a question, yes counts turns in the session, explain echoes the slot id."""
    builder = SkillBuilder()

    @builder.request_handler(can_handle_func=is_request_type("LaunchRequest"))
    def launch(handler_input: HandlerInput) -> Response:
        handler_input.attributes_manager.session_attributes = {"question": "past_knee", "turns": 1}
        builder_ = handler_input.response_builder
        builder_.speak("Welcome to the toy. Does it hurt past the knee?").ask("Past the knee?")
        return builder_.set_card(SimpleCard("Toy", "Welcome")).response

    @builder.request_handler(can_handle_func=is_intent_name("AMAZON.YesIntent"))
    def yes(handler_input: HandlerInput) -> Response:
        attributes = handler_input.attributes_manager.session_attributes
        attributes["turns"] = attributes.get("turns", 0) + 1
        speech = f"Yes on turn {attributes['turns']}, Q&amp;A."
        return handler_input.response_builder.speak(speech).ask("Anything else?").response

    @builder.request_handler(can_handle_func=is_intent_name("ExplainConditionIntent"))
    def explain(handler_input: HandlerInput) -> Response:
        slot = handler_input.request_envelope.request.intent.slots["condition"]
        resolved = "nothing"
        if slot.resolutions and slot.resolutions.resolutions_per_authority[0].values:
            resolved = slot.resolutions.resolutions_per_authority[0].values[0].value.id
        speech = f"Condition {resolved}."
        return handler_input.response_builder.speak(speech).ask("Anything else?").response

    @builder.request_handler(can_handle_func=is_intent_name("AMAZON.StopIntent"))
    def stop(handler_input: HandlerInput) -> Response:
        return (
            handler_input.response_builder.speak("Goodbye.").set_should_end_session(True).response
        )

    @builder.request_handler(can_handle_func=is_request_type("SessionEndedRequest"))
    def session_ended(handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response

    @builder.request_handler(can_handle_func=lambda handler_input: True)
    def anything_else(handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Toy fallback.").ask("Again?").response

    handler: Callable[[dict[str, Any], object], dict[str, Any]] = builder.lambda_handler()
    return handler


class ToySkill:
    """Calls the toy's Lambda handler and keeps every request it was sent."""

    def __init__(self) -> None:
        self.handler = build_toy_handler()
        self.requests: list[dict[str, Any]] = []

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        self.requests.append(envelope)
        return self.handler(envelope, None)

    @property
    def request_types(self) -> list[str]:
        return [envelope["request"]["type"] for envelope in self.requests]
