"""The interaction model and the skill's handlers agree on the intents."""

from __future__ import annotations

import pytest

from skill.interaction_model.builder import free_speech_intents
from skill.understanding import available_locales, load_interaction_model
from skill.voice import intents
from testkit.talk import Talk, speech

NOT_UNDERSTOOD = "Sorry, I didn't catch that."


@pytest.mark.parametrize("locale", available_locales())
def test_every_model_intent_is_one_the_skill_handles_or_free_speech_and_vice_versa(
    locale: str,
) -> None:
    model = load_interaction_model(locale)["interactionModel"]["languageModel"]
    names = {intent["name"] for intent in model["intents"]}
    assert names == set(intents.ALL) | set(free_speech_intents())


@pytest.mark.parametrize("intent", [i for i in intents.ALL if i != intents.FALLBACK])
def test_every_intent_has_its_own_handler_not_the_catch_all(intent: str) -> None:
    talk = Talk()
    talk.launch()
    assert not speech(talk.intent(intent)).startswith(NOT_UNDERSTOOD)
