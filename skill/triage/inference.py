"""Naive Bayes over the causes (the seven conditions and the look-alikes) and a "none of these"
profile, with answers as evidence.

A runner with a feature answers "yes" unless the answer slips, which happens with the
knowledge's slip rate; so the chance of a "yes" from a runner with hypothesis h is
slip + (1 - 2 * slip) * likelihood[h], and no answer can rule a hypothesis in or out alone.
"Sometimes" is soft evidence: a yes with the chance `sometimes_weight`, a no otherwise, so
each hypothesis is weighed by weight * P(yes | h) + (1 - weight) * P(no | h). "Not sure"
weighs nothing. Each answered question multiplies every hypothesis by its chance of giving
that answer. The next question is the one with the largest expected information gain: the
one whose answer, on average, leaves the least uncertainty about the cause.
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

    yes: tuple[float, ...]  # chance of a yes, slips included
    no: tuple[float, ...]  # chance of a no, slips included
    sometimes: tuple[float, ...]  # how well a "sometimes" fits (soft evidence)
    noise: tuple[float, ...]  # entropy of the yes/no answer, in bits
    # The least of those: no belief makes the answer more predictable, so a question's
    # information gain is at most H(answer) minus this.
    quietest: float
    # What a slip of each reply does to a weight: the chance of the other answer over the
    # chance of this one (a yes or a sometimes read as a no, a no as a yes), so a slipped
    # alternative is one product, with no division and no normalising.
    yes_slipped: tuple[float, ...]
    no_slipped: tuple[float, ...]
    sometimes_slipped: tuple[float, ...]

    def chances(self, reply: Answer) -> tuple[float, ...] | None:
        """The chance of this reply per hypothesis; None for an answer that weighs nothing."""
        if reply is Answer.YES:
            return self.yes
        if reply is Answer.NO:
            return self.no
        if reply is Answer.SOMETIMES:
            return self.sometimes
        return None

    def slipped(self, reply: Answer) -> tuple[float, ...] | None:
        """The factor per hypothesis that turns weights with this reply into weights had it
        slipped the other way; None for an answer that weighs nothing."""
        if reply is Answer.YES:
            return self.yes_slipped
        if reply is Answer.NO:
            return self.no_slipped
        if reply is Answer.SOMETIMES:
            return self.sometimes_slipped
        return None


def evidence(
    feature: Feature, hypotheses: Sequence[str], *, slip_rate: float, sometimes_weight: float
) -> Evidence:
    yes = tuple(slip_rate + (1.0 - 2.0 * slip_rate) * feature.likelihood[h] for h in hypotheses)
    no = tuple(1.0 - c for c in yes)
    sometimes = tuple(
        sometimes_weight * y + (1.0 - sometimes_weight) * n for y, n in zip(yes, no, strict=True)
    )
    noise = tuple(binary_entropy(c) for c in yes)
    return Evidence(
        yes=yes,
        no=no,
        sometimes=sometimes,
        noise=noise,
        quietest=min(noise),
        yes_slipped=tuple(n / y for y, n in zip(yes, no, strict=True)),
        no_slipped=tuple(y / n for y, n in zip(yes, no, strict=True)),
        sometimes_slipped=tuple(n / s for s, n in zip(sometimes, no, strict=True)),
    )


def weighed(weights: Sequence[float], chances: Sequence[float]) -> tuple[float, ...]:
    return tuple(map(mul, weights, chances))


def binary_entropy(p: float) -> float:
    if p <= 0.0 or p >= 1.0:
        return 0.0
    return -(p * math.log2(p) + (1.0 - p) * math.log2(1.0 - p))


def normalised(weights: Sequence[float]) -> Distribution:
    total = sum(weights)
    return tuple(w / total for w in weights)
