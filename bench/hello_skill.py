"""The baseline: a bare ask-sdk-core hello-world skill, the least a skill on this SDK can do.

A LaunchRequest handler and one handler for every intent; each speaks a line, sets a session
attribute and asks a reprompt. Invoked, like the real skill, through a Lambda-style handler
(`SkillBuilder.lambda_handler()`). Kept free of imports from this project, so importing it in a
fresh interpreter measures the SDK alone.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

skill_builder = SkillBuilder()


@skill_builder.request_handler(can_handle_func=is_request_type("LaunchRequest"))
def launch(handler_input: HandlerInput) -> Response:
    handler_input.attributes_manager.session_attributes["turns"] = 1
    builder = handler_input.response_builder
    response: Response = builder.speak("Hello from the bare skill.").ask("Say hello.").response
    return response


@skill_builder.request_handler(can_handle_func=is_request_type("IntentRequest"))
def intent(handler_input: HandlerInput) -> Response:
    attributes = handler_input.attributes_manager.session_attributes
    attributes["turns"] = int(attributes.get("turns", 0)) + 1
    builder = handler_input.response_builder
    response: Response = builder.speak("Hello again.").ask("Say hello.").response
    return response


lambda_handler = skill_builder.lambda_handler()
