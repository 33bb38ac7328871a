"""Spoken lines: every line the dialogue uses exists, and SSML is always well formed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skill.voice.dialogue as dialogue_module
import skill.voice.screens as screens_module
from skill.interaction_model.builder import locales
from skill.knowledge import KnowledgeError
from skill.knowledge.speech import load_speech, parse_speech
from skill.voice.ssml import to_ssml


def test_every_line_the_dialogue_says_is_in_speech_toml_and_none_is_unused() -> None:
    # The screens show lines of their own, and the emergency number of each locale.
    source = "".join(
        Path(module.__file__).read_text("utf-8") for module in (dialogue_module, screens_module)
    )
    used = set(re.findall(r'say\(\s*"([a-z_]+\.[a-z_]+)"', source))
    used |= set(re.findall(r'"(outcome\.card_title(?:_urgent|_unclear)?)"', source))
    used |= set(re.findall(r'\([\w.]+, "(screen\.[a-z_]+)"\)', source))
    used |= {f"emergency_number.{locale}" for locale in locales()}
    assert used <= load_speech().keys()
    assert load_speech().keys() <= used


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


def test_speech_lines_must_be_non_empty_text() -> None:
    with pytest.raises(KnowledgeError):
        parse_speech('[launch]\nwelcome = ""\n')
    with pytest.raises(KnowledgeError):
        parse_speech("launch = 3\n")
    assert load_speech().fields("offer.after_outcome") == {"name"}
