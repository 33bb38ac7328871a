"""Alexa's rules for a custom skill's interaction model, as checks that list what is broken."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# How a person opens a skill: "Alexa, <launch phrase> <invocation name>", or with a request
# straight away, "Alexa, <one-shot phrase> <invocation name> <request>".
LAUNCH_PHRASES = ("open", "start", "launch", "load", "begin", "run", "play", "use", "talk to")
ONE_SHOT_PHRASES = ("ask", "tell")
# "Alexa, enable <skill>" turns a skill on without opening it.
ENABLE = "enable"
# Alexa refuses these words and the wake words in an invocation name, and a sample that begins
# with one ("open ...", "alexa ...") reads to Alexa as a request to start some skill.
LAUNCH_WORDS = frozenset(
    {phrase.split()[0] for phrase in (*LAUNCH_PHRASES, *ONE_SHOT_PHRASES)} | {ENABLE}
)
WAKE_WORDS = frozenset({"alexa", "amazon", "echo", "computer", "ziggy", "skill", "app"})
# Ordinary English openers ("tell me more", "start again") stay allowed in samples.
SAMPLE_LAUNCH_WORDS = WAKE_WORDS | {"open", "launch", "ask", "load", "enable"}
# A two-word invocation name may not spend a word on one of these.
SHORT_NAME_FILLERS = frozenset({"the", "a", "an", "for", "to", "of"})
MIN_CUSTOM_SAMPLES = 15
MAX_INTENTS = 250  # Alexa's limit for one skill's model
# Alexa's phrase slot: it takes any words, so a sample needs words of its own around it (a
# carrier phrase) and may hold no other slot.
PHRASE_TYPE = "AMAZON.SearchQuery"
PHRASE_TYPES = frozenset({PHRASE_TYPE})

_SAMPLE_CHARACTERS = re.compile(r"^[A-Za-z' .{}]+$")
_SLOT_REFERENCE = re.compile(r"\{([^{}]*)\}")


def sample_key(sample: str) -> str:
    """A sample as Alexa compares them: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^a-z0-9'{} ]", " ", sample.lower().replace(".", "")).split())


def intents_of(model: Mapping[str, Any]) -> list[dict[str, Any]]:
    intents: list[dict[str, Any]] = model["interactionModel"]["languageModel"]["intents"]
    return intents


def invocation_name_problems(name: str) -> list[str]:
    problems = []
    words = name.split(" ")
    if not re.fullmatch(r"[a-z']+( [a-z']+)+", name):
        problems.append(f"invocation name {name!r}: two or more lower-case words, letters only")
    problems += [
        f"invocation name {name!r}: contains launch or wake word {word!r}"
        for word in words
        if word in LAUNCH_WORDS | WAKE_WORDS
    ]
    if len(words) == 2 and SHORT_NAME_FILLERS & set(words):
        problems.append(f"invocation name {name!r}: a two-word name needs two real words")
    return problems


def sample_problems(model: Mapping[str, Any]) -> list[str]:
    """Characters, slot references and first words of every sample."""
    invocation_name = model["interactionModel"]["languageModel"]["invocationName"]
    problems = []
    for intent in intents_of(model):
        declared = {slot["name"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            where = f"{intent['name']}: {sample!r}"
            if not _SAMPLE_CHARACTERS.match(sample):
                problems.append(f"{where}: only letters, spaces, apostrophes and periods")
            if sample != sample.strip() or "  " in sample:
                problems.append(f"{where}: stray spaces")
            for slot in _SLOT_REFERENCE.findall(sample):
                if slot not in declared:
                    problems.append(f"{where}: slot {{{slot}}} is not declared")
            if re.search(r"[^ ]\{|\}[^ ]", sample):
                problems.append(f"{where}: a slot needs a space on each side")
            first = sample.split(" ", 1)[0].lower()
            if first in SAMPLE_LAUNCH_WORDS:
                problems.append(f"{where}: starts with launch or wake word {first!r}")
            if invocation_name in sample_key(sample):
                problems.append(f"{where}: contains the invocation name")
    return problems


def duplicate_sample_problems(model: Mapping[str, Any]) -> list[str]:
    owner: dict[str, str] = {}
    problems = []
    for intent in intents_of(model):
        for sample in intent.get("samples", []):
            key = sample_key(sample)
            first = owner.setdefault(key, intent["name"])
            if first != intent["name"] or intent["samples"].count(sample) > 1:
                problems.append(f"sample {sample!r} is in {first} and {intent['name']}")
    return problems


def sample_count_problems(model: Mapping[str, Any]) -> list[str]:
    """Too few samples for an intent of the skill's own, except one that carries free speech:
    its phrase slot takes whatever follows its opening."""
    return [
        f"{intent['name']}: {len(intent['samples'])} samples, needs {MIN_CUSTOM_SAMPLES}"
        for intent in intents_of(model)
        if not intent["name"].startswith("AMAZON.")
        and not has_phrase_slot(intent)
        and len(intent["samples"]) < MIN_CUSTOM_SAMPLES
    ]


def has_phrase_slot(intent: Mapping[str, Any]) -> bool:
    return any(slot["type"] in PHRASE_TYPES for slot in intent.get("slots", []))


def phrase_slot_problems(model: Mapping[str, Any]) -> list[str]:
    """A phrase slot alone in its sample, or beside another slot: Alexa refuses both."""
    problems = []
    for intent in intents_of(model):
        if not has_phrase_slot(intent):
            continue
        if len(intent["slots"]) > 1:
            problems.append(f"{intent['name']}: a phrase slot must be the intent's only slot")
        for sample in intent.get("samples", []):
            if not _SLOT_REFERENCE.sub("", sample).strip():
                problems.append(f"{intent['name']}: {sample!r} needs a carrier phrase")
    return problems


def slot_type_problems(model: Mapping[str, Any]) -> list[str]:
    """Every slot's type is declared and no word names two values of one type."""
    language_model = model["interactionModel"]["languageModel"]
    types = {slot_type["name"]: slot_type for slot_type in language_model.get("types", [])}
    problems = []
    for intent in intents_of(model):
        for slot in intent.get("slots", []):
            if slot["type"] not in types and not slot["type"].startswith("AMAZON."):
                problems.append(f"{intent['name']}: slot type {slot['type']} is not declared")
    for slot_type in types.values():
        owner: dict[str, str] = {}
        for value in slot_type["values"]:
            name = value["name"]
            for word in [name["value"], *name.get("synonyms", [])]:
                first = owner.setdefault(sample_key(word), value["id"])
                if first != value["id"]:
                    problems.append(
                        f"{slot_type['name']}: {word!r} names {first} and {value['id']}"
                    )
                if not _SAMPLE_CHARACTERS.match(word) or "{" in word:
                    problems.append(f"{slot_type['name']}: {word!r} has characters Alexa refuses")
    return problems


def intent_count_problems(model: Mapping[str, Any]) -> list[str]:
    count = len(intents_of(model))
    return [f"{count} intents: Alexa takes at most {MAX_INTENTS}"] if count > MAX_INTENTS else []


def model_problems(model: Mapping[str, Any]) -> list[str]:
    """Everything in `model` that Alexa would refuse or that would confuse its recognition."""
    language_model = model["interactionModel"]["languageModel"]
    return [
        *intent_count_problems(model),
        *invocation_name_problems(language_model["invocationName"]),
        *sample_problems(model),
        *duplicate_sample_problems(model),
        *sample_count_problems(model),
        *phrase_slot_problems(model),
        *slot_type_problems(model),
    ]
