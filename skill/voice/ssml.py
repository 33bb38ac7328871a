"""Plain text to SSML: every spoken line is escaped, then wrapped in one <speak> element.

`html.escape` escapes the five XML special characters and is cheap to import, which matters
for a Lambda cold start (xml.sax.saxutils pulls in urllib, http and ssl).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

# A short pause between sentences that come from different places (answer, question, advice).
_PAUSE = '<break time="300ms"/>'


def to_ssml(lines: Iterable[str]) -> str:
    spoken = [escape(line.strip(), quote=True) for line in lines if line.strip()]
    return f"<speak>{f' {_PAUSE} '.join(spoken)}</speak>"
