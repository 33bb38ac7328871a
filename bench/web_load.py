"""The web service under load on loopback, with Alexa request verification on.

A test PKI is generated in a temporary folder (testkit.served); bench.web_server serves the app
trusting it (gunicorn with the production settings) and bench.web_client, a second process,
sends signed whole interviews over keep-alive connections. The same service with the bare SDK
skill in place of the real one runs beside it as the baseline, and the load alternates between
the two, round after round, so that noise on the machine falls on both. Before the load, an
unsigned request must be refused by each: proof that the checks are really on. A last round
sends the same signed load to the skill with unsigned junk mixed in (forged signatures,
certificate URL variants, deep JSON, oversize and chunked bodies) from JUNK_THREADS more
connections: the signed requests must still see no error, and every junk request must get a
4xx.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from bench.stats import heading, median
from testkit import REPO_ROOT as ROOT
from testkit.processes import HOST, clean_environment, free_port, wait_until_healthy
from testkit.served import write_pki

STARTUP_SECONDS = 30.0
CLIENT_THREADS = 8
JUNK_THREADS = 2
# (max requests, max seconds) of one round of load: full run, quick run.
LIMITS = {False: (4000, 6.0), True: (1500, 5.0)}


@contextmanager
def running_server(pki: Path, skill: str, server_kind: str) -> Iterator[int]:
    port = free_port()
    command = [sys.executable, "-m", "bench.web_server", "--pki", str(pki), "--port", str(port)]
    command += ["--skill", skill, "--server", server_kind]
    # Its own process group: gunicorn's master and workers all stop together.
    server = subprocess.Popen(command, cwd=ROOT, env=clean_environment(), start_new_session=True)
    try:
        wait_until_healthy(f"http://{HOST}:{port}", server, seconds=STARTUP_SECONDS)
        yield port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def unsigned_request_status(port: int) -> int:
    request = urllib.request.Request(
        f"http://{HOST}:{port}/",
        data=b'{"version": "1.0"}',
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            status: int = reply.status
            return status
    except urllib.error.HTTPError as refused:
        return refused.code


def load(
    port: int, pki: Path, *, quick: bool, any_skill: bool, junk_threads: int = 0
) -> dict[str, Any]:
    max_requests, max_seconds = LIMITS[quick]
    command = [sys.executable, "-m", "bench.web_client", "--port", str(port), "--pki", str(pki)]
    command += ["--threads", str(CLIENT_THREADS), "--interviews", "20" if quick else "60"]
    command += ["--max-requests", str(max_requests), "--max-seconds", str(max_seconds)]
    command += ["--junk-threads", str(junk_threads)]
    if any_skill:
        command.append("--any-skill")
    completed = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=True, timeout=180
    )
    report: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return report


def summarise(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the rounds; requests and errors added up."""
    return {
        "rounds": len(reports),
        "requests": sum(r["requests"] for r in reports),
        "errors": sum(r["errors"] for r in reports),
        "error_examples": [e for r in reports for e in r["error_examples"]][:5],
        "requests_per_second": median([r["requests_per_second"] for r in reports]),
        "p50_ms": median([r["p50_ms"] for r in reports]),
        "p99_ms": median([r["p99_ms"] for r in reports]),
        "per_round_requests_per_second": [round(r["requests_per_second"]) for r in reports],
    }


def run(quick: bool = False, server_kind: str = "gunicorn") -> dict[str, Any]:
    heading("Web service under load: signed requests, verification on, 127.0.0.1")
    subjects = (("hello", "bare ask-sdk-core skill"), ("glute", "the skill"))
    rounds = 1 if quick else 3
    reports: dict[str, list[dict[str, Any]]] = {skill: [] for skill, _ in subjects}
    refused: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pki-") as folder, ExitStack() as servers:
        pki = Path(folder)
        write_pki(pki)
        ports = {
            skill: servers.enter_context(running_server(pki, skill, server_kind))
            for skill, _ in subjects
        }
        for skill, port in ports.items():
            refused[skill] = unsigned_request_status(port)
        # Both servers stay up; the load alternates between them, round after round.
        for _ in range(rounds):
            for skill, port in ports.items():
                reports[skill].append(load(port, pki, quick=quick, any_skill=skill == "hello"))
        with_junk = load(
            ports["glute"], pki, quick=quick, any_skill=False, junk_threads=JUNK_THREADS
        )

    max_requests, max_seconds = LIMITS[quick]
    layout = "2 gevent workers" if server_kind == "gunicorn" else "threaded, 1 process"
    print(
        f"  {server_kind} on {HOST}, {layout}; load from a second process with "
        f"{CLIENT_THREADS} keep-alive connections, {rounds} alternating round(s) of at most "
        f"{max_requests} requests / {max_seconds} s; medians over the rounds"
    )
    results: dict[str, Any] = {}
    for skill, label in subjects:
        summary = summarise(reports[skill])
        summary["unsigned_request_status"] = refused[skill]
        results[f"web_{skill}"] = summary
        print(
            f"    {label:<26} {summary['requests_per_second']:7.0f} req/s   "
            f"p50 {summary['p50_ms']:6.2f} ms   p99 {summary['p99_ms']:6.2f} ms   "
            f"{summary['requests']} requests, errors {summary['errors']}   "
            f"(an unsigned request: HTTP {summary['unsigned_request_status']})"
        )
        for example in summary["error_examples"]:
            print(f"      error: {example}")
    ours, bare = results["web_glute"], results["web_hello"]
    ratio = bare["requests_per_second"] / ours["requests_per_second"]
    print(
        f"    throughput ratio (bare / skill): {ratio:.2f}x;"
        f" p50 ratio (skill / bare) {ours['p50_ms'] / bare['p50_ms']:.2f}x;"
        f" errors {ours['errors'] + bare['errors']} (target 0)"
    )
    results["web_throughput_ratio"] = ratio
    results["web_glute_with_junk"] = with_junk
    print(
        f"    the skill, {JUNK_THREADS} junk connections mixed in: "
        f"{with_junk['requests_per_second']:5.0f} req/s   p50 {with_junk['p50_ms']:6.2f} ms   "
        f"p99 {with_junk['p99_ms']:6.2f} ms   {with_junk['requests']} requests, "
        f"errors {with_junk['errors']}; {with_junk['junk_requests']} junk requests, "
        f"junk errors {with_junk['junk_errors']} (target 0 and 0)"
    )
    for example in with_junk["error_examples"] + with_junk["junk_error_examples"]:
        print(f"      error: {example}")
    return results
