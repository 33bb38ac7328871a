"""Naive Bayes over the seven conditions and a "none of these" profile.

Each answered question multiplies every hypothesis by its chance of giving that answer; "not
sure" multiplies nothing. The next question is the one with the largest expected information
gain: the one whose answer, on average, leaves the least uncertainty about the cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from operator import mul
from typing import NamedTuple

from skill.knowledge import Knowledge
from skill.knowledge.model import HYPOTHESES
from skill.triage.interview import Answer

Distribution = tuple[float, ...]  # one share per entry of HYPOTHESES, summing to 1
_TIE = 1e-12  # gains closer than this differ only by float noise


def prior(knowledge: Knowledge) -> Distribution:
    return normalised([knowledge.priors[h] for h in HYPOTHESES])


def posterior(knowledge: Knowledge, answers: Iterable[tuple[str, Answer]]) -> Distribution:
    weights: Sequence[float] = prior(knowledge)
    for answer in answers:
        weights = weights_after(knowledge, weights, answer)
    return normalised(weights)


def weights_after(
    knowledge: Knowledge, weights: Sequence[float], answer: tuple[str, Answer]
) -> Sequence[float]:
    """The belief after one more answer, not yet normalised (`normalised` makes it a share)."""
    feature_id, reply = answer
    tables = _tables(knowledge)
    # "Sometimes" weighs nothing yet, like "not sure"; its own weight comes with the slip model.
    if reply in (Answer.UNSURE, Answer.SOMETIMES) or feature_id not in tables:
        return weights
    columns = tables[feature_id]
    return tuple(map(mul, weights, columns.yes if reply is Answer.YES else columns.no))


def answer_columns(knowledge: Knowledge, feature_ids: Iterable[str]) -> list[Columns]:
    """Each question's chances of a yes and of a no per hypothesis, to multiply a belief by."""
    tables = _tables(knowledge)
    return [tables[feature_id] for feature_id in feature_ids]


def most_informative(
    knowledge: Knowledge, belief: Distribution, candidates: Iterable[str]
) -> str | None:
    """The candidate question with the largest expected information gain (bits) about the cause.

    The gain is the mutual information between cause and answer,
    H(answer) - sum over causes of share * H(answer | cause), which equals the expected entropy
    drop of the belief and needs no per-answer posterior. Gains within float noise of each
    other count as a tie, which goes to the earlier candidate.
    """
    tables = _tables(knowledge)
    best: str | None = None
    best_gain = -math.inf
    for feature_id in candidates:
        columns = tables[feature_id]
        p_yes = sum(map(mul, belief, columns.yes))
        gain = _binary_entropy(p_yes) - sum(map(mul, belief, columns.noise))
        if gain > best_gain + _TIE:
            best, best_gain = feature_id, gain
    return best


class Columns(NamedTuple):
    """One question's numbers, in HYPOTHESES order, ready for element-wise products."""

    yes: tuple[float, ...]  # chance of a yes
    no: tuple[float, ...]  # chance of a no
    noise: tuple[float, ...]  # entropy of the answer, in bits


# Per knowledge object (there is one in production; tests parse others).
_TABLES: dict[int, tuple[Knowledge, dict[str, Columns]]] = {}


def _tables(knowledge: Knowledge) -> dict[str, Columns]:
    cached = _TABLES.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    tables = {}
    for feature_id, feature in knowledge.features.items():
        yes = tuple(feature.likelihood[h] for h in HYPOTHESES)
        tables[feature_id] = Columns(
            yes=yes,
            no=tuple(1.0 - c for c in yes),
            noise=tuple(_binary_entropy(c) for c in yes),
        )
    _TABLES[id(knowledge)] = (knowledge, tables)
    return tables


def _binary_entropy(p: float) -> float:
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def normalised(weights: Sequence[float]) -> Distribution:
    total = sum(weights)
    return tuple(w / total for w in weights)
