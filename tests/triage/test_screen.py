"""The safety screen: every red flag of the clinical spec, most serious first, in at most three
short questions for a runner with no red flag."""

from __future__ import annotations

import itertools
import re

import pytest

from skill.triage import Answer, Interview, Outcome, Question
from tests.triage.spec import AVULSION, ENGINE, FEATURES, RED_FLAGS, SCREEN, SCREEN_ORDER

YES, NO, SOMETIMES, UNSURE = Answer.YES, Answer.NO, Answer.SOMETIMES, Answer.UNSURE
KNOWLEDGE = ENGINE.knowledge
UMBRELLAS = [q for q in SCREEN_ORDER if q.startswith(SCREEN)]
TRIAGE = {
    "red_flag_saddle": "emergency",
    "red_flag_neuro": "emergency",
    "red_flag_trauma_fever": "urgent",
    "red_flag_weight_bearing": "urgent",
    "red_flag_serious": "soon",
}


def through_screen(answers: dict[str, Answer], default: Answer = NO) -> tuple[Interview, list[str]]:
    """Answer the screen from `answers` (others `default`); the interview after it, and the
    screening questions asked."""
    interview, asked = Interview(), []
    while isinstance(step := ENGINE.next_step(interview), Question) and step.is_safety_screen:
        asked.append(step.id)
        interview = interview.with_answer(step.id, answers.get(step.id, default))
    return interview, asked


def finish(interview: Interview, reply: Answer = NO) -> Outcome:
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, reply)
    return step


def test_the_screen_holds_every_flag_of_the_spec_most_serious_first() -> None:
    assert tuple(f for f in KNOWLEDGE.red_flags if f != AVULSION) == SCREEN_ORDER
    assert {f: KNOWLEDGE.red_flags[f].triage for f in RED_FLAGS} == TRIAGE
    severities = ["emergency", "urgent", "soon"]
    listed = [severities.index(flag.triage) for flag in KNOWLEDGE.red_flags.values() if flag.triage]
    assert listed == sorted(listed)


def test_a_runner_without_red_flags_meets_at_most_three_screening_questions() -> None:
    # Every way of saying "no red flag": each screening question answered no, or an umbrella
    # answered yes, sometimes or not sure and every flag behind it no.
    for replies in itertools.product([NO, YES, SOMETIMES, UNSURE], repeat=len(UMBRELLAS)):
        answers = dict(zip(UMBRELLAS, replies, strict=True))
        _, asked = through_screen(answers)
        if all(reply is NO for reply in replies):
            assert len(asked) <= 3, asked
        assert set(asked) <= set(SCREEN_ORDER)
    _, asked = through_screen({})
    assert len(asked) <= 3 and asked[0] == SCREEN


def test_screening_questions_asked_to_everyone_are_short_enough_for_one_breath() -> None:
    for question_id in (
        *UMBRELLAS,
        *(f for f in RED_FLAGS if not KNOWLEDGE.red_flags[f].asks_when),
    ):
        text = KNOWLEDGE.question_text(question_id)
        assert len(text.split()) <= 22, question_id
        # An umbrella names each sign of its flags, in short parts: "a, b, c, or d" at most.
        assert text.count(",") <= 3, question_id


def test_umbrellas_name_the_signs_of_their_flags_and_nothing_wider() -> None:
    nerve = KNOWLEDGE.question_text("red_flag_any").lower()
    # red_flag_neuro covers symptoms in both legs at once, so its umbrella must say so.
    assert "both legs" in nerve and "bladder" in nerve and "between your legs" in nerve
    injury = KNOWLEDGE.question_text("red_flag_any_2").lower()
    # Pain on standing is common with tendon and joint pain; the flag is every step, or a hop.
    assert "every step" in injury and "hop" in injury and "stand" not in injury
    assert "fall" in injury and "fever" in injury


@pytest.mark.parametrize("reply", [YES, SOMETIMES, UNSURE])
def test_yes_sometimes_or_unsure_at_an_umbrella_asks_the_flags_behind_it(reply: Answer) -> None:
    _, asked = through_screen({SCREEN: NO, "red_flag_any_2": reply})
    assert asked == [SCREEN, "red_flag_any_2", "red_flag_trauma_fever",
                     "red_flag_weight_bearing", "red_flag_serious"]  # fmt: skip


