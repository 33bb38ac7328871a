"""The skill package, key by key, against Amazon's own SMAPI models (ask-smapi-model): what
the ASK CLI uploads must hold nothing the Skill Management API does not define.

The walker is testkit/smapi.py; the tests below the package's also show that it catches a key
out of place at any depth, in a polymorphic type, and a value the model does not list."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from testkit import REPO_ROOT as ROOT
from testkit.smapi import INTERACTION_MODEL, SKILL_MANIFEST, model_problems
from tests.model import LOCALES

PACKAGE = ROOT / "skill-package"
INTERACTION_MODELS = sorted((PACKAGE / "interactionModels" / "custom").glob("*.json"))
#: The same models as the developer console imports them.
CONSOLE_MODELS = sorted((ROOT / "interaction_model").glob("*.json"))


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_skill_manifest_matches_amazons_model() -> None:
    assert model_problems(load(PACKAGE / "skill.json"), SKILL_MANIFEST) == []


@pytest.mark.parametrize(
    "path",
    INTERACTION_MODELS + CONSOLE_MODELS,
    ids=lambda path: f"{path.parent.name}/{path.stem}",
)
def test_every_interaction_model_matches_amazons_model(path: Path) -> None:
    assert model_problems(load(path), INTERACTION_MODEL) == []


def test_the_package_has_an_interaction_model_per_locale() -> None:
    assert sorted(path.stem for path in INTERACTION_MODELS) == sorted(LOCALES)


# --- the walker ------------------------------------------------------------------------------


@pytest.fixture
def package_manifest() -> Any:
    return load(PACKAGE / "skill.json")


@pytest.fixture
def interaction_model() -> Any:
    return load(INTERACTION_MODELS[0])


def test_a_key_unknown_deep_in_the_manifest_is_named_with_its_path(package_manifest: Any) -> None:
    package_manifest["manifest"]["apis"]["custom"]["endpoint"]["sslCertificate"] = "Wildcard"

    assert model_problems(package_manifest, SKILL_MANIFEST) == [
        "$.manifest.apis.custom.endpoint.sslCertificate: not a property of SkillManifestEndpoint"
    ]


def test_the_store_links_where_they_once_were_are_ten_problems(package_manifest: Any) -> None:
    manifest = package_manifest["manifest"]
    for locale in LOCALES:
        links = manifest["privacyAndCompliance"]["locales"][locale]
        manifest["publishingInformation"]["locales"][locale].update(links)

    problems = model_problems(package_manifest, SKILL_MANIFEST)

    assert len(problems) == 10
    assert all(
        "not a property of SkillManifestLocalizedPublishingInformation" in p for p in problems
    )


def test_an_interface_is_checked_as_the_type_its_discriminator_names(
    package_manifest: Any,
) -> None:
    interfaces = package_manifest["manifest"]["apis"]["custom"]["interfaces"]
    apl = copy.deepcopy(interfaces[0])
    audio_with_viewports = {**apl, "type": "AUDIO_PLAYER"}  # a key of a sibling type
    apl["supportedViewports"][0]["density"] = "high"
    interfaces[:] = [apl, audio_with_viewports, {"type": "HOLOGRAM"}]

    assert model_problems(package_manifest, SKILL_MANIFEST) == [
        "$.manifest.apis.custom.interfaces[0].supportedViewports[0].density: "
        "not a property of ViewportSpecification",
        "$.manifest.apis.custom.interfaces[1].supportedViewports: not a property of AudioInterface",
        "$.manifest.apis.custom.interfaces[2].type: 'HOLOGRAM' is not a known Interface",
    ]


def test_a_value_supplier_is_checked_as_the_type_its_discriminator_names(
    interaction_model: Any,
) -> None:
    types = interaction_model["interactionModel"]["languageModel"].setdefault("types", [])
    types.append(
        {
            "name": "COLOUR",
            # valueCatalog belongs to the sibling CatalogValueSupplier
            "valueSupplier": {"type": "InlineValueSupplier", "values": [], "valueCatalog": {}},
        }
    )

    problems = model_problems(interaction_model, INTERACTION_MODEL)

    assert len(problems) == 1
    assert problems[0].endswith(
        ".valueSupplier.valueCatalog: not a property of InlineValueSupplier"
    )


def test_values_the_model_does_not_allow_are_named(package_manifest: Any) -> None:
    manifest = package_manifest["manifest"]
    manifest["manifestVersion"] = "2.0"
    manifest["publishingInformation"]["isAvailableWorldwide"] = "no"
    manifest["publishingInformation"]["distributionCountries"] = "US"

    assert model_problems(package_manifest, SKILL_MANIFEST) == [
        "$.manifest.manifestVersion: '2.0' is not one of ['1.0']",
        "$.manifest.publishingInformation.isAvailableWorldwide: expected bool, found str",
        "$.manifest.publishingInformation.distributionCountries: expected a list",
    ]
