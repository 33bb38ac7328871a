"""Every error leaves the service as a small JSON body, and its log line holds no request data."""

from __future__ import annotations

import json
import logging
import traceback

from ask_sdk_webservice_support.verifier import VerificationException
from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as WerkzeugResponse


def json_error(status: int, message: str) -> Response:
    response = jsonify(error=message)
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error_as_json)
    app.register_error_handler(Exception, _unexpected_error_as_json)


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


class WithholdExceptionMessages(logging.Filter):
    """Log an exception's type and stack but not its message.

    Exception messages raised while handling a request can quote what the user said, which
    is health information; the type and the stack are enough to find the fault. Our own
    verification failures are different: their messages are written to be safe to log, and
    they are expected (anyone can POST to the service), so they get one line and no stack.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = _describe(record.exc_info[1])
            record.exc_info = None
        return True


def _describe(error: BaseException) -> str:
    if isinstance(error, VerificationException):
        cause = error.__cause__
        because = f" (because {type(cause).__name__}: {cause})" if cause is not None else ""
        return f"{type(error).__name__}: {error}{because}"
    stack = "".join(traceback.format_tb(error.__traceback__))
    return (
        f"Traceback (most recent call last):\n{stack}"
        f"{type(error).__module__}.{type(error).__qualname__} (message withheld)"
    )
