"""Whole conversations through real request envelopes and the real Lambda handler."""

from __future__ import annotations

import logging

import pytest

from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.understanding import (
    ER_SUCCESS_MATCH,
    ER_SUCCESS_NO_MATCH,
    IntentMatch,
    Resolution,
    SlotMatch,
)
from skill.voice import intents, new_skill_builder
from skill.voice.dialogue import Conversation, Dialogue, Turn
from testkit.talk import Talk, check_response, condition_slot, reprompt, speech
from tests.model import LOCALES

KNOWLEDGE = load_knowledge()
SCREEN_TEXT = KNOWLEDGE.red_flags["red_flag_any"].question
SCREEN_PLAIN = KNOWLEDGE.red_flags["red_flag_any"].plain
WAYS = "You can say yes, no, sometimes, or not sure."
DISCLAIMER = KNOWLEDGE.settings.disclaimer
HIP_BURSITIS = {"outer_hip": "y", "lying_on_side": "y", "stairs_car_bed": "y"}


def test_launch_welcomes_says_it_is_not_a_diagnosis_and_asks_the_screen(talk: Talk) -> None:
    said = speech(talk.launch())
    assert said.startswith("Welcome to Glute Detective")
    assert "not a diagnosis" in said
    assert said.endswith(SCREEN_TEXT)
    assert reprompt(talk.last) == f"{SCREEN_PLAIN} {WAYS}"
    assert talk.attributes["question"] == "red_flag_any"
    assert "outcome" not in talk.attributes


def test_one_shot_explain_describes_the_condition_and_offers_to_start(talk: Talk) -> None:
    said = talk.say(intents.EXPLAIN_CONDITION, condition_slot("piriformis", "piriformis_syndrome"))
    assert said.startswith("Piriformis syndrome.")
    assert "say yes to start" in said
    assert not talk.ended
    assert talk.say(intents.YES).endswith(SCREEN_TEXT)
    assert talk.attributes["question"] == "red_flag_any"


def test_one_shot_no_after_the_offer_says_goodbye(talk: Talk) -> None:
    talk.say(intents.HELP)
    assert "Take care" in talk.say(intents.NO)
    assert talk.ended


def test_a_full_interview_ends_with_the_condition_reasons_advice_card_and_offer(
    talk: Talk,
) -> None:
    talk.launch()
    response = talk.answer_until_outcome(HIP_BURSITIS)
    said = speech(response)
    assert said.startswith("My best lead is hip bursitis")
    assert "because the pain is over the bony point on the outside of your hip" in said
    assert "physical therapist" in said and DISCLAIMER in said
    assert talk.attributes["outcome"]["triage"] == "see_specialist"
    assert talk.attributes["outcome"]["conditions"][0] == "hip_bursitis"
    assert "question" not in talk.attributes
    card = response["response"]["card"]
    assert card["type"] == "Simple" and "hip bursitis" in card["content"]
    assert not talk.ended and said.endswith("Want to hear more?")
    assert "what else it could be" in reprompt(response)


def test_after_the_outcome_yes_explains_and_no_closes_the_session(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome(HIP_BURSITIS)
    assert talk.say(intents.YES).startswith("Hip bursitis")
    assert not talk.ended
    talk.say(intents.NO)
    assert talk.ended


def test_saddle_numbness_ends_with_emergency_advice_that_can_be_heard_again(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.YES)
    response = talk.intent(intents.YES)  # numbness in the groin
    said = speech(response)
    assert "call 911" in said  # en-US: the local number
    # The session stays open so that the number can be heard again; the card says the rest.
    assert said.endswith("Say repeat to hear that again.") and not talk.ended
    assert "call 911" in reprompt(response)
    assert talk.say(intents.REPEAT).startswith("That can mean nerves")
    assert DISCLAIMER in response["response"]["card"]["content"]
    assert talk.attributes["outcome"] == {"triage": "emergency", "conditions": []}
    card = response["response"]["card"]
    assert card["title"].endswith("please get help")
    assert card["content"].startswith("That can mean nerves at the base of your spine")


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112")],
)
def test_emergency_advice_names_the_emergency_number_of_the_requests_locale(
    locale: str, number: str
) -> None:
    talk = Talk(locale)
    talk.launch()
    talk.intent(intents.YES)
    said = speech(talk.intent(intents.YES))  # numbness in the groin
    assert f"call {number} or go to an emergency department" in said.lower()
    assert talk.last["response"]["card"]["content"].count(number) == 1


