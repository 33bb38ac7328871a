"""The Lambda deployment package as `sam build` makes it for template.yaml's function.

SAM's Python builder installs lambda/requirements.txt into the build folder for the
function's runtime and architecture (python3.12, arm64), copies the CodeUri folder (lambda/,
symlinks followed, so lambda/skill brings in the package) without caches, and `sam deploy`
zips the result. This does the same with pip: wheels only, for manylinux2014_aarch64 and
CPython 3.12, from the package index pip is configured with.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bench.stats import heading

ROOT = Path(__file__).resolve().parents[1]
CODE_URI = ROOT / "lambda"
TARGET_MB = 10.0
# What SAM's Python builder leaves out of the copy of the code folder.
EXCLUDED = shutil.ignore_patterns(
    "__pycache__", "*.pyc", ".git", ".gitignore", ".aws-sam", "*.dist-info", "*.egg-info"
)


# What `sam build` targets for template.yaml's function: its runtime and architecture.
LAMBDA_PLATFORM = (
    "--platform",
    "manylinux2014_aarch64",
    "--implementation",
    "cp",
    "--python-version",
    "3.12",
    "--only-binary=:all:",
)


def install_requirements(target: Path, platform: tuple[str, ...] = LAMBDA_PLATFORM) -> None:
    """lambda/requirements.txt into `target` as SAM's builder leaves it: no bytecode compiled.

    `platform=()` installs for the running interpreter instead, so the result can be imported.
    """
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-compile",
            "--requirement",
            str(CODE_URI / "requirements.txt"),
            "--target",
            str(target),
            *platform,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_code(target: Path) -> None:
    """The CodeUri folder, symlinks followed (lambda/skill brings the package), no caches."""
    shutil.copytree(CODE_URI, target, symlinks=False, ignore=EXCLUDED, dirs_exist_ok=True)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def zip_folder(folder: Path, archive: Path) -> int:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, path.relative_to(folder))
    return archive.stat().st_size


def run(quick: bool = False) -> dict[str, Any]:
    heading("Lambda deployment package (sam build for CodeUri lambda/, python3.12 arm64)")
    with tempfile.TemporaryDirectory(prefix="bench-package-") as scratch:
        build = Path(scratch) / "SkillFunction"
        build.mkdir()
        try:
            install_requirements(build)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
            output = getattr(failure, "stderr", "") or ""
            print(f"  skipped: pip could not install the requirements ({output.strip()[-300:]})")
            return {}
        dependencies = folder_size(build)
        copy_code(build)
        code = folder_size(build) - dependencies
        unzipped = folder_size(build)
        zipped = zip_folder(build, Path(scratch) / "package.zip")
        largest = sorted(
            ((folder_size(p) if p.is_dir() else p.stat().st_size, p.name) for p in build.iterdir()),
            reverse=True,
        )[:4]

    megabyte = 1024 * 1024
    print(f"  dependencies (lambda/requirements.txt): {dependencies / megabyte:6.2f} MB unzipped")
    print(f"  lambda/ with the skill package:         {code / megabyte:6.2f} MB unzipped")
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
