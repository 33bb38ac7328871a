"""Plain text to SSML: every spoken line is escaped, then wrapped in one <speak> element."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

_ENTITIES = {'"': "&quot;", "'": "&apos;"}
# A short pause between sentences that come from different places (answer, question, advice).
_PAUSE = '<break time="300ms"/>'


def to_ssml(lines: Iterable[str]) -> str:
    spoken = [escape(line.strip(), _ENTITIES) for line in lines if line.strip()]
    return f"<speak>{f' {_PAUSE} '.join(spoken)}</speak>"
