"""Hypothesis strategies for what can arrive at the skill: intents, slots and session state."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from skill.voice import intents
from tests.robustness.envelopes import condition_slot
from tests.robustness.invariants import CONDITION_IDS, QUESTION_IDS

LOCALES = ("en-US", "en-GB", "en-AU", "en-CA", "en-IN", "de-DE", "fr-FR")

# Intents the model does not declare: built-ins of other skill kinds and made-up names.
UNKNOWN_INTENTS = (
    "AMAZON.PauseIntent",
    "AMAZON.ResumeIntent",
    "AMAZON.PreviousIntent",
    "AMAZON.NextIntent",
    "AMAZON.MoreIntent",
    "AMAZON.SelectIntent",
    "OrderPizzaIntent",
    "yesintent",
    "AMAZON.YesIntent ",
)

ANSWER_INTENTS = (intents.YES, intents.NO, intents.SOMETIMES, intents.NOT_SURE)
# Mostly "no", as a runner without red flags answers the safety questions.
runs_of_answers = st.lists(
    st.sampled_from((intents.NO, intents.NO, intents.YES, intents.SOMETIMES, intents.NOT_SURE)),
    min_size=2,
    max_size=20,
)

# Request types that ask-sdk-model knows and the skill has no handler of its own for.
OTHER_REQUEST_TYPES = ("SessionResumedRequest", "CanFulfillIntentRequest", "Connections.Response")

SESSION_END_REASONS = ("USER_INITIATED", "EXCEEDED_MAX_REPROMPTS", "ERROR")
ALEXA_ERROR_TYPES = (
    "INVALID_RESPONSE",
    "DEVICE_COMMUNICATION_ERROR",
    "INTERNAL_SERVICE_ERROR",
)
# The entity resolution statuses Alexa reports.
RESOLUTION_STATUSES = (
    "ER_SUCCESS_MATCH",
    "ER_SUCCESS_NO_MATCH",
    "ER_ERROR_TIMEOUT",
    "ER_ERROR_EXCEPTION",
)

HOSTILE_KEYS = (
    "interview",
    "question",
    "outcome",
    "heard",
    "confirm",
    "__proto__",
    "constructor",
    "prototype",
    "__class__",
    "__dict__",
    "toString",
    "hasOwnProperty",
    "",
)

intent_names = st.sampled_from((*intents.ALL, *UNKNOWN_INTENTS)) | st.text(max_size=40)
locales = st.sampled_from(LOCALES)
words = st.text(max_size=30)

# Strict JSON values only: a Lambda event is parsed JSON, which has no NaN or infinity.
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | words
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(st.sampled_from(HOSTILE_KEYS) | words, children, max_size=6)
    ),
    max_leaves=25,
)

question_ids = st.sampled_from(sorted(QUESTION_IDS))
answer_codes = st.sampled_from(("y", "n", "u"))
# The stored form, "id:code,id:code,...", from real ids and codes or any words at all.
stored_answers = st.lists(st.tuples(question_ids | words, answer_codes | words), max_size=12).map(
    lambda pairs: ",".join(f"{question_id}:{code}" for question_id, code in pairs)
)
old_format_answers = st.lists(st.tuples(question_ids, answer_codes).map(list), max_size=12)


def nested(depth: int, key: str) -> Any:
    """A value `depth` levels deep, alternating lists and objects."""
    value: Any = "bottom"
    for level in range(depth):
        value = [value] if level % 2 else {key: value}
    return value


def _huge_answer_list(size: int, question: str) -> dict[str, Any]:
    return {"v": 2, "a": ",".join([f"{question}:n"] * size)}


interview_states = st.one_of(
    # Right shape, any answers: real ids in the wrong order, unknown ids, bad codes.
    st.fixed_dictionaries({"v": st.just(2), "a": stored_answers}),
    # The first version's list of pairs, which no longer counts.
    st.fixed_dictionaries({"v": st.just(1), "a": old_format_answers}),
    # Wrong version or types.
    st.fixed_dictionaries({"v": json_values, "a": json_values}),
    st.builds(_huge_answer_list, st.integers(33, 5000), question_ids),
    json_values,
)

# A `question` or `outcome` that does not match the interview (the skill must not trust them).
tampered_outcomes = st.fixed_dictionaries(
    {
        "triage": st.sampled_from(("emergency", "urgent", "see_specialist", "unclear")) | words,
        "conditions": st.lists(st.sampled_from(CONDITION_IDS) | words, max_size=3),
    }
)

hostile_attributes = st.one_of(
    st.dictionaries(st.sampled_from(HOSTILE_KEYS) | words, json_values, max_size=6),
    st.fixed_dictionaries(
        {"interview": interview_states},
        optional={
            "question": question_ids | json_values,
            "misunderstood": json_values,
            "outcome": tampered_outcomes | json_values,
            # Counts of heard lines, and a warning sign waiting for confirmation.
            "heard": st.text("0123456789,x", max_size=30) | json_values,
            "confirm": question_ids | json_values,
            "__proto__": json_values,
        },
    ),
    st.builds(
        lambda depth, key: {key: nested(depth, key)},
        st.integers(1, 120),
        st.sampled_from(HOSTILE_KEYS),
    ),
    st.builds(
        lambda n: {"interview": {"v": 2, "a": ""}, "padding": ["x" * 64] * n}, st.integers(1, 200)
    ),
)


def _slot_from(
    value: str | None, status: str | None, value_id: str | None, empty_values: bool
) -> dict[str, Any]:
    return {"condition": condition_slot(value, status, value_id, empty_values=empty_values)}


condition_slots = st.one_of(
    st.none(),  # no "slots" object at all
    st.just({}),
    st.builds(
        _slot_from,
        st.none() | words | st.sampled_from(("runner's butt", "piriformis", "sciatica")),
        st.none() | st.sampled_from(RESOLUTION_STATUSES),
        st.none() | st.sampled_from(CONDITION_IDS) | words,
        st.booleans(),
    ),
    # A slot under a name the model does not declare.
    st.builds(lambda v: {"other": {"name": "other", "value": v}}, words),
)


def _as_term(slots: dict[str, Any] | None) -> dict[str, Any] | None:
    """The same shapes under the `term` slot: resolved ids here are conditions, not terms."""
    if not slots or "condition" not in slots:
        return slots
    return {"term": {**slots["condition"], "name": "term"}}


term_slots = condition_slots.map(_as_term) | st.builds(
    lambda term_id: {"term": {"name": "term", "value": term_id, "confirmationStatus": "NONE"}},
    st.sampled_from(("sitting_bone", "groin")),
)
