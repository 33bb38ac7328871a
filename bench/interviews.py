"""Whole interviews as the exact request envelopes a device sends, recorded once from the skill.

Each interview is played against `skill.voice.lambda_handler`: a launch, then one request per
turn until the outcome, each carrying the session attributes of the previous response. The
benchmarks then replay the recorded envelopes, so every handler being compared gets the very
same requests. Runners are random but seeded (a different answer profile each), plus the
runners of each vignette file (the project's tests/triage/vignettes.toml by default; any file
in its format can be added, such as runner cases written apart from the project).

`vignette_figures` also prints what the engine makes of each vignette set: the condition
runners named right first, the look-alike and nothing-fits runners told honestly, the mean
symptom questions, the shares at the usual length, past it and at the cap, and the slip test (each
condition runner replayed with each yes or no symptom answer flipped).
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.knowledge import load_knowledge
from skill.settings import utc_now
from skill.triage import Engine
from skill.understanding import IntentMatch
from skill.voice import intents, lambda_handler
from testkit.vignettes import VIGNETTES_FILE

VIGNETTES = VIGNETTES_FILE
MAX_TURNS = 80
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

_CODES = {"y": intents.YES, "n": intents.NO, "s": intents.SOMETIMES, "u": intents.NOT_SURE}
# Things a runner says now and then between answers.
_ASIDES = (intents.REPEAT, intents.WHY, intents.HELP, intents.GO_BACK)


@dataclass(frozen=True)
class Interview:
    name: str
    requests: tuple[dict[str, Any], ...]
    responses: tuple[dict[str, Any], ...]

    @property
    def outcome(self) -> dict[str, Any] | None:
        for response in reversed(self.responses):
            outcome = (response.get("sessionAttributes") or {}).get("outcome")
            if outcome is not None:
                return dict(outcome)
        return None


# A runner: given the waiting question id (or None), what to say next.
Runner = Callable[[str | None], str]


def random_runner(rng: random.Random) -> Runner:
    """A runner with its own answer profile: how often yes, how often unsure, asides."""
    yes_share = rng.uniform(0.15, 0.55)
    unsure_share = rng.uniform(0.0, 0.15)
    screen_yes = rng.random() < 0.12
    aside_share = rng.uniform(0.0, 0.12)
    gone_back = False

    def say(question: str | None) -> str:
        nonlocal gone_back
        if question is None:
            return intents.NO  # after the outcome: "no, thanks", and the session ends
        if rng.random() < aside_share and not gone_back:
            aside = rng.choice(_ASIDES)
            gone_back = aside == intents.GO_BACK  # never undo twice in a row
            return aside
        gone_back = False
        if question.startswith("red_flag_any"):  # the umbrella screening questions
            return intents.YES if screen_yes else intents.NO
        if question.startswith("red_flag_"):
            return intents.YES if rng.random() < 0.3 else intents.NO
        draw = rng.random()
        if draw < unsure_share:
            return intents.NOT_SURE
        return intents.YES if draw < unsure_share + yes_share else intents.NO

    return say


def vignette_runners(path: Path = VIGNETTES) -> Iterator[tuple[str, Runner]]:
    if not path.is_file():
        return
    data = tomllib.loads(path.read_text("utf-8"))
    for vignette in data.get("vignette", []):
        answers: dict[str, str] = dict(vignette["answers"])
        if not set(answers.values()) <= set(_CODES):
            continue  # an answer the voice model has no intent for

        def say(question: str | None, answers: dict[str, str] = answers) -> str:
            if question is None:
                return intents.NO
            if question.startswith("red_flag_any") and question not in answers:
                return _CODES[answers.get("red_flag_any", "n")]  # as vignettes.toml says
            return _CODES[answers.get(question, "n")]

        yield f"{path.name}: {vignette['name']}", say


def record(
    name: str,
    runner: Runner,
    factory: EnvelopeFactory,
    handler: Handler = lambda_handler,
) -> Interview:
    session = factory.new_session()
    requests: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    envelope = factory.launch(session)
    for _ in range(MAX_TURNS):
        response = handler(envelope, None)
        requests.append(envelope)
        responses.append(response)
        if response["response"].get("shouldEndSession"):
            break
        session.new = False
        session.attributes = dict(response.get("sessionAttributes") or {})
        envelope = factory.intent(session, IntentMatch(runner(session.attributes.get("question"))))
    else:
        raise RuntimeError(f"{name}: the interview did not end within {MAX_TURNS} turns")
    return Interview(name, tuple(requests), tuple(responses))


def record_interviews(
    count: int,
    *,
    seed: int = 2024,
    vignettes: bool = True,
    clock: Callable[[], datetime] = utc_now,
    vignette_files: tuple[Path, ...] = (VIGNETTES,),
) -> list[Interview]:
    """`count` seeded random interviews, then (optionally) one per vignette of each file; a
    vignette interview's name starts with its file's name."""
    rng = random.Random(seed)
    factory = EnvelopeFactory(ids=IdSource(f"bench-{seed}"), clock=clock)
    recorded = [
        record(f"random runner {number}", random_runner(rng), factory) for number in range(count)
    ]
    if vignettes:
        for path in vignette_files:
            recorded += [record(name, run, factory) for name, run in vignette_runners(path)]
    return recorded


def vignette_figures(paths: tuple[Path, ...] = (VIGNETTES,)) -> dict[str, float]:
    """The engine on each vignette set, played in-process with a fresh engine; the figures of
    the first set are returned without a prefix, those of the others prefixed with the file's
    name."""
    results: dict[str, float] = {}
    for number, path in enumerate(paths):
        figures = _set_figures(path)
        prefix = "" if number == 0 else f"{path.stem}_"
        results.update({f"{prefix}{key}": value for key, value in figures.items()})
    return results


def _set_figures(path: Path) -> dict[str, float]:
    # The runners and the slip replays are the engine tests' own (testkit/vignettes.py).
    from testkit.vignettes import load_vignettes, played, slip_replays

    if not path.is_file():
        print(f"Vignettes ({path}): no such file")
        return {}
    engine = Engine(load_knowledge())
    vignettes = load_vignettes(path)
    outcomes = [(vignette, played(engine, vignette)[0]) for vignette in vignettes]
    named = [(v, o) for v, o in outcomes if v.condition is not None]
    honest = [v.told_honestly(o) for v, o in outcomes if v.honest]
    asked = [o.questions_asked for _, o in outcomes if o.triage not in ("emergency", "urgent")]
    cap = engine.knowledge.settings.question_cap
    usual = engine.knowledge.settings.usual_questions
    replays = list(slip_replays(engine, vignettes))
    replayed = [replay.outcome.questions_asked for replay in replays]
    figures = {
        "vignettes_top1": _share([o.conditions[:1] == (v.condition,) for v, o in named]),
        "vignettes_honest": _share(honest),
        "vignettes_mean_questions": sum(asked) / len(asked) if asked else 0.0,
        "vignettes_max_questions": float(max(asked, default=0)),
        "vignettes_at_usual": _share([count >= usual for count in asked]),
        "vignettes_past_usual": _share([count > usual for count in asked]),
        "vignettes_at_cap": _share([count >= cap for count in asked]),
        "slip_named_share": _share([replay.named for replay in replays]),
        "slip_mean_questions": _mean(replayed),
        "slip_past_usual": _share([count > usual for count in replayed]),
    }
    print(
        f"Vignettes ({path.name}): {len(vignettes)}; right condition first in"
        f" {figures['vignettes_top1']:.1%} of {len(named)} (aim >= 95%); told honestly"
        f" (unclear, or elsewhere naming the right look-alike) {figures['vignettes_honest']:.1%}"
        f" of {len(honest)} look-alike and nothing-fits runners (aim >= 90%)"
    )
    print(
        f"  {figures['vignettes_mean_questions']:.2f} symptom questions on average (aim <= 6),"
        f" at most {max(asked, default=0)}; {figures['vignettes_at_usual']:.1%} reached the"
        f" usual {usual} (aim <= 10%), {figures['vignettes_past_usual']:.1%} went past it to"
        f" double-check, {figures['vignettes_at_cap']:.1%} at the cap of {cap}"
    )
    print(
        f"  Slip test: {len(replays)} replays with one symptom answer flipped; the right"
        f" condition first or second in {figures['slip_named_share']:.1%} (aim >= 90%),"
        f" {figures['slip_mean_questions']:.2f} questions on average,"
        f" {figures['slip_past_usual']:.1%} past the usual {usual}"
    )
    return figures


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0
