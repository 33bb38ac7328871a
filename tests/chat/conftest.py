"""Fixtures for the chat tests: the toy skill (testkit/toy_skill.py) behind a simulated device."""

from __future__ import annotations

import pytest

from skill.chat.device import Device
from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.understanding import Nlu
from testkit import FIXED_TIME
from testkit.toy_skill import ToySkill


@pytest.fixture(scope="session")
def nlu() -> Nlu:
    return Nlu.for_locale("en-US")


@pytest.fixture
def toy_skill() -> ToySkill:
    return ToySkill()


@pytest.fixture
def envelopes() -> EnvelopeFactory:
    return EnvelopeFactory(ids=IdSource(seed="tests"), clock=lambda: FIXED_TIME)


@pytest.fixture
def device(toy_skill: ToySkill, nlu: Nlu, envelopes: EnvelopeFactory) -> Device:
    return Device(toy_skill, nlu, envelopes)