def test_same_day_help_in_britain_and_ireland_is_the_gp_or_out_of_hours() -> None:
    talk = Talk("en-GB")
    talk.launch()
    while talk.attributes["question"] != "red_flag_trauma_fever":
        talk.intent(intents.YES if talk.attributes["question"] == "red_flag_any_2" else intents.NO)
    assert "see your GP or out-of-hours service" in talk.say(intents.YES)


def test_weight_bearing_pain_is_urgent(talk: Talk) -> None:
    talk.launch()
    while talk.attributes["question"] != "red_flag_weight_bearing":
        umbrella = talk.attributes["question"].startswith("red_flag_any")
        talk.intent(intents.YES if umbrella else intents.NO)
    said = talk.say(intents.YES)
    assert "stress fracture" in said and not talk.ended
    assert talk.attributes["outcome"]["triage"] == "urgent"


def test_serious_signs_say_see_a_doctor_first_then_the_likely_condition(talk: Talk) -> None:
    talk.launch()
    response = talk.answer_until_outcome(
        {"red_flag_serious": "y", "pelvic_dimple": "y", "stairs_car_bed": "y", "low_back_pain": "y"}
    )
    said = speech(response)
    assert said.startswith(("Please see a doctor within a few days", "First, see a doctor"))
    assert said.index("within a few days") < said.index("sacroiliac joint dysfunction")
    assert response["response"]["card"]["content"].startswith("Please see a doctor")
    assert talk.attributes["outcome"] == {"triage": "soon", "conditions": ["si_joint_dysfunction"]}
    assert not talk.ended


def test_all_no_is_unclear_and_offers_to_start_over(talk: Talk) -> None:
    talk.launch()
    response = talk.answer_until_outcome({})
    said = speech(response)
    assert "usual causes" in said and DISCLAIMER in said
    card = response["response"]["card"]
    assert card["title"] == "Glute Detective: what to do next"  # no cause named in the title
    assert card["content"].startswith("Your answers don't fit")
    assert talk.attributes["outcome"] == {"triage": "unclear", "conditions": []}
    # Yes, start over: the safety answers are kept, so the first symptom question comes.
    assert talk.say(intents.YES).startswith("Okay, from the top, keeping your safety answers.")


