"""What an outcome would name for a belief: the rules of docs/clinical.md's outcomes, in numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.triage.spec import CAUSES, ENGINE, LOOKALIKES

SETTINGS = ENGINE.knowledge.settings
HYPOTHESES = (*CAUSES, "none_of_these")
NONE = HYPOTHESES.index("none_of_these")
FIRST, SECOND, THIRD = [i for i in range(len(HYPOTHESES)) if i != NONE][:3]
# Two look-alikes whose own signs the runner affirmed.
LOOKALIKE, OTHER_LOOKALIKE = HYPOTHESES.index(LOOKALIKES[0]), HYPOTHESES.index(LOOKALIKES[1])


def verdict(weights: list[float], unnamable: frozenset[int] = frozenset()) -> tuple[str, ...]:
    return tuple(HYPOTHESES[h] for h in ENGINE._verdict(weights, unnamable))


def belief(**shares: float) -> list[float]:
    """Shares by position name (first, second, third condition, a look-alike, another
    look-alike, or none); the rest share what is left equally."""
    positions = {
        "first": FIRST,
        "second": SECOND,
        "third": THIRD,
        "lookalike": LOOKALIKE,
        "other_lookalike": OTHER_LOOKALIKE,
        "none": NONE,
    }
    weights = [0.0] * len(HYPOTHESES)
    for name, share in shares.items():
        weights[positions[name]] = share
    rest = [i for i in range(len(HYPOTHESES)) if i not in {positions[n] for n in shares}]
    left = 1.0 - sum(shares.values())
    for i in rest:
        weights[i] = left / len(rest)
    return weights


def test_a_clear_leader_is_named_alone() -> None:
    assert verdict(belief(first=0.7, second=0.1)) == (HYPOTHESES[FIRST],)


def test_a_close_second_is_named_as_runner_up() -> None:
    named = verdict(belief(first=0.5, second=0.4))
    assert named == (HYPOTHESES[FIRST], HYPOTHESES[SECOND])


def test_a_runner_up_at_exactly_the_ratio_is_named() -> None:
    shares = belief(first=0.5, second=0.5 * SETTINGS.runner_up_ratio)
    assert verdict(shares) == (HYPOTHESES[FIRST], HYPOTHESES[SECOND])


def test_none_of_these_in_the_lead_names_nothing() -> None:
    assert verdict(belief(none=0.6, first=0.3)) == ()


def test_none_of_these_is_never_the_runner_up() -> None:
    named = verdict(belief(first=0.5, none=0.45, second=0.01))
    assert named == (HYPOTHESES[FIRST],)


def test_a_leader_below_the_minimum_share_names_nothing() -> None:
    assert verdict(belief(first=SETTINGS.minimum_share - 0.01)) == ()


def test_ties_go_to_the_condition_listed_first() -> None:
    named = verdict(belief(second=0.45, first=0.45))
    assert named == (HYPOTHESES[FIRST], HYPOTHESES[SECOND])


def test_a_leader_whose_defining_sign_was_denied_names_nothing() -> None:
    assert verdict(belief(first=0.7, second=0.1), frozenset({FIRST})) == ()


def test_a_runner_up_that_may_not_be_named_is_left_out() -> None:
    assert verdict(belief(first=0.5, second=0.4), frozenset({SECOND})) == (HYPOTHESES[FIRST],)


def test_a_lookalike_in_the_lead_is_named_with_a_close_lookalike_but_never_with_the_seven() -> None:
    assert verdict(belief(lookalike=0.5, other_lookalike=0.4)) == (
        HYPOTHESES[LOOKALIKE],
        HYPOTHESES[OTHER_LOOKALIKE],
    )
    assert verdict(belief(lookalike=0.5, first=0.4)) == (HYPOTHESES[LOOKALIKE],)


def test_one_of_the_seven_is_not_named_while_a_lookalike_that_fits_is_close_behind() -> None:
    doubt = SETTINGS.lookalike_doubt
    assert verdict(belief(first=0.6, lookalike=0.6 * doubt)) == ()
    assert verdict(belief(first=0.6, lookalike=0.6 * doubt - 0.01)) == (HYPOTHESES[FIRST],)
    # A look-alike whose sign the runner has not affirmed casts no doubt.
    unaffirmed = frozenset({LOOKALIKE})
    assert verdict(belief(first=0.6, lookalike=0.3), unaffirmed) == (HYPOTHESES[FIRST],)


def test_when_one_of_the_seven_and_a_lookalike_fit_alike_both_are_the_pair_in_doubt() -> None:
    doubt = SETTINGS.lookalike_doubt
    in_doubt = ENGINE._in_doubt(belief(first=0.6, lookalike=0.6 * doubt), frozenset())
    assert in_doubt == (FIRST, LOOKALIKE)
    # Nothing is in doubt when one is named, when the look-alike's sign was not affirmed, or
    # when "none of these" leads.
    assert ENGINE._in_doubt(belief(first=0.6, lookalike=0.1), frozenset()) == ()
    assert ENGINE._in_doubt(belief(first=0.6, lookalike=0.3), frozenset({LOOKALIKE})) == ()
    assert ENGINE._in_doubt(belief(none=0.6, first=0.3, lookalike=0.3), frozenset()) == ()


weights = st.lists(
    st.floats(min_value=1e-6, max_value=1.0), min_size=len(HYPOTHESES), max_size=len(HYPOTHESES)
)


@settings(max_examples=300, deadline=None)
@given(weights, st.integers(min_value=-30, max_value=30))
def test_the_verdict_does_not_depend_on_the_weights_summing_to_one(
    raw: list[float], power: int
) -> None:
    # Scaling by a power of two is exact in floating point, so any difference would be a rule
    # that reads the absolute size of a weight rather than its share.
    scaled = [w * 2.0**power for w in raw]
    assert ENGINE._verdict(scaled) == ENGINE._verdict(raw)
