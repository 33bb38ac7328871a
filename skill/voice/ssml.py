"""Plain text to SSML: every spoken line is escaped, its medical words get their IPA
pronunciation (speech.toml's [pronunciation]), and the lines are wrapped in one <speak>."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from skill.knowledge.speech import DEFAULT_LOCALE, load_speech

# A short pause between sentences that come from different places (answer, question, advice).
_PAUSE = '<break time="300ms"/>'


def escape(text: str) -> str:
    """The five characters XML reserves, as entities; "&" first, so no entity is escaped twice.

    Chained str.replace, which returns at C speed when there is nothing to replace: several
    times faster per line than str.translate with a table, and unlike html.escape or
    xml.sax.saxutils it imports nothing (those pull in modules every Lambda cold start pays for).
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


class Pronouncer:
    """Wraps each word of a pronunciation table (word -> IPA) in an IPA <phoneme> element."""

    def __init__(self, pronunciation: Mapping[str, str]) -> None:
        self._ipa = {word.lower(): ipa for word, ipa in pronunciation.items()}
        longest_first = sorted(self._ipa, key=len, reverse=True)
        alternatives = "|".join(re.escape(escape(word)) for word in longest_first)
        # The class of first letters lets the pattern pass over most positions at once.
        initials = "".join(sorted({re.escape(word[0]) for word in longest_first}))
        self._pattern = re.compile(rf"\b(?=[{initials}])({alternatives})\b", re.IGNORECASE)

    def __call__(self, escaped: str) -> str:
        """Escaped text with its words pronounced."""
        # Most lines hold no medical word; a substring scan says so far sooner than the pattern.
        lowered = escaped.lower()
        if not any(word in lowered for word in self._ipa):
            return escaped
        return self._pattern.sub(self._phoneme, escaped)

    def _phoneme(self, found: re.Match[str]) -> str:
        ipa = escape(self._ipa[found.group(0).lower()])
        return f'<phoneme alphabet="ipa" ph="{ipa}">{found.group(0)}</phoneme>'


@cache
def shipped_pronouncer(accent: str) -> Pronouncer:
    return Pronouncer(load_speech().pronunciation[accent])


def spoken(line: str, accent: str) -> str:
    """One line as SSML: escaped, then pronounced."""
    return shipped_pronouncer(accent)(escape(line))


def to_ssml(lines: Iterable[str], locale: str = DEFAULT_LOCALE) -> str:
    """The lines as one <speak>, their medical words in the IPA of the locale's accent."""
    accent = load_speech().accent(locale)
    said = [spoken(line.strip(), accent) for line in lines if line.strip()]
    return f"<speak>{f' {_PAUSE} '.join(said)}</speak>"
