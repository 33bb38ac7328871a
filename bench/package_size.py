"""The Lambda deployment package as `sam build` makes it for template.yaml's function.

template.yaml builds the function with lambda/Makefile: lambda/requirements.txt for the
function's runtime and architecture (python3.12, arm64; wheels only, from the package index
pip is configured with), the code folder with lambda/skill followed, and compiled bytecode for
all of it. `sam deploy` zips the result; this zips it with deflate too.
"""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bench.packing import failure_text, make_deployed
from bench.stats import heading

TARGET_MB = 10.0
OWN_CODE = ("lambda_function.py", "skill")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def entry_size(entry: Path) -> int:
    return folder_size(entry) if entry.is_dir() else entry.stat().st_size


def zip_folder(folder: Path, archive: Path) -> int:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, path.relative_to(folder))
    return archive.stat().st_size


def run(quick: bool = False) -> dict[str, Any]:
    heading("Lambda deployment package (lambda/Makefile, as sam build runs it: python3.12 arm64)")
    with tempfile.TemporaryDirectory(prefix="bench-package-") as scratch:
        build = Path(scratch) / "SkillFunction"
        try:
            make_deployed(build, for_lambda=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
            print(f"  skipped: the build failed ({failure_text(failure)})")
            return {}
        unzipped = folder_size(build)
        code = sum(entry_size(build / name) for name in OWN_CODE)
        code += sum(p.stat().st_size for p in (build / "__pycache__").glob("lambda_function.*"))
        bytecode = sum(p.stat().st_size for p in build.rglob("*.pyc"))
        zipped = zip_folder(build, Path(scratch) / "package.zip")
        largest = sorted(((entry_size(p), p.name) for p in build.iterdir()), reverse=True)[:4]

    megabyte = 1024 * 1024
    print(
        f"  dependencies (lambda/requirements.txt): {(unzipped - code) / megabyte:6.2f} MB unzipped"
    )
    print(f"  lambda_function.py and the skill package: {code / megabyte:4.2f} MB unzipped")
    print(f"  of all that, compiled bytecode:         {bytecode / megabyte:6.2f} MB unzipped")
    print(
        f"  package: {unzipped / megabyte:.2f} MB unzipped, {zipped / megabyte:.2f} MB zipped"
        f" (target < {TARGET_MB:.0f} MB zipped: "
        f"{'meets' if zipped / megabyte < TARGET_MB else 'MISSES'})"
    )
    print(
        "  largest entries: "
        + ", ".join(f"{name} {size / megabyte:.1f} MB" for size, name in largest)
    )
    return {"package_zipped_mb": zipped / megabyte, "package_unzipped_mb": unzipped / megabyte}
