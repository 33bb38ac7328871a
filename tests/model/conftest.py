"""Fixtures for the model tests: the committed model and manifest, as the Alexa tools read them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from testkit import REPO_ROOT as ROOT


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
