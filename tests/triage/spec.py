"""The engine tests' shared facts: the spec's ids, and runners who answer from a vignette."""

from __future__ import annotations

from skill.triage import Outcome, shipped_engine
from testkit.vignettes import Vignette, load_vignettes, played

__all__ = ["Vignette", "load_vignettes", "play"]

ENGINE = shipped_engine()

# The stable ids of skill/knowledge/clinical.toml, in its order.
CONDITIONS = (
    "sciatica",
    "piriformis_syndrome",
    "si_joint_dysfunction",
    "gluteus_medius_syndrome",
    "hip_bursitis",
    "ischial_bursitis",
    "high_hamstring_tendinopathy",
)
LOOKALIKES = (
    "hip_joint",
    "groin_strain",
    "hip_flexor_strain",
    "lumbar_back_pain",
    "coccydynia",
    "pudendal_neuralgia",
    "iliotibial_band_syndrome",
    "meralgia_paresthetica",
)
CAUSES = (*CONDITIONS, *LOOKALIKES)
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
    "groin_pain",
    "inner_thigh_pain",
    "knee_lift_pain",
    "back_not_buttock",
    "tailbone",
    "perineal_burning",
    "outer_thigh_to_knee",
    "thigh_burning_patch",
)
# Where the pain really is: the look-alikes' own signs.
WHERE_FEATURES = FEATURES[-8:]
SCREEN = "red_flag_any"
# The specific red flags of the screen, most serious first, and the whole screen in the order
# it is asked.
RED_FLAGS = (
    "red_flag_saddle",
    "red_flag_neuro",
    "red_flag_trauma_fever",
    "red_flag_weight_bearing",
    "red_flag_serious",
)
# Asked as a follow-up, not in the screen: after a sudden pull or pop.
AVULSION = "red_flag_avulsion"
SCREEN_ORDER = (
    "red_flag_any",
    "red_flag_saddle",
    "red_flag_neuro",
    "red_flag_any_2",
    "red_flag_trauma_fever",
    "red_flag_weight_bearing",
    "red_flag_serious",
)


def play(vignette: Vignette) -> tuple[Outcome, list[str]]:
    """Run a whole interview with the shipped engine, the runner answering from the vignette."""
    return played(ENGINE, vignette)
