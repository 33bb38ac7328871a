"""The project's own runner vignettes, played through the engine."""

from __future__ import annotations

import pytest

from tests.triage.spec import FEATURES, RED_FLAGS, Vignette, load_vignettes, play

VIGNETTES = load_vignettes()
CONDITION_CASES = [v for v in VIGNETTES if v.expect[0] in ("see_specialist", "soon")]
RED_FLAG_CASES = [v for v in VIGNETTES if v.expect[0] in ("emergency", "urgent")]
SOON_CASES = [v for v in VIGNETTES if v.expect[0] == "soon"]


def test_every_condition_has_at_least_four_vignettes() -> None:
    counts: dict[str, int] = {}
    for vignette in CONDITION_CASES:
        counts[vignette.expect[1]] = counts.get(vignette.expect[1], 0) + 1
    assert len(counts) == 7
    assert min(counts.values()) >= 4


def test_every_red_flag_and_the_all_no_case_are_covered() -> None:
    flagged = {q for v in RED_FLAG_CASES + SOON_CASES for q, a in v.answers.items() if a == "y"}
    assert set(RED_FLAGS) <= flagged
    assert any(v.expect == ("unclear",) and not v.answers for v in VIGNETTES)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.name)
def test_vignette_reaches_the_expected_outcome(vignette: Vignette) -> None:
    outcome, _ = play(vignette)
    assert outcome.triage == vignette.expect[0]
    if len(vignette.expect) > 1:
        assert outcome.conditions[0] == vignette.expect[1]


def test_top_condition_is_right_for_at_least_95_percent_of_condition_vignettes() -> None:
    right = sum(play(v)[0].conditions[:1] == v.expect[1:2] for v in CONDITION_CASES)
    assert right / len(CONDITION_CASES) >= 0.95


def test_every_red_flag_vignette_ends_with_its_triage_and_no_symptom_questions() -> None:
    for vignette in RED_FLAG_CASES:
        outcome, asked = play(vignette)
        assert outcome.triage == vignette.expect[0], vignette.name
        assert not set(asked) & set(FEATURES), vignette.name


def test_mean_questions_after_the_screen_is_at_most_seven() -> None:
    counted = [play(v)[0].questions_asked for v in VIGNETTES if v not in RED_FLAG_CASES]
    assert max(counted) <= 12
    assert sum(counted) / len(counted) <= 7
