"""Cold start: importing the Lambda entry point in a fresh interpreter, against importing the bare
SDK skill (bench/hello_skill.py) in a fresh interpreter.

Each sample is a new `python` process that times its own import (and then its first request,
a LaunchRequest, reported separately: on Lambda the first request of a new instance also pays
for building the skill and loading the knowledge). The two kinds of process alternate, and a
discarded first run of each makes sure both find their bytecode caches written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.stats import heading, median, millis, verdict
from skill.chat.envelopes import EnvelopeFactory, IdSource

ROOT = Path(__file__).resolve().parents[1]
LAMBDA_DIR = ROOT / "lambda"
BENCH_DIR = ROOT / "bench"
TARGET_RATIO = 1.3

# Runs in the fresh interpreter: argv[1] is the folder to import from, argv[2] the module.
_PROBE = """
import json, sys, time
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
module = __import__(sys.argv[2])
imported = time.perf_counter()
response = module.lambda_handler(json.loads(sys.stdin.read()), None)
answered = time.perf_counter()
assert response["version"] == "1.0" and response["response"]["outputSpeech"]
print(json.dumps({"import": imported - started, "first_request": answered - imported}))
"""


def probe(folder: Path, module: str, event: str) -> dict[str, float]:
    environment = {k: v for k, v in os.environ.items() if k != "GLUTE_DETECTIVE_SKILL_ID"}
    environment.pop("PYTHONPATH", None)
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(folder), module],
        input=event,
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
        env=environment,
        timeout=60,
    )
    result: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool = False) -> dict[str, Any]:
    repeats = 5 if quick else 15
    factory = EnvelopeFactory(ids=IdSource("bench-coldstart"))
    event = json.dumps(factory.launch(factory.new_session()))
    subjects = {
        "bare": (BENCH_DIR, "hello_skill"),
        "lambda": (LAMBDA_DIR, "lambda_function"),
    }
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    for folder, module in subjects.values():
        probe(folder, module, event)  # writes __pycache__ if it is missing
    for _ in range(repeats):
        for name, (folder, module) in subjects.items():
            samples[name].append(probe(folder, module, event))

    heading("Cold start: importing lambda/lambda_function vs the bare SDK skill")
    print(f"  median of {repeats} fresh interpreters each ({sys.executable})")
    results: dict[str, Any] = {}
    for part in ("import", "first_request"):
        bare = median([sample[part] for sample in samples["bare"]])
        ours = median([sample[part] for sample in samples["lambda"]])
        results[f"cold_{part}_bare_ms"] = bare * 1e3
        results[f"cold_{part}_lambda_ms"] = ours * 1e3
        results[f"cold_{part}_ratio"] = ours / bare
        label = "import" if part == "import" else "then the first request (launch)"
        print(f"  {label}:")
        print(f"    {'bare ask-sdk-core skill':<36} median {millis(bare)}")
        line = f"    {'lambda_function (the skill)':<36} median {millis(ours)}"
        line += f"   ratio {ours / bare:.2f}x"
        if part == "import":
            line += f" (target <= {TARGET_RATIO}x: {verdict(ours / bare, TARGET_RATIO)})"
        print(line)
    return results
