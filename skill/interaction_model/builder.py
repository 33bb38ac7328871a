"""Build the Alexa interaction model of every locale from definition.toml.

    python -m skill.interaction_model          # write the committed JSON files
    python -m skill.interaction_model --check  # exit 1 if a committed file is stale

The model goes to `interaction_model/<locale>.json` (what the developer console's JSON editor
imports) and, as real copies, to `skill-package/interactionModels/custom/<locale>.json` (the
skill package the ASK CLI uploads; it zips symlinks as links, so a link there would upload
nothing). Alexa's rules (rules.py) are checked before anything is written, so an invalid
model never reaches a file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from skill.interaction_model import FREE_SPEECH_PREFIX, FREE_SPEECH_SLOT
from skill.interaction_model.rules import PHRASE_TYPE, model_problems
from skill.knowledge import load_knowledge

DEFINITION = Path(__file__).with_name("definition.toml")
# The checkout this module lives in, when it lives in one.
ROOT = Path(__file__).resolve().parents[2]
MODEL_DIRS = (Path("interaction_model"), Path("skill-package", "interactionModels", "custom"))
CONDITION_TYPE = "ConditionType"
TERM_TYPE = "TermType"
REGENERATE = "python -m skill.interaction_model"


@cache
def definition() -> dict[str, Any]:
    with DEFINITION.open("rb") as file:
        return tomllib.load(file)


def locales() -> tuple[str, ...]:
    return tuple(definition()["locales"])


def build_model(locale: str = "en-US") -> dict[str, Any]:
    """The interaction model for `locale`."""
    data = definition()
    if locale not in data["locales"]:
        known = ", ".join(data["locales"])
        raise LookupError(f"no interaction model for locale {locale!r} (have: {known})")
    own_samples = data["locales"][locale].get("samples", {})
    more_samples: dict[str, list[str]] = {}
    for regional in data.get("regional", []):
        if locale in regional["locales"]:
            for name, samples in regional["more_samples"].items():
                more_samples.setdefault(name, []).extend(samples)
    intents = []
    for entry in data["intents"]:
        intent: dict[str, Any] = {"name": entry["name"]}
        if "slots" in entry:
            intent["slots"] = entry["slots"]
        samples = own_samples.get(entry["name"], entry["samples"])
        intent["samples"] = [*samples, *more_samples.get(entry["name"], [])]
        intents.append(intent)
    asides = definition()["free_speech"]["asides"]
    for name, opening in free_speech_intents().items():
        openings = [opening] if opening else asides
        intents.append(
            {
                "name": name,
                "slots": [{"name": FREE_SPEECH_SLOT, "type": PHRASE_TYPE}],
                "samples": [f"{words} {{{FREE_SPEECH_SLOT}}}" for words in openings],
            }
        )
    language_model = {
        "invocationName": data["invocation_name"],
        "intents": intents,
        "types": [
            {"name": CONDITION_TYPE, "values": condition_values()},
            {"name": TERM_TYPE, "values": term_values()},
            *(
                {"name": slot_type["name"], "values": defined_values(slot_type["values"])}
                for slot_type in data.get("types", [])
            ),
        ],
    }
    return {"interactionModel": {"languageModel": language_model}}


@cache
def free_speech_intents() -> dict[str, str]:
    """The free-speech intents by name ("no" gives FreeSpeechNoIntent, "i've" FreeSpeechIveIntent),
    each with the opening its one sample begins with; FreeSpeechIntent, whose samples begin with
    an aside, with none."""
    free_speech = definition()["free_speech"]
    # The asides' one intent: what they open is understood without them.
    intents: dict[str, str] = {FREE_SPEECH_PREFIX + "Intent": ""}
    for opening in free_speech["openings"]:
        words = re.split(r"[^a-z]+", opening.lower().replace("'", ""))
        name = FREE_SPEECH_PREFIX + "".join(word.capitalize() for word in words) + "Intent"
        if name in intents:
            raise ValueError(f"free speech openings {intents[name]!r} and {opening!r} share {name}")
        intents[name] = opening
    return intents


def condition_values() -> list[dict[str, Any]]:
    """The ConditionType values: every cause of the clinical knowledge (the seven conditions
    and the look-alikes), by its name and the other names runners use for it, then every
    concern, a serious cause a runner may fear (clinical.toml is their one home)."""
    return [
        {
            "id": condition.id,
            "name": {"value": condition.name, "synonyms": list(condition.synonyms)},
        }
        for condition in load_knowledge().causes.values()
    ] + [
        {"id": concern.id, "name": {"value": concern.names[0], "synonyms": list(concern.names[1:])}}
        for concern in load_knowledge().concerns.values()
    ]


def term_values() -> list[dict[str, Any]]:
    """The TermType values: every term of the clinical knowledge (clinical.toml, their one
    home), by the words a runner may use for it."""
    return [
        {"id": term.id, "name": {"value": term.words[0], "synonyms": list(term.words[1:])}}
        for term in load_knowledge().terms.values()
    ]


def defined_values(values: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A slot type's values as definition.toml lists them: id, value and synonyms."""
    return [
        {"id": v["id"], "name": {"value": v["value"], "synonyms": list(v.get("synonyms", []))}}
        for v in values
    ]


def render(model: Mapping[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def expected_files(root: Path = ROOT) -> dict[Path, str]:
    """Every committed model file under `root`, with the text it must hold."""
    texts = {locale: render(build_model(locale)) for locale in locales()}
    return {
        root / folder / f"{locale}.json": text
        for folder in MODEL_DIRS
        for locale, text in texts.items()
    }


def stale_files(files: Mapping[Path, str]) -> list[Path]:
    return [
        path
        for path, text in files.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def write_files(files: Mapping[Path, str]) -> None:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def report(lines: Iterable[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to write into")
    args = parser.parse_args(argv)
    problems = [
        f"{locale}: {problem}"
        for locale in locales()
        for problem in model_problems(build_model(locale))
    ]
    if problems:
        report(problems)
        return 1
    files = expected_files(args.root)
    if args.check:
        stale = stale_files(files)
        report(f"stale: {path.relative_to(args.root)} (run {REGENERATE})" for path in stale)
        return 1 if stale else 0
    write_files(files)
    return 0
