"""The voice tests' device: see testkit/talk.py."""

from __future__ import annotations

import pytest

from testkit.talk import Talk


@pytest.fixture
def talk() -> Talk:
    return Talk()
