"""Whole conversations from a simulated Alexa device (virtual-alexa) with the running service."""

from __future__ import annotations

import tomllib
import zlib
from typing import Any

import pytest

from skill.knowledge import load_knowledge
from skill.triage import Answer, Interview, Outcome, shipped_engine
from testkit.vignettes import VIGNETTES_FILE
from tests.e2e.turns import Converse, Turn
from tests.triage.spec import CONDITIONS, FEATURES, SCREEN, SCREEN_ORDER

VIGNETTES = VIGNETTES_FILE
KNOWLEDGE = load_knowledge()

# Ways to answer that the interaction model must resolve (a built-in word or one of its samples).
SAYINGS = {
    "y": ("yes", "yes it does", "yeah it does", "I think so"),
    "n": ("no", "no it doesn't", "not really", "nope it doesn't"),
    "u": ("not sure", "I don't know", "maybe", "hard to say"),
}
INTENT_FOR = {"y": "AMAZON.YesIntent", "n": "AMAZON.NoIntent", "u": "NotSureIntent"}


def load_vignettes() -> list[dict[str, Any]]:
    vignettes: list[dict[str, Any]] = tomllib.loads(VIGNETTES.read_text("utf-8"))["vignette"]
    return vignettes


def first_vignette(expect: list[str]) -> dict[str, Any]:
    return next(v for v in load_vignettes() if v["expect"] == expect)


def saying(code: str, question_id: str) -> str:
    """A fixed choice among the ways to say an answer, different from question to question."""
    options = SAYINGS[code]
    return options[zlib.crc32(question_id.encode()) % len(options)]


def answer_step(vignette: dict[str, Any]) -> dict[str, Any]:
    """The driver step that answers every question as the vignette's runner would."""
    codes: dict[str, str] = vignette["answers"]
    every_question = (*SCREEN_ORDER, *FEATURES)
    return {
        "answer": {q: saying(code_for(codes, q), q) for q in every_question},
        "otherwise": "no",
    }


def engine_questions(vignette: dict[str, Any]) -> list[str]:
    """The questions the engine asks this runner, played in-process, for comparison."""
    codes: dict[str, str] = vignette["answers"]
    interview, asked = Interview(), []
    while not isinstance(step := shipped_engine().next_step(interview), Outcome):
        asked.append(step.id)
        interview = interview.with_answer(step.id, Answer(code_for(codes, step.id)))
    return asked


def code_for(codes: dict[str, str], question_id: str) -> str:
    """As tests/triage/vignettes.toml says: umbrellas take the red_flag_any answer."""
    if question_id.startswith(SCREEN) and question_id not in codes:
        return codes.get(SCREEN, "n")
    return codes.get(question_id, "n")


def waiting_question(turns: list[Turn]) -> str:
    question = turns[-1].question
    assert question is not None, turns[-1].speech
    return question


CONDITION_CASES = [first_vignette(["see_specialist", condition]) for condition in CONDITIONS]


@pytest.mark.parametrize("vignette", CONDITION_CASES, ids=lambda v: v["expect"][1])
def test_launch_to_outcome_names_the_runners_condition(
    converse: Converse, vignette: dict[str, Any]
) -> None:
    turns = converse({"launch": True}, answer_step(vignette))
    condition = vignette["expect"][1]
    final = turns[-1]

    assert final.outcome is not None, final.speech
    assert final.outcome["triage"] == "see_specialist"
    assert final.outcome["conditions"][0] == condition
    assert KNOWLEDGE.conditions[condition].name.lower() in final.speech.lower()
    assert not final.ends_session and final.reprompt  # the offer to hear more stays open
    asked = [turn.question for turn in turns[:-1]]
    assert asked == engine_questions(vignette)
    # virtual-alexa resolved every spoken answer to the intended intent.
    codes = vignette["answers"]
    for question, turn in zip(asked, turns[1:], strict=True):
        assert question is not None
        assert turn.intent == INTENT_FOR[codes.get(question, "n")], (turn.said, turn.intent)


def test_runner_unsure_about_several_things_still_gets_an_outcome(converse: Converse) -> None:
    vignette = next(v for v in load_vignettes() if "unsure" in v["name"])
    turns = converse({"launch": True}, answer_step(vignette))
    assert any(turn.intent == "NotSureIntent" for turn in turns)
    assert turns[-1].outcome is not None
    assert turns[-1].outcome["conditions"][:1] == vignette["expect"][1:2]


@pytest.mark.parametrize("triage", ["emergency", "urgent"])
def test_red_flag_gives_the_advice_and_it_can_be_heard_again(
    converse: Converse, triage: str
) -> None:
    vignette = first_vignette([triage])
    turns = converse({"launch": True}, answer_step(vignette), {"utter": "what was that number"})
    advice, again = turns[-2], turns[-1]

    assert advice.outcome == {"triage": triage, "conditions": []}
    assert not advice.ends_session and advice.speech.endswith("Say repeat to hear that again.")
    assert "call 911" in advice.reprompt
    assert advice.response["response"]["card"]["title"]
    asked = {turn.question for turn in turns[:-2]}
    assert asked <= set(SCREEN_ORDER), "no symptom questions before the advice"
    assert again.intent == "AMAZON.RepeatIntent"
    assert again.speech.split(".")[0] == advice.speech.split(".")[0]


