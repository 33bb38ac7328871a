"""Running a server as a real process on loopback: shared by the tests and the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from skill.settings import SKILL_ID_VARIABLE

HOST = "127.0.0.1"


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment for a child Python, plus `extra`: without a configured skill
    id (the envelopes that tests and benchmarks send carry a local one) and without PYTHON*
    variables, so the child starts like a fresh interpreter."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != SKILL_ID_VARIABLE and not name.startswith("PYTHON")
    }
    return {**environment, **extra}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_healthy(
    base_url: str,
    server: subprocess.Popen[Any],
    *,
    seconds: float,
    details: Callable[[], str] = lambda: "",
) -> None:
    """Poll `base_url`/healthz until it answers 200; raise if the server dies or stays silent.

    `details` adds what the server printed to the error, for a failure that explains itself.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}\n{details()}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer on {base_url}/healthz within {seconds} s\n{details()}")
