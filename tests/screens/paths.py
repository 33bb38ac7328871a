"""A device with a screen talking to the real skill, and the answer paths the screen tests walk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from skill.chat.device import Device, Heard
from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.chat.repl import skill_invoke
from skill.chat.screens import render_directives
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Answer, Interview, Outcome, Question, shipped_engine
from skill.voice.dialogue import Conversation, Turn
from skill.voice.screens import Screen, screen_for, screen_for_turn
from testkit import FIXED_TIME

SPOKEN = {"n": "no", "u": "not sure", "y": "yes"}
# What an outcome screen offers, and the same request in words (the voice model's own samples).
OUTCOME_REQUESTS = {
    "Tell me more": "tell me more",
    "What else": "what else",
    "Who to see": "who should I see",
    "Start over": "start over",
}
OUTCOME_BUTTONS = tuple(OUTCOME_REQUESTS)
# The engine's safety screen: three questions for a runner with no warning sign.
NO_RED_FLAG = ("no", "no", "no")
SERIOUS_SIGNS = ("no", "no", "yes")  # cancer history, weight loss or night pain: "soon"
# Spoken lines that reach each kind of screen (the shipped knowledge decides the path).
SAFETY_QUESTION: tuple[str, ...] = ()
REGION_QUESTION = NO_RED_FLAG
RUNNER_UP_ANSWERS = "yuyy"
OUTCOME_WITH_RUNNER_UP = NO_RED_FLAG + tuple(SPOKEN[c] for c in RUNNER_UP_ANSWERS)
SOON_OUTCOME = SERIOUS_SIGNS + tuple(SPOKEN[c] for c in RUNNER_UP_ANSWERS)
UNCLEAR_OUTCOME = NO_RED_FLAG + ("no",) * 12
EMERGENCY = ("yes", "yes")
URGENT = ("no", "yes", "yes")


def new_device(*, screen: bool = True, locale: str = "en-US") -> Device:
    from skill.understanding import Nlu

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


def interview_after(lines: tuple[str, ...]) -> Interview:
    """The interview after answering each waiting question with the spoken yes, no or not sure."""
    engine, interview = shipped_engine(), Interview()
    for line in lines:
        step = engine.next_step(interview)
        assert isinstance(step, Question)
        interview = engine.answer(interview, step.id, ANSWER_BY_WORD[line])
    return interview


def every_step(depth: int) -> Iterator[tuple[Interview, Question | Outcome]]:
    """Every step of the safety screen on every path (yes, no or not sure), then every step of
    up to `depth` symptom answers after a screen with no warning sign and after one with the
    serious signs that make the outcome "soon"."""
    engine = shipped_engine()
    screen = [Interview()]
    while screen:
        interview = screen.pop()
        step = engine.next_step(interview)
        if isinstance(step, Question) and not step.is_safety_screen:
            continue  # past the screen: below
        yield interview, step
        if isinstance(step, Question):
            screen += [interview.with_answer(step.id, answer) for answer in ANSWERS]
    for start in (NO_RED_FLAG, SERIOUS_SIGNS):
        frontier = [interview_after(start)]
        for _ in range(depth + 1):
            following = []
            for interview in frontier:
                step = engine.next_step(interview)
                yield interview, step
                if isinstance(step, Question):
                    following += [interview.with_answer(step.id, answer) for answer in ANSWERS]
            frontier = following


ANSWERS = (Answer.YES, Answer.NO, Answer.UNSURE)


def directive_for(interview: Interview, step: Question | Outcome) -> dict[str, Any]:
    """The RenderDocument the skill sends for `step`, as it appears in a response envelope."""
    conversation = Conversation(interview)
    assert conversation.step == step
    return _directive(screen_for(conversation, load_knowledge(), load_speech()))


def directive_after(turn: Turn) -> dict[str, Any]:
    """The RenderDocument the skill sends with a dialogue turn."""
    return _directive(screen_for_turn(turn, load_knowledge(), load_speech()))


def _directive(screen: Screen | None) -> dict[str, Any]:
    assert screen is not None
    return {
        "type": "Alexa.Presentation.APL.RenderDocument",
        "token": screen.token,
        "document": screen.document,
        "datasources": screen.datasources,
    }


def first_path_to(start: tuple[str, ...], fits: Callable[[Outcome], bool]) -> tuple[str, ...]:
    """The shortest spoken yes and no answers after `start` that reach an outcome that `fits`
    (yes tried first), so that the path follows the engine as its numbers are tuned."""
    engine = shipped_engine()
    frontier = [(start, interview_after(start))]
    while frontier:
        following = []
        for lines, interview in frontier:
            step = engine.next_step(interview)
            if isinstance(step, Outcome):
                if fits(step):
                    return lines
                continue
            for line in ("yes", "no"):
                answered = engine.answer(interview, step.id, ANSWER_BY_WORD[line])
                following.append(((*lines, line), answered))
        frontier = following
    raise LookupError("no answers reach such an outcome")


ANSWER_BY_WORD = {"yes": Answer.YES, "no": Answer.NO, "not sure": Answer.UNSURE}
# Two look-alikes named: pain that comes from somewhere else than the buttock.
ELSEWHERE_OUTCOME = first_path_to(
    NO_RED_FLAG, lambda outcome: outcome.triage == "elsewhere" and len(outcome.conditions) == 2
)
