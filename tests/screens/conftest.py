"""Amazon's APL engine, started once for the screen tests that draw screens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from skill.chat.screens import Renderer, renderer


@pytest.fixture(scope="session")
def apl() -> Iterator[Renderer]:
    with renderer() as engine:
        yield engine
