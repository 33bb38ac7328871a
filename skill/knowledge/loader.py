"""Reads clinical.toml and refuses anything incomplete or out of range, at load time."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, cast

from skill.knowledge.model import (
    CONDITION_IDS,
    FEATURE_IDS,
    HYPOTHESES,
    RED_FLAG_IDS,
    SCREEN_QUESTION,
    Condition,
    Feature,
    InterviewSettings,
    Knowledge,
    RedFlag,
    Term,
    Triage,
)

_RED_FLAG_TRIAGES = ("emergency", "urgent")


class KnowledgeError(ValueError):
    """The knowledge file is incomplete or inconsistent."""


@cache
def load_knowledge() -> Knowledge:
    """The knowledge shipped with the skill (parsed once per process)."""
    return parse_knowledge(shipped_text("clinical.toml"))


def shipped_text(filename: str) -> str:
    # A plain file read: importlib.resources costs milliseconds of Lambda cold start.
    with open(os.path.join(os.path.dirname(__file__), filename), encoding="utf-8") as file:
        return file.read()


def parse_toml(text: str, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeError(f"{what} is not valid TOML: {error}") from error


def parse_knowledge(text: str) -> Knowledge:
    data = parse_toml(text, "clinical knowledge")
    interview = _table(data, "interview")
    regions = _regions(_table(data, "regions"))
    terms = _terms(_table(data, "terms"), regions)
    return Knowledge(
        conditions=_conditions(_table(data, "conditions"), regions),
        features=_features(_table(data, "features"), regions, terms),
        red_flags=_red_flags(_table(data, "red_flags"), terms),
        priors=_probabilities(_table(data, "priors"), "priors", upper=None),
        settings=InterviewSettings(
            disclaimer=_text(interview, "disclaimer", "interview"),
            confident_share=_share(interview, "confident_share"),
            runner_up_ratio=_share(interview, "runner_up_ratio"),
            minimum_share=_share(interview, "minimum_share"),
            question_cap=_count(interview, "question_cap"),
            unclear_advice=_text(_table(data, "unclear"), "advice", "unclear"),
            unsure_red_flag_caution=_text(_table(data, "screen"), "unsure_caution", "screen"),
        ),
        regions=regions,
        terms=terms,
    )


def _regions(table: dict[str, Any]) -> MappingProxyType[str, str]:
    return MappingProxyType({rid: _text(table, rid, "regions") for rid in table})


def _terms(table: dict[str, Any], regions: Mapping[str, str]) -> MappingProxyType[str, Term]:
    terms = {}
    for tid in table:
        entry = _table(table, tid)
        terms[tid] = Term(
            id=tid,
            words=_texts(entry, "words", tid, allow_empty=False),
            explanation=_text(entry, "explanation", tid),
            regions=_ids(entry, "regions", tid, regions),
        )
    return MappingProxyType(terms)


def _conditions(
    table: dict[str, Any], regions: Mapping[str, str]
) -> MappingProxyType[str, Condition]:
    _exact_ids(table, CONDITION_IDS, "conditions")
    return MappingProxyType(
        {
            cid: Condition(
                id=cid,
                name=_text(table[cid], "name", cid),
                description=_text(table[cid], "description", cid),
                advice=_text(table[cid], "advice", cid),
                synonyms=_texts(table[cid], "synonyms", cid, allow_empty=True),
                regions=_ids(table[cid], "regions", cid, regions),
            )
            for cid in CONDITION_IDS
        }
    )


def _features(
    table: dict[str, Any], regions: Mapping[str, str], terms: Mapping[str, Term]
) -> MappingProxyType[str, Feature]:
    _exact_ids(table, FEATURE_IDS, "features")
    features = {}
    for fid in FEATURE_IDS:
        entry = _table(table, fid)
        likelihood = _probabilities(_table(entry, "likelihood"), f"{fid}.likelihood", upper=1.0)
        features[fid] = Feature(
            id=fid,
            question=_text(entry, "question", fid),
            plain=_text(entry, "plain", fid),
            purpose=_text(entry, "purpose", fid),
            yes_reason=_text(entry, "yes_reason", fid),
            no_reason=_text(entry, "no_reason", fid),
            terms=_ids(entry, "terms", fid, terms),
            regions=_ids(entry, "regions", fid, regions),
            likelihood=likelihood,
        )
    return MappingProxyType(features)


def _red_flags(table: dict[str, Any], terms: Mapping[str, Term]) -> MappingProxyType[str, RedFlag]:
    _exact_ids(table, (SCREEN_QUESTION, *RED_FLAG_IDS), "red_flags")
    screen = table[SCREEN_QUESTION]
    flags = {
        SCREEN_QUESTION: RedFlag(
            id=SCREEN_QUESTION,
            question=_text(screen, "question", SCREEN_QUESTION),
            plain=_text(screen, "plain", SCREEN_QUESTION),
            purpose=_text(screen, "purpose", SCREEN_QUESTION),
            terms=_ids(screen, "terms", SCREEN_QUESTION, terms),
            triage=None,
            advice="",
        )
    }
    for fid in RED_FLAG_IDS:
        entry = table[fid]
        triage = entry.get("triage")
        if triage not in _RED_FLAG_TRIAGES:
            raise KnowledgeError(f"{fid}.triage must be one of {_RED_FLAG_TRIAGES}")
        if entry.get("asks_when") != SCREEN_QUESTION:
            raise KnowledgeError(f"{fid}.asks_when must be {SCREEN_QUESTION!r}")
        flags[fid] = RedFlag(
            id=fid,
            question=_text(entry, "question", fid),
            plain=_text(entry, "plain", fid),
            purpose=_text(entry, "purpose", fid),
            terms=_ids(entry, "terms", fid, terms),
            triage=cast(Triage, triage),
            advice=_text(entry, "advice", fid),
        )
    return MappingProxyType(flags)


def _exact_ids(table: dict[str, Any], expected: tuple[str, ...], where: str) -> None:
    missing = [i for i in expected if i not in table]
    unknown = [i for i in table if i not in expected]
    if missing or unknown:
        raise KnowledgeError(f"{where}: missing {missing}, unknown {unknown}")


def _probabilities(
    table: dict[str, Any], where: str, *, upper: float | None
) -> MappingProxyType[str, float]:
    _exact_ids(table, HYPOTHESES, where)
    values: dict[str, float] = {}
    for hypothesis in HYPOTHESES:
        value = table[hypothesis]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise KnowledgeError(f"{where}.{hypothesis} must be a number")
        if value <= 0 or (upper is not None and value >= upper):
            bound = f"between 0 and {upper}" if upper is not None else "above 0"
            raise KnowledgeError(f"{where}.{hypothesis} must lie strictly {bound}")
        values[hypothesis] = float(value)
    return MappingProxyType(values)


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise KnowledgeError(f"missing table [{key}]")
    return value


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}.{key} must be a non-empty sentence")
    return value


def _texts(data: dict[str, Any], key: str, where: str, *, allow_empty: bool) -> tuple[str, ...]:
    values = data.get(key)
    if (
        not isinstance(values, list)
        or not (values or allow_empty)
        or not all(isinstance(v, str) and v.strip() for v in values)
    ):
        raise KnowledgeError(f"{where}.{key} must be a list of non-empty words")
    return tuple(values)


def _ids(
    data: dict[str, Any], key: str, where: str, known: Mapping[str, object]
) -> tuple[str, ...]:
    ids = _texts(data, key, where, allow_empty=True)
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise KnowledgeError(f"{where}.{key} names unknown ids {unknown}")
    return ids


def _share(data: dict[str, Any], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise KnowledgeError(f"interview.{key} must lie strictly between 0 and 1")
    return float(value)


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise KnowledgeError(f"interview.{key} must be a whole number of at least 1")
    return value
