"""The deadline on reading a request body (skill/web/deadline.py), with gevent's clock; the
production server test drops a real stalled upload with it."""

from __future__ import annotations

import io
import socket
import time

import gevent
import pytest
from werkzeug.exceptions import RequestTimeout

from skill.web.deadline import DeadlineStream


class TricklingStream:
    """A body whose first read gives what it has and whose next read waits for ever."""

    def __init__(self, first: bytes) -> None:
        self.first = first

    def read(self, size: int = -1) -> bytes:
        if self.first:
            sent, self.first = self.first, b""
            return sent
        gevent.sleep(60)
        return b""


def test_a_body_that_arrives_in_time_reads_as_it_was_sent() -> None:
    stream = DeadlineStream(io.BytesIO(b'{"a": 1}\nmore'), time.monotonic() + 5)

    assert stream.readline() == b'{"a": 1}\n'
    assert stream.read() == b"more"


def test_a_stalled_body_is_refused_at_the_deadline_and_its_connection_stops_reading() -> None:
    server_side, client_side = socket.socketpair()
    with server_side, client_side:
        stream = DeadlineStream(TricklingStream(b'{"ve'), time.monotonic() + 0.2, server_side)
        assert stream.read(4) == b'{"ve'

        started = time.monotonic()
        with pytest.raises(RequestTimeout):
            stream.read(996)

        assert time.monotonic() - started < 1
        assert server_side.recv(10) == b""  # reading side shut: the server sees the end


def test_a_read_after_the_deadline_is_refused_at_once() -> None:
    stream = DeadlineStream(io.BytesIO(b"late"), time.monotonic() - 1)

    with pytest.raises(RequestTimeout):
        stream.read()


def test_another_deadline_that_fires_first_is_not_taken_for_this_one() -> None:
    stream = DeadlineStream(TricklingStream(b""), time.monotonic() + 5)

    with pytest.raises(gevent.Timeout), gevent.Timeout(0.1):
        stream.read()