@pytest.mark.parametrize("reply", [YES, SOMETIMES, UNSURE])
def test_after_one_warning_sign_every_later_flag_is_asked_on_its_own(reply: Answer) -> None:
    _, asked = through_screen(dict.fromkeys(UMBRELLAS, reply))
    assert asked == [SCREEN, *RED_FLAGS]


def test_no_at_an_umbrella_skips_the_flags_behind_it() -> None:
    _, asked = through_screen({"red_flag_any_2": YES})
    assert asked == ["red_flag_any", "red_flag_any_2", "red_flag_trauma_fever",
                     "red_flag_weight_bearing", "red_flag_serious"]  # fmt: skip


@pytest.mark.parametrize("flag", ["red_flag_saddle", "red_flag_neuro"])
def test_saddle_or_spreading_nerve_signs_end_the_interview_as_an_emergency(flag: str) -> None:
    interview, asked = through_screen({SCREEN: YES, flag: YES})
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome)
    assert outcome.triage == "emergency" and outcome.red_flag == flag
    assert outcome.conditions == () and outcome.questions_asked == 0
    assert "{emergency_number}" in outcome.advice
    assert asked[-1] == flag


@pytest.mark.parametrize("flag", ["red_flag_trauma_fever", "red_flag_weight_bearing"])
def test_injury_fever_or_pain_with_every_step_is_urgent(flag: str) -> None:
    interview, _ = through_screen({"red_flag_any_2": YES, flag: YES})
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome)
    assert outcome.triage == "urgent" and outcome.red_flag == flag
    assert "{urgent_service}" in outcome.advice


def test_serious_signs_let_the_interview_go_on_and_say_see_a_doctor_first() -> None:
    interview, _ = through_screen({"red_flag_serious": YES})
    assert isinstance(ENGINE.next_step(interview), Question)  # the symptom questions follow
    profile = {"deep_buttock_spot": YES, "worse_sitting": YES, "cross_leg_pain": YES}
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, profile.get(step.id, NO))
    assert step.triage == "soon" and step.red_flag == "red_flag_serious"
    assert step.safety_advice is not None and "within a few days" in step.safety_advice
    assert step.conditions[0] == "piriformis_syndrome"
    assert step.advice == KNOWLEDGE.conditions["piriformis_syndrome"].advice


def test_serious_signs_with_answers_that_fit_nothing_are_still_soon() -> None:
    interview, _ = through_screen({"red_flag_serious": YES})
    outcome = finish(interview)
    assert outcome.triage == "soon" and outcome.conditions == ()
    assert outcome.safety_advice == KNOWLEDGE.red_flags["red_flag_serious"].advice


def test_a_sometimes_to_a_specific_flag_counts_as_yes() -> None:
    interview, _ = through_screen({SCREEN: SOMETIMES, "red_flag_neuro": SOMETIMES})
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome) and outcome.triage == "emergency"


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_not_sure_on_a_specific_flag_raises_nothing_but_names_that_sign(flag: str) -> None:
    interview, _ = through_screen({SCREEN: YES, "red_flag_any_2": YES, flag: UNSURE})
    assert not ENGINE.next_step(interview).is_safety_screen  # type: ignore[union-attr]
    outcome = finish(interview)
    assert outcome.triage in ("see_specialist", "unclear")
    assert outcome.caution == KNOWLEDGE.red_flags[flag].caution
    others = [KNOWLEDGE.red_flags[f].caution for f in RED_FLAGS if f != flag]
    assert outcome.caution not in others


def test_cautions_name_each_unsure_flag_in_screen_order() -> None:
    unsure = {"red_flag_neuro": UNSURE, "red_flag_serious": UNSURE}
    interview, _ = through_screen({SCREEN: YES, **unsure})
    caution = finish(interview).caution
    assert caution == " ".join(KNOWLEDGE.red_flags[f].caution for f in unsure)


def test_a_runner_with_no_doubt_at_the_screen_gets_no_caution() -> None:
    interview, _ = through_screen({SCREEN: UNSURE})
    assert finish(interview).caution is None


def test_emergency_wins_over_urgent_and_urgent_over_soon_whatever_the_answers() -> None:
    for raised in itertools.chain.from_iterable(
        itertools.combinations(RED_FLAGS, n) for n in range(1, len(RED_FLAGS) + 1)
    ):
        answers = {**dict.fromkeys(UMBRELLAS, YES), **dict.fromkeys(raised, YES)}
        interview, _ = through_screen(answers)
        expected = min((TRIAGE[f] for f in raised), key=["emergency", "urgent", "soon"].index)
        assert finish(interview).triage == expected, raised


