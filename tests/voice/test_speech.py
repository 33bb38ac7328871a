"""Spoken lines: every line the dialogue and the screens use exists, and SSML is well formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.interaction_model.builder import locales
from skill.knowledge import KnowledgeError, load_knowledge
from skill.knowledge.model import Triage
from skill.knowledge.speech import Speech, load_speech, parse_speech
from skill.triage import Answer, Interview, Outcome, Question, Reason
from skill.voice import screens
from skill.voice.dialogue import Conversation, Dialogue, with_local_words
from skill.voice.ssml import to_ssml


class FixedStep(NamedTuple):
    """A conversation whose step is given: outcomes the engine reaches only on long paths."""

    step: Outcome
    interview: Interview = Interview()


def outcome(triage: Triage, *conditions: str, reasons: tuple[Reason, ...] = ()) -> FixedStep:
    return FixedStep(Outcome(triage, conditions, reasons, "Advice.", "Disclaimer.", None, 3))


def every_kind_of_turn(dialogue: Dialogue) -> None:
    """Each thing a person can say, in each state that words it differently, and the screen
    each kind of state shows in every locale."""
    none = Conversation()
    fresh = dialogue.launch().conversation
    answered = dialogue.answer(fresh, Answer.NO).conversation
    symptom = answered
    while isinstance(symptom.step, Question) and symptom.step.is_safety_screen:
        symptom = dialogue.answer(symptom, Answer.NO).conversation
    dialogue.start_over(answered)
    for answer in (Answer.YES, Answer.NO, Answer.UNSURE):
        dialogue.answer(none, answer)
    for conversation in (none, fresh, answered):
        dialogue.go_back(conversation)
        dialogue.why(conversation)
        dialogue.help(conversation)
        dialogue.not_understood(conversation)
        dialogue.explain(conversation, None, heard="a sore toe")
        dialogue.error(conversation)
    reason = Reason("sit_bone", Answer.YES, "it hurts on the sitting bone")
    ends: list[Any] = [
        outcome(
            "see_specialist", "ischial_bursitis", "high_hamstring_tendinopathy", reasons=(reason,)
        ),
        outcome("see_specialist", "sciatica"),
        outcome("unclear"),
        outcome("emergency"),
    ]
    for end in ends:
        dialogue.repeat(end)
        dialogue.why(end)
        dialogue.help(end)
        dialogue.not_understood(end)
        dialogue.explain(end, None)
    dialogue.stop(none)
    for state in (fresh, symptom, *ends):
        for locale in locales():
            screens.screen_for(
                state.interview, state.step, dialogue.knowledge, dialogue.speech, locale
            )
    screens.stale_tap(dialogue.repeat(fresh), dialogue.speech)


def test_every_line_in_speech_toml_is_said_and_every_line_said_is_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: set[str] = set()
    say = Speech.say

    def recording_say(speech: Speech, key: str, **fields: str) -> str:
        said.add(key)
        return say(speech, key, **fields)

    monkeypatch.setattr(Speech, "say", recording_say)
    every_kind_of_turn(Dialogue())
    assert said == load_speech().keys()


@pytest.mark.parametrize("text", ["Tom & Jerry's <knee>", 'a "quoted" word', "plain"])
def test_ssml_escapes_special_characters_and_keeps_the_words(text: str) -> None:
    ssml = to_ssml([text])
    root = ET.fromstring(ssml)
    assert root.tag == "speak"
    assert "".join(root.itertext()) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1))
def test_ssml_keeps_any_printable_text_word_for_word(text: str) -> None:
    # Entities written as text ("&amp;", "&lt;") must come out as written, not decoded.
    root = ET.fromstring(to_ssml([text, "&lt; &amp;"]))
    assert "".join(root.itertext()) == (
        f"{text.strip()}  &lt; &amp;" if text.strip() else "&lt; &amp;"
    )


def test_ssml_puts_a_short_pause_between_lines_and_skips_blank_ones() -> None:
    root = ET.fromstring(to_ssml(["One.", "  ", "Two."]))
    assert [e.tag for e in root] == ["break"]


def test_every_locale_has_its_words_for_every_placeholder_in_the_clinical_text() -> None:
    knowledge = load_knowledge()
    clinical = [c.advice for c in knowledge.conditions.values()]
    clinical += [flag.advice for flag in knowledge.red_flags.values() if flag.triage]
    clinical += [flag.caution for flag in knowledge.red_flags.values() if flag.triage]
    speech = load_speech()
    assert set(speech.locale_words()) == set(locales())
    for locale in locales():
        for text in clinical:
            assert "{" not in with_local_words(text, speech, locale)


def test_a_locale_without_words_of_its_own_gets_the_us_words() -> None:
    speech = load_speech()
    text = "Call {emergency_number} or see a {physio}."
    assert with_local_words(text, speech, "fr-FR") == with_local_words(text, speech, "en-US")
    assert with_local_words(text, speech, "en-US") == "Call 911 or see a physical therapist."
    assert with_local_words(text, speech, "en-GB") == "Call 999 or see a physiotherapist."


@pytest.mark.parametrize(
    "tables",
    [
        "",  # no locale words at all
        '[locale."en-US"]\nphysio = "physio"\n',  # a word missing
        '[locale."en-GB"]\nphysio = "a"\nemergency_number = "999"\nurgent_service = "b"\n',
        '[locale."en-US"]\nphysio = ""\nemergency_number = "911"\nurgent_service = "b"\n',
        'locale = "en-US"\n',
    ],
)
def test_locale_words_must_be_complete_and_include_the_us_words(tables: str) -> None:
    with pytest.raises(KnowledgeError):
        parse_speech('[launch]\nwelcome = "Hi"\n' + tables)


def test_speech_lines_must_be_non_empty_text() -> None:
    with pytest.raises(KnowledgeError):
        parse_speech('[launch]\nwelcome = ""\n')
    with pytest.raises(KnowledgeError):
        parse_speech("launch = 3\n")
    assert load_speech().fields("offer.after_outcome") == {"name"}
