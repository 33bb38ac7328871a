"""`python -m skill serve`, the gunicorn entry point, and the real skill behind the service."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask

from skill.voice import build_skill
from skill.web import create_app
from skill.web.serve import is_loopback_host, run_server
from testkit import REPO_ROOT
from testkit.amazon import build_test_skill, launch_request
from testkit.processes import free_port, wait_until_healthy


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"],
)
def test_loopback_hosts_are_recognised(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.com", "localhost.example", ""]
)
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback_host(host)


def test_no_verify_on_a_public_host_is_refused_before_anything_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_server(host="0.0.0.0", port=5000, verify=False) != 0
    assert "--no-verify is refused" in capsys.readouterr().err


def test_port_already_in_use_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("skill.voice.build_skill", build_test_skill, raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        assert run_server(host="127.0.0.1", port=port, verify=False) == 1

    assert f"Port {port} is in use" in capsys.readouterr().err


def test_serve_command_refuses_no_verify_on_0_0_0_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skill", "serve", "--host", "0.0.0.0", "--no-verify"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "--no-verify is refused" in result.stderr


def test_gunicorn_factory_string_builds_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import gunicorn.util as gunicorn_util

    monkeypatch.setattr("skill.voice.build_skill", build_test_skill, raising=False)

    app = gunicorn_util.import_app("skill.web:create_app()")

    assert isinstance(app, Flask)


def test_real_skill_answers_a_launch_request_through_the_service() -> None:
    app = create_app(build_skill(), verify=False)

    response = app.test_client().post(
        "/", data=launch_request(), headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 200
    assert response.get_json()["response"]["outputSpeech"]["ssml"].startswith("<speak>")


@pytest.fixture
def served_skill() -> Iterator[str]:
    """`python -m skill serve --no-verify` as a real process; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "skill", "serve", "--port", str(port), "--no-verify"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(
            base_url, process, seconds=15, details=lambda: _stderr_if_exited(process)
        )
        yield base_url
    finally:
        process.terminate()
        process.communicate(timeout=10)


def _stderr_if_exited(process: subprocess.Popen[str]) -> str:
    # communicate() would block on a live server: only an exited one has said all it will.
    return process.communicate()[1] if process.poll() is not None else ""


def _post_json(url: str, body: bytes) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        result: dict[str, Any] = json.load(response)
        return result


def test_serve_command_answers_health_checks_and_alexa_posts(served_skill: str) -> None:
    with urllib.request.urlopen(f"{served_skill}/healthz", timeout=5) as health:
        assert json.load(health) == {"status": "ok"}

    envelope = _post_json(f"{served_skill}/", launch_request(timestamp=datetime.now(UTC)))

    assert envelope["version"] == "1.0"
    assert envelope["response"]["outputSpeech"]["ssml"].startswith("<speak>")
