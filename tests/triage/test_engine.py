"""How the engine screens, asks, stops and concludes."""

from __future__ import annotations

import pytest

from skill.knowledge import load_knowledge
from skill.triage import Answer, Engine, Interview, InvalidAnswer, Outcome, Question

from .conftest import ENGINE, FEATURES, RED_FLAGS, SCREEN

YES, NO, UNSURE = Answer.YES, Answer.NO, Answer.UNSURE


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


def test_no_at_the_screen_skips_the_specific_red_flags() -> None:
    nxt = ask(Interview().with_answer(SCREEN, NO))
    assert nxt.id in FEATURES
    assert nxt.asked_before == 0


@pytest.mark.parametrize("reply", [YES, UNSURE])
def test_yes_or_unsure_at_the_screen_asks_the_specific_flags_most_serious_first(
    reply: Answer,
) -> None:
    interview = Interview().with_answer(SCREEN, reply)
    asked = []
    for _ in RED_FLAGS:
        question = ask(interview)
        asked.append(question.id)
        interview = interview.with_answer(question.id, NO)
    assert asked == list(RED_FLAGS)
    assert ask(interview).id in FEATURES


def test_saddle_numbness_ends_the_interview_as_an_emergency() -> None:
    interview = Interview().with_answer(SCREEN, YES).with_answer("red_flag_saddle", YES)
    outcome = conclude(interview)
    assert outcome.triage == "emergency"
    assert outcome.conditions == ()
    assert "emergency" in outcome.advice
    assert outcome.disclaimer


def test_unsure_on_a_specific_flag_is_neither_yes_nor_no_and_adds_a_caution() -> None:
    interview = Interview().with_answer(SCREEN, YES)
    interview = interview.with_answer("red_flag_saddle", UNSURE)
    assert ask(interview).id == "red_flag_trauma_fever"  # not treated as yes: no emergency
    interview = interview.with_answer("red_flag_trauma_fever", NO)
    interview = interview.with_answer("red_flag_weight_bearing", NO)
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, NO)
    assert step.caution == load_knowledge().settings.unsure_red_flag_caution


def test_unsure_symptom_answers_leave_the_belief_unchanged() -> None:
    before = ENGINE._belief([])
    after = ENGINE._belief([("past_knee", UNSURE), ("sit_bone", UNSURE)])
    assert after == before
    assert ENGINE._belief([("past_knee", YES)]) != before
    assert ENGINE._belief([("past_knee", NO)]) != before


def test_an_unsure_question_is_not_asked_again() -> None:
    interview = Interview().with_answer(SCREEN, NO)
    first = ask(interview).id
    assert ask(interview.with_answer(first, UNSURE)).id != first


def test_all_unsure_stops_at_the_question_cap_as_unclear() -> None:
    interview = Interview().with_answer(SCREEN, NO)
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, UNSURE)
    assert step.triage == "unclear"
    assert step.questions_asked == load_knowledge().settings.question_cap


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
    interview = Interview().with_answer(SCREEN, NO)
    profile = {"outer_hip": YES, "lying_on_side": YES, "stairs_car_bed": YES}
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, profile.get(step.id, NO))
    assert step.triage == "see_specialist"
    assert step.conditions[0] == "hip_bursitis"
    assert [r.feature_id for r in step.reasons][:2] == ["outer_hip", "lying_on_side"]
    assert "physical therapist" in step.advice
    assert step.disclaimer == load_knowledge().settings.disclaimer


def test_two_close_conditions_name_a_runner_up() -> None:
    # Sitting-bone pain with a not-sure hamstring test keeps the bursa and the tendon close.
    interview = Interview(
        (
            (SCREEN, NO),
            ("sit_bone", YES),
            ("hamstring_curl_pain", UNSURE),
            ("worse_uphill_sprint", UNSURE),
            ("hip_catching", UNSURE),
        )
    )
    for _ in range(10):
        step = ENGINE.next_step(interview)
        if isinstance(step, Outcome):
            break
        interview = interview.with_answer(step.id, UNSURE)
    assert isinstance(step, Outcome)
    assert step.triage == "see_specialist"
    assert set(step.conditions) == {"ischial_bursitis", "high_hamstring_tendinopathy"}


def test_every_question_has_a_one_sentence_purpose() -> None:
    knowledge = load_knowledge()
    for question_id in (SCREEN, *RED_FLAGS, *FEATURES):
        purpose = knowledge.purpose(question_id)
        assert purpose.endswith(".")
        assert purpose.count(". ") == 0, question_id


def test_the_same_answers_always_give_the_same_next_question() -> None:
    interview = Interview().with_answer(SCREEN, NO).with_answer("sit_bone", NO)
    fresh = Engine(load_knowledge()).next_step(interview)
    assert fresh == ENGINE.next_step(interview) == ENGINE.next_step(interview)
