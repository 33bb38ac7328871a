"""A deadline on reading a request's body, for gunicorn's gevent workers.

gunicorn already gives a client `keepalive` seconds to send a request line and headers; the
body is read by the app, and a client that stops sending it would hold its connection for
ever. `ReadDeadline` wraps the app so that every read of the body must finish within
`seconds` of the app being called: past that the request is answered 408, and the
connection's reading side is shut so that gunicorn closes it instead of waiting for the
rest. gevent's Timeout interrupts a read that is waiting on the network, which is why this
belongs to the gevent workers (skill/web/gunicorn_conf.py installs it).
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

import gevent
from werkzeug.exceptions import RequestTimeout

T = TypeVar("T")
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class ReadDeadline:
    """WSGI middleware: the request body must arrive within `seconds`."""

    def __init__(self, app: WsgiApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        environ["wsgi.input"] = DeadlineStream(
            environ["wsgi.input"],
            time.monotonic() + self.seconds,
            environ.get("gunicorn.socket"),
        )
        return self.app(environ, start_response)


class DeadlineStream:
    """A WSGI input stream whose reads fail with 408 once the deadline has passed."""

    def __init__(
        self, stream: IO[bytes], deadline: float, connection: socket.socket | None = None
    ) -> None:
        self._stream = stream
        self._deadline = deadline
        self._connection = connection

    def read(self, size: int = -1) -> bytes:
        return self._within(lambda: self._stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._within(lambda: self._stream.readline(size))

    def readlines(self, hint: int = -1) -> list[bytes]:
        return self._within(lambda: self._stream.readlines(hint))

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def _within(self, read: Callable[[], T]) -> T:
        remaining = self._deadline - time.monotonic()
        if remaining > 0:
            timeout = gevent.Timeout(remaining)
            try:
                with timeout:
                    return read()
            except gevent.Timeout as fired:
                if fired is not timeout:  # someone else's deadline: not ours to answer
                    raise
        self._stop_reading()
        raise RequestTimeout("the request body did not arrive in time")

    def _stop_reading(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):  # already gone
                self._connection.shutdown(socket.SHUT_RD)
