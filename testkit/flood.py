"""Genuine Alexa requests during a flood of forged ones that send new certificate URLs with
the right skill id and fresh timestamps, on a simulated clock: what share is still answered.

Each simulated second brings one genuine request, signed by the fake Amazon's leaf key for
its one certificate URL, and `forged_per_second` forged ones, signed by another key. Any URL
other than Alexa's fails to download, as a missing object in Amazon's bucket would. The web
tests hold the share to at least 99 %, and the benchmark prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum

from skill.web.verification import DOWNLOAD_INTERVAL
from testkit.amazon import (
    CERT_URL,
    NOW,
    FakeAmazonPki,
    launch_request,
    signed_headers,
    verifying_app,
)

#: Forged requests with new URLs sent before anything else, to spend the download budget.
DRAINING_REQUESTS = 20


class Attack(Enum):
    #: Every forged request names a URL never seen before.
    NEW_URLS = "a new URL on every forged request"
    #: Every forged request in one download interval names the same URL, to out-ask Alexa's.
    ONE_URL_PER_INTERVAL = "one URL pushed hard in each download interval"
    #: As many URLs as forged requests a second, each asked for every second, as Alexa's is.
    AS_DEMANDED_AS_ALEXAS = "URLs asked for every second, as Alexa's is"


@dataclass
class FloodResult:
    genuine: int = 0
    genuine_answered: int = 0
    forged_answered: int = 0
    downloads: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.genuine_answered / self.genuine


def run_flood(
    pki: FakeAmazonPki,
    attack: Attack,
    *,
    seconds: int = 300,
    forged_per_second: int = 12,
    warm: bool = False,
    chain_expires_after: timedelta | None = None,
) -> FloodResult:
    """The flood starts first, on a fresh worker; `warm` lets one genuine request through
    before it. `chain_expires_after`: Alexa's chain expires then and is renewed at its URL."""
    clock = [NOW]
    result = FloodResult()
    expiry = NOW + chain_expires_after if chain_expires_after is not None else None
    first_chain = pki.leaf_chain(not_after=expiry) if expiry is not None else pki.chain_pem
    renewed_chain = pki.leaf_chain(not_before=NOW, not_after=NOW + timedelta(days=90))

    def load(url: str) -> bytes:
        result.downloads.append(url)
        if url != CERT_URL:
            raise OSError(f"403 for {url}")
        return renewed_chain if expiry is not None and clock[0] >= expiry else first_chain

    client = verifying_app(pki, load, now=lambda: clock[0]).test_client()

    def genuine() -> None:
        body = launch_request(timestamp=clock[0])
        response = client.post("/", data=body, headers=signed_headers(body, pki.leaf_key))
        result.genuine += 1
        result.genuine_answered += response.status_code == 200

    if warm:
        genuine()
    forged_body = launch_request(timestamp=clock[0])
    forged_headers = signed_headers(forged_body, pki.spare_key)
    forged_count = 0

    def forged(url: str) -> None:
        headers = [
            (key, url if key == "SignatureCertChainUrl" else value) for key, value in forged_headers
        ]
        response = client.post("/", data=forged_body, headers=headers)
        result.forged_answered += response.status_code == 200

    for n in range(DRAINING_REQUESTS):  # whatever budget there is, the flood spends it first
        forged(f"https://s3.amazonaws.com/echo.api/draining-{n}.pem")
    for second in range(seconds):
        clock[0] = NOW + timedelta(seconds=second)
        if second % 10 == 0:  # a fresh timestamp, signed once by the wrong key
            forged_body = launch_request(timestamp=clock[0])
            forged_headers = signed_headers(forged_body, pki.spare_key)
        for _ in range(forged_per_second):
            forged_count += 1
            if attack is Attack.NEW_URLS:
                name = f"forged-{forged_count}"
            elif attack is Attack.ONE_URL_PER_INTERVAL:
                name = f"pushed-{second // int(DOWNLOAD_INTERVAL.total_seconds())}"
            else:
                name = f"steady-{forged_count % forged_per_second}"
            forged(f"https://s3.amazonaws.com/echo.api/{name}.pem")
        genuine()
    return result


def describe(result: FloodResult) -> str:
    return (
        f"{result.genuine_answered} of {result.genuine} genuine requests answered "
        f"({result.share:.1%}), {result.forged_answered} forged, "
        f"{len(result.downloads)} downloads"
    )
