"""`python -m bench.clairvoyant`: how short interviews could be if the asker knew the answers.

For each vignette, a beam search over which symptom question to ask next, the runner answering
from the vignette, stops at the first interview the engine itself would end with the right
result (the condition named first, or an honest ending for a look-alike or nothing-fits
runner). The engine keeps every rule of its own: the safety screen, when it stops, what it may
name. Only the choice of question is the searcher's, and the searcher knows the answers before
it asks. The mean it prints is what question order alone could reach with foresight; an asker
that must find out where the pain is pays more. A beam is no full search: a wider `--beam`
may find shorter interviews still, never longer ones.

Figures, not a pass/fail check; about half a minute per vignette set at the default beam.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from skill.knowledge import load_knowledge
from skill.triage import Engine, Interview, Outcome, Question
from testkit.vignettes import VIGNETTES_FILE, Vignette, load_vignettes, played

_ENDING = ("emergency", "urgent")


def shortest(engine: Engine, vignette: Vignette, beam: int) -> int | None:
    """The fewest symptom questions after which the engine ends right for this runner, as
    found by the search; None if no interview within the cap does."""
    knowledge = engine.knowledge
    settings = knowledge.settings
    target = knowledge.hypotheses.index(vignette.condition or vignette.lookalike or "none_of_these")

    def belief(interview: Interview) -> float:
        return engine.belief(interview)[target]

    def right(outcome: Outcome) -> bool:
        if vignette.condition is not None:
            return outcome.conditions[:1] == (vignette.condition,)
        return vignette.told_honestly(outcome)

    def settled(interview: Interview) -> Interview:
        """With every safety question now waiting answered as the runner would: the screen,
        and a warning sign's follow-up (they are the engine's, and no symptom question)."""
        while isinstance(step := engine.next_step(interview), Question) and step.is_safety_screen:
            interview = interview.with_answer(step.id, vignette.reply(step.id))
        return interview

    interviews = [settled(Interview())]
    for asked in range(settings.question_cap + 1):
        following: dict[frozenset[tuple[str, object]], Interview] = {}
        for interview in interviews:
            step = engine.next_step(interview)
            if isinstance(step, Outcome):
                if right(step):
                    return asked
                continue
            done = {question_id for question_id, _ in interview.answers}
            for question_id in knowledge.features:
                if question_id not in done:
                    reply = vignette.reply(question_id)
                    longer = settled(interview.with_answer(question_id, reply))
                    following.setdefault(frozenset(longer.answers), longer)
        interviews = sorted(following.values(), key=belief, reverse=True)[:beam]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clairvoyant", description=__doc__)
    parser.add_argument("--beam", type=int, default=100, help="interviews kept per length")
    parser.add_argument(
        "--vignettes", action="append", type=Path, help="another vignette file (repeatable)"
    )
    args = parser.parse_args(argv)
    engine = Engine(load_knowledge())
    for path in (VIGNETTES_FILE, *(args.vignettes or ())):
        counts: list[tuple[int, int]] = []
        for vignette in load_vignettes(path):
            outcome, _ = played(engine, vignette)
            if outcome.triage in _ENDING:
                continue
            found = shortest(engine, vignette, args.beam)
            if found is not None:
                counts.append((found, outcome.questions_asked))
        foresight = sum(c for c, _ in counts) / len(counts)
        asked = sum(a for _, a in counts) / len(counts)
        print(
            f"{path}: {len(counts)} runners; knowing the answers, {foresight:.2f} symptom"
            f" questions on average (beam {args.beam}); the engine asks {asked:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
