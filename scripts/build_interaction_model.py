"""Write the Alexa interaction model for every locale from the one definition below.

    python scripts/build_interaction_model.py          # write the files
    python scripts/build_interaction_model.py --check  # exit 1 if a committed file is stale

The model goes to `interaction_model/<locale>.json` (the files the developer console imports)
and, as real copies, to `skill-package/interactionModels/custom/<locale>.json` (the skill
package the ASK CLI uploads; it zips symlinks as links, so a link there would upload nothing).
The rule checks here run before anything is written, so an invalid model never reaches a file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIRS = (ROOT / "interaction_model", ROOT / "skill-package" / "interactionModels" / "custom")
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
INVOCATION_NAME = "glute detective"
MIN_CUSTOM_SAMPLES = 15

CONDITION_SLOT = {"name": "condition", "type": "ConditionType"}

# Sample utterances by intent. Built-in intents that Alexa already understands well are
# extended only where runners answer in whole phrases ("yes it does") rather than one word.
SAMPLES: dict[str, list[str]] = {
    "AMAZON.YesIntent": [
        "yes it does",
        "yeah it does",
        "yep it does",
        "it does",
        "it sure does",
        "yes I do",
        "I do",
        "yes it is",
        "it is",
        "yes it did",
        "it did",
        "yes I have",
        "I have",
        "that's right",
        "yes that's right",
        "that's correct",
        "definitely",
        "yes definitely",
        "absolutely",
        "I think so",
        "of course",
        "it really does",
        "yes a lot",
        "uh huh",
    ],
    "AMAZON.NoIntent": [
        "no it doesn't",
        "nope it doesn't",
        "it doesn't",
        "no I don't",
        "I don't",
        "I don't think so",
        "no it isn't",
        "it isn't",
        "no it didn't",
        "it didn't",
        "no I haven't",
        "I haven't",
        "nope not really",
        "not really",
        "not at all",
        "no not at all",
        "definitely not",
        "absolutely not",
        "never",
        "no never",
        "no that's wrong",
        "that's not right",
        "not that I've noticed",
        "uh uh",
    ],
    "NotSureIntent": [
        "not sure",
        "I'm not sure",
        "I am not sure",
        "I'm not really sure",
        "I don't know",
        "I do not know",
        "I have no idea",
        "no idea",
        "maybe",
        "perhaps",
        "possibly",
        "could be",
        "might be",
        "can't tell",
        "I can't tell",
        "sometimes",
        "hard to say",
        "it's hard to say",
        "I'm not certain",
        "not certain",
        "I'm unsure",
        "unsure",
        "kind of",
        "sort of",
        "a little",
        "it depends",
        "I can't remember",
        "I don't remember",
        "dunno",
        "who knows",
    ],
    "AMAZON.RepeatIntent": [
        "say that again",
        "say it again",
        "repeat that",
        "repeat the question",
        "can you repeat that",
        "what was the question",
        "what did you say",
        "come again",
        "pardon",
        "I didn't catch that",
        "once more",
    ],
    "AMAZON.StartOverIntent": [
        "start again",
        "begin again",
        "restart",
        "new interview",
        "start a new interview",
        "start from the beginning",
        "start from scratch",
        "let's start again",
        "from the top",
        "reset",
    ],
    "GoBackIntent": [
        "go back",
        "go back one",
        "go back a question",
        "back up",
        "undo",
        "undo that",
        "undo my last answer",
        "change my answer",
        "let me change my answer",
        "I want to change my answer",
        "previous question",
        "go to the previous question",
        "I made a mistake",
        "I meant the other answer",
        "I gave the wrong answer",
        "wrong answer",
        "scratch that",
        "take that back",
        "oops",
    ],
    "WhyIntent": [
        "why",
        "why do you ask",
        "why are you asking",
        "why are you asking me that",
        "why ask that",
        "why that question",
        "why is that",
        "why does that matter",
        "why does it matter",
        "why is that important",
        "why do you need to know",
        "why do you want to know",
        "what's that for",
        "what is that for",
        "how does that help",
        "what difference does that make",
        "how is that relevant",
        "what does that have to do with it",
    ],
    "ExplainConditionIntent": [
        "what is {condition}",
        "what's {condition}",
        "what is the {condition}",
        "what exactly is {condition}",
        "tell me about {condition}",
        "tell me about the {condition}",
        "tell me more about {condition}",
        "explain {condition}",
        "can you explain {condition}",
        "describe {condition}",
        "what does {condition} mean",
        "what do you mean by {condition}",
        "what causes {condition}",
        "I want to know about {condition}",
        "define {condition}",
        "what is it",
        "what's that",
        "what is that",
        "tell me more",
        "tell me more about it",
        "tell me about it",
        "explain that",
        "explain it",
        "describe it",
        "what does that mean",
        "what does it mean",
        "what is that condition",
    ],
    "AMAZON.HelpIntent": [],
    "AMAZON.StopIntent": [],
    "AMAZON.CancelIntent": [],
    "AMAZON.NavigateHomeIntent": [],
    "AMAZON.FallbackIntent": [],
}

SLOTS: dict[str, list[dict[str, str]]] = {"ExplainConditionIntent": [CONDITION_SLOT]}

# The seven conditions of clinical.md: id, spoken name, and the words runners use for them.
CONDITIONS: list[tuple[str, str, list[str]]] = [
    (
        "sciatica",
        "sciatica from a lumbar disc",
        [
            "sciatica",
            "lumbar disc",
            "slipped disc",
            "slipped disk",
            "herniated disc",
            "herniated disk",
            "disc herniation",
            "bulging disc",
            "prolapsed disc",
            "ruptured disc",
            "disc problem",
            "disc problems",
            "pinched nerve",
            "lumbar radiculopathy",
            "radiculopathy",
            "sciatic nerve pain",
        ],
    ),
    (
        "piriformis_syndrome",
        "piriformis syndrome",
        [
            "piriformis",
            "piriformis muscle",
            "piriformis pain",
            "tight piriformis",
            "wallet sciatica",
            "fat wallet syndrome",
            "deep gluteal syndrome",
        ],
    ),
    (
        "si_joint_dysfunction",
        "sacroiliac joint dysfunction",
        [
            "SI joint",
            "SI joint pain",
            "SI joint dysfunction",
            "S. I. joint",
            "sacroiliac joint",
            "sacroiliac joint pain",
            "sacroiliac dysfunction",
            "sacroiliitis",
        ],
    ),
    (
        "gluteus_medius_syndrome",
        "gluteus medius syndrome",
        [
            "gluteus medius",
            "glute med",
            "glute medius",
            "gluteus medius tendinopathy",
            "gluteus medius strain",
            "glute strain",
            "dead butt syndrome",
            "gluteal amnesia",
        ],
    ),
    (
        "hip_bursitis",
        "hip bursitis",
        [
            "trochanteric bursitis",
            "greater trochanteric pain syndrome",
            "outer hip bursitis",
            "hip bursa",
            "bursitis in the hip",
            "bursitis of the hip",
        ],
    ),
    (
        "ischial_bursitis",
        "ischial bursitis",
        [
            "runner's butt",
            "tailor's seat",
            "weaver's bottom",
            "sit bone bursitis",
            "sitting bone bursitis",
            "ischial bursa",
            "ischiogluteal bursitis",
        ],
    ),
    (
        "high_hamstring_tendinopathy",
        "high hamstring tendinopathy",
        [
            "high hamstring tendinitis",
            "high hamstring tendonitis",
            "high hamstring strain",
            "proximal hamstring tendinopathy",
            "hamstring tendinopathy",
            "hamstring tendinitis",
            "hamstring tendonitis",
            "hamstring tendon",
            "hamstring strain",
            "pulled hamstring",
            "torn hamstring",
            "hamstring injury",
        ],
    ),
]


def build_model() -> dict[str, Any]:
    """The interaction model shared by every locale."""
    intents = []
    for name, samples in SAMPLES.items():
        intent: dict[str, Any] = {"name": name}
        if name in SLOTS:
            intent["slots"] = SLOTS[name]
        intent["samples"] = samples
        intents.append(intent)
    values = [
        {"id": cid, "name": {"value": spoken, "synonyms": synonyms}}
        for cid, spoken, synonyms in CONDITIONS
    ]
    language_model = {
        "invocationName": INVOCATION_NAME,
        "intents": intents,
        "types": [{"name": CONDITION_SLOT["type"], "values": values}],
    }
    return {"interactionModel": {"languageModel": language_model}}


# --- Alexa's rules for a custom skill's model ---------------------------------------------

# Alexa refuses launch phrases and wake words in an invocation name, and a sample that begins
# with one ("open ...", "alexa ...") reads to Alexa as a request to start some skill.
LAUNCH_WORDS = frozenset(
    {"open", "ask", "tell", "launch", "load", "begin", "enable", "start", "run", "use", "play"}
)
WAKE_WORDS = frozenset({"alexa", "amazon", "echo", "computer", "ziggy", "skill", "app"})
# Ordinary English openers ("tell me more", "start again") stay allowed in samples.
SAMPLE_LAUNCH_WORDS = WAKE_WORDS | {"open", "launch", "ask", "load", "enable"}
# A two-word invocation name may not spend a word on one of these.
SHORT_NAME_FILLERS = frozenset({"the", "a", "an", "for", "to", "of"})

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
    return [
        f"{intent['name']}: {len(intent['samples'])} samples, needs {MIN_CUSTOM_SAMPLES}"
        for intent in intents_of(model)
        if not intent["name"].startswith("AMAZON.") and len(intent["samples"]) < MIN_CUSTOM_SAMPLES
    ]


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


def model_problems(model: Mapping[str, Any]) -> list[str]:
    language_model = model["interactionModel"]["languageModel"]
    return [
        *invocation_name_problems(language_model["invocationName"]),
        *sample_problems(model),
        *duplicate_sample_problems(model),
        *sample_count_problems(model),
        *slot_type_problems(model),
    ]


# --- Writing ---------------------------------------------------------------------------


def render(model: Mapping[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[Path, str]:
    text = render(build_model())
    return {folder / f"{locale}.json": text for folder in MODEL_DIRS for locale in LOCALES}


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    args = parser.parse_args(argv)
    problems = model_problems(build_model())
    if problems:
        report(problems)
        return 1
    files = expected_files()
    if args.check:
        stale = stale_files(files)
        report(f"stale: {path.relative_to(ROOT)} (run {Path(__file__).name})" for path in stale)
        return 1 if stale else 0
    write_files(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
