"""Every error leaves the service as a small JSON body, and no log line holds request data.

Logging is made safe where every record is born: `protect_logs` installs a log record factory,
so it holds for every logger in the process (the app's, the skill's, gunicorn's, the root
logger and Python's last-resort handler) whatever handlers are configured, now or later.
"""

from __future__ import annotations

import json
import logging
import threading
import traceback
from collections.abc import Mapping
from typing import Any

from ask_sdk_webservice_support.verifier import VerificationException
from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as WerkzeugResponse

#: A logged stack keeps this many frames at each end (a RecursionError has a thousand).
STACK_FRAMES_KEPT = 15


def json_error(status: int, message: str) -> Response:
    response = jsonify(error=message)
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(VerificationException, _failed_verification)
    app.register_error_handler(HTTPException, _http_error_as_json)
    app.register_error_handler(Exception, _unexpected_error_as_json)


def _failed_verification(error: VerificationException) -> Response:
    # Expected (anyone can POST to the service), and its message is written to be safe to log.
    current_app.logger.warning("request failed verification: %s", describe(error))
    return json_error(400, "request failed verification")


def _http_error_as_json(error: HTTPException) -> WerkzeugResponse:
    # Start from Werkzeug's own response so headers such as Allow (on 405) are kept.
    response = error.get_response()
    response.set_data(json.dumps({"error": error.description or error.name}))
    response.content_type = "application/json"
    return response


def _unexpected_error_as_json(error: Exception) -> Response:
    current_app.logger.error(
        "unhandled %s while handling %s %s",
        type(error).__name__,
        request.method,
        request.path,
        exc_info=error,
    )
    return json_error(500, "internal server error")


_install_lock = threading.Lock()
_installed = False


def protect_logs() -> None:
    """Make every log record in this process safe to write (idempotent).

    Exceptions are logged with their type and a bounded stack but not their message: a
    message raised while handling a request can quote what the user said, which is health
    information. Our own verification failures are the exception: their messages are
    written to be safe to log. And characters that are not printable, in the arguments of a
    log call (positional, or one mapping of named ones as gunicorn's access log passes), are
    escaped, so a value from a request (an intent name, a path) cannot start a forged line
    or send a terminal escape.
    """
    global _installed
    with _install_lock:
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
    if isinstance(error, VerificationException):
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
