"""A device with a screen talking to the real skill, and Amazon's APL engine to draw its screens."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from skill.chat.device import Device, Heard
from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.chat.repl import skill_invoke
from skill.chat.screens import Renderer, render_directives, renderer
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Answer, Interview, Outcome, Question, shipped_engine
from skill.voice.screens import screen_for

FIXED_TIME = datetime(2024, 5, 1, 7, 30, tzinfo=UTC)
# Spoken lines that reach each kind of screen (the shipped knowledge decides the path).
SAFETY_QUESTION: tuple[str, ...] = ()
REGION_QUESTION = ("no",)
OUTCOME_WITH_RUNNER_UP = tuple({"n": "no", "u": "not sure", "y": "yes"}[c] for c in "nunnnuuyunu")
UNCLEAR_OUTCOME = ("no",) * 9
EMERGENCY = ("yes", "yes")


def new_device(*, screen: bool = True, locale: str = "en-US") -> Device:
    from skill.chat.nlu import Nlu

    envelopes = EnvelopeFactory(
        locale=locale, ids=IdSource("screens"), clock=lambda: FIXED_TIME, screen=screen
    )
    return Device(skill_invoke(), Nlu.for_locale(locale), envelopes)


def talk(device: Device, lines: tuple[str, ...]) -> Heard:
    """Open the skill and say each line; what was heard last."""
    heard = device.hear(device.launch_phrase)
    for line in lines:
        heard = device.hear(line)
    return heard


def response_of(heard: Heard) -> dict[str, Any]:
    response = heard.exchanges[-1].response
    assert response is not None
    return response


def directive_of(heard: Heard) -> dict[str, Any]:
    directives = render_directives(response_of(heard))
    assert len(directives) == 1
    return directives[0]


@pytest.fixture(scope="session")
def apl() -> Iterator[Renderer]:
    with renderer() as engine:
        yield engine


def every_step(depth: int) -> Iterator[tuple[Interview, Question | Outcome]]:
    """Each interview of up to `depth` answers (yes, no or not sure) and what it waits for."""
    frontier = [Interview()]
    for _ in range(depth + 1):
        following = []
        for interview in frontier:
            step = shipped_engine().next_step(interview)
            yield interview, step
            if isinstance(step, Question):
                following += [
                    interview.with_answer(step.id, answer)
                    for answer in (Answer.YES, Answer.NO, Answer.UNSURE)
                ]
        frontier = following


def directive_for(interview: Interview, step: Question | Outcome) -> dict[str, Any]:
    """The RenderDocument the skill sends for `step`, as it appears in a response envelope."""
    screen = screen_for(interview, step, load_knowledge(), load_speech(), "en-US")
    assert screen is not None
    return {
        "type": "Alexa.Presentation.APL.RenderDocument",
        "token": screen.token,
        "document": screen.document,
        "datasources": screen.datasources,
    }