def test_a_warning_sign_said_in_passing_mid_interview_gets_its_advice_at_once(
    converse: Converse,
) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": "I fell on the ice last week"})
    said = turns[2]
    assert said.intent == "WarningSignIntent"
    assert said.outcome == {"triage": "urgent", "conditions": []}
    assert ["red_flag_trauma_fever", "y"] in said.answers
    assert said.speech.startswith("Pain after an injury")


def test_a_warning_sign_in_a_long_reply_no_sample_holds_is_heard_through_free_speech(
    converse: Converse,
) -> None:
    turns = converse(
        {"launch": True},
        {"utter": "no"},
        {"utter": "no but to be honest every single step is agony and i can barely walk on it"},
    )
    said = turns[2]
    assert said.intent == "FreeSpeechNoIntent"  # what the device sent: the words, to be understood
    assert said.outcome == {"triage": "urgent", "conditions": []}
    assert ["red_flag_weight_bearing", "y"] in said.answers


def test_an_answer_in_words_of_its_own_is_recorded_through_free_speech(
    converse: Converse,
) -> None:
    turns = converse(
        {"launch": True},
        {"utter": "no"},
        {"utter": "no"},
        {"utter": "no"},
        {"utter": "yeah i'd say so right where i sit on a hard chair"},
    )
    asked, said = turns[3], turns[4]
    assert said.intent == "FreeSpeechYeahIntent"
    assert said.answers[: len(asked.answers)] == asked.answers
    assert [asked.question, "y"] in said.answers


def test_a_correction_changes_the_last_answer_not_the_next(converse: Converse) -> None:
    turns = converse(
        {"launch": True}, {"utter": "no"}, {"utter": "no"}, {"utter": "no wait I meant yes"}
    )
    before, corrected = turns[2], turns[3]
    assert corrected.intent == "CorrectionIntent"
    assert corrected.answers == [*before.answers[:-1], [before.answers[-1][0], "y"]]
    # The screen's last question: a warning sign, said as the answer word.
    assert corrected.speech.startswith("Got it, yes to that.")


def test_after_the_result_runners_ask_what_they_want_to_know(converse: Converse) -> None:
    vignette = first_vignette(["see_specialist", "hip_bursitis"])
    asked = ["can I keep running", "how sure are you", "do I need an MRI", "thank you"]
    turns = converse({"launch": True}, answer_step(vignette), *({"utter": said} for said in asked))
    running, sure, scan, thanks = turns[-4:]
    assert running.intent == "KeepRunningIntent"
    assert KNOWLEDGE.after_result["hip_bursitis"]["keep_running"] in running.speech
    assert sure.intent == "HowSureIntent"
    assert sure.speech.startswith(("Quite sure", "Fairly sure", "Not very sure", "It's close"))
    assert scan.intent == "ScanIntent"
    assert KNOWLEDGE.after_result["hip_bursitis"]["scan"] in scan.speech
    assert thanks.intent == "ThanksIntent" and thanks.ends_session


def test_all_no_runner_hears_that_nothing_fits(converse: Converse) -> None:
    turns = converse({"launch": True}, {"answer": {}, "otherwise": "no"})
    assert turns[-1].outcome == {"triage": "unclear", "conditions": []}


def test_go_back_undoes_the_last_answer(converse: Converse) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": "yes"}, {"utter": "go back"})
    after_screen, after_first, undone = turns[1], turns[2], turns[3]

    assert undone.intent == "GoBackIntent"
    assert undone.question == after_screen.question != after_first.question
    assert undone.answers == after_screen.answers == [[SCREEN, "n"]]
    assert KNOWLEDGE.question_text(after_screen.question) in undone.speech


def test_not_sure_is_recorded_as_an_answer(converse: Converse) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": "not sure"})
    first_question = turns[1].question
    assert turns[2].intent == "NotSureIntent"
    assert turns[2].answers == [[SCREEN, "n"], [first_question, "u"]]
    assert turns[2].question not in (None, first_question)


def test_why_explains_the_question_and_keeps_it_waiting(converse: Converse) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": "why"})
    question = waiting_question(turns[:2])
    why = turns[2]

    assert why.intent == "WhyIntent"
    assert why.question == question
    assert KNOWLEDGE.purpose(question) in why.speech
    assert why.speech.endswith(KNOWLEDGE.question_text(question))
    assert why.answers == turns[1].answers


