"""The phrase suite through the chat: typed text, the chat's NLU, a simulated device and the
skill's own Lambda handler, each phrase said in its state and checked for its effect."""

from __future__ import annotations

from typing import Any

import pytest

from skill.chat.device import Device
from skill.chat.envelopes import EnvelopeFactory
from skill.chat.repl import skill_invoke
from skill.understanding import Nlu
from tests.chat.phrases import Phrase, check_effect, load_phrases

PHRASES = load_phrases()
NLU = Nlu.for_locale("en-US")
INVOKE = skill_invoke()


def said_in_its_state(phrase: Phrase, launch_words: str = "") -> dict[str, Any]:
    device = Device(INVOKE, NLU, EnvelopeFactory())
    if phrase.interview is None:
        heard = device.hear(f"{launch_words or 'ask glute detective'} {phrase.said}")
    else:
        device.session = device.envelopes.new_session()
        device.session.new = False
        device.session.attributes = phrase.attributes
        heard = device.hear(phrase.said)
    response = heard.exchanges[-1].response
    assert response is not None and heard.error is None, heard.error
    return response


def test_the_suite_holds_at_least_150_phrasings_in_every_state() -> None:
    assert len(PHRASES) >= 150
    assert {p.state for p in PHRASES} == {
        "none",
        "screen",
        "saddle",
        "symptom",
        "tingling",
        "avulsion",
        "outcome",
        "unclear",
        "urgent",
    }


@pytest.mark.parametrize("phrase", PHRASES, ids=str)
def test_each_phrasing_has_the_effect_the_runner_meant(phrase: Phrase) -> None:
    check_effect(phrase, said_in_its_state(phrase))


@pytest.mark.parametrize(
    "launch", ["ask glute detective about my butt pain", "tell glute detective my hip hurts"]
)
def test_one_shot_starts_open_with_the_welcome_and_the_first_question(launch: str) -> None:
    launch_words, _, rest = launch.partition(" glute detective ")
    phrase = Phrase("none", rest, "start")
    check_effect(phrase, said_in_its_state(phrase, f"{launch_words} glute detective"))


@pytest.mark.parametrize(
    "said", ["I do not understand", "I don't understand the question", "uh", "I do", "it is"]
)
def test_nothing_said_in_confusion_at_a_safety_question_is_recorded(said: str) -> None:
    response = said_in_its_state(Phrase("saddle", said, ""))
    assert response["sessionAttributes"]["question"] == "red_flag_saddle"
    assert response["sessionAttributes"]["interview"]["a"] == "red_flag_any:y"
