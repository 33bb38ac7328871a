"""Cold start: importing the Lambda entry point in a fresh interpreter, against importing the bare
SDK skill (bench/hello_skill.py) in a fresh interpreter.

Each sample is a new `python` process that times its own import (and then its first request,
a LaunchRequest, reported separately: on Lambda the first request of a new instance also pays
for building the skill and loading the knowledge). The two kinds of process alternate. Both
sides are measured in two settings, each the same for both:

- bytecode cached: imported from the working tree and the virtual environment, with every
  module's bytecode written beforehand (a discarded first run writes it, even where
  PYTHONDONTWRITEBYTECODE is set), as on a machine that has run the code before;
- as `sam build` packs it: each side in its own folder made like SAM's Python builder makes
  the deployment package (lambda/requirements.txt installed with no bytecode compiled, the code
  copied without caches), imported with no site-packages and no bytecode written, as on
  Lambda, whose code folder is read-only: every module, the SDK's included, is compiled from
  source on every cold start.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from bench.package_size import copy_code, install_requirements
from bench.stats import heading, median, millis, verdict
from skill.chat.envelopes import EnvelopeFactory, IdSource

ROOT = Path(__file__).resolve().parents[1]
LAMBDA_DIR = ROOT / "lambda"
BENCH_DIR = ROOT / "bench"
BARE_MODULE = "hello_skill"
LAMBDA_MODULE = "lambda_function"
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


class Setting(NamedTuple):
    name: str
    key: str  # prefix of the figures' names in --json
    bare: Path  # folder holding hello_skill.py
    skill: Path  # folder holding lambda_function.py
    flags: tuple[str, ...]  # interpreter options
    write_bytecode: bool


def probe(setting: Setting, folder: Path, module: str, event: str) -> dict[str, float]:
    environment = {k: v for k, v in os.environ.items() if k != "GLUTE_DETECTIVE_SKILL_ID"}
    environment.pop("PYTHONPATH", None)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if not setting.write_bytecode:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
    completed = subprocess.run(
        [sys.executable, *setting.flags, "-c", _PROBE, str(folder), module],
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


def sam_like_packages(scratch: Path) -> tuple[Path, Path]:
    """Two deployment folders as `sam build` makes them: the bare skill's and the real one's."""
    dependencies = scratch / "dependencies"
    install_requirements(dependencies, platform=())  # for this interpreter, so it can run
    bare, skill = scratch / "bare", scratch / "skill"
    shutil.copytree(dependencies, bare)
    shutil.copy2(BENCH_DIR / f"{BARE_MODULE}.py", bare)
    shutil.copytree(dependencies, skill)
    copy_code(skill)
    return bare, skill


def compiled_from_source(setting: Setting) -> bool:
    """Whether the setting really runs without bytecode (no cache was left in its folders)."""
    return not any(any(folder.rglob("*.pyc")) for folder in (setting.bare, setting.skill))


def measure(setting: Setting, event: str, repeats: int) -> dict[str, Any]:
    subjects = {"bare": (setting.bare, BARE_MODULE), "skill": (setting.skill, LAMBDA_MODULE)}
    for folder, module in subjects.values():
        probe(setting, folder, module, event)  # writes the bytecode caches when it may
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    for _ in range(repeats):
        for name, (folder, module) in subjects.items():
            samples[name].append(probe(setting, folder, module, event))

    print(f"  {setting.name}, median of {repeats} fresh interpreters each:")
    results: dict[str, Any] = {}
    for part in ("import", "first_request"):
        bare = median([sample[part] for sample in samples["bare"]])
        ours = median([sample[part] for sample in samples["skill"]])
        results[f"{setting.key}_{part}_bare_ms"] = bare * 1e3
        results[f"{setting.key}_{part}_lambda_ms"] = ours * 1e3
        results[f"{setting.key}_{part}_ratio"] = ours / bare
        label = "import" if part == "import" else "then the first request (launch)"
        line = f"    {label:<34} bare {millis(bare)}   skill {millis(ours)}"
        line += f"   ratio {ours / bare:.2f}x"
        if part == "import":
            line += f" (target <= {TARGET_RATIO}x: {verdict(ours / bare, TARGET_RATIO)})"
        print(line)
    return results


def run(quick: bool = False) -> dict[str, Any]:
    repeats = 5 if quick else 15
    factory = EnvelopeFactory(ids=IdSource("bench-coldstart"))
    event = json.dumps(factory.launch(factory.new_session()))
    heading("Cold start: importing lambda/lambda_function vs the bare SDK skill")
    print(f"  {sys.executable}")
    cached = Setting("bytecode cached", "cold", BENCH_DIR, LAMBDA_DIR, (), write_bytecode=True)
    results = measure(cached, event, repeats)
    with tempfile.TemporaryDirectory(prefix="bench-coldstart-") as scratch:
        try:
            bare, skill = sam_like_packages(Path(scratch))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
            output = getattr(failure, "stderr", "") or ""
            print(f"  as sam build packs it: skipped, pip failed ({output.strip()[-300:]})")
            return results
        # -S: only the package folder and the standard library, as in /var/task.
        packed = Setting("as sam build packs it", "cold_sam", bare, skill, ("-S",), False)
        results.update(measure(packed, event, repeats))
        if not compiled_from_source(packed):
            print("  (note: bytecode turned up in the packed folders; the setting is not clean)")
    return results
