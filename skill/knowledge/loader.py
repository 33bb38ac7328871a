"""Reads clinical.toml and refuses anything incomplete or out of range, at load time."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, cast

from skill.knowledge.model import (
    AFTER_RESULT_TOPICS,
    NONE_OF_THESE,
    RED_FLAG_TRIAGES,
    UMBRELLA_PREFIX,
    UNCLEAR,
    Concern,
    Condition,
    Feature,
    InterviewSettings,
    Knowledge,
    RedFlag,
    Term,
    Triage,
)

# An after-result answer is said in one breath.
MAX_AFTER_RESULT_WORDS = 40


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
    conditions = _conditions(_table(data, "conditions"), regions, "conditions")
    lookalikes = _conditions(_table(data, "lookalikes"), regions, "lookalikes")
    causes = MappingProxyType({**conditions, **lookalikes})
    if len(causes) != len(conditions) + len(lookalikes):
        raise KnowledgeError("a look-alike may not share an id with a condition")
    hypotheses = (*causes, NONE_OF_THESE)
    features = _features(_table(data, "features"), hypotheses, regions, terms)
    for cause in causes.values():
        unknown = [f for f in (*cause.defining, *cause.ask_first) if f not in features]
        if unknown:
            raise KnowledgeError(f"{cause.id}: defining or ask_first names unknown {unknown}")
        if cause.id in lookalikes and not (cause.defining and cause.sources):
            raise KnowledgeError(f"{cause.id}: a look-alike needs defining signs and sources")
    knowledge = Knowledge(
        conditions=conditions,
        lookalikes=lookalikes,
        causes=causes,
        features=features,
        red_flags=_red_flags(_table(data, "red_flags"), terms, features),
        priors=_probabilities(_table(data, "priors"), hypotheses, "priors", upper=None),
        settings=InterviewSettings(
            disclaimer=_text(interview, "disclaimer", "interview"),
            slip_rate=_share(interview, "slip_rate"),
            sometimes_weight=_share(interview, "sometimes_weight"),
            confident_share=_share(interview, "confident_share"),
            runner_up_ratio=_share(interview, "runner_up_ratio"),
            minimum_share=_share(interview, "minimum_share"),
            usual_questions=_count(interview, "usual_questions"),
            question_cap=_count(interview, "question_cap"),
            unsure_limit=_count(interview, "unsure_limit"),
            least_gain=_share(interview, "least_gain"),
            focus=_share(interview, "focus"),
            elsewhere_share=_share(interview, "elsewhere_share"),
            lookalike_doubt=_share(interview, "lookalike_doubt"),
            lookalike_check=_share(interview, "lookalike_check"),
            seven_check=_share(interview, "seven_check"),
            unclear_advice=_text(_table(data, "unclear"), "advice", "unclear"),
            in_doubt_advice=_text(_table(data, "unclear"), "in_doubt_advice", "unclear"),
            uncertain_advice=_text(_table(data, "unclear"), "uncertain_advice", "unclear"),
        ),
        regions=regions,
        terms=terms,
        after_result=_after_result(_table(data, "after_result"), (*causes, UNCLEAR)),
        concerns=_concerns(data.get("concerns", {}), causes),
    )
    settings = knowledge.settings
    if settings.slip_rate >= 0.5 or settings.sometimes_weight <= 0.5:
        raise KnowledgeError(
            "interview.slip_rate must lie below 0.5 (a slip is the exception), and "
            "interview.sometimes_weight above 0.5 (a sometimes is more yes than no)"
        )
    if settings.usual_questions > settings.question_cap:
        raise KnowledgeError("interview.usual_questions must not exceed interview.question_cap")
    return knowledge


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


def _concerns(table: dict[str, Any], causes: Mapping[str, Any]) -> MappingProxyType[str, Concern]:
    concerns = {}
    for concern_id in table:
        if concern_id in causes:
            raise KnowledgeError(f"concerns.{concern_id}: a concern may not share a cause's id")
        entry = _table(table, concern_id)
        concerns[concern_id] = Concern(
            id=concern_id,
            names=_texts(entry, "names", concern_id, allow_empty=False),
            answer=_text(entry, "answer", concern_id),
        )
    return MappingProxyType(concerns)


def _conditions(
    table: dict[str, Any], regions: Mapping[str, str], where: str
) -> MappingProxyType[str, Condition]:
    if not table or NONE_OF_THESE in table:
        raise KnowledgeError(f"{where}: at least one, and none called {NONE_OF_THESE!r}")
    conditions = {}
    for cid in table:
        entry = _table(table, cid)
        conditions[cid] = Condition(
            id=cid,
            name=_text(entry, "name", cid),
            description=_text(entry, "description", cid),
            sets_apart=_text(entry, "sets_apart", cid),
            advice=_text(entry, "advice", cid),
            synonyms=_texts(entry, "synonyms", cid, allow_empty=True),
            regions=_ids(entry, "regions", cid, regions),
            defining=_texts(entry, "defining", cid, allow_empty=True),
            sources=_texts(entry, "sources", cid, allow_empty=True) if "sources" in entry else (),
            ask_first=_texts(entry, "ask_first", cid, allow_empty=True)
            if "ask_first" in entry
            else (),
        )
    return MappingProxyType(conditions)


def _features(
    table: dict[str, Any],
    hypotheses: tuple[str, ...],
    regions: Mapping[str, str],
    terms: Mapping[str, Term],
) -> MappingProxyType[str, Feature]:
    if not table:
        raise KnowledgeError("features: at least one symptom question")
    features = {}
    for fid in table:
        entry = _table(table, fid)
        likelihood = _probabilities(
            _table(entry, "likelihood"), hypotheses, f"{fid}.likelihood", upper=1.0
        )
        features[fid] = Feature(
            id=fid,
            question=_text(entry, "question", fid),
            plain=_text(entry, "plain", fid),
            purpose=_text(entry, "purpose", fid),
            yes_reason=_text(entry, "yes_reason", fid),
            sometimes_reason=_text(entry, "sometimes_reason", fid),
            no_reason=_text(entry, "no_reason", fid),
            terms=_ids(entry, "terms", fid, terms),
            regions=_ids(entry, "regions", fid, regions),
            likelihood=likelihood,
            implies=_texts({"implies": entry.get("implies", [])}, "implies", fid, allow_empty=True),
        )
    for feature in features.values():
        # Checked once every question is known: a question may imply one listed after it.
        _ids({"implies": list(feature.implies)}, "implies", feature.id, features)
        if feature.id in feature.implies:
            raise KnowledgeError(f"{feature.id}.implies names the question itself")
    return MappingProxyType(features)


def _red_flags(
    table: dict[str, Any], terms: Mapping[str, Term], features: Mapping[str, Feature]
) -> MappingProxyType[str, RedFlag]:
    """The screen in file order: umbrellas (ids starting with UMBRELLA_PREFIX) carry no triage;
    every other flag has one, and names in `asks_when` an umbrella listed before it, if any.
    A flag with `follows` (a symptom question) is asked after it instead, never in the screen."""
    flags: dict[str, RedFlag] = {}
    for fid in table:
        entry = _table(table, fid)
        umbrella = fid.startswith(UMBRELLA_PREFIX)
        asks_when = entry.get("asks_when")
        follows = entry.get("follows")
        last_umbrella = next((f for f in reversed(flags) if flags[f].triage is None), None)
        if asks_when is not None and (umbrella or asks_when != last_umbrella):
            raise KnowledgeError(f"{fid}.asks_when must name the umbrella listed last before it")
        if follows is not None and (umbrella or asks_when is not None or follows not in features):
            raise KnowledgeError(f"{fid}.follows must name a symptom question, on its own")
        triage = entry.get("triage")
        if umbrella and triage is not None:
            raise KnowledgeError(f"{fid} is an umbrella question and decides no triage")
        if not umbrella and triage not in RED_FLAG_TRIAGES:
            raise KnowledgeError(f"{fid}.triage must be one of {RED_FLAG_TRIAGES}")
        flags[fid] = RedFlag(
            id=fid,
            question=_text(entry, "question", fid),
            plain=_text(entry, "plain", fid),
            purpose=_text(entry, "purpose", fid),
            terms=_ids(entry, "terms", fid, terms),
            asks_when=asks_when,
            follows=follows,
            triage=None if umbrella else cast(Triage, triage),
            advice="" if umbrella else _text(entry, "advice", fid),
            caution="" if umbrella else _text(entry, "caution", fid),
        )
    severities = [RED_FLAG_TRIAGES.index(f.triage) for f in flags.values() if f.triage]
    if severities != sorted(severities):
        raise KnowledgeError("red_flags must be listed most serious first")
    covered = {flag.asks_when for flag in flags.values()}
    idle = [fid for fid in flags if fid.startswith(UMBRELLA_PREFIX) and fid not in covered]
    if idle or not any(flag.triage for flag in flags.values()):
        raise KnowledgeError(f"red_flags: every umbrella must cover a flag (not {idle})")
    return MappingProxyType(flags)


def _after_result(
    table: dict[str, Any], causes: tuple[str, ...]
) -> MappingProxyType[str, MappingProxyType[str, str]]:
    """Every cause (and "unclear") answers every after-result topic, each in one breath."""
    _exact_ids(table, causes, "after_result")
    answers = {}
    for cause in causes:
        entry = _table(table, cause)
        _exact_ids(entry, AFTER_RESULT_TOPICS, f"after_result.{cause}")
        for topic in AFTER_RESULT_TOPICS:
            if len(_text(entry, topic, cause).split()) > MAX_AFTER_RESULT_WORDS:
                raise KnowledgeError(
                    f"after_result.{cause}.{topic} is over {MAX_AFTER_RESULT_WORDS} words"
                )
        answers[cause] = MappingProxyType({topic: entry[topic] for topic in AFTER_RESULT_TOPICS})
    return MappingProxyType(answers)


def _exact_ids(table: dict[str, Any], expected: tuple[str, ...], where: str) -> None:
    missing = [i for i in expected if i not in table]
    unknown = [i for i in table if i not in expected]
    if missing or unknown:
        raise KnowledgeError(f"{where}: missing {missing}, unknown {unknown}")


def _probabilities(
    table: dict[str, Any], hypotheses: tuple[str, ...], where: str, *, upper: float | None
) -> MappingProxyType[str, float]:
    _exact_ids(table, hypotheses, where)
    values: dict[str, float] = {}
    for hypothesis in hypotheses:
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
