"""Naive Bayes over the conditions and a "none of these" profile.

Each answered question multiplies every hypothesis by its chance of giving that answer; "not
sure" multiplies nothing. The next question is the one with the largest expected information
gain: the one whose answer, on average, leaves the least uncertainty about the cause.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import mul
from typing import NamedTuple

from skill.knowledge import Feature
from skill.triage.interview import Answer

Distribution = tuple[float, ...]  # one share per hypothesis, summing to 1


class Evidence(NamedTuple):
    """One question's numbers, one per hypothesis in order, ready for element-wise products."""

    yes: tuple[float, ...]  # chance of a yes
    no: tuple[float, ...]  # chance of a no
    noise: tuple[float, ...]  # entropy of the answer, in bits

    def chances(self, reply: Answer) -> tuple[float, ...] | None:
        """The chance of this reply per hypothesis; None for an answer that weighs nothing."""
        if reply is Answer.YES:
            return self.yes
        if reply is Answer.NO:
            return self.no
        # "Sometimes" weighs nothing yet, like "not sure"; its own weight comes with the slip model.
        return None


def evidence(feature: Feature, hypotheses: Sequence[str]) -> Evidence:
    yes = tuple(feature.likelihood[h] for h in hypotheses)
    return Evidence(
        yes=yes, no=tuple(1.0 - c for c in yes), noise=tuple(_binary_entropy(c) for c in yes)
    )


def weighed(weights: Sequence[float], chances: Sequence[float]) -> tuple[float, ...]:
    return tuple(map(mul, weights, chances))


def information_gain(belief: Distribution, question: Evidence) -> float:
    """The mutual information between cause and answer, in bits:
    H(answer) - sum over causes of share * H(answer | cause), which equals the expected entropy
    drop of the belief and needs no per-answer posterior."""
    p_yes: float = sum(map(mul, belief, question.yes))
    noise: float = sum(map(mul, belief, question.noise))
    return _binary_entropy(p_yes) - noise


def _binary_entropy(p: float) -> float:
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def normalised(weights: Sequence[float]) -> Distribution:
    total = sum(weights)
    return tuple(w / total for w in weights)
