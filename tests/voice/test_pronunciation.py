"""Every medical word the skill speaks gets its IPA pronunciation, and speech stays valid SSML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from skill.knowledge import KnowledgeError, load_knowledge
from skill.knowledge.speech import load_speech, parse_speech
from skill.voice.ssml import to_ssml
from testkit.reachable import all_reachable

KNOWLEDGE = load_knowledge()
SPEECH = load_speech()
# Latin and Greek anatomy a speech engine is likely to get wrong (word parts).
MEDICAL = re.compile(
    r"\b\w*(?:iformis|iliac|ischi|trochant|tendin|tendon|itis|opathy|glute|medius|sciatic|sacr"
    r"|lumbar|bursa|tuberos|radicul|coccy|pudend|iliotib|meralg|paresth|perine|adduct)\w*\b",
    re.IGNORECASE,
)
# Plain English that matches a medical word part.
EVERYDAY = {"tendon", "glute", "glutes"}


def spoken_knowledge() -> list[str]:
    """Every sentence of the knowledge and of speech.toml that the skill may speak."""
    k = KNOWLEDGE
    texts = [k.settings.disclaimer, k.settings.unclear_advice, k.settings.uncertain_advice]
    for c in k.causes.values():
        texts += [c.name, c.description, c.advice]
    for f in k.features.values():
        texts += [f.question, f.plain, f.purpose, f.yes_reason, f.sometimes_reason, f.no_reason]
    for r in k.red_flags.values():
        texts += [r.question, r.plain, r.purpose, r.advice, r.caution]
    texts += [t.explanation for t in k.terms.values()]
    texts += [answer for answers in k.after_result.values() for answer in answers.values()]
    lines = sorted(SPEECH.keys())
    texts += [SPEECH.say(key, **dict.fromkeys(SPEECH.fields(key), "x")) for key in lines]
    return texts


def unpronounced(ssml: str) -> list[str]:
    """Medical words of the speech that no <phoneme> element carries."""
    root = ET.fromstring(ssml)
    for phoneme in root.iter("phoneme"):
        assert phoneme.get("alphabet") == "ipa" and phoneme.get("ph"), ET.tostring(phoneme)
        phoneme.text = ""  # pronounced: not counted below
    words = MEDICAL.findall("".join(root.itertext()))
    return [word for word in words if word.lower() not in EVERYDAY]


def test_the_knowledge_speaks_medical_words_at_all() -> None:
    assert len({w.lower() for t in spoken_knowledge() for w in MEDICAL.findall(t)}) >= 8


@pytest.mark.parametrize("text", spoken_knowledge())
def test_every_medical_word_spoken_has_an_ipa_pronunciation(text: str) -> None:
    assert unpronounced(to_ssml([text])) == []


@pytest.mark.parametrize(
    "word",
    [
        "piriformis",
        "sacroiliac",
        "ischial",
        "trochanteric",
        "tendinopathy",
        "gluteus medius",
        "sciatica",
        "bursitis",
    ],
)
def test_the_words_the_issue_names_have_a_pronunciation_in_each_accent(word: str) -> None:
    for locale in ("en-US", "en-GB"):
        ssml = to_ssml([f"Is it {word.title()}?"], locale)
        root = ET.fromstring(ssml)
        (phoneme,) = root.iter("phoneme")
        ipa = SPEECH.pronunciation[SPEECH.accent(locale)][word]
        assert phoneme.text == word.title() and phoneme.get("ph") == ipa


# The IPA symbols Alexa's English voices read (Amazon Polly's phoneme tables): the American
# voices have no length marks and r-coloured vowels; the British ones the reverse.
SHARED = set("bdðfɡhjklmnŋpɹstθvwzʃʒəæaɪʊɑeɛiouʌɔˈˌ.")  # noqa: RUF001
SYMBOLS = {"american": SHARED | set("ɚɝ"), "british": SHARED | set("ːɜɒ")}


@pytest.mark.parametrize("accent", ["american", "british"])
def test_every_pronunciation_uses_only_symbols_its_accent_reads(accent: str) -> None:
    words = SPEECH.pronunciation[accent]
    assert set(words) == set(SPEECH.pronunciation["american"])
    strange = {w: ipa for w, ipa in words.items() if set(ipa.replace(" ", "")) - SYMBOLS[accent]}
    assert strange == {}


def test_each_locale_reads_the_ipa_of_its_own_accent() -> None:
    assert [SPEECH.accent(x) for x in ("en-US", "en-CA", "en-GB", "en-AU", "en-IN")] == [
        "american",
        "american",
        "british",
        "british",
        "british",
    ]


def test_the_longest_pronunciation_wins_and_words_inside_other_words_are_left_alone() -> None:
    root = ET.fromstring(to_ssml(["gluteus medius syndrome; sciatically"]))
    assert [p.text for p in root.iter("phoneme")] == ["gluteus medius"]


def test_pronunciation_is_applied_after_escaping() -> None:
    ssml = to_ssml(["Tom & Jerry's sciatica <b>"])
    root = ET.fromstring(ssml)
    assert "".join(root.itertext()) == "Tom & Jerry's sciatica <b>"
    assert [p.text for p in root.iter("phoneme")] == ["sciatica"]


def test_every_reachable_turn_is_valid_ssml_with_every_medical_word_pronounced() -> None:
    for reached in all_reachable():
        if reached.locale != "en-US":
            continue
        said = reached.turn.said
        for ssml in (to_ssml(said.speech, "en-GB"), to_ssml([said.reprompt or ""])):
            assert unpronounced(ssml) == [], (reached.said, reached.state)


def test_a_word_needs_its_ipa_in_both_accents() -> None:
    with pytest.raises(KnowledgeError):
        parse_speech('[pronunciation.words]\nsciatica = { american = "sa" }\n')
    both = (
        '[pronunciation]\namerican = ["en-US"]\n'
        '[pronunciation.words]\nx = { american = "a", british = "b" }\n'
    )
    speech = parse_speech(both)
    assert speech.pronunciation["british"]["x"] == "b" and speech.accent("en-US") == "american"
