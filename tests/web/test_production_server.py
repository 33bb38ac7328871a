"""The documented production command, as a real gunicorn process on loopback, with every
check on: slow clients, chunked bodies and the logs it writes."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from skill.web import gunicorn_conf
from skill.web.app import MAX_REQUEST_BYTES
from testkit import REPO_ROOT
from testkit.amazon import HeaderList, alexa_body, header, launch_request, signed_headers
from testkit.processes import HOST, clean_environment, free_port, wait_until_healthy
from testkit.served import write_pki
from tests.web.served import CRASH_INTENT, PKI_ENV_VAR

STALLED_UPLOADS = 10


@dataclass
class Server:
    port: int
    leaf_key: rsa.RSAPrivateKey
    log: Path

    def logged(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("pki")
    leaf_key = write_pki(folder)
    port = free_port()
    log = folder / "gunicorn.log"
    environment = clean_environment(**{PKI_ENV_VAR: str(folder)})
    command = [sys.executable, "-m", "gunicorn", "-c", "python:skill.web.gunicorn_conf"]
    command += ["--bind", f"{HOST}:{port}", "tests.web.served:create_app_for_tests()"]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_healthy(
            f"http://{HOST}:{port}", process, seconds=30, details=lambda: log.read_text()
        )
        yield Server(port, leaf_key, log)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def exchange(port: int, raw: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """Send raw HTTP/1.1 bytes on a new connection; the status and body of the answer."""
    with socket.create_connection((HOST, port), timeout=timeout) as connection:
        connection.sendall(raw)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def post_bytes(body: bytes, headers: HeaderList, *, chunk_size: int | None = None) -> bytes:
    lines = ["POST / HTTP/1.1", f"Host: {HOST}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    if chunk_size is None:
        lines.append(f"Content-Length: {len(body)}")
        return "\r\n".join(lines).encode() + b"\r\n\r\n" + body
    lines.append("Transfer-Encoding: chunked")
    chunks = [body[i : i + chunk_size] for i in range(0, len(body), chunk_size)]
    encoded = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    return "\r\n".join(lines).encode() + b"\r\n\r\n" + encoded


def signed(server: Server, body: bytes) -> HeaderList:
    return signed_headers(body, server.leaf_key)


def fresh_launch() -> bytes:
    return launch_request(timestamp=datetime.now(UTC))


def test_a_signed_request_is_answered_by_the_real_skill(server: Server) -> None:
    body = fresh_launch()

    status, answer = exchange(server.port, post_bytes(body, signed(server, body)))

    assert status == 200
    assert json.loads(answer)["response"]["outputSpeech"]["ssml"].startswith("<speak>")
    deadline = time.monotonic() + 5
    while "received LaunchRequest" not in server.logged() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "received LaunchRequest" in server.logged()  # the request type, and nothing said


def test_a_chunked_signed_request_is_answered(server: Server) -> None:
    body = fresh_launch()

    status, _ = exchange(server.port, post_bytes(body, signed(server, body), chunk_size=100))

    assert status == 200


def test_a_chunked_body_longer_than_the_limit_is_refused_not_cut(server: Server) -> None:
    """A signed envelope of exactly 64 KiB, then junk: verifying only the first 64 KiB
    would pass the signature; the body sent is longer and must be refused."""
    envelope = alexa_body({"type": "LaunchRequest"}, timestamp=datetime.now(UTC))
    envelope = envelope[:-1] + b" " * (MAX_REQUEST_BYTES - len(envelope)) + b"}"
    assert len(envelope) == MAX_REQUEST_BYTES
    headers = signed(server, envelope)

    exact, _ = exchange(server.port, post_bytes(envelope, headers, chunk_size=4096))
    longer, answer = exchange(server.port, post_bytes(envelope + b"junk", headers, chunk_size=4096))

    assert exact == 200
    assert longer == 413
    assert set(json.loads(answer)) == {"error"}


def test_health_and_signed_requests_answer_within_a_second_beside_stalled_uploads(
    server: Server,
) -> None:
    stalled_head = (
        f"POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
        'Content-Length: 1000\r\n\r\n{"ve'
    ).encode()
    with ExitStack() as stack:
        for _ in range(STALLED_UPLOADS):
            upload = stack.enter_context(socket.create_connection((HOST, server.port)))
            upload.sendall(stalled_head)
        time.sleep(0.5)  # let every worker take its share of them

        started = time.monotonic()
        health, _ = exchange(
            server.port,
            f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode(),
            timeout=1,
        )
        health_seconds = time.monotonic() - started
        body = fresh_launch()
        started = time.monotonic()
        answer, _ = exchange(server.port, post_bytes(body, signed(server, body)), timeout=1)
        answer_seconds = time.monotonic() - started

    assert (health, answer) == (200, 200)
    assert health_seconds < 1 and answer_seconds < 1


def test_exception_messages_stay_out_of_gunicorns_log(server: Server) -> None:
    """A handler's AttributeError (tests/web/served.py), whose message would be printed by
    Python's last-resort handler under gunicorn."""
    request = {
        "type": "IntentRequest",
        "intent": {"name": CRASH_INTENT, "confirmationStatus": "NONE"},
    }
    body = alexa_body(request, timestamp=datetime.now(UTC))

    status, _ = exchange(server.port, post_bytes(body, signed(server, body)))

    assert status == 200  # the skill apologises and carries on
    deadline = time.monotonic() + 5
    while "AttributeError" not in server.logged() and time.monotonic() < deadline:
        time.sleep(0.05)
    logged = server.logged()
    assert "AttributeError (message withheld)" in logged
    assert "hurts when they sit" not in logged


