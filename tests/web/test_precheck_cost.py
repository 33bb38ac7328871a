"""What the checks before the signature cost: linear in the body, whatever its shape.

Anyone can send these bodies without a valid signature, so a check that is slower than
linear on some shape is a way to burn the service's CPU. The scan of the nesting depth is
counted step by step (deterministic); the whole request is also timed, against a bound
generous for a shared machine (the refusals take about 3 ms) and far under the 8.5 s that a
quadratic check took.
"""

from __future__ import annotations

import gc
import sys
import time
from types import FrameType
from typing import Any

import pytest
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.web.app import MAX_REQUEST_BYTES
from skill.web.envelope import MAX_JSON_DEPTH, nesting_exceeds, parse_envelope
from testkit.amazon import FakeAmazonPki, verifying_app
from testkit.hostile import FORGED_HEADERS, KNOWN_SHAPES, PIECES, filled

#: A prefix, then a unit that `filled` repeats to the size wanted.
bodies = st.tuples(
    st.lists(st.sampled_from(PIECES), max_size=4).map(b"".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map(b"".join),
)


def scan_steps(body: bytes) -> tuple[int, list[str]]:
    """The lines `nesting_exceeds` runs on `body`, and every function it calls."""
    lines = 0
    calls: list[str] = []

    def in_scan(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        lines += event == "line"
        return in_scan

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code is nesting_exceeds.__code__:
            return in_scan
        if frame.f_back is not None and frame.f_back.f_code is nesting_exceeds.__code__:
            calls.append(frame.f_code.co_name)
        return None

    def on_c_call(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and frame.f_code is nesting_exceeds.__code__:
            calls.append(arg.__name__)

    gc.disable()  # a collection would call its callbacks from inside the scan
    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        nesting_exceeds(body, MAX_JSON_DEPTH)
    finally:
        sys.settrace(previous)
    sys.setprofile(on_c_call)
    try:
        nesting_exceeds(body, MAX_JSON_DEPTH)
    finally:
        sys.setprofile(None)
        gc.enable()
    return lines, calls


#: Lines run per byte of body at most: the loop and one branch of the state machine.
STEPS_PER_BYTE = 6


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(shape=bodies, size=st.integers(min_value=1, max_value=3000))
def test_the_nesting_scan_takes_a_few_steps_per_byte_and_calls_nothing(
    shape: tuple[bytes, bytes], size: int
) -> None:
    body = filled(*shape, size)

    lines, calls = scan_steps(body)

    assert lines <= STEPS_PER_BYTE * len(body) + 10
    assert calls == []  # no regular expression, no hidden loop in C


@pytest.mark.parametrize(("prefix", "unit"), KNOWN_SHAPES.values(), ids=KNOWN_SHAPES.keys())
def test_the_nesting_scan_of_known_worst_shapes_grows_linearly(prefix: bytes, unit: bytes) -> None:
    small, large = (scan_steps(filled(prefix, unit, size))[0] for size in (1000, 8000))

    assert large <= 8 * small + 10


@pytest.fixture(scope="module")
def forged_client() -> FlaskClient:
    """The service as deployed; requests carry well-formed but false signature headers."""
    pki = FakeAmazonPki.generate()
    return verifying_app(pki, lambda url: pki.chain_pem).test_client()


#: Generous for a shared machine: a pre-check quadratic in the body took 8.5 s here.
SECONDS_PER_REQUEST = 0.25


def refuse_timed(client: FlaskClient, body: bytes, tries: int = 3) -> float:
    """The quickest of a few refusals: a pause of the machine (or the first request's set-up)
    falls on one try, while a cost that grows with the body shows in every one."""
    quickest = float("inf")
    for _ in range(tries):
        started = time.perf_counter()
        response = client.post("/", data=body, headers=FORGED_HEADERS)
        quickest = min(quickest, time.perf_counter() - started)
        assert response.status_code == 400
    return quickest


@pytest.mark.parametrize(("prefix", "unit"), KNOWN_SHAPES.values(), ids=KNOWN_SHAPES.keys())
def test_a_64_kib_body_of_a_known_worst_shape_is_refused_quickly(
    forged_client: FlaskClient, prefix: bytes, unit: bytes
) -> None:
    body = filled(prefix, unit, MAX_REQUEST_BYTES)

    assert refuse_timed(forged_client, body) < SECONDS_PER_REQUEST


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(shape=bodies)
def test_a_64_kib_body_of_any_shape_is_refused_quickly(
    forged_client: FlaskClient, shape: tuple[bytes, bytes]
) -> None:
    body = filled(*shape, MAX_REQUEST_BYTES)

    assert refuse_timed(forged_client, body) < SECONDS_PER_REQUEST


def test_a_body_within_the_depth_limit_still_parses() -> None:
    body = b'{"request": {"type": "LaunchRequest", "x": ' + b"[" * 38 + b"]" * 38 + b"}}"

    assert parse_envelope(body)["request"]["type"] == "LaunchRequest"
