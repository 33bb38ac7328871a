"""Every intent gets a sensible answer in every state of the conversation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from skill.voice import intents
from testkit.talk import Talk, condition_slot, speech

CLOSING = {intents.STOP, intents.CANCEL, intents.NAVIGATE_HOME}


def before_the_interview(talk: Talk) -> None:
    """A one-shot request opened the session; no interview has started."""


def at_the_safety_screen(talk: Talk) -> None:
    talk.launch()


def mid_interview(talk: Talk) -> None:
    talk.launch()
    while talk.attributes["question"].startswith("red_flag"):  # no red flags
        talk.intent(intents.NO)
    talk.intent(intents.YES)


def after_a_named_condition(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome({"pelvic_dimple": "y", "stairs_car_bed": "y", "low_back_pain": "y"})
    assert talk.attributes["outcome"]["triage"] == "see_specialist"


def after_an_unclear_outcome(talk: Talk) -> None:
    talk.launch()
    talk.answer_until_outcome({})
    assert talk.attributes["outcome"]["triage"] == "unclear"


STATES: dict[str, Callable[[Talk], None]] = {
    "before the interview": before_the_interview,
    "at the safety screen": at_the_safety_screen,
    "mid-interview": mid_interview,
    "after a named condition": after_a_named_condition,
    "after an unclear outcome": after_an_unclear_outcome,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("intent", [*intents.ALL, "UnknownIntent"])
def test_every_intent_gets_a_valid_answer_in_every_state(state: str, intent: str) -> None:
    talk = Talk()
    STATES[state](talk)
    slots = (condition_slot("sciatica", "sciatica"),) if intent == intents.EXPLAIN_CONDITION else ()
    waiting = talk.attributes.get("question")
    response = talk.intent(intent, *slots)  # Talk checks SSML, limits and the reprompt
    said = speech(response)
    assert said
    # Thanks closes a session only when no question is waiting.
    if intent in CLOSING or (intent == intents.THANKS and waiting is None):
        assert talk.ended
    elif intent != intents.NO:
        assert not talk.ended, f"{intent} closed the session {state}"


@pytest.mark.parametrize("state", STATES)
def test_launching_again_in_any_state_starts_a_fresh_interview(state: str) -> None:
    talk = Talk()
    STATES[state](talk)
    talk.launch()
    assert talk.attributes["question"] == "red_flag_any"
    assert talk.answers == []
