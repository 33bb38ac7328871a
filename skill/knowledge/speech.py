"""The skill's own spoken lines (speech.toml): everything it says that is not clinical, and the
words that fill the clinical text's locale placeholders for each locale."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from skill.knowledge.loader import KnowledgeError, parse_toml, shipped_text

# The section of speech.toml with one table of locale words per locale.
LOCALE_SECTION = "locale"
# The words every locale table has: the clinical text's placeholders.
LOCAL_WORDS = frozenset({"physio", "emergency_number", "urgent_service"})
# The locale whose words stand in for a locale without a table of its own.
FALLBACK_LOCALE = "en-US"


class Speech:
    def __init__(
        self, lines: Mapping[str, str], locales: Mapping[str, Mapping[str, str]] | None = None
    ) -> None:
        self._lines = MappingProxyType(dict(lines))
        self._locales = MappingProxyType(
            {locale: MappingProxyType(dict(words)) for locale, words in (locales or {}).items()}
        )

    def say(self, key: str, **fields: str) -> str:
        """The line at "section.key", with its {fields} filled in."""
        return self._lines[key].format(**fields)

    def keys(self) -> frozenset[str]:
        return frozenset(self._lines)

    def locale_words(self) -> Mapping[str, Mapping[str, str]]:
        """Each locale's words for the placeholders in clinical text, by locale ("en-GB")."""
        return self._locales

    def fields(self, key: str) -> frozenset[str]:
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(self._lines[key]) if name
        )


@cache
def load_speech() -> Speech:
    return parse_speech(shipped_text("speech.toml"))


def parse_speech(text: str) -> Speech:
    data = parse_toml(text, "speech lines")
    lines: dict[str, str] = {}
    tables = data.pop(LOCALE_SECTION, None)
    for section, table in data.items():
        if not isinstance(table, dict):
            raise KnowledgeError(f"[{section}] must be a table of lines")
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{section}.{key} must be a non-empty line")
            lines[f"{section}.{key}"] = value
    return Speech(lines, _locale_words(tables))


def _locale_words(tables: object) -> dict[str, dict[str, str]]:
    if not isinstance(tables, dict):
        raise KnowledgeError(f"[{LOCALE_SECTION}] must hold a table of words per locale")
    locales: dict[str, dict[str, str]] = {}
    for locale, words in tables.items():
        where = f'[{LOCALE_SECTION}."{locale}"]'
        if not isinstance(words, dict) or set(words) != LOCAL_WORDS:
            raise KnowledgeError(f"{where} must give exactly {', '.join(sorted(LOCAL_WORDS))}")
        for key, value in words.items():
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{where} {key} must be non-empty text")
        locales[locale] = dict(words)
    if FALLBACK_LOCALE not in locales:
        raise KnowledgeError(f'[{LOCALE_SECTION}."{FALLBACK_LOCALE}"] is missing')
    return locales