def test_not_sure_is_recorded_as_neither_yes_nor_no(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    first = talk.attributes["question"]
    talk.intent(intents.NOT_SURE)
    assert talk.answers[-1] == (first, "u")
    assert talk.attributes["question"] != first


def test_go_back_asks_the_previous_question_again(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    first = talk.attributes["question"]
    talk.intent(intents.YES)
    said = talk.say(intents.GO_BACK)
    assert talk.attributes["question"] == first
    assert said.endswith(KNOWLEDGE.question_text(first))


def test_go_back_at_the_first_question_says_there_is_nothing_to_undo(talk: Talk) -> None:
    talk.launch()
    assert "nothing to go back to" in talk.say(intents.GO_BACK)
    assert talk.attributes["question"] == "red_flag_any"


def test_go_back_after_the_outcome_reopens_the_last_question(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome(HIP_BURSITIS)
    last_answered = talk.answers[-1][0]
    talk.intent(intents.GO_BACK)
    assert talk.attributes["question"] == last_answered
    assert "outcome" not in talk.attributes


def test_repeat_says_the_waiting_question_again_without_changing_anything(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    before = talk.attributes
    assert talk.say(intents.REPEAT) == KNOWLEDGE.question_text(before["question"])
    assert talk.attributes == before


def test_repeat_after_the_outcome_repeats_the_outcome_without_the_filler(talk: Talk) -> None:
    talk.launch()
    first = speech(talk.answer_until_outcome(HIP_BURSITIS))
    again = talk.say(intents.REPEAT)
    assert again.startswith(first.split(".")[0])
    # The disclaimer was said twice already (at the start and with the result), and the offer
    # to hear more is made once per result.
    assert DISCLAIMER not in again and "hear more" not in again


def test_start_over_clears_the_answers_but_keeps_the_safety_answers(talk: Talk) -> None:
    talk.launch()
    while talk.attributes["question"].startswith("red_flag"):
        talk.intent(intents.NO)
    safety = talk.answers
    talk.intent(intents.YES)
    said = talk.say(intents.START_OVER)
    assert said.startswith("Okay, from the top, keeping your safety answers.")
    assert talk.answers == safety
    assert not talk.attributes["question"].startswith("red_flag")


def test_start_over_at_the_first_question_starts_from_the_screen(talk: Talk) -> None:
    talk.launch()
    assert talk.say(intents.START_OVER).endswith(SCREEN_TEXT)
    assert talk.answers == []


def test_why_explains_the_waiting_question_and_asks_it_again(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    question = talk.attributes["question"]
    said = talk.say(intents.WHY)
    assert said.startswith(KNOWLEDGE.purpose(question))
    assert said.endswith(KNOWLEDGE.question_text(question))


def test_explain_mid_interview_keeps_the_question_waiting(talk: Talk) -> None:
    talk.launch()
    said = talk.say(intents.EXPLAIN_CONDITION, condition_slot("runner's butt", "ischial_bursitis"))
    assert said.startswith("Ischial bursitis.")
    assert said.endswith(SCREEN_TEXT)
    assert talk.attributes["question"] == "red_flag_any"


def test_explain_something_unknown_says_what_it_can_explain_in_a_breath(talk: Talk) -> None:
    said = talk.say(intents.EXPLAIN_CONDITION, condition_slot("<tennis> & elbow"))
    assert said.startswith("I don't know that one.")
    assert "what is sciatica" in said
    # Not all fifteen names: a list that long took over twenty seconds to hear.
    assert "piriformis syndrome" not in said
    assert said.endswith("Just say yes to start.")


def test_an_unknown_word_mid_question_gets_the_question_again_in_other_words(talk: Talk) -> None:
    talk.launch()
    said = talk.say(intents.EXPLAIN_CONDITION, condition_slot("<tennis> & elbow"))
    assert said.startswith("I don't know that word.")
    # The waiting question is asked again, so the next "yes" answers a question really asked.
    assert said.endswith(SCREEN_PLAIN)
    assert reprompt(talk.last).startswith(SCREEN_PLAIN)
    assert talk.attributes["question"] == "red_flag_any"
    assert talk.answers == []


def test_explain_without_a_condition_after_the_outcome_explains_the_named_one(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome(HIP_BURSITIS)
    assert talk.say(intents.EXPLAIN_CONDITION, condition_slot(None)).startswith("Hip bursitis")


def test_help_in_the_interview_lists_what_to_say_and_asks_again(talk: Talk) -> None:
    talk.launch()
    said = talk.say(intents.HELP)
    assert "warning signs" in said and "not sure" in said and "what do you mean" in said
    assert said.endswith(SCREEN_TEXT)
    talk.intent(intents.NO)
    while talk.attributes["question"].startswith("red_flag"):
        talk.intent(intents.NO)
    said = talk.say(intents.HELP)
    assert "rules causes in or out" in said and "where it hurts" in said


@pytest.mark.parametrize("name", [intents.STOP, intents.CANCEL, intents.NAVIGATE_HOME])
def test_stop_cancel_and_home_say_goodbye_and_close(talk: Talk, name: str) -> None:
    talk.launch()
    said = talk.say(name)
    # The disclaimer is said at the start and with the result, not a third time.
    assert "Take care" in said and DISCLAIMER not in said
    assert talk.ended


@pytest.mark.parametrize("name", [intents.FALLBACK, "SomeIntentFromAnotherModel"])
def test_fallback_and_unknown_intents_reask_the_waiting_question(talk: Talk, name: str) -> None:
    talk.launch()
    said = talk.say(name)
    assert said.startswith("Sorry, I didn't catch that.")
    assert said.endswith(SCREEN_TEXT)
    assert talk.attributes["question"] == "red_flag_any"


def test_session_ended_request_gets_an_empty_response(talk: Talk) -> None:
    talk.launch()
    response = talk.send(talk.envelopes.session_ended(talk.session, "USER_INITIATED"))
    assert "outputSpeech" not in response["response"]


@pytest.mark.parametrize(
    "attributes",
    [
        {"interview": {"v": 2, "a": "past_knee:y,past_knee:n"}},  # answered twice
        {"interview": "garbage", "question": "past_knee"},
        {"interview": {"v": 99}},
        {"interview": {"v": 2, "a": ",".join(["red_flag_any:n"] * 500)}},
        {"interview": {"v": 1, "a": [["red_flag_any", "n"]]}},  # the old format
        {"question": "<script>", "outcome": {"triage": "urgent"}},
    ],
)
def test_tampered_session_attributes_restart_cleanly(
    talk: Talk, attributes: dict[str, object]
) -> None:
    talk.launch()
    talk.session.attributes = attributes
    talk.intent(intents.YES)
    assert talk.attributes["question"] in ("red_flag_saddle", "red_flag_any")
    assert len(talk.answers) <= 1


def test_an_unexpected_error_apologises_and_keeps_the_session(talk: Talk) -> None:
    class BrokenWhy(Dialogue):
        def why(self, conversation: Conversation) -> Turn:
            raise RuntimeError("boom")

    broken_skill = new_skill_builder(BrokenWhy()).lambda_handler()
    talk.launch()
    response = broken_skill(talk.envelopes.intent(talk.session, IntentMatch(intents.WHY)), None)
    check_response(response, "IntentRequest")
    said = speech(response)
    assert said.startswith("Sorry, something went wrong")
    assert said.endswith(SCREEN_TEXT)
    assert not response["response"]["shouldEndSession"]
    assert response["sessionAttributes"]["question"] == "red_flag_any"


def test_logs_name_request_types_and_intents_but_never_what_was_said(
    talk: Talk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    talk.launch()
    talk.say(intents.EXPLAIN_CONDITION, condition_slot("my sore sitting bone", None))
    talk.intent(intents.YES)
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "ExplainConditionIntent" in logged and "LaunchRequest" in logged
    assert "sitting bone" not in logged
    assert "interview" not in logged


def test_other_locales_get_the_same_skill() -> None:
    for locale in ("en-GB", "en-CA", "en-AU", "en-IN"):
        talk = Talk(locale)
        assert speech(talk.launch()).endswith(SCREEN_TEXT)


def test_a_request_without_a_session_is_answered_without_session_attributes(talk: Talk) -> None:
    envelope = talk.envelopes.intent(talk.session, IntentMatch(intents.HELP))
    del envelope["session"]
    response = talk.send(envelope)
    assert "sessionAttributes" not in response or not response["sessionAttributes"]
    assert "Glute Detective asks short questions" in speech(response)


def term_slot(heard: str, resolved_id: str | None = None) -> SlotMatch:
    status = ER_SUCCESS_MATCH if resolved_id else ER_SUCCESS_NO_MATCH
    resolution = Resolution(status, resolved_id, heard if resolved_id else None)
    return SlotMatch(intents.TERM_SLOT, "TermType", value=heard, resolution=resolution)


def test_what_do_you_mean_at_a_safety_question_asks_it_plainly_and_records_nothing(
    talk: Talk,
) -> None:
    talk.launch()
    talk.intent(intents.YES)
    said = talk.say(intents.CONFUSED)
    assert said.endswith(KNOWLEDGE.red_flags["red_flag_saddle"].plain)
    assert talk.attributes["question"] == "red_flag_saddle"
    assert talk.answers == [("red_flag_any", "y")]


def test_a_term_is_explained_in_one_breath_and_the_question_asked_again(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    question = talk.attributes["question"]
    said = talk.say(intents.TERM, term_slot("sit bone", "sitting_bone"))
    assert said == (
        f"{KNOWLEDGE.terms['sitting_bone'].explanation} {KNOWLEDGE.question_text(question)}"
    )
    assert talk.attributes["question"] == question and talk.answers == [("red_flag_any", "n")]


def test_a_term_that_does_not_resolve_gets_the_question_in_other_words(talk: Talk) -> None:
    talk.launch()
    said = talk.say(intents.TERM, term_slot("elbow"))
    assert (
        said == f"I don't know that word. Here is the question again in other words. {SCREEN_PLAIN}"
    )
    assert talk.answers == []


def test_sometimes_is_recorded_as_its_own_answer(talk: Talk) -> None:
    talk.launch()
    talk.intent(intents.NO)
    question = talk.attributes["question"]
    talk.intent(intents.SOMETIMES)
    assert talk.answers == [("red_flag_any", "n"), (question, "s")]


def test_something_not_understood_after_the_outcome_says_what_can_be_asked(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome(HIP_BURSITIS)
    said = talk.say(intents.FALLBACK)
    assert said.startswith("Sorry, I can't help with that one.")
    assert "what else it could be" in said and not talk.ended
    assert talk.attributes["outcome"]["conditions"][0] == "hip_bursitis"
    assert talk.say(intents.FALLBACK).startswith("You have your result.")


def test_two_misunderstandings_in_a_row_get_short_help_and_an_answer_resets_the_count(
    talk: Talk,
) -> None:
    talk.launch()
    assert talk.say(intents.FALLBACK).startswith("Sorry, I didn't catch that.")
    assert talk.attributes["misunderstood"] == 1
    assert talk.say(intents.FALLBACK).startswith("Just say yes, no, sometimes, or not sure.")
    talk.intent(intents.NO)
    assert "misunderstood" not in talk.attributes
    assert talk.say(intents.FALLBACK).startswith("Sorry, I didn't catch that.")


def test_a_tampered_misunderstanding_count_is_kept_small(talk: Talk) -> None:
    talk.launch()
    talk.session.attributes = {**talk.attributes, "misunderstood": 10**9}
    talk.say(intents.FALLBACK)
    assert talk.attributes["misunderstood"] == 10


def test_one_shot_start_opens_with_the_welcome_and_the_first_question(talk: Talk) -> None:
    said = talk.say(intents.START)
    assert said.startswith("Welcome to Glute Detective") and said.endswith(SCREEN_TEXT)
    assert talk.attributes["question"] == "red_flag_any"


def test_questions_left_counts_down_and_keeps_the_question(talk: Talk) -> None:
    usual = KNOWLEDGE.settings.usual_questions
    talk.launch()
    during_the_screen = talk.say(intents.QUESTIONS_LEFT)
    assert during_the_screen.startswith(f"After this safety check, no more than {usual}")
    while talk.attributes["question"].startswith("red_flag"):  # no warning signs
        talk.intent(intents.NO)
    answers = talk.answers
    assert talk.say(intents.QUESTIONS_LEFT).startswith(f"No more than {usual} more questions")
    assert talk.answers == answers
    talk.intent(intents.NO)
    assert talk.say(intents.QUESTIONS_LEFT).startswith(f"No more than {usual - 1} more questions")


# A piriformis runner who also has low back pain: at the usual length, one slipped answer would
# still change the result (tests/triage/test_engine.py), so a few more questions follow.
DOUBLE_CHECKED = {
    "deep_buttock_spot": intents.YES,
    "worse_sitting": intents.YES,
    "cross_leg_pain": intents.YES,
    "low_back_pain": intents.YES,
    "upper_hamstring_spread": intents.SOMETIMES,
}


def test_past_the_usual_length_the_runner_hears_once_why_the_questions_go_on(talk: Talk) -> None:
    usual, cap = KNOWLEDGE.settings.usual_questions, KNOWLEDGE.settings.question_cap
    preface = load_speech().say("ask.double_check")
    said = speech(talk.launch())
    symptoms = 0
    while "question" in talk.attributes:
        question = talk.attributes["question"]
        if symptoms == usual - 1:
            assert talk.say(intents.QUESTIONS_LEFT).startswith("This should be the last")
        if symptoms == usual:
            assert said == f"{preface} {KNOWLEDGE.question_text(question)}"
            left = talk.say(intents.QUESTIONS_LEFT)
            assert left.startswith(f"I'm double-checking your answers: at most {cap - usual}")
        else:
            assert preface not in said
        symptoms += not question.startswith("red_flag")
        said = talk.say(DOUBLE_CHECKED.get(question, intents.NO))
    assert usual < symptoms <= cap
    assert talk.attributes["outcome"]["conditions"][0] == "piriformis_syndrome"


_HELP_NOW_FLAGS = [
    flag_id
    for flag_id, flag in KNOWLEDGE.red_flags.items()
    if flag.triage in ("emergency", "urgent")
]


def _raising(flag_id: str) -> dict[str, str]:
    """Answers that raise this warning sign (after its symptom, for a follow-up such as the pop)."""
    follows = KNOWLEDGE.red_flags[flag_id].follows
    if follows is not None:
        return {follows: "y", flag_id: "y", "sit_bone": "y", "hamstring_curl_pain": "y"}
    return {"red_flag_any": "y", "red_flag_any_2": "y", flag_id: "y"}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("flag_id", _HELP_NOW_FLAGS)
def test_get_help_now_advice_says_it_is_not_a_diagnosis_and_how_to_hear_it_again(
    locale: str, flag_id: str
) -> None:
    talk = Talk(locale)
    talk.launch()
    said = speech(talk.answer_until_outcome(_raising(flag_id)))
    assert talk.attributes["outcome"]["triage"] == KNOWLEDGE.red_flags[flag_id].triage
    assert DISCLAIMER in said
    assert said.endswith("Say repeat to hear that again.")
    assert not talk.ended


def test_two_reasons_are_joined_after_a_comma_when_the_first_has_one(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome({"back_not_buttock": "y", "low_back_pain": "y"})
    assert talk.attributes["outcome"]["conditions"][:1] == ["lumbar_back_pain"]
    said = talk.say(intents.WHY)
    assert "not your buttock or leg, and " in said


@pytest.mark.parametrize("name", [intents.NOT_SURE, intents.SOMETIMES])
def test_an_unsure_reply_to_the_offer_after_a_result_says_what_can_be_asked(
    talk: Talk, name: str
) -> None:
    talk.launch()
    talk.answer_until_outcome(HIP_BURSITIS)
    said = talk.say(name)
    assert said.startswith("You have your result. You can ask why")
    assert not talk.ended


def test_a_denial_said_while_another_question_waits_answers_no_to_the_named_one(
    talk: Talk,
) -> None:
    talk.launch()
    while talk.attributes["question"].startswith("red_flag"):
        talk.intent(intents.NO)
    waiting = talk.attributes["question"]
    below_knee = SlotMatch(
        intents.FACT_SLOT,
        "FactType",
        value="below my knee",
        resolution=Resolution(ER_SUCCESS_MATCH, "past_knee", "down my leg"),
    )
    said = talk.say(intents.NO_PAIN_FACT, below_knee)
    assert said.startswith("Got it: the pain stops above your knee.")
    assert ("past_knee", "n") in talk.answers
    assert waiting not in dict(talk.answers)
    assert talk.attributes["question"] == waiting


def test_past_the_screen_the_first_pain_question_invites_saying_where_it_hurts_once(
    talk: Talk,
) -> None:
    invitation = load_speech().say("ask.pain_now")
    said = speech(talk.launch())
    while talk.attributes["question"].startswith("red_flag"):
        assert invitation not in said
        said = talk.say(intents.NO)
    first = KNOWLEDGE.question_text(talk.attributes["question"])
    assert said == f"{invitation} {first}"
    assert talk.say(intents.REPEAT) == first
    assert invitation not in talk.say(intents.NO)


def test_one_sign_denied_at_a_safety_question_records_nothing_and_asks_the_rest(
    talk: Talk,
) -> None:
    talk.launch()
    talk.intent(intents.NO)
    question = talk.attributes["question"]
    sign = SlotMatch(
        intents.SIGN_SLOT,
        "WarningSignType",
        value="a fall",
        resolution=Resolution(ER_SUCCESS_MATCH, "red_flag_trauma_fever", "a fall"),
    )
    reply = talk.say(intents.NO_WARNING_SIGN, sign)
    assert reply.startswith("Good, thanks. And the rest of it:")
    assert talk.attributes["question"] == question
    assert (question, "n") not in talk.answers
