"""Helpers shared by the tests and the benchmarks: stand-ins for Alexa and Amazon, devices that
talk to a skill, and running a server as a process. Not part of the skill: neither the wheel
nor the Lambda package ships it."""

from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# The clock of the envelopes that tests send, so they are the same on every run.
FIXED_TIME = datetime(2024, 5, 1, 7, 30, tzinfo=UTC)
