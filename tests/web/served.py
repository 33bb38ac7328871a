"""The service as a real gunicorn process runs it in the tests, trusting the test PKI in the
folder named in $GLUTE_DETECTIVE_TEST_PKI (written by `testkit.served.write_pki`).

    gunicorn -c python:skill.web.gunicorn_conf 'tests.web.served:create_app_for_tests()'
"""

from __future__ import annotations

import os
from pathlib import Path

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_runtime.dispatch_components import GenericRequestHandlerChain
from flask import Flask

from skill.voice.builder import new_skill_builder
from testkit.amazon import CERT_URL, SKILL_ID
from testkit.served import create_served_app

PKI_ENV_VAR = "GLUTE_DETECTIVE_TEST_PKI"
CRASH_INTENT = "CrashIntent"


class _CrashingHandler(AbstractRequestHandler):  # type: ignore[misc]
    """CrashIntent, which no model has, fails with a message quoting a symptom: the log must
    show the exception's type but never its message."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return getattr(getattr(request, "intent", None), "name", None) == CRASH_INTENT

    def handle(self, handler_input: HandlerInput) -> Response:
        # Built at run time, so the stack's own source lines cannot show it either.
        raise AttributeError(" ".join(["the runner said it", "hurts", "when they sit"]))


def create_app_for_tests() -> Flask:
    builder = new_skill_builder()
    # First in line, before the real skill's handlers (the last of which takes any request).
    chains = builder.runtime_configuration_builder.request_handler_chains
    chains.insert(0, GenericRequestHandlerChain(request_handler=_CrashingHandler()))
    return create_served_app(
        Path(os.environ[PKI_ENV_VAR]), cert_url=CERT_URL, skill_id=SKILL_ID, skill=builder.create()
    )
