"""The foresight search of `python -m bench.clairvoyant` (docs/benchmarks.md)."""

from __future__ import annotations

from bench.clairvoyant import shortest
from skill.triage import shipped_engine
from testkit.vignettes import load_vignettes, played


def test_knowing_the_answers_takes_no_more_questions_than_the_engine_asks() -> None:
    engine = shipped_engine()
    vignette = next(v for v in load_vignettes() if v.name.startswith("sciatica: classic"))
    outcome, _ = played(engine, vignette)
    found = shortest(engine, vignette, beam=20)
    assert found is not None and 0 < found <= outcome.questions_asked
