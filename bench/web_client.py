"""Load generator for the web service: whole interviews as signed Alexa requests, from threads
that each keep one HTTP/1.1 connection alive. Bounded by a request count and a time limit.

    python -m bench.web_client --port PORT --pki DIR [--threads 8] [--max-requests 4000]
        [--max-seconds 20] [--interviews 60] [--junk-threads 0]

The interviews are recorded first (bench.interviews) with the current time, so their
timestamps pass the service's 150-second window, and each body is signed once with the test
leaf key before the clock starts. Every response must be HTTP 200 with the session attributes
that the recording expects; anything else counts as an error. With --junk-threads, that many
more threads send unsigned junk at the same time (forged signatures, certificate URL variants,
deep JSON, oversize and chunked bodies...); each junk request must be refused with a 4xx,
and a 5xx or a dropped connection counts as a junk error. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.interviews import record_interviews
from bench.stats import median, percentile
from testkit.amazon import CERT_URL, signed_headers
from testkit.served import load_leaf_key

HOST = "127.0.0.1"
WARM_UP_REQUESTS = 20
JUNK_STATUSES = {400, 413, 415}


@dataclass(frozen=True)
class SignedRequest:
    body: bytes
    headers: dict[str, str]
    expected_attributes: dict[str, Any] | None


class Budget:
    """Hands out request slots until the count or the deadline runs out."""

    def __init__(self, max_requests: int, max_seconds: float) -> None:
        self._left = max_requests
        self._deadline = time.monotonic() + max_seconds
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._left <= 0 or time.monotonic() >= self._deadline:
                return False
            self._left -= 1
            return True


class Results:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.examples: list[str] = []
        self._lock = threading.Lock()

    def ok(self, latency: float) -> None:
        with self._lock:
            self.latencies.append(latency)

    def error(self, what: str) -> None:
        with self._lock:
            self.errors += 1
            if len(self.examples) < 5:
                self.examples.append(what)


def prepare(interview_count: int, pki: Path) -> list[list[SignedRequest]]:
    leaf_key = load_leaf_key(pki)
    prepared = []
    for interview in record_interviews(interview_count, seed=7, vignettes=False):
        requests = []
        for envelope, response in zip(interview.requests, interview.responses, strict=True):
            body = json.dumps(envelope).encode("utf-8")
            requests.append(
                SignedRequest(
                    body, dict(signed_headers(body, leaf_key)), response.get("sessionAttributes")
                )
            )
        prepared.append(requests)
    return prepared


def post(connection: http.client.HTTPConnection, request: SignedRequest) -> tuple[int, bytes]:
    connection.request("POST", "/", body=request.body, headers=request.headers)
    response = connection.getresponse()
    return response.status, response.read()


def worker(
    port: int,
    interviews: Sequence[list[SignedRequest]],
    next_interview: itertools.count[int],
    budget: Budget,
    results: Results,
    check_attributes: bool = True,
) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    clock = time.perf_counter
    try:
        while True:
            interview = interviews[next(next_interview) % len(interviews)]
            for request in interview:
                if not budget.take():
                    return
                started = clock()
                try:
                    status, payload = post(connection, request)
                except (OSError, http.client.HTTPException) as failure:
                    results.error(f"{type(failure).__name__}: {failure}")
                    connection.close()  # reconnects on the next request
                    break
                latency = clock() - started
                if status != 200:
                    results.error(f"HTTP {status}: {payload[:200]!r}")
                    break
                envelope = json.loads(payload)
                if not isinstance(envelope.get("response"), dict):
                    results.error("the reply is not a response envelope")
                    break
                if check_attributes and (
                    envelope.get("sessionAttributes") != request.expected_attributes
                ):
                    results.error("the session attributes differ from the recording")
                    break
                results.ok(latency)
    finally:
        connection.close()


@dataclass(frozen=True)
class Junk:
    kind: str
    body: bytes
    headers: dict[str, str]
    chunked: bool = False


def junk_requests(n: int, envelope: bytes) -> Junk:
    """The n-th junk request: unsigned traffic of every kind that should cost the service
    little and never get more than a 4xx."""
    json_type = {"Content-Type": "application/json"}
    forged = {**json_type, "SignatureCertChainUrl": CERT_URL, "Signature-256": "AAAA"}
    deep_attributes = envelope.replace(
        b'"attributes": {', b'"attributes": {"x": ' + b"[" * 40 + b"]" * 40 + b", ", 1
    )
    kinds = [
        Junk("unsigned", envelope, json_type),
        Junk("forged signature", envelope, forged),
        Junk(
            "cert URL variant",
            envelope,
            {**forged, "SignatureCertChainUrl": f"{CERT_URL}?evict={n}"},
        ),
        Junk(
            "new cert URL",
            envelope,
            {**forged, "SignatureCertChainUrl": f"https://s3.amazonaws.com/echo.api/junk-{n}.pem"},
        ),
        Junk("deep JSON", b"[" * 5000 + b"]" * 5000, forged),
        Junk("escaped quotes", b'"' + b'\\"' * 30_000, forged),
        Junk("deep attributes", deep_attributes, forged),
        Junk("oversize", envelope + b" " * 70_000, forged),
        Junk("oversize chunked", envelope + b" " * 70_000, forged, chunked=True),
        Junk("not JSON", b"hello", {**forged, "Content-Type": "text/plain"}),
    ]
    return kinds[n % len(kinds)]


def junk_worker(
    port: int, envelope: bytes, counter: itertools.count[int], budget: Budget, results: Results
) -> None:
    while budget.take():
        junk = junk_requests(next(counter), envelope)
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        try:
            if junk.chunked:
                chunks = [junk.body[i : i + 8192] for i in range(0, len(junk.body), 8192)]
                connection.request(
                    "POST", "/", body=iter(chunks), headers=junk.headers, encode_chunked=True
                )
            else:
                connection.request("POST", "/", body=junk.body, headers=junk.headers)
            response = connection.getresponse()
            response.read()
            if response.status in JUNK_STATUSES:
                results.ok(0.0)
            else:
                results.error(f"{junk.kind}: HTTP {response.status}")
        except (OSError, http.client.HTTPException) as failure:
            results.error(f"{junk.kind}: {type(failure).__name__}: {failure}")
        finally:
            connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web_client", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pki", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=4000)
    parser.add_argument("--max-seconds", type=float, default=20.0)
    parser.add_argument("--interviews", type=int, default=60)
    parser.add_argument(
        "--any-skill",
        action="store_true",
        help="accept any response envelope (for the bare baseline skill, whose answers differ)",
    )
    parser.add_argument("--junk-threads", type=int, default=0)
    args = parser.parse_args(argv)

    interviews = prepare(args.interviews, args.pki)
    warm_up = Results()
    check = not args.any_skill
    warm_up_budget = Budget(WARM_UP_REQUESTS, 30)
    worker(args.port, interviews, itertools.count(), warm_up_budget, warm_up, check)

    results = Results()
    budget = Budget(args.max_requests, args.max_seconds)
    next_interview = itertools.count()
    threads = [
        threading.Thread(
            target=worker, args=(args.port, interviews, next_interview, budget, results, check)
        )
        for _ in range(args.threads)
    ]
    junk = Results()
    junk_budget = Budget(args.max_requests, args.max_seconds)
    junk_envelope = interviews[0][0].body
    junk_counter = itertools.count()
    junk_threads = [
        threading.Thread(
            target=junk_worker, args=(args.port, junk_envelope, junk_counter, junk_budget, junk)
        )
        for _ in range(args.junk_threads)
    ]
    started = time.perf_counter()
    for thread in threads + junk_threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    for thread in junk_threads:
        thread.join()

    done = len(results.latencies)
    report = {
        "threads": args.threads,
        "requests": done,
        "errors": results.errors + warm_up.errors,
        "error_examples": warm_up.examples + results.examples,
        "seconds": elapsed,
        "requests_per_second": done / elapsed if elapsed else 0.0,
        "p50_ms": median(results.latencies) * 1e3 if done else None,
        "p99_ms": percentile(results.latencies, 99) * 1e3 if done else None,
        "junk_requests": len(junk.latencies) + junk.errors,
        "junk_errors": junk.errors,
        "junk_error_examples": junk.examples,
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
