"""Plain text to SSML: every spoken line is escaped, then wrapped in one <speak> element."""

from __future__ import annotations

from collections.abc import Iterable

# The five characters XML reserves. A translation table, not html.escape or xml.sax.saxutils:
# those modules import far more (html.entities; urllib, http and ssl), which every Lambda cold
# start would pay for.
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})
# A short pause between sentences that come from different places (answer, question, advice).
_PAUSE = '<break time="300ms"/>'


def to_ssml(lines: Iterable[str]) -> str:
    spoken = [line.strip().translate(_XML_ESCAPES) for line in lines if line.strip()]
    return f"<speak>{f' {_PAUSE} '.join(spoken)}</speak>"
