"""`python -m bench`: every benchmark, each against its baseline measured in the same run.

Figures, not pass/fail checks: each line says whether it meets its target, and the command
exits 0 either way (non-zero only if a benchmark could not run at all).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SECTIONS = ("turns", "coldstart", "web", "prechecks", "flood", "package", "words")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and shorter load (about 30 s in all)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        help="run just this benchmark (repeatable); default: all of them",
    )
    parser.add_argument(
        "--web-server",
        choices=("gunicorn", "werkzeug"),
        default="gunicorn",
        help="the server behind the web benchmark (default: gunicorn)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--vignettes",
        action="append",
        type=Path,
        help="a vignette file in the format of tests/triage/vignettes.toml, measured as its own"
        " set beside the project's (repeatable)",
    )
    args = parser.parse_args(argv)

    # Imported here so that `--help` works without the benchmark's dependencies.
    from bench import coldstart, flood, package_size, prechecks, turns, web_load, words
    from bench.interviews import VIGNETTES

    vignette_files = (VIGNETTES, *(args.vignettes or ()))

    runners: dict[str, Callable[[], dict[str, Any]]] = {
        "turns": lambda: turns.run(args.quick, vignette_files),
        "coldstart": lambda: coldstart.run(args.quick),
        "web": lambda: web_load.run(args.quick, args.web_server),
        "prechecks": lambda: prechecks.run(args.quick),
        "flood": lambda: flood.run(args.quick),
        "package": lambda: package_size.run(args.quick),
        "words": lambda: words.run(args.quick),
    }
    chosen = [name for name in SECTIONS if not args.only or name in args.only]
    print(
        f"Glute Detective benchmarks{' (quick)' if args.quick else ''}: "
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {platform.platform(terse=True)}"
    )
    started = time.perf_counter()
    figures: dict[str, Any] = {}
    for name in chosen:
        figures.update(runners[name]())
    elapsed = time.perf_counter() - started
    print(f"\nAll done in {elapsed:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
