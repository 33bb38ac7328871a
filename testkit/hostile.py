"""Request bodies shaped to make a check before the signature slow: the web tests send them,
and the benchmark times the worst of them."""

from __future__ import annotations

from skill.web.envelope import MAX_JSON_DEPTH

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
