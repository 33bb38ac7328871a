"""Runners who answer from a vignette (vignettes.toml), and the slip test's replays.

Used by the engine tests and by the benchmark, which prints the same figures.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from skill.triage import Answer, Engine, Interview, Outcome, Question
from testkit import REPO_ROOT

VIGNETTES_FILE = REPO_ROOT / "tests" / "triage" / "vignettes.toml"
UMBRELLA = "red_flag_any"
_MAX_STEPS = 40
_FLIPPED = {"y": "n", "n": "y"}
_NAMING_A_CONDITION = ("see_specialist", "soon")


@dataclass(frozen=True)
class Vignette:
    name: str
    expect: tuple[str, ...]
    answers: dict[str, str]

    def reply(self, question_id: str) -> Answer:
        """The vignette's answer; "no" when it lists none. Every umbrella screening question
        (an id starting with red_flag_any) takes the vignette's `red_flag_any` answer unless
        the vignette answers it by its own id."""
        if question_id.startswith(UMBRELLA) and question_id not in self.answers:
            return Answer(self.answers.get(UMBRELLA, "n"))
        return Answer(self.answers.get(question_id, "n"))

    @property
    def condition(self) -> str | None:
        """The condition of the seven that must come first, for see_specialist and soon
        vignettes."""
        return self.expect[1] if self.expect[0] in _NAMING_A_CONDITION else None

    @property
    def lookalike(self) -> str | None:
        """The look-alike that an "elsewhere" vignette must name, if it names one."""
        return self.expect[1] if self.expect[0] == "elsewhere" else None

    @property
    def honest(self) -> bool:
        """A look-alike or nothing-fits vignette: honest endings are "unclear", or "elsewhere"
        naming its look-alike first."""
        return self.expect[0] in ("elsewhere", "unclear")

    def told_honestly(self, outcome: Outcome) -> bool:
        return outcome.triage == "unclear" or (
            outcome.triage == "elsewhere" and outcome.conditions[:1] == (self.lookalike,)
        )

    def flipped(self, question_id: str) -> Vignette:
        """The same runner, with the answer to one question slipped (yes <-> no)."""
        code = _FLIPPED[self.reply(question_id).value]
        return replace(self, answers={**self.answers, question_id: code})


def load_vignettes(path: Path = VIGNETTES_FILE) -> list[Vignette]:
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    return [
        Vignette(name=v["name"], expect=tuple(v["expect"]), answers=dict(v["answers"]))
        for v in data["vignette"]
    ]


def played(engine: Engine, vignette: Vignette) -> tuple[Outcome, list[str]]:
    """A whole interview, the runner answering from the vignette: the outcome and the
    questions asked, in order."""
    interview = Interview()
    asked: list[str] = []
    for _ in range(_MAX_STEPS):
        step = engine.next_step(interview)
        if isinstance(step, Outcome):
            return step, asked
        assert isinstance(step, Question)
        asked.append(step.id)
        interview = interview.with_answer(step.id, vignette.reply(step.id))
    raise AssertionError(f"{vignette.name}: no outcome after {_MAX_STEPS} questions")


class Replay(NamedTuple):
    vignette: Vignette
    flipped: str  # the symptom question whose answer slipped
    outcome: Outcome

    @property
    def named(self) -> bool:
        """The right condition is still the lead or the runner-up."""
        return self.vignette.condition in self.outcome.conditions[:2]


def slip_replays(engine: Engine, vignettes: Iterable[Vignette]) -> Iterator[Replay]:
    """Each condition vignette replayed with each yes or no it gave to a symptom question
    flipped, one at a time (the interview then goes wherever the slipped answer leads)."""
    for vignette in vignettes:
        if vignette.condition is None:
            continue
        _, asked = played(engine, vignette)
        for question_id in asked:
            if (
                question_id in engine.knowledge.features
                and vignette.reply(question_id).value in _FLIPPED
            ):
                slipped = vignette.flipped(question_id)
                yield Replay(vignette, question_id, played(engine, slipped)[0])
