"""Every error leaves the service as a small JSON body, and no log line holds request data.

Logging is made safe where every record is born (`skill.logs.protect_logs`), for every logger in
the process (the app's, the skill's, gunicorn's, the root logger and Python's last-resort
handler), whatever handlers are configured, now or later.
"""

from __future__ import annotations

import json

from ask_sdk_webservice_support.verifier import VerificationException
from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as WerkzeugResponse

from skill import logs


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


def protect_logs() -> None:
    """`skill.logs.protect_logs`, with the verification failures' messages safe to log."""
    logs.protect_logs(safe_messages=(VerificationException,))


describe = logs.describe