@pytest.mark.parametrize(
    "order",
    [
        pytest.param(("Signature-256", "SignatureCertChainUrl"), id="signature-first"),
        pytest.param(("SignatureCertChainUrl", "Signature-256"), id="url-first"),
    ],
)
def test_a_signed_request_is_answered_whichever_signature_header_comes_first(
    server: Server, order: tuple[str, str]
) -> None:
    body = fresh_launch()
    headers = signed(server, body)
    sent = [("Content-Type", "application/json")]
    sent += [(name.lower(), header(headers, name)) for name in order]

    status, _ = exchange(server.port, post_bytes(body, sent))

    assert status == 200


def test_a_signature_header_sent_twice_is_refused(server: Server) -> None:
    body = fresh_launch()
    headers = signed(server, body)

    status, _ = exchange(
        server.port,
        post_bytes(body, [*headers, ("Signature-256", header(headers, "Signature-256"))]),
    )

    assert status == 400


def raw_request(first_line: bytes, headers: list[tuple[bytes, bytes]], body: bytes = b"") -> bytes:
    lines = [first_line, b"Host: " + HOST.encode(), b"Connection: close"]
    lines += [name + b": " + value for name, value in headers]
    lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def wait_for_log(server: Server, text: str, seconds: float = 5) -> str:
    deadline = time.monotonic() + seconds
    while text not in server.logged() and time.monotonic() < deadline:
        time.sleep(0.05)
    return server.logged()


def test_forged_bytes_in_the_user_agent_and_referer_never_reach_the_log(server: Server) -> None:
    """C1 controls (NEL 0x85 starts a line on some terminals and log viewers, CSI 0x9b an
    escape sequence) sent raw in headers the access log used to quote."""
    marker = uuid.uuid4().hex
    forged = marker.encode() + b"\x85ERROR forged line \x9b[2J"
    body = fresh_launch()
    headers = [(name.encode(), value.encode()) for name, value in signed(server, body)]
    headers += [(b"User-Agent", forged), (b"Referer", b"https://x.example/" + forged)]
    request_line = b"POST /?" + marker.encode() + b" HTTP/1.1"

    status, _ = exchange(server.port, raw_request(request_line, headers, body))

    assert status == 200
    wait_for_log(server, "POST / 200")
    raw_log = server.log.read_bytes()
    assert marker.encode() not in raw_log  # neither header nor query string is logged
    assert b"\x85" not in raw_log and b"\x9b" not in raw_log
    assert "\x85" not in server.logged() and "\x9b" not in server.logged()


def test_a_forged_path_is_escaped_in_the_access_log(server: Server) -> None:
    marker = uuid.uuid4().hex
    # WSGI hands the path over decoded as Latin-1: %85 is NEL, %9B is CSI.
    path = f"/{marker}%0AERROR%20forged%85line%9B[2J".encode()

    status, _ = exchange(server.port, raw_request(b"GET " + path + b" HTTP/1.1", []))

    assert status == 404
    logged = wait_for_log(server, marker)
    lines = [line for line in logged.splitlines() if marker in line]
    assert len(lines) == 1  # written once, and on one line
    assert "\\nERROR forged\\x85line\\x9b[2J" in lines[0]
    assert not any(line.startswith("ERROR forged") for line in logged.splitlines())


def test_the_access_log_says_only_method_path_status_size_and_time(server: Server) -> None:
    marker = uuid.uuid4().hex

    exchange(server.port, raw_request(f"GET /{marker} HTTP/1.1".encode(), []))

    logged = wait_for_log(server, marker)
    (line,) = [line for line in logged.splitlines() if marker in line]
    assert re.search(rf"gunicorn\.access: GET /{marker} 404 \d+ \d+ms$", line), line
    assert HOST not in line


def test_each_of_gunicorns_own_lines_is_written_once(server: Server) -> None:
    booted = [line for line in server.logged().splitlines() if "Booting worker" in line]

    assert len(booted) == 2  # one per worker, each once


def test_a_stalled_upload_is_dropped_within_the_read_deadlines(server: Server) -> None:
    headers_stalled = f"POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: app".encode()
    body_stalled = (
        f"POST / HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
        'Content-Length: 1000\r\n\r\n{"ve'
    ).encode()
    started = time.monotonic()
    with ExitStack() as stack:
        uploads = [
            stack.enter_context(socket.create_connection((HOST, server.port), timeout=15))
            for _ in range(2)
        ]
        for upload, stalled in zip(uploads, (headers_stalled, body_stalled), strict=True):
            upload.sendall(stalled)
        answers = []
        for upload in uploads:
            received = b""
            while chunk := upload.recv(65536):  # until the server closes the connection
                received += chunk
            answers.append((received, time.monotonic() - started))

    (headers_answer, headers_seconds), (body_answer, body_seconds) = answers
    assert headers_answer == b""  # gunicorn gives up on headers after `keepalive` seconds
    assert headers_seconds < gunicorn_conf.keepalive + 2
    assert body_answer.startswith(b"HTTP/1.1 408 ")
    assert body_seconds < gunicorn_conf.REQUEST_BODY_SECONDS + 2
