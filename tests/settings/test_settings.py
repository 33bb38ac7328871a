"""The settings every layer reads the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from skill.settings import SKILL_ID_VARIABLE, configured_skill_id, utc_now


def test_the_skill_id_comes_from_its_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SKILL_ID_VARIABLE, "amzn1.ask.skill.example")
    assert configured_skill_id() == "amzn1.ask.skill.example"


@pytest.mark.parametrize("value", [None, ""])
def test_an_unset_or_empty_skill_id_is_none(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    monkeypatch.delenv(SKILL_ID_VARIABLE, raising=False)
    if value is not None:
        monkeypatch.setenv(SKILL_ID_VARIABLE, value)
    assert configured_skill_id() is None


def test_the_clock_tells_utc_time() -> None:
    now = utc_now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
