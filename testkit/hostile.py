"""Request bodies shaped to make a check before the signature slow: the web tests send them,
and the benchmark times the worst of them."""

from __future__ import annotations

from skill.web.envelope import MAX_JSON_DEPTH
from testkit.amazon import CERT_URL

#: Well-formed signature headers with a false signature: every check before the signature
#: passes them, so a body is refused only by those checks or by the signature itself.
FORGED_HEADERS = [
    ("Content-Type", "application/json"),
    ("Signature-256", "AAAA"),
    ("SignatureCertChainUrl", CERT_URL),
]

#: Pieces that adversarial bodies repeat: quotes and escapes that make a string pattern
#: backtrack, brackets for nesting, and ordinary JSON.
PIECES = [b'"', b'\\"', b"\\", b"\\\\", b"[", b"]", b"{", b"}", b'"a":', b",", b"1", b"x", b" "]
#: Shapes known to be the worst for one kind of check or another.
KNOWN_SHAPES = {
    "quote then escaped quotes": (b'"', b'\\"'),
    "escaped quotes then quote": (b"", b'\\"'),
    "escaped backslashes": (b'"', b"\\\\"),
    "deep arrays": (b"", b"["),
    "deep objects": (b"", b'{"a":'),
    "nesting at the limit, repeated": (
        b"[",
        b"[" * (MAX_JSON_DEPTH - 1) + b"]" * (MAX_JSON_DEPTH - 1),
    ),
    "empty arrays": (b"[", b"[],"),
    "long string": (b'{"a":"', b"x"),
    "long escapes": (b'{"a":"', b"\\u0041"),
    "unclosed strings": (b"[", b'"\\'),
    "long number": (b'{"a":', b"1"),
    "many members": (b"{", b'"a":1,'),
}


def filled(prefix: bytes, unit: bytes, size: int) -> bytes:
    """`prefix`, then `unit` repeated, to exactly `size` bytes."""
    return (prefix + unit * (size // len(unit) + 1))[:size]
