"""What some of the model's FactType values tell: shared by the dialogue, which acts on them,
and the understanding, which hears them. Plain ids, so importing this costs nothing."""

# Said unasked, these may answer a question without saying enough to record it: each is
# checked with that question (or, once it is answered, acknowledged). A weak leg may mean
# weakness getting worse, pain at night may be night pain that doesn't ease, a fall long ago may
# not be what started this pain, and a numb buttock may be saddle numbness (all warning signs);
# pain deep in the buttock may be the deep tender spot, worse downhill may be pain down the
# outside of the thigh, pain "down my leg" may or may not go past the knee, and "a pulled
# muscle" may or may not have started with a pull while sprinting.
CHECKED_FACTS = {
    "weak_leg": "red_flag_neuro",
    "both_legs": "red_flag_neuro",
    "night_pain": "red_flag_serious",
    "weight_loss": "red_flag_serious",
    "old_injury": "red_flag_trauma_fever",
    "downhill": "outer_thigh_to_knee",
    "numb_buttock": "red_flag_saddle",
    "deep_buttock": "deep_buttock_spot",
    "down_leg": "past_knee",
    "stairs_or_car": "stairs_car_bed",
    "weak_hamstring": "hamstring_curl_pain",
    "top_of_hamstring": "sit_bone",
    "back_stiff": "low_back_pain",
    "pulled_muscle": "sudden_pull",
    "si_joint": "pelvic_dimple",
    "side_of_buttock": "outer_hip",
    "tingling": "numbness_tingling",
    "inner_thigh": "inner_thigh_pain",
    "outer_thigh": "outer_thigh_to_knee",
}
# Weakness in the foot, ankle or calf: a symptom question whose yes is checked at once for
# getting worse (a warning sign).
FOOT_WEAKNESS = "leg_weakness"
