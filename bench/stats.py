"""Small helpers for the figures: percentiles, ratios and aligned output."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(samples: Sequence[float], percent: float) -> float:
    """Nearest-rank percentile (percent in 0..100) of a non-empty sample."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(percent / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def verdict(ratio: float, target: float) -> str:
    return "meets" if ratio <= target else "MISSES"


def micros(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} µs"


def millis(seconds: float) -> str:
    return f"{seconds * 1e3:8.1f} ms"


def heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))
