"""The skill's own spoken lines (speech.toml): everything it says that is not clinical."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from skill.knowledge.loader import KnowledgeError, parse_toml, shipped_text


class Speech:
    def __init__(self, lines: Mapping[str, str]) -> None:
        self._lines = MappingProxyType(dict(lines))

    def say(self, key: str, **fields: str) -> str:
        """The line at "section.key", with its {fields} filled in."""
        return self._lines[key].format(**fields)

    def keys(self) -> frozenset[str]:
        return frozenset(self._lines)

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
    for section, table in data.items():
        if not isinstance(table, dict):
            raise KnowledgeError(f"[{section}] must be a table of lines")
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{section}.{key} must be a non-empty line")
            lines[f"{section}.{key}"] = value
    return Speech(lines)
