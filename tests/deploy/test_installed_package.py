"""The wheel: `glute-detective chat` works from an installed package, outside any checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from testkit import REPO_ROOT
from testkit.processes import clean_environment

IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def run(*command: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_environment(),
        **options,  # type: ignore[call-overload]
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the project's files, so the build writes nothing here."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO_ROOT / name, source)
    shutil.copytree(REPO_ROOT / "skill", source / "skill", ignore=IGNORED)
    folder = tmp_path_factory.mktemp("wheel")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        folder,
        source,
    )
    (built,) = folder.glob("glute_detective-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed (not editable). Its dependencies
    come from this environment's site-packages, read as a plain path, so nothing is
    downloaded and this environment's editable install of the checkout is not seen."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    (Path(site.stdout.strip()) / "dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
    )
    return venv


def test_the_wheel_ships_the_data_the_skill_reads_and_no_tests(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "skill/knowledge/clinical.toml",
        "skill/knowledge/speech.toml",
        "skill/interaction_model/definition.toml",
    } <= names
    assert not any(name.startswith(("tests/", "testkit/", "bench/")) for name in names)


def test_chat_from_the_installed_package_talks_outside_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    where = run(
        installed / "bin" / "python", "-c", "import skill; print(skill.__file__)", cwd=tmp_path
    )
    assert Path(where.stdout.strip()).is_relative_to(installed)

    chat = run(
        installed / "bin" / "glute-detective",
        "chat",
        input="what is sciatica\nquit\n",
        cwd=tmp_path,
    )

    assert "Alexa: Welcome to Glute Detective" in chat.stdout
    assert "Sciatica from a lumbar disc." in chat.stdout
