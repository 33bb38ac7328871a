"""Deployment folders for the Lambda function, made the ways `sam build` can make them.

- `make_deployed`: what template.yaml's `BuildMethod: makefile` runs, lambda/Makefile's
  `build-SkillFunction`, with this interpreter compiling the bytecode.
- `make_unpacked_bytecode_free`: what SAM's default Python builder would make instead: the
  requirements unpacked with nothing compiled, and the code copied without caches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from testkit import REPO_ROOT as ROOT

CODE_URI = ROOT / "lambda"
# template.yaml's function: python3.12 on arm64 (tests/deploy checks that these agree).
LAMBDA_PIP_PLATFORM = (
    "--platform manylinux2014_aarch64 --implementation cp --python-version 3.12 --only-binary=:all:"
)
# What a copy of the code folder leaves out.
EXCLUDED = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "Makefile", ".aws-sam", "*.dist-info", "*.egg-info"
)
BYTECODE_OPTIONS = ("-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash")


def make_deployed(target: Path, *, for_lambda: bool) -> None:
    """lambda/Makefile's build into `target`.

    With `for_lambda`, the requirements are those for python3.12 on arm64 (for the package's
    size; this interpreter's bytecode stands in for 3.12's). Otherwise they are for this
    interpreter, so the folder can be imported here.
    """
    options = [
        f"ARTIFACTS_DIR={target}",
        f"PYTHON={sys.executable}",
        "RUNTIME_VERSION={}.{}".format(*sys.version_info[:2]),
        f"PIP_PLATFORM={LAMBDA_PIP_PLATFORM if for_lambda else ''}",
    ]
    subprocess.run(
        ["make", "--no-print-directory", "-C", str(CODE_URI), "build-SkillFunction", *options],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_unpacked_bytecode_free(target: Path) -> None:
    """The requirements for this interpreter, not compiled, and the code without caches."""
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
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    shutil.rmtree(target / "bin", ignore_errors=True)
    shutil.copytree(CODE_URI, target, symlinks=False, ignore=EXCLUDED, dirs_exist_ok=True)


def swap_code_for(folder: Path, module: Path, *, compile_it: bool) -> None:
    """Make a copy of a deployment folder serve another entry module instead of the skill."""
    (folder / "lambda_function.py").unlink()
    shutil.rmtree(folder / "skill")
    for cached in (folder / "__pycache__").glob("lambda_function.*.pyc"):
        cached.unlink()
    shutil.copy2(module, folder)
    if compile_it:
        subprocess.run(
            [sys.executable, *BYTECODE_OPTIONS, str(folder / module.name)],
            check=True,
            capture_output=True,
            timeout=60,
        )


def failure_text(failure: Exception) -> str:
    output = getattr(failure, "stderr", "") or ""
    return str(output).strip()[-300:] or str(failure)
