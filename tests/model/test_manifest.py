"""The ASK CLI skill package: manifest answers and example phrases that certification checks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from skill.chat.nlu import Nlu
from tests.model.conftest import LOCALES, ROOT

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
    for words in ("information only", "not medical advice", "diagnosis", "emergency services"):
        assert words in description


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
    assert privacy == {
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
