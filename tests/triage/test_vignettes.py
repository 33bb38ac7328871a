"""The project's own runner vignettes, played through the engine: the figures issue targets
are asserted here, and `python -m bench` prints the same ones."""

from __future__ import annotations

import pytest

from tests.triage.spec import (
    AVULSION,
    CONDITIONS,
    ENGINE,
    FEATURES,
    LOOKALIKES,
    RED_FLAGS,
    Vignette,
    load_vignettes,
    play,
)

VIGNETTES = load_vignettes()
CONDITION_CASES = [v for v in VIGNETTES if v.condition is not None]
HONEST_CASES = [v for v in VIGNETTES if v.honest]
LOOKALIKE_CASES = [v for v in VIGNETTES if v.lookalike is not None]
RED_FLAG_CASES = [v for v in VIGNETTES if v.expect[0] in ("emergency", "urgent")]
SOON_CASES = [v for v in VIGNETTES if v.expect[0] == "soon"]
CAP = ENGINE.knowledge.settings.question_cap
USUAL = ENGINE.knowledge.settings.usual_questions
# What the engine holds these vignettes to (bench prints the figures beside the aims of
# docs/benchmarks.md): symptom questions on average, the share of interviews that reach the
# usual length, and the share that go past it to double-check a result.
MEAN_QUESTIONS = 8.1
SHARE_AT_THE_USUAL_LENGTH = 0.10
SHARE_PAST_THE_USUAL_LENGTH = 0.05


def test_every_condition_has_at_least_four_vignettes() -> None:
    counts: dict[str, int] = {}
    for vignette in CONDITION_CASES:
        assert vignette.condition is not None
        counts[vignette.condition] = counts.get(vignette.condition, 0) + 1
    assert set(counts) == set(CONDITIONS)
    assert min(counts.values()) >= 4


def test_every_lookalike_has_a_vignette_and_most_have_two() -> None:
    counts = {lookalike: 0 for lookalike in LOOKALIKES}
    for vignette in LOOKALIKE_CASES:
        assert vignette.lookalike is not None
        counts[vignette.lookalike] += 1
    assert min(counts.values()) >= 1
    assert sum(count >= 2 for count in counts.values()) >= 6


def test_every_red_flag_and_the_all_no_case_are_covered() -> None:
    flagged = {q for v in RED_FLAG_CASES + SOON_CASES for q, a in v.answers.items() if a == "y"}
    assert {*RED_FLAGS, AVULSION} <= flagged
    assert any(v.expect == ("unclear",) and not v.answers for v in VIGNETTES)


def test_some_runners_hedge_and_some_contradict_themselves() -> None:
    hedging = [v for v in CONDITION_CASES if {"s", "u"} <= set(v.answers.values())]
    assert len(hedging) >= 3
    assert sum("contradicting" in v.name for v in VIGNETTES) >= 2


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.name)
def test_vignette_reaches_the_expected_outcome(vignette: Vignette) -> None:
    outcome, _ = play(vignette)
    if vignette.honest:
        assert vignette.told_honestly(outcome)
        return
    assert outcome.triage == vignette.expect[0]
    if len(vignette.expect) > 1:
        assert outcome.conditions[0] == vignette.expect[1]


def test_top_condition_is_right_for_at_least_95_percent_of_condition_vignettes() -> None:
    right = sum(play(v)[0].conditions[:1] == v.expect[1:2] for v in CONDITION_CASES)
    assert right / len(CONDITION_CASES) >= 0.95


def test_lookalike_and_nothing_fits_runners_are_told_honestly_in_nine_of_ten() -> None:
    honest = sum(v.told_honestly(play(v)[0]) for v in HONEST_CASES)
    assert honest / len(HONEST_CASES) >= 0.90


def test_a_lookalike_runner_is_never_told_one_of_the_seven() -> None:
    for vignette in HONEST_CASES:
        outcome, _ = play(vignette)
        assert not set(outcome.conditions) & set(CONDITIONS), vignette.name


def test_every_red_flag_vignette_ends_with_its_triage_once_the_flag_is_answered() -> None:
    for vignette in RED_FLAG_CASES:
        outcome, asked = play(vignette)
        assert outcome.triage == vignette.expect[0], vignette.name
        flag = next(q for q in reversed(asked) if q.startswith("red_flag_"))
        assert outcome.red_flag == flag and asked[-1] == flag, vignette.name
        if flag != AVULSION:
            assert not set(asked) & set(FEATURES), vignette.name


def test_interviews_are_short_and_seldom_reach_the_usual_length() -> None:
    counted = [play(v)[0].questions_asked for v in VIGNETTES if v not in RED_FLAG_CASES]
    assert max(counted) <= CAP
    assert sum(counted) / len(counted) <= MEAN_QUESTIONS
    assert sum(count >= USUAL for count in counted) / len(counted) <= SHARE_AT_THE_USUAL_LENGTH
    assert sum(count > USUAL for count in counted) / len(counted) <= SHARE_PAST_THE_USUAL_LENGTH
