"""What a request that fails the checks before the signature costs, for bodies shaped to be
slow (testkit/hostile.py): each is 64 KiB, with well-formed but false signature headers, sent
to the service as deployed through Flask's test client. The baseline is the same request with
a body of spaces, which every check passes over at once."""

from __future__ import annotations

import time
from typing import Any

from bench.stats import heading, median, verdict
from skill.web.app import MAX_REQUEST_BYTES
from testkit.amazon import FakeAmazonPki, verifying_app
from testkit.hostile import FORGED_HEADERS, KNOWN_SHAPES, filled

TARGET_MILLISECONDS = 5.0


def run(quick: bool = False) -> dict[str, Any]:
    heading("Checks before the signature: a refused 64 KiB body of the slowest shapes")
    pki = FakeAmazonPki.generate()
    client = verifying_app(pki, lambda url: pki.chain_pem).test_client()
    rounds = 5 if quick else 25

    def refusal_seconds(body: bytes) -> float:
        samples = []
        for _ in range(rounds):
            started = time.perf_counter()
            status = client.post("/", data=body, headers=FORGED_HEADERS).status_code
            samples.append(time.perf_counter() - started)
            if status != 400:
                raise RuntimeError(f"a hostile body was answered {status}, not refused")
        return median(samples)

    baseline = refusal_seconds(b" " * MAX_REQUEST_BYTES)
    times = {
        name: refusal_seconds(filled(prefix, unit, MAX_REQUEST_BYTES))
        for name, (prefix, unit) in KNOWN_SHAPES.items()
    }
    worst = max(times, key=times.__getitem__)
    for name, seconds in sorted(times.items(), key=lambda item: -item[1])[:4]:
        print(f"  {name:<32} {seconds * 1e3:6.2f} ms ({seconds / baseline:4.1f}x a blank body)")
    print(
        f"  worst: {worst}, {times[worst] * 1e3:.2f} ms per request (median of {rounds}; "
        f"target <= {TARGET_MILLISECONDS:.0f} ms: "
        f"{verdict(times[worst] * 1e3 / TARGET_MILLISECONDS, 1.0)}); a blank body "
        f"{baseline * 1e3:.2f} ms"
    )
    return {"precheck_worst_ms": times[worst] * 1e3, "precheck_blank_ms": baseline * 1e3}
