"""What every layer reads the same way: the skill id's environment variable and the clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

# The skill id from the Alexa developer console. When it is set, the skill (Lambda and web
# service) refuses requests meant for any other skill, and the chat's envelopes carry it.
SKILL_ID_VARIABLE = "GLUTE_DETECTIVE_SKILL_ID"

Clock = Callable[[], datetime]


def configured_skill_id() -> str | None:
    """The skill id set in the environment, or None when it is unset or empty."""
    return os.environ.get(SKILL_ID_VARIABLE) or None


def utc_now() -> datetime:
    return datetime.now(UTC)
