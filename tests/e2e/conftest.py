"""End to end: the web service as a real process, driven by virtual-alexa (an independent,
Node-based Alexa simulator that resolves utterances through the interaction model's samples).

The whole folder skips when node_modules/virtual-alexa is missing (`npm ci` installs it; the
Makefile does that before pytest). Everything else that goes wrong fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testkit import REPO_ROOT as ROOT
from testkit.processes import HOST, clean_environment, free_port, wait_until_healthy
from tests.e2e.turns import Converse, Turn

VIRTUAL_ALEXA = ROOT / "node_modules" / "virtual-alexa"
DRIVER = Path(__file__).with_name("driver") / "run_scenario.js"
STARTUP_SECONDS = 30.0
CONVERSATION_TIMEOUT_SECONDS = 120.0


@pytest.fixture(scope="session")
def skill_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m skill serve --no-verify` on a free loopback port, for the whole session."""
    if not (VIRTUAL_ALEXA / "package.json").is_file():
        pytest.skip(
            "node_modules/virtual-alexa is not installed: run `npm ci` (the Makefile's pytest "
            "target does) to run the end-to-end device tests"
        )
    if shutil.which("node") is None:
        pytest.fail("node_modules/virtual-alexa is installed but `node` is not on PATH")
    port = free_port()
    log = tmp_path_factory.mktemp("skill-server") / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "skill", "serve", "--no-verify", "--port", str(port)],
            cwd=ROOT,
            env=clean_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_healthy(
            f"http://{HOST}:{port}",
            server,
            seconds=STARTUP_SECONDS,
            details=lambda: log.read_text()[-2000:],
        )
        yield f"http://{HOST}:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def converse(skill_url: str) -> Converse:
    """Play a scenario (steps as run_scenario.js takes them) and return its turns."""

    def play(*steps: dict[str, Any], locale: str = "en-US") -> list[Turn]:
        scenario = {
            "url": skill_url,
            "model": str(ROOT / "interaction_model" / f"{locale}.json"),
            "locale": locale,
            "steps": list(steps),
        }
        environment = {**os.environ, "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE": "1"}
        completed = subprocess.run(
            ["node", str(DRIVER)],
            input=json.dumps(scenario),
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=environment,
            timeout=CONVERSATION_TIMEOUT_SECONDS,
        )
        try:
            transcript = json.loads(completed.stdout)
        except json.JSONDecodeError:
            pytest.fail(f"the driver printed no transcript; stderr:\n{completed.stderr}")
        turns = [Turn(t["said"], t["request"], t["response"]) for t in transcript["turns"]]
        if completed.returncode != 0 or "error" in transcript:
            said = [turn.said for turn in turns]
            pytest.fail(f"conversation failed after {said}: {transcript.get('error')}")
        return turns

    return play
