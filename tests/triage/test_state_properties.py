"""Properties that hold for any runner, checked with generated answer sequences."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from skill.knowledge import load_knowledge
from skill.triage import Answer, Interview, Outcome, Question
from tests.triage.spec import CAUSES, CONDITIONS, ENGINE, LOOKALIKES

next_step, restore = ENGINE.next_step, ENGINE.restore

replies = st.lists(st.sampled_from(list(Answer)), min_size=0, max_size=40)
STATE_BUDGET_BYTES = 2048


def run(sequence: list[Answer]) -> tuple[Interview, Outcome | Question]:
    """Answer questions in turn from the sequence (padding with "no") until an outcome."""
    interview = Interview()
    padded = [*sequence, *[Answer.NO] * 40]
    for reply in padded:
        step = next_step(interview)
        if isinstance(step, Outcome):
            return interview, step
        interview = interview.with_answer(step.id, reply)
    raise AssertionError("no outcome")


@settings(max_examples=300, deadline=None)
@given(replies)
def test_any_answers_end_within_the_cap_with_a_valid_outcome(sequence: list[Answer]) -> None:
    interview, outcome = run(sequence)
    # No cause is named whose defining signs the runner denied; a look-alike only with its
    # own sign affirmed.
    replies = dict(interview.answers)
    for cause_id in outcome.conditions:
        cause = load_knowledge().causes[cause_id]
        signs = [replies.get(f) for f in cause.defining]
        assert not signs or not all(reply is Answer.NO for reply in signs), cause_id
        if cause_id in LOOKALIKES:
            assert any(reply in (Answer.YES, Answer.SOMETIMES) for reply in signs), cause_id
        # The pop question (and so the avulsion check) comes before the tendon is named.
        if outcome.questions_asked < load_knowledge().settings.question_cap:
            assert all(f in replies for f in cause.ask_first), cause_id
    assert isinstance(outcome, Outcome)
    assert outcome.questions_asked <= load_knowledge().settings.question_cap
    assert outcome.disclaimer
    assert set(outcome.conditions) <= set(CAUSES)
    if outcome.triage == "see_specialist":
        assert 1 <= len(outcome.conditions) <= 2 and set(outcome.conditions) <= set(CONDITIONS)
        assert outcome.reasons
    elif outcome.triage == "elsewhere":
        assert 1 <= len(outcome.conditions) <= 2 and set(outcome.conditions) <= set(LOOKALIKES)
        assert outcome.reasons
    elif outcome.triage == "soon":
        assert len(outcome.conditions) <= 2 and outcome.safety_advice
    else:
        assert outcome.conditions == ()


@settings(max_examples=200, deadline=None)
@given(replies, st.sampled_from(list(Answer)))
def test_answer_then_go_back_returns_the_identical_state(
    sequence: list[Answer], reply: Answer
) -> None:
    interview, _ = run(sequence)
    for cut in range(len(interview.answers) + 1):
        earlier = Interview(interview.answers[:cut])
        step = next_step(earlier)
        if isinstance(step, Question):
            later = earlier.with_answer(step.id, reply)
            assert later.go_back() == earlier
            assert later.go_back().to_state() == earlier.to_state()


@settings(max_examples=200, deadline=None)
@given(replies)
def test_state_survives_a_json_round_trip_and_stays_small(sequence: list[Answer]) -> None:
    interview, _ = run(sequence)
    for cut in range(len(interview.answers) + 1):
        earlier = Interview(interview.answers[:cut])
        encoded = json.dumps(earlier.to_state())
        assert len(encoded.encode()) < STATE_BUDGET_BYTES
        assert restore(json.loads(encoded)) == earlier


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_garbage_state_never_raises_and_gives_a_clean_new_interview(garbage: object) -> None:
    restored = restore(garbage)
    assert isinstance(restored, Interview)
    assert isinstance(next_step(restored), Question | Outcome)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [*load_knowledge().features, *load_knowledge().red_flags, "made_up", ""]
            ),
            st.sampled_from(["y", "n", "s", "u", "yes", "sometimes", 1]),
        ),
        max_size=12,
    )
)
def test_tampered_answers_are_only_kept_if_each_is_a_known_question_answered_once(
    pairs: list[tuple[str, object]],
) -> None:
    # A runner may volunteer an answer before its question comes ("I've got a fever"), so any
    # known question may be answered at any point, but only once.
    restored = restore({"v": 2, "a": ",".join(f"{q}:{code}" for q, code in pairs)})
    asked = [question_id for question_id, _ in restored.answers]
    assert all(load_knowledge().is_question(q) for q in asked)
    assert len(set(asked)) == len(asked)
    kept = [(q, str(a)) for q, a in restored.answers]
    assert kept in ([], [(q, c) for q, c in pairs])


def test_states_of_another_version_or_shape_start_afresh() -> None:
    genuine = Interview().with_answer("red_flag_any", Answer.NO).to_state()
    assert restore(genuine).answers
    assert genuine == {"v": 2, "a": "red_flag_any:n"}
    assert restore({**genuine, "v": 3}) == Interview()
    assert restore({"v": 1, "a": [["red_flag_any", "n"]]}) == Interview()  # the old format
    assert restore({"v": 2, "a": "red_flag_any:maybe"}) == Interview()
    assert restore({"v": 2, "a": "red_flag_any"}) == Interview()
    assert restore({"v": 2, "a": ":n"}) == Interview()
    assert restore({"v": 2, "a": "red_flag_any:n,"}) == Interview()
    assert restore({"v": 2, "a": "past_knee:y"}).answers  # volunteered before the screen
    assert restore({"v": 2, "a": "past_knee:y,past_knee:n"}) == Interview()
    assert restore({"v": 2, "a": ",".join(["red_flag_any:n"] * 50)}) == Interview()
    assert restore({"v": 2, "a": "red_flag_any:n" + " " * 5000}) == Interview()
    assert restore(None) == Interview()


mostly_sometimes = st.lists(
    st.sampled_from([Answer.SOMETIMES, Answer.SOMETIMES, Answer.YES, Answer.NO, Answer.UNSURE]),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(mostly_sometimes)
def test_a_sometimes_answer_undone_restores_exactly_the_state_before(
    sequence: list[Answer],
) -> None:
    interview, _ = run(sequence)
    for cut in range(len(interview.answers) + 1):
        earlier = Interview(interview.answers[:cut])
        step = next_step(earlier)
        if isinstance(step, Question):
            later = ENGINE.answer(earlier, step.id, Answer.SOMETIMES)
            assert later.to_state()["a"].endswith(f"{step.id}:s")
            assert later.go_back() == earlier
            assert next_step(later.go_back()) == step


@settings(max_examples=200, deadline=None)
@given(mostly_sometimes)
def test_sometimes_answers_survive_a_json_round_trip(sequence: list[Answer]) -> None:
    interview, outcome = run(sequence)
    restored = restore(json.loads(json.dumps(interview.to_state())))
    assert restored == interview
    assert next_step(restored) == outcome


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*load_knowledge().red_flags, *load_knowledge().features, "x", ""]),
        max_size=15,
    ),
    st.lists(st.sampled_from(["s", "S", "sometimes", "s ", ":s", "y", ""]), min_size=15),
)
def test_garbage_with_sometimes_codes_never_raises(ids: list[str], codes: list[str]) -> None:
    state = {"v": 2, "a": ",".join(f"{q}:{c}" for q, c in zip(ids, codes, strict=False))}
    restored = restore(state)
    assert isinstance(next_step(restored), Question | Outcome)
    assert all(reply in Answer for _, reply in restored.answers)
