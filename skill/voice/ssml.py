"""Plain text to SSML: every spoken line is escaped, its medical words get their IPA
pronunciation (speech.toml's [pronunciation]), and the lines are joined, with a pause, into
one <speak>."""

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
        # Keyed as the words appear in escaped text, lowered.
        self._ipa = {escape(word.lower()): escape(ipa) for word, ipa in pronunciation.items()}
        words = _factored(set(self._ipa))
        # The class of first letters lets the pattern pass over most positions at once.
        initials = "".join(sorted({re.escape(word[0]) for word in self._ipa}))
        self._pattern = re.compile(rf"\b(?=[{initials}]){words}\b", re.IGNORECASE)
        # Case-blind matching is several times slower than exact: lowered ASCII text is searched
        # exactly, and word boundaries aside, first.
        self._anywhere = re.compile(words)

    def __call__(self, escaped: str) -> str:
        """Escaped text with its words pronounced."""
        # Most lines hold no medical word: the exact search says so sooner than the pattern.
        if escaped.isascii() and self._anywhere.search(escaped.lower()) is None:
            return escaped
        return self._pattern.sub(self._phoneme, escaped)

    def _phoneme(self, found: re.Match[str]) -> str:
        ipa = self._ipa[found.group(0).lower()]
        return f'<phoneme alphabet="ipa" ph="{ipa}">{found.group(0)}</phoneme>'


def _factored(words: set[str]) -> str:
    """A pattern for any of the words, factored by their shared beginnings ("glute", then "al"
    or "us"), which the regex engine tries far faster than a list of alternatives. Where one
    word begins another, the longer is tried first."""
    branches = [
        re.escape(first) + _factored({word[1:] for word in words if word[:1] == first})
        for first in sorted({word[0] for word in words if word})
    ]
    if not branches:
        return ""
    either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{either})?" if "" in words else either


@cache
def shipped_pronouncers() -> dict[str, Pronouncer]:
    """A pronouncer for each accent of speech.toml's [pronunciation], made once per process."""
    return {accent: Pronouncer(words) for accent, words in load_speech().pronunciation.items()}


def to_ssml(lines: Iterable[str], locale: str = DEFAULT_LOCALE) -> str:
    """The lines as one <speak>, their medical words in the IPA of the locale's accent."""
    return f"<speak>{ssml_within_speak(lines, locale)}</speak>"


def ssml_within_speak(lines: Iterable[str], locale: str = DEFAULT_LOCALE) -> str:
    """What `to_ssml` puts inside <speak>, which the SDK's response builder adds itself."""
    pronounced = shipped_pronouncers()[load_speech().accent(locale)]
    said = [pronounced(escape(line)) for line in map(str.strip, lines) if line]
    return f" {_PAUSE} ".join(said)
