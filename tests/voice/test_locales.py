"""Locales differ only where the words do: the specialist, the emergency number, urgent help."""

from __future__ import annotations

import re

import pytest

from skill.interaction_model.builder import locales
from skill.knowledge import load_knowledge
from skill.knowledge.speech import LOCALE_WORDS, OTHER_LOCALE, load_speech
from skill.voice.dialogue import Conversation, Dialogue
from testkit.reachable import all_reachable
from testkit.talk import Talk, speech

SPEECH = load_speech()
KNOWLEDGE = load_knowledge()
EMERGENCY = "Please call {emergency_number} or go to an emergency department now."
URGENT = "Please see {urgent_service} today."
HIP_BURSITIS = {"outer_hip": "y", "lying_on_side": "y", "stairs_car_bed": "y"}


def test_every_published_locale_has_its_words_and_no_other_locale_does() -> None:
    assert set(SPEECH.locales) == {*locales(), OTHER_LOCALE}
    for words in SPEECH.locales.values():
        assert set(words) == set(LOCALE_WORDS)


@pytest.mark.parametrize(
    ("locale", "number", "service", "physio"),
    [
        ("en-US", "911", "urgent care", "physical therapist"),
        ("en-CA", "911", "clinic", "physical therapist"),
        ("en-GB", "999", "out-of-hours", "physiotherapist"),
        ("en-AU", "000", "GP", "physiotherapist"),
        ("en-IN", "112", "doctor", "physiotherapist"),
    ],
)
def test_emergency_and_urgent_advice_give_the_local_number_and_service(
    locale: str, number: str, service: str, physio: str
) -> None:
    assert SPEECH.localised(EMERGENCY, locale) == (
        f"Please call {number} or go to an emergency department now."
    )
    assert service in SPEECH.localised(URGENT, locale)
    assert SPEECH.localised("a {physio} who treats runners", locale) == (
        f"a {physio} who treats runners"
    )


def test_a_locale_the_skill_is_not_published_in_guesses_no_emergency_number() -> None:
    for locale in ("fr-FR", "en-NZ", "en-IE"):
        said = SPEECH.localised(EMERGENCY, locale)
        assert (
            said == "Please call your local emergency number or go to an emergency department now."
        )


@pytest.mark.parametrize(
    ("written", "number"), [("en_GB", "999"), ("EN-AU", "000"), ("en-gb", "999")]
)
def test_a_published_locale_written_another_way_keeps_its_emergency_number(
    written: str, number: str
) -> None:
    assert number in SPEECH.localised(EMERGENCY, written)


def test_text_without_placeholders_and_other_braces_is_left_as_it_is() -> None:
    assert SPEECH.localised("{name} and {physio}", "en-GB") == "{name} and physiotherapist"


@pytest.mark.parametrize("locale", ["en-GB", "en-AU", "en-IN"])
def test_a_runner_outside_north_america_hears_physiotherapist_in_speech_and_card(
    locale: str,
) -> None:
    talk = Talk(locale)
    talk.launch()
    response = talk.answer_until_outcome(HIP_BURSITIS)
    assert "physiotherapist" in speech(response)
    assert "physical therapist" not in speech(response)
    assert "physiotherapist" in response["response"]["card"]["content"]


def test_a_runner_in_the_us_hears_physical_therapist() -> None:
    talk = Talk("en-US")
    talk.launch()
    assert "physical therapist" in speech(talk.answer_until_outcome(HIP_BURSITIS))


def test_no_reachable_turn_in_any_locale_says_a_placeholder() -> None:
    for reached in all_reachable():
        said = reached.turn.said
        texts = [*said.speech, said.reprompt or ""]
        if said.card:
            texts += [said.card.title, said.card.content]
        assert not any(re.search(r"[{}]", text) for text in texts), (reached.said, reached.state)


def test_every_clinical_text_is_filled_for_every_locale() -> None:
    k = KNOWLEDGE
    texts = [k.settings.unclear_advice, k.settings.uncertain_advice]
    texts += [c.advice for c in k.conditions.values()]
    texts += [r.advice for r in k.red_flags.values()]
    texts += [r.caution for r in k.red_flags.values()]
    for locale in locales():
        for text in texts:
            assert "{" not in SPEECH.localised(text, locale), text


def test_the_conversation_carries_the_request_locale_into_every_turn() -> None:
    turn = Dialogue().launch(Conversation(locale="en-AU"))
    assert turn.conversation.locale == "en-AU"
    assert Dialogue().start_over(turn.conversation).conversation.locale == "en-AU"
