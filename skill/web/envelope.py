"""The request body as plain JSON, with bounds, before anything else looks at it.

Everything here is cheap and runs before the signature is checked, so it must hold against
any bytes at all: the nesting depth is bounded before `json.loads` runs (deep nesting would
otherwise end in a RecursionError), and session attributes, which the SDK copies
recursively, are bounded in depth and size before the SDK sees them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from werkzeug.exceptions import BadRequest

#: Deepest nesting accepted in a request body. Alexa's deepest envelopes (slot resolutions
#: inside list slot values, APL user events) stay well under this.
MAX_JSON_DEPTH = 40
#: session.attributes: how deep and how many values (keys, items and scalars) they may hold.
#: The skill stores a handful of values at depth 3.
MAX_ATTRIBUTE_DEPTH = 10
MAX_ATTRIBUTE_VALUES = 1000

_QUOTE, _BACKSLASH = ord('"'), ord("\\")
_OPENING, _CLOSING = frozenset(b"[{"), frozenset(b"]}")


def nesting_exceeds(body: bytes, limit: int) -> bool:
    """True if arrays and objects in `body` nest deeper than `limit` (strings do not count).

    One pass over the bytes, one step per byte, so any body costs time linear in its length
    (a regular expression for JSON strings took quadratic time on a `"` followed by many
    `\\"`). UTF-8 never puts an ASCII byte inside a multi-byte character, so bytes will do.
    Unbalanced brackets are left for json.loads to refuse.
    """
    depth = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == _BACKSLASH:
                escaped = True
            elif byte == _QUOTE:
                in_string = False
        elif byte == _QUOTE:
            in_string = True
        elif byte in _OPENING:
            depth += 1
            if depth > limit:
                return True
        elif byte in _CLOSING:
            depth -= 1
    return False


def parse_envelope(body: bytes) -> dict[str, Any]:
    """The body as a JSON object shaped like an Alexa request envelope; else BadRequest."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest("request body is not valid UTF-8 JSON") from error
    if nesting_exceeds(body, MAX_JSON_DEPTH):
        raise BadRequest(f"request body nests deeper than {MAX_JSON_DEPTH} levels")
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise BadRequest("request body is not valid UTF-8 JSON") from error
    if not isinstance(envelope, dict):
        raise BadRequest("request body must be a JSON object")
    request = envelope.get("request")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise BadRequest("request envelope has no request")
    check_session_attributes(envelope)
    return envelope


def check_session_attributes(envelope: Mapping[str, Any]) -> None:
    session = envelope.get("session")
    attributes = session.get("attributes") if isinstance(session, Mapping) else None
    if attributes is None:
        return
    if not isinstance(attributes, dict):
        raise BadRequest("session attributes must be a JSON object")
    values = 0
    pending: list[tuple[Any, int]] = [(attributes, 1)]
    while pending:
        value, depth = pending.pop()
        values += 1
        if values > MAX_ATTRIBUTE_VALUES:
            raise BadRequest(f"session attributes hold more than {MAX_ATTRIBUTE_VALUES} values")
        if isinstance(value, dict | list):
            if depth > MAX_ATTRIBUTE_DEPTH:
                raise BadRequest(f"session attributes nest deeper than {MAX_ATTRIBUTE_DEPTH}")
            items = value.values() if isinstance(value, dict) else value
            values += len(value) if isinstance(value, dict) else 0  # the keys
            pending.extend((item, depth + 1) for item in items)
