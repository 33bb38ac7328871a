"""The phrase suite (tests/chat/phrases.toml) through virtual-alexa and the running service:
each phrasing said in its state, resolved by the interaction model alone, checked for its
effect."""

from __future__ import annotations

import re

from tests.chat.phrases import Phrase, check_effect, load_phrases
from tests.e2e.turns import Converse

# virtual-alexa reads any utterance containing these letters as a launch ("tell me more"), so
# those phrasings are played through the chat only; a word the model does not know cannot be
# resolved by its sample matching either (another device test sends that intent directly).
READ_AS_LAUNCH = re.compile(r"(ask|open|launch|talk to|tell)", re.IGNORECASE)
PLAYABLE = [
    phrase
    for phrase in load_phrases()
    if not READ_AS_LAUNCH.search(phrase.said) and phrase.effect != "unknown term"
]


def test_most_of_the_suite_is_played_on_the_simulated_device() -> None:
    assert len(PLAYABLE) >= 150


def test_each_phrasing_has_the_effect_the_runner_meant_on_a_device(converse: Converse) -> None:
    steps = [
        step
        for phrase in PLAYABLE
        for step in ({"session": phrase.attributes}, {"utter": phrase.said})
    ]
    turns = converse(*steps)
    assert len(turns) == len(PLAYABLE)
    failures = []
    for phrase, turn in zip(PLAYABLE, turns, strict=True):
        try:
            check_effect(phrase, turn.response)
        except AssertionError as failure:
            failures.append(f"{failure} (intent {turn.intent})")
    assert failures == []


def test_the_phrases_resolve_in_every_locale(converse: Converse) -> None:
    sample: list[Phrase] = PLAYABLE[::7]
    for locale in ("en-GB", "en-AU", "en-IN", "en-CA"):
        steps = [
            step
            for phrase in sample
            for step in ({"session": phrase.attributes}, {"utter": phrase.said})
        ]
        turns = converse(*steps, locale=locale)
        for phrase, turn in zip(sample, turns, strict=True):
            check_effect(phrase, turn.response, locale)
