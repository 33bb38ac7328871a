"""Free speech: what a device passes on when no sample holds what was said ("no {speech}"), put
back together and understood as the intent it means."""

from __future__ import annotations

import logging

import pytest

from skill.interaction_model.builder import free_speech_intents
from skill.voice import intents
from testkit.talk import SlotMatch as Slot
from testkit.talk import Talk

NOT_UNDERSTOOD = "Sorry, I didn't catch that."
FIRST_SYMPTOM = "sit_bone"


def said(words: str) -> Slot:
    """The phrase slot as Alexa fills it: the words only, never resolved."""
    return Slot("speech", "AMAZON.SearchQuery", value=words)


def at_first_symptom_question(talk: Talk) -> None:
    talk.launch()
    while talk.attributes["question"] != FIRST_SYMPTOM:
        talk.intent(intents.NO)


def test_a_warning_sign_said_after_no_in_a_long_reply_gets_emergency_advice(talk: Talk) -> None:
    at_first_symptom_question(talk)
    reply = talk.say(
        "FreeSpeechNoIntent",
        said("but actually my bum and the bits between my legs have gone kind of numb"),
    )
    assert talk.attributes["outcome"]["triage"] == "emergency"
    assert "911" in reply


def test_a_hedged_yes_in_words_of_its_own_is_recorded_as_yes(talk: Talk) -> None:
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechYeahIntent", said("i'd say so"))
    assert talk.answers[-1] == (FIRST_SYMPTOM, "y")


def test_an_answer_with_a_place_said_after_it_records_both(talk: Talk) -> None:
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechNoIntent", said("it's more at my tailbone"))
    assert (FIRST_SYMPTOM, "n") in talk.answers
    assert ("tailbone", "y") in talk.answers


def test_the_opening_alone_is_heard_as_itself(talk: Talk) -> None:
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechNoIntent")
    assert talk.answers[-1] == (FIRST_SYMPTOM, "n")


def test_a_question_about_a_word_is_answered_and_records_nothing(talk: Talk) -> None:
    at_first_symptom_question(talk)
    before = talk.answers
    reply = talk.say("FreeSpeechWhereIntent", said("exactly is the sitting bone"))
    assert talk.answers == before
    assert talk.attributes["question"] == FIRST_SYMPTOM
    assert "sitting bone" in reply and not reply.startswith(NOT_UNDERSTOOD)


def test_someone_elses_illness_raises_no_warning_sign(talk: Talk) -> None:
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechNoIntent", said("my wife had a fever last week but i'm fine"))
    assert "outcome" not in talk.attributes
    assert talk.answers[-1] == (FIRST_SYMPTOM, "n")


def test_an_aside_is_left_off_and_what_it_opens_is_heard(talk: Talk) -> None:
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechIntent", said("i can't put any weight on it at all"))
    assert talk.attributes["outcome"]["triage"] == "urgent"


def test_after_a_result_a_question_in_free_speech_gets_its_answer(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome({"past_knee": "y", "numbness_tingling": "y", "low_back_pain": "y"})
    reply = talk.say("FreeSpeechCanIntent", said("i take ibuprofen for it"))
    assert "medicines" in reply
    assert not talk.ended


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("FreeSpeechTheIntent", "purple giraffe on a trampoline"),  # nothing that means here
        ("FreeSpeechIntent", None),  # an aside alone
        ("FreeSpeechBogusIntent", "yes"),  # not the model's: any unknown intent
    ],
)
def test_free_speech_not_understood_gets_didnt_catch_that_and_records_nothing(
    talk: Talk, intent: str, words: str | None
) -> None:
    at_first_symptom_question(talk)
    before = talk.answers
    reply = talk.say(intent, *([said(words)] if words else []))
    assert reply.startswith(NOT_UNDERSTOOD)
    assert talk.answers == before


@pytest.mark.parametrize("name", sorted(free_speech_intents()))
def test_every_free_speech_intent_is_heard_not_left_to_the_catch_all(name: str) -> None:
    talk = Talk()
    talk.launch()
    talk.intent(name, said("my pain"))
    assert talk.last["response"]["outputSpeech"]["ssml"]


def test_logs_name_the_intent_understood_but_never_the_words(
    talk: Talk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    at_first_symptom_question(talk)
    talk.intent("FreeSpeechNoIntent", said("but my wife had cancer"))
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "AMAZON.NoIntent" in logged
    assert "cancer" not in logged and "wife" not in logged