def test_explain_a_condition_by_its_common_name_mid_interview(converse: Converse) -> None:
    turns = converse(
        {"launch": True},
        {"utter": "no"},
        {"intend": "ExplainConditionIntent", "slots": {"condition": "runner's butt"}},
        {"utter": "what is the piriformis"},
    )
    question = turns[1].question
    runners_butt, piriformis = turns[2], turns[3]

    assert runners_butt.speech.startswith("Ischial bursitis.")
    assert piriformis.intent == "ExplainConditionIntent"
    assert piriformis.speech.startswith("Piriformis syndrome.")
    for turn in (runners_butt, piriformis):
        assert turn.question == question  # the interview waits where it was
        # The reprompt rephrases the question and reminds the ways to answer.
        assert turn.reprompt.startswith(KNOWLEDGE.plain_text(question))
        assert turn.reprompt.endswith("yes, no, sometimes, or not sure.")


def test_explain_an_unknown_condition_says_what_it_can_explain(converse: Converse) -> None:
    # A one-shot request (mid-question an unknown word gets the question in other words).
    (turn,) = converse(
        {"intend": "ExplainConditionIntent", "slots": {"condition": "hamstring pain"}},
    )
    slot = turn.request["request"]["intent"]["slots"]["condition"]
    assert slot["resolutions"]["resolutionsPerAuthority"][0]["status"]["code"] == (
        "ER_SUCCESS_NO_MATCH"
    )
    assert turn.speech.startswith("I don't know that one.") and "what is sciatica" in turn.speech
    assert not turn.ends_session and turn.reprompt


def test_explain_after_the_outcome_describes_the_named_condition(converse: Converse) -> None:
    vignette = first_vignette(["see_specialist", "hip_bursitis"])
    turns = converse({"launch": True}, answer_step(vignette), {"intend": "ExplainConditionIntent"})
    assert turns[-1].speech.lower().startswith(KNOWLEDGE.conditions["hip_bursitis"].name.lower())
    assert turns[-1].outcome == turns[-2].outcome


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("help", "AMAZON.HelpIntent"),
        ("repeat", "AMAZON.RepeatIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
    ],
)
def test_built_in_requests_keep_the_question_waiting(
    converse: Converse, said: str, intent: str
) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": said})
    question = turns[1].question
    assert turns[2].intent == intent
    assert turns[2].question == question
    assert turns[2].speech.endswith(KNOWLEDGE.question_text(question))
    assert turns[2].answers == turns[1].answers


def test_start_over_clears_the_answers_but_the_safety_ones(converse: Converse) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": "yes"}, {"utter": "start over"})
    assert turns[3].intent == "AMAZON.StartOverIntent"
    # Both answers were to safety questions: they are kept, and the screen goes on from there.
    assert turns[3].answers == turns[2].answers
    assert turns[3].question == turns[2].question
    assert turns[3].speech.startswith("Okay, from the top, keeping your safety answers.")


@pytest.mark.parametrize(
    ("said", "intent"), [("stop", "AMAZON.StopIntent"), ("cancel", "AMAZON.CancelIntent")]
)
def test_stop_and_cancel_say_goodbye_and_close_the_session(
    converse: Converse, said: str, intent: str
) -> None:
    turns = converse({"launch": True}, {"utter": "no"}, {"utter": said}, {"utter": "help"})
    goodbye, next_session = turns[2], turns[3]
    assert goodbye.intent == intent
    assert goodbye.ends_session and not goodbye.reprompt and goodbye.speech
    # The device forgot the session: the next request opens a new one without the answers.
    assert next_session.request["session"]["new"] is True
    assert (
        "attributes" not in next_session.request["session"]
        or not (next_session.request["session"]["attributes"])
    )


@pytest.mark.parametrize("reason", ["USER_INITIATED", "EXCEEDED_MAX_REPROMPTS", "ERROR"])
def test_session_ended_by_the_device_gets_no_speech(converse: Converse, reason: str) -> None:
    turns = converse({"launch": True}, {"end_session": reason})
    ended = turns[1]
    assert ended.request["request"]["type"] == "SessionEndedRequest"
    assert ended.request["request"]["reason"] == reason
    assert ended.response["version"] == "1.0"
    assert "outputSpeech" not in ended.response["response"]
    assert "reprompt" not in ended.response["response"]


def test_one_shot_question_without_launch(converse: Converse) -> None:
    turns = converse({"utter": "what is sciatica"})
    assert turns[0].request["session"]["new"] is True
    assert turns[0].speech.lower().startswith(KNOWLEDGE.conditions["sciatica"].name.lower())
    assert turns[0].reprompt and not turns[0].ends_session


def test_british_english_model_drives_the_same_interview(converse: Converse) -> None:
    vignette = first_vignette(["see_specialist", "sciatica"])
    turns = converse({"launch": True}, answer_step(vignette), locale="en-GB")
    assert turns[0].request["request"]["locale"] == "en-GB"
    assert turns[-1].outcome is not None
    assert turns[-1].outcome["conditions"][0] == "sciatica"
