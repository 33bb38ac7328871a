"""lambda/Makefile, which template.yaml's `sam build` runs: the package it makes, and that it
agrees with the template about the runtime and the architecture."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.understanding import IntentMatch, SlotMatch
from testkit import REPO_ROOT as ROOT
from testkit.processes import clean_environment

MAKEFILE = ROOT / "lambda" / "Makefile"
THIS_PYTHON = "{}.{}".format(*sys.version_info[:2])
# Flags of a hash-based pyc whose source is never checked (PEP 552).
UNCHECKED_HASH = 0b01


class _CloudFormationLoader(yaml.SafeLoader):
    """Reads template.yaml, keeping !Ref, !Sub and the like as plain values."""


_CloudFormationLoader.add_multi_constructor(
    "!",
    lambda loader, suffix, node: (
        loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None
    ),
)


def template_function() -> dict[str, Any]:
    template = yaml.load((ROOT / "template.yaml").read_text("utf-8"), _CloudFormationLoader)
    function: dict[str, Any] = template["Resources"]["SkillFunction"]
    return function


def makefile_default(name: str) -> str:
    text = MAKEFILE.read_text("utf-8").replace("\\\n", " ")
    match = re.search(rf"^{name} \?= (.+)$", text, re.MULTILINE)
    assert match, f"{name} has no default in lambda/Makefile"
    return " ".join(match.group(1).split())


def run_make(artifacts: Path | None, **variables: str) -> subprocess.CompletedProcess[str]:
    options = [f"{name}={value}" for name, value in variables.items()]
    if artifacts is not None:
        options.append(f"ARTIFACTS_DIR={artifacts}")
    environment = {k: v for k, v in os.environ.items() if k != "ARTIFACTS_DIR"}
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(MAKEFILE.parent),
            "build-SkillFunction",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as lambda/Makefile builds it, for this interpreter so it can run here."""
    artifacts = tmp_path_factory.mktemp("SkillFunction")
    built = run_make(artifacts, PYTHON=sys.executable, RUNTIME_VERSION=THIS_PYTHON, PIP_PLATFORM="")
    assert built.returncode == 0, built.stdout + built.stderr
    return artifacts


def test_the_template_builds_the_function_with_the_makefile() -> None:
    function = template_function()
    assert function["Metadata"]["BuildMethod"] == "makefile"
    assert function["Properties"]["CodeUri"] == "lambda/"
    assert function["Properties"]["Handler"] == "lambda_function.lambda_handler"


def test_the_makefile_targets_the_templates_runtime_and_architecture() -> None:
    properties = template_function()["Properties"]
    assert properties["Runtime"] == f"python{makefile_default('RUNTIME_VERSION')}"
    assert makefile_default("PYTHON") == properties["Runtime"]
    architecture = {"arm64": "aarch64", "x86_64": "x86_64"}[properties["Architectures"][0]]
    assert f"--platform manylinux2014_{architecture}" in makefile_default("PIP_PLATFORM")


def test_the_bench_packs_for_the_same_platform_as_the_makefile() -> None:
    from bench import packing

    expected = makefile_default("PIP_PLATFORM").replace(
        "$(RUNTIME_VERSION)", makefile_default("RUNTIME_VERSION")
    )
    assert expected == packing.LAMBDA_PIP_PLATFORM


def test_the_package_holds_the_entry_point_the_skill_and_the_sdk(package: Path) -> None:
    assert (package / "lambda_function.py").is_file()
    assert (package / "skill" / "knowledge" / "clinical.toml").is_file()
    assert (package / "skill" / "knowledge" / "speech.toml").is_file()
    assert (package / "ask_sdk_core").is_dir()
    assert not (package / "skill").is_symlink()
    assert not (package / "Makefile").exists()
    assert not (package / "bin").exists()


def test_the_package_ships_only_the_parts_of_the_skill_that_lambda_runs(package: Path) -> None:
    shipped = {path.name for path in (package / "skill").iterdir() if path.name != "__pycache__"}
    assert shipped == {
        "__init__.py",
        "settings.py",
        "logs.py",
        "knowledge",
        "triage",
        "voice",
        # Free speech is understood on Lambda too.
        "understanding.py",
        "interaction_model",
    }


def test_every_module_in_the_package_ships_unchecked_hash_bytecode(package: Path) -> None:
    tag = sys.implementation.cache_tag
    missing, checked = [], []
    for source in package.rglob("*.py"):
        cached = source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc"
        if not cached.is_file():
            missing.append(source)
            continue
        flags = int.from_bytes(cached.read_bytes()[4:8], "little")
        if flags != UNCHECKED_HASH:
            checked.append(cached)
    assert not missing, missing[:5]
    assert not checked, checked[:5]


def run_packed(package: Path, envelope: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The packed entry point's response to one request, and what `python -v` logged. As on
    Lambda: only the package and the standard library, and nothing written."""
    probe = (
        "import json, sys; sys.path.insert(0, '.'); import lambda_function; "
        "print(json.dumps(lambda_function.lambda_handler(json.loads(sys.stdin.read()), None)))"
    )
    ran = subprocess.run(
        [sys.executable, "-S", "-B", "-v", "-c", probe],
        input=json.dumps(envelope),
        capture_output=True,
        text=True,
        cwd=package,
        env=clean_environment(),
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    response: dict[str, Any] = json.loads(ran.stdout.strip().splitlines()[-1])
    return response, ran.stderr


def test_the_packed_entry_point_imports_without_compiling_and_answers_a_launch(
    package: Path,
) -> None:
    factory = EnvelopeFactory(ids=IdSource("build-test"))
    response, logged = run_packed(package, factory.launch(factory.new_session()))
    compiled_from_source = [
        line
        for line in logged.splitlines()
        if line.startswith("# code object from ") and str(package) in line and ".pyc" not in line
    ]
    assert compiled_from_source == []
    assert response["response"]["outputSpeech"]["ssml"].startswith("<speak>")
    assert response["response"]["reprompt"]


def test_the_packed_entry_point_understands_free_speech(package: Path) -> None:
    factory = EnvelopeFactory(ids=IdSource("build-test"))
    words = SlotMatch("speech", "AMAZON.SearchQuery", value="is this skill")
    said = IntentMatch("FreeSpeechWhatIntent", (words,))
    response, _ = run_packed(package, factory.intent(factory.new_session(), said))
    # "what is this skill" is a request for help, not something unheard.
    assert "Glute Detective asks short questions" in response["response"]["outputSpeech"]["ssml"]


def test_bytecode_from_another_python_version_is_refused(tmp_path: Path) -> None:
    built = run_make(tmp_path / "out", PYTHON=sys.executable, RUNTIME_VERSION="3.0")
    assert built.returncode != 0
    assert "not 3.0" in built.stderr
    assert not (tmp_path / "out").exists()


def test_the_build_needs_the_folder_sam_gives_it() -> None:
    built = run_make(None, PYTHON=sys.executable, RUNTIME_VERSION=THIS_PYTHON)
    assert built.returncode != 0
    assert "ARTIFACTS_DIR is not set" in built.stdout + built.stderr


def test_the_lambda_requirements_are_exactly_the_runtime_pins_of_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        pins = tomllib.load(file)["project"]["dependencies"]
    lines = (ROOT / "lambda" / "requirements.txt").read_text("utf-8").splitlines()
    requirements = [line for line in lines if line.strip() and not line.startswith("#")]
    assert requirements == pins
