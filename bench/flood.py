"""Genuine requests during a flood of forged ones with new certificate URLs, the right skill
id and fresh timestamps (testkit/flood.py, on a simulated clock): the share still answered,
on a fresh worker that the flood reached first and on one that has verified Alexa's chain."""

from __future__ import annotations

import logging
from typing import Any

from bench.stats import heading, verdict
from testkit.amazon import FakeAmazonPki
from testkit.flood import Attack, describe, run_flood

TARGET_SHARE = 0.99


def run(quick: bool = False) -> dict[str, Any]:
    heading("Genuine requests answered during a flood of forged certificate URLs")
    pki = FakeAmazonPki.generate()
    seconds = 100 if quick else 300
    figures: dict[str, Any] = {}
    logging.disable(logging.WARNING)  # a refusal per forged request
    try:
        for attack in Attack:
            for warm in (False, True):
                result = run_flood(pki, attack, seconds=seconds, warm=warm)
                worker = "warm worker" if warm else "fresh worker"
                print(
                    f"  {attack.value}, {worker}: {describe(result)} "
                    f"(target >= {TARGET_SHARE:.0%}: {verdict(TARGET_SHARE, result.share)})"
                )
                figures[f"flood_{attack.name.lower()}_{'warm' if warm else 'fresh'}"] = result.share
    finally:
        logging.disable(logging.NOTSET)
    return figures
