"""No log line holds what a runner said, on Lambda and on the web service alike.

`protect_logs` installs a log record factory, so it holds for every logger in the process (the
skill's, the web server's, the root logger and Python's last-resort handler) whatever handlers
are configured, now or later.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Mapping
from typing import Any

from ask_sdk_model import Request

#: A logged stack keeps this many frames at each end (a RecursionError has a thousand).
STACK_FRAMES_KEPT = 15
# The request types Alexa sends: any other type named in a request is whatever a caller sent.
KNOWN_REQUEST_TYPES = frozenset(Request.discriminator_value_class_map)

# Exception types whose messages are written to be safe to log (the web service's own
# verification failures); every other exception is logged without its message.
_safe_messages: tuple[type[BaseException], ...] = ()

_install_lock = threading.Lock()
_installed = False


def protect_logs(safe_messages: tuple[type[BaseException], ...] = ()) -> None:
    """Make every log record in this process safe to write (idempotent); `safe_messages` are
    exception types whose messages may be logged.

    Exceptions are logged with their type and a bounded stack but not their message: a
    message raised while handling a request can quote what the user said, which is health
    information. The `safe_messages` types are the exception: their messages are written to
    be safe to log. And characters that are not printable, in the arguments of a
    log call (positional, or one mapping of named ones as gunicorn's access log passes), are
    escaped, so a value from a request (an intent name, a path) cannot start a forged line
    or send a terminal escape.
    """
    global _installed, _safe_messages
    with _install_lock:
        _safe_messages = (*_safe_messages, *safe_messages)
        if _installed:
            return
        make_record = logging.getLogRecordFactory()

        def safe_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make_record(*args, **kwargs)
            # Positional arguments, or one mapping of named ones (gunicorn's access log).
            if isinstance(record.args, tuple):
                record.args = tuple(_escaped(value) for value in record.args)
            elif isinstance(record.args, Mapping):
                record.args = {key: _escaped(value) for key, value in record.args.items()}
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = describe(record.exc_info[1])
                record.exc_info = None
            return record

        logging.setLogRecordFactory(safe_record)
        _installed = True


def _escape(text: str) -> str:
    """`text` with every character that is not printable written as an escape: control
    characters (C0, DEL and C1 such as NEL 0x85 and CSI 0x9b), line and paragraph separators,
    and invisible format characters such as the bidirectional overrides."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _escaped(value: object) -> object:
    return _escape(value) if isinstance(value, str) else value


def describe(error: BaseException) -> str:
    """What a log may say about an exception: see `protect_logs`."""
    if isinstance(error, _safe_messages):
        cause = error.__cause__
        because = f" (because {type(cause).__name__}: {cause})" if cause is not None else ""
        return _escape(f"{type(error).__name__}: {error}{because}")
    frames = traceback.extract_tb(error.__traceback__)
    if len(frames) > 2 * STACK_FRAMES_KEPT:
        omitted = len(frames) - 2 * STACK_FRAMES_KEPT
        shown = [
            *traceback.format_list(frames[:STACK_FRAMES_KEPT]),
            f"  ... {omitted} frames omitted ...\n",
            *traceback.format_list(frames[-STACK_FRAMES_KEPT:]),
        ]
    else:
        shown = traceback.format_list(frames)
    return (
        f"Traceback (most recent call last):\n{''.join(shown)}"
        f"{type(error).__module__}.{type(error).__qualname__} (message withheld)"
    )


def request_kind(request_type: object) -> str:
    """What a log may say of a request's type: one Alexa sends, else "an unknown type"."""
    return (
        request_type
        if isinstance(request_type, str) and request_type in KNOWN_REQUEST_TYPES
        else "an unknown type"
    )
