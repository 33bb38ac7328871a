"""Naive Bayes over the seven conditions and a "none of these" profile.

Each answered question multiplies every hypothesis by its chance of giving that answer; "not
sure" multiplies nothing. The next question is the one with the largest expected information
gain: the one whose answer, on average, leaves the least uncertainty about the cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from skill.knowledge import Knowledge
from skill.knowledge.model import HYPOTHESES
from skill.triage.interview import Answer

Distribution = tuple[float, ...]  # one share per entry of HYPOTHESES, summing to 1


def prior(knowledge: Knowledge) -> Distribution:
    return _normalised([knowledge.priors[h] for h in HYPOTHESES])


def posterior(knowledge: Knowledge, answers: Iterable[tuple[str, Answer]]) -> Distribution:
    weights = list(prior(knowledge))
    for feature_id, answer in answers:
        if answer is Answer.UNSURE or feature_id not in knowledge.features:
            continue
        chances = _yes_chances(knowledge, feature_id)
        for i, chance in enumerate(chances):
            weights[i] *= chance if answer is Answer.YES else 1.0 - chance
    return _normalised(weights)


def update(knowledge: Knowledge, belief: Distribution, feature_id: str, yes: bool) -> Distribution:
    chances = _yes_chances(knowledge, feature_id)
    return _normalised([b * (c if yes else 1.0 - c) for b, c in zip(belief, chances, strict=True)])


def information_gain(knowledge: Knowledge, belief: Distribution, feature_id: str) -> float:
    """Expected drop in uncertainty (bits) about the cause from asking this question.

    Computed as the mutual information between cause and answer,
    H(answer) - sum over causes of share * H(answer | cause), which equals the expected entropy
    drop of the belief and needs no per-answer posterior.
    """
    chances = _yes_chances(knowledge, feature_id)
    noise = _answer_entropies(knowledge, feature_id)
    p_yes = 0.0
    conditional = 0.0
    for share, chance, entropy in zip(belief, chances, noise, strict=True):
        p_yes += share * chance
        conditional += share * entropy
    return _binary_entropy(p_yes) - conditional


def leader(belief: Distribution) -> int:
    """Index of the most likely hypothesis; ties go to the earlier one in HYPOTHESES."""
    best = 0
    for i, share in enumerate(belief):
        if share > belief[best]:
            best = i
    return best


def _yes_chances(knowledge: Knowledge, feature_id: str) -> tuple[float, ...]:
    return _tables(knowledge)[feature_id][0]


def _answer_entropies(knowledge: Knowledge, feature_id: str) -> tuple[float, ...]:
    return _tables(knowledge)[feature_id][1]


# Per knowledge object: each feature's yes-chances and answer entropies, in HYPOTHESES order.
_TABLES: dict[int, tuple[Knowledge, dict[str, tuple[tuple[float, ...], tuple[float, ...]]]]] = {}


def _tables(knowledge: Knowledge) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    cached = _TABLES.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    tables = {}
    for feature_id, feature in knowledge.features.items():
        chances = tuple(feature.likelihood[h] for h in HYPOTHESES)
        tables[feature_id] = (chances, tuple(_binary_entropy(c) for c in chances))
    _TABLES[id(knowledge)] = (knowledge, tables)
    return tables


def _binary_entropy(p: float) -> float:
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def _normalised(weights: Sequence[float]) -> Distribution:
    total = sum(weights)
    return tuple(w / total for w in weights)
