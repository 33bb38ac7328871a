"""Forged certificate URLs cannot lock out Alexa's chain: during a flood of forged requests
with new URLs, the right skill id and fresh timestamps, at least 99 % of genuine requests
are answered, on a fresh worker, on a warm one, and while Alexa's chain is renewed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from skill.web.verification import DOWNLOAD_BURST, DOWNLOAD_INTERVAL, BoundedDownloads
from testkit.amazon import CERT_URL, FakeAmazonPki
from testkit.flood import Attack, describe, run_flood

GENUINE_SHARE = 0.99
#: Download intervals in run_flood's 300 simulated seconds.
INTERVALS = 300 // int(DOWNLOAD_INTERVAL.total_seconds())


@pytest.mark.parametrize(
    "attack", [Attack.NEW_URLS, Attack.ONE_URL_PER_INTERVAL], ids=["new-urls", "one-pushed-url"]
)
def test_a_fresh_worker_answers_alexa_during_a_flood_that_started_first(
    pki: FakeAmazonPki, attack: Attack
) -> None:
    result = run_flood(pki, attack)

    assert result.share >= GENUINE_SHARE, describe(result)
    # Refused only until Alexa's URL has been asked for in DEMAND_QUORUM distinct seconds.
    assert result.genuine - result.genuine_answered <= BoundedDownloads.DEMAND_QUORUM
    assert result.forged_answered == 0
    assert result.downloads.count(CERT_URL) == 1
    # The first burst, one per interval after it, at most one pushed URL per interval past
    # the budget, and Alexa's.
    assert len(result.downloads) <= DOWNLOAD_BURST + 2 * INTERVALS + 1, describe(result)


def test_a_flood_of_more_new_urls_a_second_than_the_service_remembers_cannot_hide_alexas(
    pki: FakeAmazonPki,
) -> None:
    result = run_flood(pki, Attack.NEW_URLS, seconds=60, forged_per_second=100)

    assert result.genuine - result.genuine_answered <= BoundedDownloads.DEMAND_QUORUM
    assert result.downloads.count(CERT_URL) == 1


def test_urls_as_much_in_demand_as_alexas_hold_a_fresh_worker_back_a_second_each(
    pki: FakeAmazonPki,
) -> None:
    """The limit of the design: URLs asked for every second since before Alexa's first
    request tie with Alexa's, and each takes one download past the budget before it."""
    steady_urls = 6

    result = run_flood(pki, Attack.AS_DEMANDED_AS_ALEXAS, forged_per_second=steady_urls)

    refused = result.genuine - result.genuine_answered
    assert refused <= BoundedDownloads.DEMAND_QUORUM + steady_urls, describe(result)
    assert len(result.downloads) <= DOWNLOAD_BURST + INTERVALS + steady_urls + 1
    assert result.forged_answered == 0


def test_a_warm_worker_answers_every_genuine_request_during_a_flood(pki: FakeAmazonPki) -> None:
    result = run_flood(pki, Attack.NEW_URLS, warm=True)

    assert result.genuine_answered == result.genuine, describe(result)
    assert result.downloads.count(CERT_URL) == 1


def test_alexas_chain_is_renewed_during_a_flood_from_a_budget_the_flood_cannot_spend(
    pki: FakeAmazonPki,
) -> None:
    result = run_flood(pki, Attack.NEW_URLS, warm=True, chain_expires_after=timedelta(seconds=150))

    assert result.genuine_answered == result.genuine, describe(result)
    assert result.downloads.count(CERT_URL) == 2
