"""The ASK CLI skill package: manifest answers and example phrases that certification checks."""

from __future__ import annotations

import json
import struct
from typing import Any

import pytest

from skill.legal import DOCUMENTS
from skill.understanding import Nlu
from testkit import REPO_ROOT as ROOT
from tests.model import LOCALES

# Every field the skill manifest schema documents under privacyAndCompliance.
PRIVACY_FIELDS = {
    "locales",
    "allowsPurchases",
    "usesPersonalInfo",
    "isChildDirected",
    "isExportCompliant",
    "containsAds",
    "usesHealthInfo",
    "shoppingKit",
}


def test_manifest_publishes_the_five_english_locales(manifest: dict[str, Any]) -> None:
    publishing = manifest["publishingInformation"]
    assert manifest["manifestVersion"] == "1.0"
    assert sorted(publishing["locales"]) == sorted(LOCALES)
    assert publishing["category"] == "HEALTH_AND_FITNESS"
    assert publishing["isAvailableWorldwide"] is False
    assert sorted(publishing["distributionCountries"]) == ["AU", "CA", "GB", "IN", "US"]
    for locale in publishing["locales"].values():
        assert locale["name"] == "Glute Detective"
        assert 0 < len(locale["summary"]) <= 160


@pytest.mark.parametrize("locale", LOCALES)
def test_description_carries_the_health_disclaimer(manifest: dict[str, Any], locale: str) -> None:
    description = manifest["publishingInformation"]["locales"][locale]["description"].lower()
    for words in (
        "information only",
        "not medical advice",
        "diagnosis",
        "emergency services",
        "not a substitute for professional medical advice",
        "your answers are not stored",
    ):
        assert words in description


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_links_the_privacy_policy_and_terms_the_web_service_serves(
    manifest: dict[str, Any], locale: str
) -> None:
    info = manifest["privacyAndCompliance"]["locales"][locale]
    privacy, terms = info["privacyPolicyUrl"], info["termsOfUseUrl"]
    assert privacy.startswith("https://") and terms.startswith("https://")
    assert {privacy.rsplit("/", 1)[1], terms.rsplit("/", 1)[1]} == {"privacy", "terms"}
    assert {f"/{privacy.rsplit('/', 1)[1]}", f"/{terms.rsplit('/', 1)[1]}"} == set(DOCUMENTS)


def test_testing_instructions_lead_the_reviewer_to_every_kind_of_result(
    manifest: dict[str, Any],
) -> None:
    instructions = manifest["publishingInformation"]["testingInstructions"]
    assert len(instructions) <= 4000
    for words in (
        "emergency",
        "doctor today",
        "hip bursitis",
        "what do you mean",
        "stores nothing",
    ):
        assert words in instructions


@pytest.mark.parametrize("locale", LOCALES)
def test_every_example_phrase_is_a_sample_of_the_model(
    manifest: dict[str, Any], locale: str
) -> None:
    nlu = Nlu.for_locale(locale)
    phrases = manifest["publishingInformation"]["locales"][locale]["examplePhrases"]
    assert 1 <= len(phrases) <= 3
    assert phrases[0] == "Alexa, open glute detective"
    for phrase in phrases:
        assert phrase.startswith("Alexa, ")
        launch = nlu.parse_launch(phrase)
        assert launch is not None, phrase
        if launch.utterance:
            assert nlu.resolve(launch.utterance).how == "exact", phrase


def test_privacy_answers_match_what_the_skill_does(manifest: dict[str, Any]) -> None:
    privacy = manifest["privacyAndCompliance"]
    assert set(privacy) <= PRIVACY_FIELDS
    assert sorted(privacy["locales"]) == sorted(LOCALES)
    assert {key: value for key, value in privacy.items() if key != "locales"} == {
        "allowsPurchases": False,
        "usesPersonalInfo": False,
        "isChildDirected": False,
        "isExportCompliant": True,
        "containsAds": False,
        "usesHealthInfo": False,
    }


def test_endpoint_is_a_lambda_arn_to_replace(manifest: dict[str, Any]) -> None:
    uri = manifest["apis"]["custom"]["endpoint"]["uri"]
    assert uri.startswith("arn:aws:lambda:")
    assert "REPLACE" in uri


def test_ask_resources_deploys_only_the_skill_package() -> None:
    # The Lambda is deployed by AWS SAM, so the ASK CLI gets no code or infrastructure to build.
    resources = json.loads((ROOT / "ask-resources.json").read_text(encoding="utf-8"))
    assert resources["askcliResourcesVersion"] == "2020-03-31"
    profile = resources["profiles"]["default"]
    assert profile == {"skillMetadata": {"src": "./skill-package"}}
    assert (ROOT / "skill-package" / "skill.json").is_file()


# What the Alexa app shows in the skill store: PNG icons of exactly these sizes.
ICON_SIZES = {"smallIconUri": 108, "largeIconUri": 512}
PACKAGE_FILE = "file://"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_store_icons_of_the_sizes_alexa_needs(
    manifest: dict[str, Any], locale: str
) -> None:
    published = manifest["publishingInformation"]["locales"][locale]
    for field, size in ICON_SIZES.items():
        uri = published[field]
        # A path inside the skill package, which the ASK CLI uploads with it.
        assert uri.startswith(PACKAGE_FILE + "assets/images/") and uri.endswith(".png")
        path = ROOT / "skill-package" / uri.removeprefix(PACKAGE_FILE)
        assert path.is_file(), f"{uri} is not in the skill package"
        assert png_size(path.read_bytes()) == (size, size)


def test_the_icons_are_the_ones_the_drawing_script_makes() -> None:
    # Only the small one is redrawn here: the large one takes seconds in pure Python.
    from scripts.draw_icons import IMAGES, draw, png

    assert (IMAGES / "small-icon.png").read_bytes() == png(draw(108), 108)
