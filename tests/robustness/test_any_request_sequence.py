"""Random sequences of any request Alexa can send, in any order and with any session state,
through the real Lambda entry: nothing escapes, and every response is one Alexa accepts."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from skill.chat.envelopes import Session
from skill.voice import intents, lambda_handler
from tests.robustness import strategies as s
from tests.robustness.envelopes import Envelopes
from tests.robustness.invariants import SILENT_REQUEST_TYPES, check_response_envelope


class AnyRequestSequence(RuleBasedStateMachine):
    """A device that may misbehave: it carries the session like Alexa does, except when a rule
    tampers with the attributes, reopens the session out of turn or changes the locale."""

    def __init__(self) -> None:
        super().__init__()
        self.envelopes = Envelopes()
        self.session: Session | None = None
        self.locale = "en-US"

    @initialize(locale=s.locales)
    def start_on_a_device(self, locale: str) -> None:
        self.locale = locale

    # --- sending ---------------------------------------------------------------------------

    def open_session(self) -> Session:
        if self.session is None:
            self.session = self.envelopes.new_session()
        return self.session

    def send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        response_envelope = lambda_handler(envelope, None)  # any exception fails the test
        check_response_envelope(envelope, response_envelope)
        session = self.session
        response = response_envelope["response"]
        request_type = envelope["request"]["type"]
        if session is None or request_type in SILENT_REQUEST_TYPES:
            return response_envelope
        if response.get("shouldEndSession"):
            self.session = None
        else:
            session.new = False
            session.attributes = dict(response_envelope.get("sessionAttributes") or {})
        return response_envelope

    # --- what a person says ------------------------------------------------------------------

    @rule()
    def launch(self) -> None:
        self.session = None  # "open glute detective" always starts a new session
        self.send(self.envelopes.launch(self.open_session(), self.locale))

    @rule(name=st.sampled_from(s.ANSWER_INTENTS))
    def answer(self, name: str) -> None:
        self.send(self.envelopes.intent(self.open_session(), name, self.locale))

    @rule(replies=s.runs_of_answers)
    def answer_a_run_of_questions(self, replies: list[str]) -> None:
        """Several answers in a row, so that interviews also reach their outcomes."""
        for name in replies:
            self.send(self.envelopes.intent(self.open_session(), name, self.locale))
            if self.session is None:
                return

    @rule(name=s.intent_names)
    def any_intent(self, name: str) -> None:
        self.send(self.envelopes.intent(self.open_session(), name, self.locale))

    @rule(name=s.intent_names)
    def intent_without_a_session(self, name: str) -> None:
        """Out of session, as Alexa sends some requests: there are no attributes to keep."""
        envelope = self.envelopes.intent(self.envelopes.new_session(), name, self.locale)
        del envelope["session"]
        self.send(envelope)

    @rule(slots=s.condition_slots)
    def explain_condition(self, slots: dict[str, Any] | None) -> None:
        envelope = self.envelopes.intent(
            self.open_session(), intents.EXPLAIN_CONDITION, self.locale, slots
        )
        if slots is None:
            envelope["request"]["intent"].pop("slots", None)
        self.send(envelope)

    @rule(slots=s.term_slots)
    def ask_about_a_word(self, slots: dict[str, Any] | None) -> None:
        envelope = self.envelopes.intent(self.open_session(), intents.TERM, self.locale, slots)
        if slots is None:
            envelope["request"]["intent"].pop("slots", None)
        self.send(envelope)

    # --- what Alexa does on its own ------------------------------------------------------------

    @rule(reason=st.sampled_from(s.SESSION_END_REASONS), with_error=st.booleans())
    def session_ends(self, reason: str, with_error: bool) -> None:
        if self.session is None:
            return
        error = {"type": "INVALID_RESPONSE", "message": "bad response"} if with_error else None
        envelope = self.envelopes.session_ended(self.session, reason, self.locale, error)
        self.session = None
        self.send(envelope)

    @rule(error_type=st.sampled_from(s.ALEXA_ERROR_TYPES), with_session=st.booleans())
    def exception_encountered(self, error_type: str, with_session: bool) -> None:
        session = self.open_session() if with_session else None
        self.send(self.envelopes.exception_encountered(session, error_type, self.locale))

    @rule(request_type=st.sampled_from(s.OTHER_REQUEST_TYPES))
    def other_request_type(self, request_type: str) -> None:
        envelope = self.envelopes.launch(self.open_session(), self.locale)
        envelope["request"]["type"] = request_type
        self.send(envelope)

    # --- what a misbehaving device or a tampered request does -----------------------------------

    @rule(attributes=s.hostile_attributes)
    def tamper_with_session_attributes(self, attributes: dict[str, Any]) -> None:
        self.open_session().attributes = attributes

    @rule()
    def flag_the_session_as_new_mid_conversation(self) -> None:
        self.open_session().new = True

    @rule(locale=s.locales)
    def switch_locale(self, locale: str) -> None:
        self.locale = locale


AnyRequestSequence.TestCase.settings = settings(
    max_examples=200,
    stateful_step_count=50,
    deadline=None,
    derandomize=True,  # the same sequences on every run, in CI and locally
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_any_request_sequence_gets_a_valid_response = AnyRequestSequence.TestCase


def test_exception_encountered_without_a_session_gets_an_empty_response() -> None:
    envelopes = Envelopes()
    envelope = envelopes.exception_encountered(None, "INVALID_RESPONSE", "en-US")
    assert "session" not in envelope
    check_response_envelope(envelope, lambda_handler(envelope, None))
