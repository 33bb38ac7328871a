"""Typed, immutable views of the clinical knowledge."""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, NamedTuple

# The stable ids of docs/clinical.md, in its order (high to low).
CONDITION_IDS: tuple[str, ...] = (
    "sciatica",
    "piriformis_syndrome",
    "si_joint_dysfunction",
    "gluteus_medius_syndrome",
    "hip_bursitis",
    "ischial_bursitis",
    "high_hamstring_tendinopathy",
)
# The profile of a runner whose pain fits none of the seven; never named as a condition.
NONE_OF_THESE = "none_of_these"
HYPOTHESES: tuple[str, ...] = (*CONDITION_IDS, NONE_OF_THESE)

SCREEN_QUESTION = "red_flag_any"
# Specific red flags, most serious first: the screen asks them in this order.
RED_FLAG_IDS: tuple[str, ...] = (
    "red_flag_saddle",
    "red_flag_trauma_fever",
    "red_flag_weight_bearing",
)

FEATURE_IDS: tuple[str, ...] = (
    "past_knee",
    "numbness_tingling",
    "leg_weakness",
    "low_back_pain",
    "worse_hamstring_stretch",
    "worse_cough_sneeze",
    "worse_sitting",
    "sit_bone",
    "deep_buttock_spot",
    "diffuse_buttock",
    "worse_uphill_sprint",
    "upper_hamstring_spread",
    "outer_hip",
    "lying_on_side",
    "pelvic_dimple",
    "stairs_car_bed",
    "hip_catching",
    "sudden_pull",
    "hamstring_curl_pain",
    "cross_leg_pain",
)

Triage = Literal["emergency", "urgent", "soon", "see_specialist", "unclear"]


class Condition(NamedTuple):
    id: str
    name: str
    description: str
    advice: str
    # Other names a runner may use for it (the voice model's slot values come from these).
    synonyms: tuple[str, ...]
    # Body-map regions where it is felt (ids of Knowledge.regions).
    regions: tuple[str, ...]


class Term(NamedTuple):
    """A word a question uses that a runner may not know, explained in one breath."""

    id: str
    words: tuple[str, ...]
    explanation: str
    regions: tuple[str, ...]


class Feature(NamedTuple):
    id: str
    question: str
    # The same question in plainer words, for "what do you mean?".
    plain: str
    purpose: str
    yes_reason: str
    no_reason: str
    # Ids of the terms the question uses, and the body-map regions it is about.
    terms: tuple[str, ...]
    regions: tuple[str, ...]
    # Chance of a "yes" from a runner with each hypothesis (the seven and NONE_OF_THESE).
    likelihood: MappingProxyType[str, float]


class RedFlag(NamedTuple):
    id: str
    question: str
    plain: str
    purpose: str
    terms: tuple[str, ...]
    # Empty for the umbrella screen question, which decides nothing by itself.
    triage: Triage | None
    advice: str


class InterviewSettings(NamedTuple):
    disclaimer: str
    confident_share: float
    runner_up_ratio: float
    minimum_share: float
    question_cap: int
    unclear_advice: str
    unsure_red_flag_caution: str


class Knowledge(NamedTuple):
    conditions: MappingProxyType[str, Condition]
    features: MappingProxyType[str, Feature]
    red_flags: MappingProxyType[str, RedFlag]
    priors: MappingProxyType[str, float]
    settings: InterviewSettings
    # Body-map region id -> what it is called.
    regions: MappingProxyType[str, str]
    terms: MappingProxyType[str, Term]

    def question_text(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].question
        return self.features[question_id].question

    def plain_text(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].plain
        return self.features[question_id].plain

    def question_terms(self, question_id: str) -> tuple[str, ...]:
        if question_id in self.red_flags:
            return self.red_flags[question_id].terms
        return self.features[question_id].terms

    def question_regions(self, question_id: str) -> tuple[str, ...]:
        if question_id in self.red_flags:
            return ()
        return self.features[question_id].regions

    def purpose(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].purpose
        return self.features[question_id].purpose

    def is_question(self, question_id: str) -> bool:
        return question_id in self.red_flags or question_id in self.features
