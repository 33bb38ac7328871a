"""Every medical word the skill says can be asked about by voice ("what's a bursa?")."""

from __future__ import annotations

import re

import pytest

from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.understanding import Nlu
from tests.voice.test_pronunciation import spoken_knowledge

KNOWLEDGE = load_knowledge()
NLU = Nlu.for_locale("en-US")
# The words a runner may not know: Latin and Greek word parts, and the anatomy, tests and
# professions the skill names.
MEDICAL = re.compile(
    r"\b(?:\w*(?:itis|opathy|algia|iformis|iliac|ischi|trochant|lumbar|sacr|gluteu|sciatic)\w*"
    r"|bursae?|tendons?|discs?|nerves?|joints?|spine|spinal|pelvis|pelvic|MRI|ultrasound"
    r"|X-rays?|scans?|imaging|physio\w*|therapist|sports medicine|GP|inflamed|herniat\w*"
    r"|strain(?:ed)?|spasm|fractures?|hamstring|exam|orthopaedic|adductor|coccyx|perineum"
    r"|\w*dynia|labral|labrum|impingement|cartilage|ligaments?|iliotibial|pudendal|meralgia"
    r"|paresthetica|flexor)\b",
    re.IGNORECASE,
)


def said_words() -> set[str]:
    """The medical words in everything the skill can say, in every locale's words."""
    speech = load_speech()
    texts = [
        speech.localised(text, locale) for text in spoken_knowledge() for locale in speech.locales
    ]
    return {word.lower() for text in texts for word in MEDICAL.findall(text)}


def explained_by(word: str) -> list[str]:
    """The phrases a runner can ask about ("what is ...") that hold the word: a term's words,
    a condition's name or another name for it."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    phrases = [w for term in KNOWLEDGE.terms.values() for w in term.words]
    phrases += [n for c in KNOWLEDGE.causes.values() for n in (c.name, *c.synonyms)]
    return [phrase for phrase in phrases if pattern.search(phrase.replace("-", " "))]


def test_the_skill_says_many_medical_words() -> None:
    assert {"bursa", "tendon", "disc", "nerve", "joint", "tendinopathy", "mri"} <= said_words()


@pytest.mark.parametrize("word", sorted(said_words()))
def test_every_medical_word_the_skill_says_has_an_explanation_reachable_by_voice(
    word: str,
) -> None:
    spoken = word.replace("-", " ")
    reachable = []
    for phrase in explained_by(spoken):
        match = NLU.resolve(f"what is {phrase}")
        slot = "term" if match.name == "TermIntent" else "condition"
        if match.name in ("TermIntent", "ExplainConditionIntent") and match.resolved_id(slot):
            reachable.append(phrase)
    assert reachable, f"nothing explains {word!r}: add it to a term's words in clinical.toml"
