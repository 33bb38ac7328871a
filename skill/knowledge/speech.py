"""The skill's own spoken lines (speech.toml): everything it says that is not clinical, the
words that differ between locales, and how Alexa pronounces the medical words."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from skill.knowledge.loader import KnowledgeError, parse_toml, shipped_text

DEFAULT_LOCALE = "en-US"
# The words for a locale the skill is not published in.
OTHER_LOCALE = "other"
# The placeholders clinical text may hold; each locale gives a word for every one.
LOCALE_WORDS = ("physio", "family_doctor", "emergency_number", "urgent_service")
_PLACEHOLDERS_KEPT = {word: f"{{{word}}}" for word in LOCALE_WORDS}
_PLACEHOLDER = re.compile(r"\{(" + "|".join(LOCALE_WORDS) + r")\}")
_NOT_LINES = ("locales", "pronunciation")
AMERICAN, BRITISH = "american", "british"


class Speech:
    def __init__(
        self,
        lines: Mapping[str, str],
        locales: Mapping[str, Mapping[str, str]] | None = None,
        pronunciation: Mapping[str, Mapping[str, str]] | None = None,
        american_locales: tuple[str, ...] = (),
    ) -> None:
        self._lines = MappingProxyType(dict(lines))
        self.locales = MappingProxyType(
            {k: MappingProxyType(dict(v)) for k, v in (locales or {}).items()}
        )
        # Accent ("american", "british") -> word -> IPA.
        self.pronunciation = MappingProxyType(
            {k: MappingProxyType(dict(v)) for k, v in (pronunciation or {}).items()}
        )
        self._american = frozenset(american_locales)

    def say(self, key: str, **fields: str) -> str:
        """The line at "section.key", with its {fields} filled in (a locale placeholder stays,
        for `localised` to fill)."""
        return self._lines[key].format(**{**_PLACEHOLDERS_KEPT, **fields})

    def keys(self) -> frozenset[str]:
        return frozenset(self._lines)

    def fields(self, key: str) -> frozenset[str]:
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(self._lines[key]) if name
        )

    def accent(self, locale: str) -> str:
        """Which accent's IPA Alexa's voice for `locale` reads: american or british."""
        return AMERICAN if locale in self._american else BRITISH

    def localised(self, text: str, locale: str) -> str:
        """`text` with its locale placeholders ({physio}, ...) in the words of `locale` ("en_gb"
        is "en-GB"; a locale the skill is not published in gets the words of "other", which
        guess no country's emergency number)."""
        if "{" not in text:  # most lines hold no placeholder: no pattern needed
            return text
        words = self.locales.get(locale) or self.locales.get(_canonical(locale))
        words = words or self.locales.get(OTHER_LOCALE) or self.locales.get(DEFAULT_LOCALE)
        if not words:
            return text
        return _PLACEHOLDER.sub(lambda found: words[found.group(1)], text)


def _canonical(locale: str) -> str:
    """ "en_gb" or "EN-GB" as Alexa writes it, "en-GB"."""
    language, _, country = locale.replace("_", "-").partition("-")
    return f"{language.lower()}-{country.upper()}" if country else language.lower()


@cache
def load_speech() -> Speech:
    return parse_speech(shipped_text("speech.toml"))


def parse_speech(text: str) -> Speech:
    data = parse_toml(text, "speech lines")
    lines: dict[str, str] = {}
    for section, table in data.items():
        if section in _NOT_LINES:
            continue
        if not isinstance(table, dict):
            raise KnowledgeError(f"[{section}] must be a table of lines")
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{section}.{key} must be a non-empty line")
            lines[f"{section}.{key}"] = value
    american, words = _pronunciation(data.get("pronunciation", {}))
    return Speech(lines, _locales(data.get("locales", {})), words, american)


def _locales(table: object) -> dict[str, dict[str, str]]:
    if not isinstance(table, dict):
        raise KnowledgeError("[locales] must be a table of locales")
    locales = {}
    for locale, words in table.items():
        if not isinstance(words, dict) or set(words) != set(LOCALE_WORDS):
            raise KnowledgeError(f"[locales.{locale}] must give exactly {', '.join(LOCALE_WORDS)}")
        locales[locale] = _words({"": words}, "")
    if locales and DEFAULT_LOCALE not in locales:
        # Any other locale is given the default's words; without them it would hear "{physio}".
        raise KnowledgeError(f"[locales.{DEFAULT_LOCALE}] is missing")
    return locales


def _pronunciation(table: object) -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    """The locales that read American IPA, and accent -> word -> IPA."""
    if not isinstance(table, dict):
        raise KnowledgeError("[pronunciation] must be a table")
    american = table.get("american", [])
    if not isinstance(american, list) or not all(isinstance(x, str) for x in american):
        raise KnowledgeError("pronunciation.american must list locales")
    by_accent: dict[str, dict[str, str]] = {AMERICAN: {}, BRITISH: {}}
    for word, readings in table.get("words", {}).items():
        if not isinstance(readings, dict) or set(readings) != set(by_accent):
            raise KnowledgeError(f"pronunciation.words.{word} needs american and british IPA")
        for accent, ipa in _words({"": readings}, "").items():
            by_accent[accent][word] = ipa
    return tuple(american), by_accent


def _words(data: Mapping[str, object], section: str) -> dict[str, str]:
    table = data.get(section, {})
    if not isinstance(table, dict):
        raise KnowledgeError(f"[{section}] must be a table of words")
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise KnowledgeError(f"{section}.{key} must be non-empty text")
    return dict(table)
