"""Shared helpers for the engine tests: a simulated runner who answers from a vignette."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill.triage import Answer, Interview, Outcome, Question, shipped_engine

VIGNETTES_FILE = Path(__file__).with_name("vignettes.toml")
ENGINE = shipped_engine()

# The stable ids of shared/spec/clinical.md, in its order.
CONDITIONS = (
    "sciatica",
    "piriformis_syndrome",
    "si_joint_dysfunction",
    "gluteus_medius_syndrome",
    "hip_bursitis",
    "ischial_bursitis",
    "high_hamstring_tendinopathy",
)
FEATURES = (
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
SCREEN = "red_flag_any"
# The specific red flags, most serious first, and the whole screen in the order it is asked.
RED_FLAGS = (
    "red_flag_saddle",
    "red_flag_neuro",
    "red_flag_trauma_fever",
    "red_flag_weight_bearing",
    "red_flag_serious",
)
SCREEN_ORDER = (
    "red_flag_any",
    "red_flag_saddle",
    "red_flag_neuro",
    "red_flag_any_2",
    "red_flag_trauma_fever",
    "red_flag_weight_bearing",
    "red_flag_serious",
)


@dataclass(frozen=True)
class Vignette:
    name: str
    expect: tuple[str, ...]
    answers: dict[str, str]

    def reply(self, question_id: str) -> Answer:
        """The vignette's answer; "no" when it lists none. Every umbrella screening question
        (an id starting with red_flag_any) takes the vignette's `red_flag_any` answer unless
        the vignette answers it by its own id."""
        if question_id.startswith(SCREEN) and question_id not in self.answers:
            return Answer(self.answers.get(SCREEN, "n"))
        return Answer(self.answers.get(question_id, "n"))


def load_vignettes() -> list[Vignette]:
    data: dict[str, Any] = tomllib.loads(VIGNETTES_FILE.read_text("utf-8"))
    return [
        Vignette(name=v["name"], expect=tuple(v["expect"]), answers=dict(v["answers"]))
        for v in data["vignette"]
    ]


def play(vignette: Vignette, limit: int = 40) -> tuple[Outcome, list[str]]:
    """Run a whole interview, the runner answering from the vignette; returns the outcome and
    the questions asked, in order."""
    interview = Interview()
    asked: list[str] = []
    for _ in range(limit):
        step = ENGINE.next_step(interview)
        if isinstance(step, Outcome):
            return step, asked
        assert isinstance(step, Question)
        asked.append(step.id)
        interview = interview.with_answer(step.id, vignette.reply(step.id))
    raise AssertionError(f"{vignette.name}: no outcome after {limit} questions")
