"""Cold start: importing the Lambda entry point in a fresh interpreter, against importing the bare
SDK skill (bench/hello_skill.py) in a fresh interpreter.

Each sample is a new `python` process that times its own import (and then its first request,
a LaunchRequest, reported separately: on Lambda the first request of a new instance also pays
for building the skill and loading the knowledge). The two kinds of process alternate. Both
sides are measured in three settings, each the same for both:

- bytecode cached: imported from the working tree and the virtual environment, with every
  module's bytecode written beforehand (a discarded first run writes it, even where
  PYTHONDONTWRITEBYTECODE is set), as on a machine that has run the code before;
- as deployed: each side in its own folder made by lambda/Makefile, which template.yaml's
  `sam build` runs (the bare skill's folder is a copy with hello_skill.py, compiled the same
  way, in place of the skill), imported as on Lambda: no site-packages, nothing written;
- without shipped bytecode: folders made as SAM's default Python builder would make them
  (nothing compiled), imported the same way. On Lambda, whose code folder is read-only, this
  compiles every module, the SDK's included, from source on every cold start; it is what
  lambda/Makefile saves.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from bench.packing import (
    failure_text,
    make_deployed,
    make_unpacked_bytecode_free,
    swap_code_for,
)
from bench.stats import heading, median, millis, verdict
from skill.chat.envelopes import EnvelopeFactory, IdSource
from testkit import REPO_ROOT as ROOT
from testkit.processes import clean_environment

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
    environment = clean_environment()
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


def deployed_folders(scratch: Path) -> tuple[Path, Path]:
    """The bare skill's and the real one's folders, as lambda/Makefile builds them."""
    skill, bare = scratch / "deployed-skill", scratch / "deployed-bare"
    make_deployed(skill, for_lambda=False)  # for this interpreter, so it can run here
    shutil.copytree(skill, bare)
    swap_code_for(bare, BENCH_DIR / f"{BARE_MODULE}.py", compile_it=True)
    return bare, skill


def bytecode_free_folders(scratch: Path) -> tuple[Path, Path]:
    """The two folders as SAM's default Python builder would make them: nothing compiled."""
    skill, bare = scratch / "plain-skill", scratch / "plain-bare"
    make_unpacked_bytecode_free(skill)
    shutil.copytree(skill, bare)
    swap_code_for(bare, BENCH_DIR / f"{BARE_MODULE}.py", compile_it=False)
    return bare, skill


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
    # -S: only the deployment folder and the standard library, as in /var/task.
    packed = (
        ("as deployed (lambda/Makefile)", "cold_deployed", deployed_folders),
        ("without shipped bytecode", "cold_no_bytecode", bytecode_free_folders),
    )
    with tempfile.TemporaryDirectory(prefix="bench-coldstart-") as scratch:
        for name, key, make_folders in packed:
            try:
                bare, skill = make_folders(Path(scratch))
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
                print(f"  {name}: skipped, the build failed ({failure_text(failure)})")
                continue
            setting = Setting(name, key, bare, skill, ("-S",), write_bytecode=False)
            results.update(measure(setting, event, repeats))
    return results
