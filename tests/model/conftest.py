"""The interaction model, its builder and the ASK CLI skill package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")


@pytest.fixture(scope="session")
def model() -> dict[str, Any]:
    """The committed en-US model, as the developer console imports it."""
    text = (ROOT / "interaction_model" / "en-US.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    return model


@pytest.fixture(scope="session")
def language_model(model: dict[str, Any]) -> dict[str, Any]:
    language_model: dict[str, Any] = model["interactionModel"]["languageModel"]
    return language_model


@pytest.fixture(scope="session")
def manifest() -> dict[str, Any]:
    text = (ROOT / "skill-package" / "skill.json").read_text(encoding="utf-8")
    manifest: dict[str, Any] = json.loads(text)["manifest"]
    return manifest