def test_going_back_and_answering_differently_recomputes_the_triage() -> None:
    interview, _ = through_screen({SCREEN: YES, "red_flag_neuro": YES})
    assert finish(interview).triage == "emergency"
    changed = interview.go_back().with_answer("red_flag_neuro", NO)
    changed, _ = through_screen(dict(changed.answers) | {"red_flag_serious": YES})
    assert finish(changed).triage == "soon"


def test_no_screening_question_asks_the_runner_to_do_something_now() -> None:
    for question_id in SCREEN_ORDER:
        text = KNOWLEDGE.question_text(question_id).lower()
        assert not re.search(r"\b(try|hop|stand|press|lie) (on|now|down|your)\b", text), text
        assert text.endswith("?")


def test_red_flag_advice_uses_the_locale_placeholders_not_a_fixed_number() -> None:
    for flag in RED_FLAGS:
        entry = KNOWLEDGE.red_flags[flag]
        for text in (entry.advice, entry.caution):
            assert "911" not in text and "999" not in text and "emergency services" not in text
            placeholders = set(re.findall(r"{(\w+)}", text))
            assert placeholders <= {"emergency_number", "urgent_service"}, flag
    for flag in ("red_flag_saddle", "red_flag_neuro"):
        assert "{emergency_number}" in KNOWLEDGE.red_flags[flag].advice


def test_symptom_questions_follow_a_clear_screen() -> None:
    interview, asked = through_screen({})
    step = ENGINE.next_step(interview)
    assert isinstance(step, Question) and step.id in FEATURES and step.asked_before == 0
    assert len(asked) == 3


def after_screen_and(answers: dict[str, Answer]) -> tuple[Interview, list[str]]:
    """A runner with no warning sign at the screen who then answers symptom questions from
    `answers` (others no): the interview when it ends, and every question asked."""
    interview, asked = through_screen({})
    while isinstance(step := ENGINE.next_step(interview), Question):
        asked.append(step.id)
        interview = interview.with_answer(step.id, answers.get(step.id, NO))
    return interview, asked


@pytest.mark.parametrize("pop", [YES, SOMETIMES])
def test_a_pop_while_sprinting_brings_the_avulsion_question_next(pop: Answer) -> None:
    interview, _ = through_screen({})
    interview = interview.with_answer("sudden_pull", pop)
    step = ENGINE.next_step(interview)
    assert isinstance(step, Question) and step.id == AVULSION and step.is_safety_screen
    assert step.asked_before == 1


def test_bruising_or_trouble_walking_after_a_pop_is_urgent_with_the_surgeons_timescale() -> None:
    interview, _ = through_screen({})
    interview = interview.with_answer("sudden_pull", YES).with_answer(AVULSION, YES)
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome)
    assert outcome.triage == "urgent" and outcome.red_flag == AVULSION
    assert outcome.conditions == () and outcome.questions_asked == 1
    advice = outcome.advice.lower()
    assert "orthopaedic" in advice and "day or two" in advice and "weeks" in advice


def test_no_bruising_after_a_pop_lets_the_interview_go_on() -> None:
    interview, _ = through_screen({})
    interview = interview.with_answer("sudden_pull", YES).with_answer(AVULSION, NO)
    step = ENGINE.next_step(interview)
    assert isinstance(step, Question) and not step.is_safety_screen


def test_the_avulsion_question_is_never_asked_without_a_pop() -> None:
    for answers in ({}, {"sudden_pull": NO}, {"sudden_pull": UNSURE}):
        _, asked = after_screen_and(answers)
        assert AVULSION not in asked


def test_not_sure_about_bruising_after_a_pop_names_that_sign_with_the_outcome() -> None:
    profile = {"sudden_pull": YES, AVULSION: UNSURE, "sit_bone": YES, "hamstring_curl_pain": YES}
    interview, asked = after_screen_and(profile)
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome) and AVULSION in asked
    assert outcome.caution == KNOWLEDGE.red_flags[AVULSION].caution


def test_the_hamstring_tendon_is_never_named_before_asking_about_a_pop() -> None:
    profile = {"sit_bone": YES, "hamstring_curl_pain": YES, "worse_uphill_sprint": YES}
    interview, asked = after_screen_and(profile)
    outcome = ENGINE.next_step(interview)
    assert isinstance(outcome, Outcome)
    assert "high_hamstring_tendinopathy" in outcome.conditions and "sudden_pull" in asked
