"""The knowledge file is complete, consistent, and speakable."""

from __future__ import annotations

import pytest

from skill.knowledge import (
    CONDITION_IDS,
    FEATURE_IDS,
    RED_FLAG_IDS,
    SCREEN_QUESTION,
    KnowledgeError,
    load_knowledge,
    parse_knowledge,
)
from skill.knowledge.loader import shipped_text
from skill.knowledge.model import HYPOTHESES

SHIPPED = shipped_text("clinical.toml")
ONE_BREATH_WORDS = 32


def words(text: str) -> int:
    return len(text.split())


def test_shipped_knowledge_has_every_id_of_the_clinical_spec() -> None:
    knowledge = load_knowledge()
    assert tuple(knowledge.conditions) == CONDITION_IDS
    assert tuple(knowledge.features) == FEATURE_IDS
    assert set(knowledge.red_flags) == {SCREEN_QUESTION, *RED_FLAG_IDS}
    assert len(CONDITION_IDS) == 7 and len(FEATURE_IDS) == 20


def test_every_condition_feature_pair_has_a_likelihood_strictly_between_0_and_1() -> None:
    for feature in load_knowledge().features.values():
        assert set(feature.likelihood) == set(HYPOTHESES)
        assert all(0 < p < 1 for p in feature.likelihood.values())


def test_hallmarks_of_the_clinical_table_hold() -> None:
    likelihood = {f: load_knowledge().features[f].likelihood for f in FEATURE_IDS}
    # Pain past the knee: the hallmark of sciatica, a small possibility for piriformis,
    # and it rules out gluteus medius syndrome.
    assert likelihood["past_knee"]["sciatica"] > 0.8
    assert likelihood["past_knee"]["sciatica"] > likelihood["past_knee"]["piriformis_syndrome"]
    assert likelihood["past_knee"]["gluteus_medius_syndrome"] < 0.05
    # A painful hamstring curl points to the tendon rather than the ischial bursa.
    curl = likelihood["hamstring_curl_pain"]
    assert curl["high_hamstring_tendinopathy"] > 5 * curl["ischial_bursitis"]
    # Each condition's signature question favours it over every other condition.
    signatures = {
        "pelvic_dimple": "si_joint_dysfunction",
        "outer_hip": "hip_bursitis",
        "deep_buttock_spot": "piriformis_syndrome",
        "diffuse_buttock": "gluteus_medius_syndrome",
        "sit_bone": "ischial_bursitis",
        "worse_cough_sneeze": "sciatica",
    }
    for feature, condition in signatures.items():
        best = max(CONDITION_IDS, key=lambda c, f=feature: likelihood[f][c])
        assert best == condition, feature


def test_spoken_text_is_short_enough_for_one_breath() -> None:
    knowledge = load_knowledge()
    for question_id in (SCREEN_QUESTION, *RED_FLAG_IDS, *FEATURE_IDS):
        assert words(knowledge.question_text(question_id)) <= ONE_BREATH_WORDS, question_id
        assert words(knowledge.purpose(question_id)) <= ONE_BREATH_WORDS, question_id
    for condition in knowledge.conditions.values():
        assert words(condition.description) <= ONE_BREATH_WORDS + 4, condition.id
        assert words(condition.advice) <= ONE_BREATH_WORDS + 4, condition.id
    for feature in knowledge.features.values():
        assert words(feature.yes_reason) <= 14 and words(feature.no_reason) <= 14


def test_questions_are_yes_no_questions_and_reasons_finish_a_because() -> None:
    knowledge = load_knowledge()
    for question_id in (SCREEN_QUESTION, *RED_FLAG_IDS, *FEATURE_IDS):
        assert knowledge.question_text(question_id).endswith("?"), question_id
    for feature in knowledge.features.values():
        for reason in (feature.yes_reason, feature.no_reason):
            assert reason[0].islower() and not reason.endswith("."), feature.id


def test_every_specialist_advice_names_who_to_see() -> None:
    knowledge = load_knowledge()
    for condition in knowledge.conditions.values():
        assert "sports medicine" in condition.advice and "physical therapist" in condition.advice
    assert "physical therapist" in knowledge.settings.unclear_advice
    assert "emergency" in knowledge.red_flags["red_flag_saddle"].advice


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (SHIPPED.replace("[features.cross_leg_pain]", "[features.cross_legs]"), "features"),
        (SHIPPED.replace("sciatica = 0.90", "sciatica = 1.0"), "past_knee.likelihood"),
        (SHIPPED.replace("sciatica = 0.90", "sciatica = 0"), "past_knee.likelihood"),
        (SHIPPED.replace('triage = "emergency"', 'triage = "later"'), "red_flag_saddle"),
        (SHIPPED.replace("question_cap = 10", "question_cap = 0"), "question_cap"),
        (SHIPPED.replace("[unclear]", "[unsure]"), "unclear"),
        ("not = toml = at all", "TOML"),
    ],
)
def test_incomplete_or_out_of_range_knowledge_is_refused(broken: str, message: str) -> None:
    assert broken != SHIPPED or message == "TOML"
    with pytest.raises(KnowledgeError, match=message):
        parse_knowledge(broken)
