"""How the engine screens, asks, stops and concludes."""

from __future__ import annotations

import pytest

from skill.knowledge import load_knowledge
from skill.triage import Answer, Engine, Interview, InvalidAnswer, Outcome, Question
from skill.triage.inference import normalised
from tests.triage.spec import ENGINE, FEATURES, SCREEN, SCREEN_ORDER

YES, NO, UNSURE = Answer.YES, Answer.NO, Answer.UNSURE


def belief(answers: list[tuple[str, Answer]]) -> tuple[float, ...]:
    """The share of each hypothesis after these symptom answers."""
    return normalised(ENGINE._weights(answers))


def ask(interview: Interview) -> Question:
    step = ENGINE.next_step(interview)
    assert isinstance(step, Question), step
    return step


def conclude(interview: Interview) -> Outcome:
    step = ENGINE.next_step(interview)
    assert isinstance(step, Outcome), step
    return step


def test_the_first_question_is_the_safety_screen() -> None:
    assert ask(Interview()).id == SCREEN
    assert ask(Interview()).is_safety_screen


def test_a_question_carries_its_plain_words_terms_and_regions_from_the_knowledge() -> None:
    knowledge = load_knowledge()
    interview = Interview()
    while (question := ask(interview)).is_safety_screen:
        assert question.plain == knowledge.plain_text(question.id)
        interview = interview.with_answer(question.id, NO)
    for _ in range(4):
        feature = knowledge.features[question.id]
        assert not question.is_safety_screen
        assert (question.text, question.plain, question.purpose) == (
            feature.question,
            feature.plain,
            feature.purpose,
        )
        assert (question.terms, question.regions) == (feature.terms, feature.regions)
        interview = interview.with_answer(question.id, NO)
        question = ask(interview)


def after_a_clear_screen() -> Interview:
    """A runner who answered no to every screening question."""
    interview = Interview()
    while (question := ask(interview)).is_safety_screen:
        interview = interview.with_answer(question.id, NO)
    return interview


def test_unsure_symptom_answers_leave_the_belief_unchanged() -> None:
    before = belief([])
    after = belief([("past_knee", UNSURE), ("sit_bone", UNSURE)])
    assert after == before
    assert belief([("past_knee", YES)]) != before
    assert belief([("past_knee", NO)]) != before


def test_an_unsure_question_is_not_asked_again() -> None:
    interview = after_a_clear_screen()
    first = ask(interview).id
    assert ask(interview.with_answer(first, UNSURE)).id != first


def test_mostly_not_sure_ends_early_and_says_the_answers_were_too_uncertain() -> None:
    settings = load_knowledge().settings
    interview = after_a_clear_screen()
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, UNSURE)
    assert step.triage == "unclear" and step.uncertain
    assert step.conditions == () and step.advice == settings.uncertain_advice
    assert step.questions_asked == settings.unsure_limit


def test_answering_a_question_that_is_not_waiting_is_refused() -> None:
    with pytest.raises(InvalidAnswer):
        ENGINE.answer(Interview(), "past_knee", YES)
    assert ENGINE.answer(Interview(), SCREEN, NO).answers == ((SCREEN, NO),)


def test_go_back_restores_the_earlier_interview_and_stops_at_the_start() -> None:
    start = Interview()
    one = start.with_answer(SCREEN, NO)
    two = one.with_answer(ask(one).id, YES)
    assert two.go_back() == one
    assert two.go_back().go_back() == start
    assert start.go_back() == start


def test_a_clear_case_names_the_condition_with_reasons_and_specialist_advice() -> None:
    interview = after_a_clear_screen()
    profile = {"outer_hip": YES, "lying_on_side": YES, "stairs_car_bed": YES}
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, profile.get(step.id, NO))
    assert step.triage == "see_specialist"
    assert step.conditions[0] == "hip_bursitis"
    assert [r.feature_id for r in step.reasons][:2] == ["outer_hip", "lying_on_side"]
    assert "physical therapist" in step.advice
    assert step.disclaimer == load_knowledge().settings.disclaimer


def test_two_close_conditions_name_a_runner_up() -> None:
    # Sitting-bone pain and nothing else that tells the bursa from the tendon.
    interview = after_a_clear_screen()
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, YES if step.id == "sit_bone" else NO)
    assert step.triage == "see_specialist"
    assert set(step.conditions) == {"ischial_bursitis", "high_hamstring_tendinopathy"}


def test_every_question_has_a_one_sentence_purpose() -> None:
    knowledge = load_knowledge()
    for question_id in (*SCREEN_ORDER, *FEATURES):
        purpose = knowledge.purpose(question_id)
        assert purpose.endswith(".")
        assert purpose.count(". ") == 0, question_id


def test_the_same_answers_always_give_the_same_next_question() -> None:
    interview = after_a_clear_screen().with_answer("sit_bone", NO)
    fresh = Engine(load_knowledge()).next_step(interview)
    assert fresh == ENGINE.next_step(interview) == ENGINE.next_step(interview)
