"""The knowledge file is complete, consistent, and speakable."""

from __future__ import annotations

import pytest

from skill.knowledge import KnowledgeError, load_knowledge, parse_knowledge
from skill.knowledge.loader import shipped_text
from tests.triage.spec import AVULSION, CAUSES, LOOKALIKES, SCREEN_ORDER, WHERE_FEATURES
from tests.triage.spec import CONDITIONS as CONDITION_IDS
from tests.triage.spec import FEATURES as FEATURE_IDS
from tests.triage.spec import RED_FLAGS as RED_FLAG_IDS
from tests.triage.spec import SCREEN as SCREEN_QUESTION

HYPOTHESES = (*CAUSES, "none_of_these")

SHIPPED = shipped_text("clinical.toml")
ONE_BREATH_WORDS = 32


def words(text: str) -> int:
    return len(text.split())


def test_shipped_knowledge_has_every_id_of_the_clinical_spec() -> None:
    knowledge = load_knowledge()
    assert tuple(knowledge.conditions) == CONDITION_IDS
    assert tuple(knowledge.lookalikes) == LOOKALIKES
    assert tuple(knowledge.causes) == CAUSES
    assert tuple(knowledge.features) == FEATURE_IDS
    assert tuple(f for f in knowledge.red_flags if f != AVULSION) == SCREEN_ORDER
    assert knowledge.red_flags[AVULSION].follows == "sudden_pull"
    assert knowledge.red_flags[AVULSION].triage == "urgent"
    assert [f for f in SCREEN_ORDER if not f.startswith(SCREEN_QUESTION)] == list(RED_FLAG_IDS)
    assert knowledge.hypotheses == HYPOTHESES
    assert len(CONDITION_IDS) == 7 and len(LOOKALIKES) == 8 and len(FEATURE_IDS) == 28


def test_every_cause_feature_pair_has_a_likelihood_strictly_between_0_and_1() -> None:
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


def test_each_lookalike_is_named_by_its_own_sign_which_favours_it_over_every_other_cause() -> None:
    knowledge = load_knowledge()
    for lookalike in knowledge.lookalikes.values():
        assert lookalike.defining, lookalike.id
        for feature_id in lookalike.defining:
            likelihood = knowledge.features[feature_id].likelihood
            others = [likelihood[c] for c in CAUSES if c != lookalike.id]
            assert likelihood[lookalike.id] >= 0.5, (lookalike.id, feature_id)
            if feature_id in WHERE_FEATURES and lookalike.id != "lumbar_back_pain":
                assert likelihood[lookalike.id] >= max(others) - 0.2, (lookalike.id, feature_id)
    # Each "where" question belongs to a look-alike.
    signs = {f for lookalike in knowledge.lookalikes.values() for f in lookalike.defining}
    assert set(WHERE_FEATURES) <= signs


def test_the_defining_signs_of_the_clinical_spec_hold() -> None:
    # Pain past the knee is the hallmark of the disc; pain right on the sitting bone is where
    # ischial bursitis is felt: a runner who denies it is never told either.
    causes = load_knowledge().causes
    assert causes["sciatica"].defining == ("past_knee",)
    assert causes["ischial_bursitis"].defining == ("sit_bone",)
    assert "sudden_pull" in causes["high_hamstring_tendinopathy"].ask_first


def test_every_lookalike_cites_its_sources_and_shows_where_it_is_felt() -> None:
    for lookalike in load_knowledge().lookalikes.values():
        assert lookalike.sources and all(len(s) > 20 for s in lookalike.sources), lookalike.id
        assert lookalike.regions, lookalike.id


def test_spoken_text_is_short_enough_for_one_breath() -> None:
    knowledge = load_knowledge()
    for question_id in (*SCREEN_ORDER, *FEATURE_IDS):
        assert words(knowledge.question_text(question_id)) <= ONE_BREATH_WORDS, question_id
        assert words(knowledge.purpose(question_id)) <= ONE_BREATH_WORDS, question_id
    for condition in knowledge.causes.values():
        assert words(condition.description) <= ONE_BREATH_WORDS + 4, condition.id
        assert words(condition.advice) <= ONE_BREATH_WORDS + 4, condition.id
    for feature in knowledge.features.values():
        for reason in (feature.yes_reason, feature.sometimes_reason, feature.no_reason):
            assert words(reason) <= 14, (feature.id, reason)


def test_questions_are_yes_no_questions_and_reasons_finish_a_because() -> None:
    knowledge = load_knowledge()
    for question_id in (*SCREEN_ORDER, *FEATURE_IDS):
        assert knowledge.question_text(question_id).endswith("?"), question_id
    for feature in knowledge.features.values():
        for reason in (feature.yes_reason, feature.sometimes_reason, feature.no_reason):
            assert reason[0].islower() and not reason.endswith("."), feature.id


def test_each_symptom_question_asks_one_thing() -> None:
    # No "and" joining two facts that can differ, such as a place and a trigger.
    for feature in load_knowledge().features.values():
        text = feature.question.replace("pins and needles", "pins-and-needles")
        assert " and " not in text, feature.id
    assert (
        load_knowledge().features["sit_bone"].question == "Is the pain right on your sitting bone?"
    )


def test_every_specialist_advice_names_who_to_see() -> None:
    knowledge = load_knowledge()
    for condition in knowledge.conditions.values():
        # {physio} is the locale's word for a physical therapist, filled in when spoken.
        assert "sports medicine" in condition.advice and "{physio}" in condition.advice
    for lookalike in knowledge.lookalikes.values():
        # Who to see, in the "who can ..." form the headline shortens to.
        assert " can " in lookalike.advice, lookalike.id
        assert any(w in lookalike.advice for w in ("{physio}", "doctor")), lookalike.id
    assert "{physio}" in knowledge.settings.unclear_advice
    assert "{physio}" in knowledge.settings.uncertain_advice
    assert "emergency" in knowledge.red_flags["red_flag_saddle"].advice
    assert "{emergency_number}" in knowledge.red_flags["red_flag_neuro"].advice


IMPLIES = 'implies = ["low_back_pain"]'


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (SHIPPED.replace("[features.cross_leg_pain]", "[features.cross_legs]"), "likelihood"),
        (SHIPPED.replace("sciatica = 0.90", "sciatica = 1.0"), "past_knee.likelihood"),
        (SHIPPED.replace("sciatica = 0.90", "sciatica = 0"), "past_knee.likelihood"),
        (SHIPPED.replace('triage = "emergency"', 'triage = "later"'), "red_flag_saddle"),
        (SHIPPED.replace('triage = "soon"', 'triage = "emergency"'), "most serious first"),
        (SHIPPED.replace('asks_when = "red_flag_any_2"', 'asks_when = "red_flag_any"'), "last"),
        (SHIPPED.replace('asks_when = "red_flag_any_2"\n', ""), "cover"),
        (
            SHIPPED.replace('asks_when = "red_flag_any"\n', 'asks_when = "red_flag_serious"\n'),
            "umbrella",
        ),
        (SHIPPED.replace("\ncaution = ", "\nwarning = ", 1), "red_flag_saddle.caution"),
        (SHIPPED.replace("question_cap = 16", "question_cap = 0"), "question_cap"),
        (SHIPPED.replace("question_cap = 16", "question_cap = 11"), "usual_questions"),
        (SHIPPED.replace("usual_questions = 12\n", ""), "usual_questions"),
        (SHIPPED.replace("slip_rate = 0.06", "slip_rate = 0.5"), "slip_rate"),
        (SHIPPED.replace("sometimes_weight = 0.75", "sometimes_weight = 0.5"), "sometimes_weight"),
        (SHIPPED.replace("uncertain_advice = ", "unsure_advice = "), "uncertain_advice"),
        (SHIPPED.replace("[unclear]", "[unsure]"), "unclear"),
        (SHIPPED.replace('defining = ["tailbone"]', "defining = []"), "coccydynia"),
        (SHIPPED.replace('defining = ["tailbone"]', 'defining = ["tail"]'), "coccydynia"),
        (SHIPPED.replace('follows = "sudden_pull"', 'follows = "a_pop"'), "red_flag_avulsion"),
        (SHIPPED.replace("sometimes_reason = ", "maybe_reason = ", 1), "sometimes_reason"),
        (SHIPPED.replace("[lookalikes.groin_strain]", "[lookalikes.sciatica]"), "share an id"),
        (SHIPPED.replace(IMPLIES, 'implies = ["lower_back"]'), "unknown ids"),
        (SHIPPED.replace(IMPLIES, 'implies = ["back_not_buttock"]'), "itself"),
        (SHIPPED.replace(IMPLIES, 'implies = "low_back_pain"'), "implies"),
        ("not = toml = at all", "TOML"),
    ],
    ids=lambda value: value if len(value) < 40 else "",
)
def test_incomplete_or_out_of_range_knowledge_is_refused(broken: str, message: str) -> None:
    assert broken != SHIPPED or message == "TOML"
    with pytest.raises(KnowledgeError, match=message):
        parse_knowledge(broken)


def test_questions_are_one_breath_with_at_most_three_choices() -> None:
    knowledge = load_knowledge()
    # Umbrellas name each sign of the flags behind them (tests/triage/test_screen.py).
    umbrellas = [f for f in knowledge.red_flags if f.startswith(SCREEN_QUESTION)]
    for question_id in (*knowledge.features, *knowledge.red_flags):
        if question_id in umbrellas:
            continue
        question = knowledge.question_text(question_id)
        assert words(question) <= 20, question_id
        # "a, b or c" at most: no more than two commas before an "or".
        assert question.count(",") <= 2, question_id


def test_no_symptom_question_asks_the_runner_to_do_a_test_now() -> None:
    instructions = ("press ", "try ", "hop ", "stand ", "lift your", "bend your knee now")
    knowledge = load_knowledge()
    for question_id in (*knowledge.features, *knowledge.red_flags):
        text = knowledge.question_text(question_id).lower()
        assert not text.startswith(instructions), question_id
        assert "press it" not in text and "when you press" not in text, question_id


def test_every_question_has_a_plainer_rephrasing_that_differs_from_it() -> None:
    knowledge = load_knowledge()
    for question_id in (*knowledge.features, *knowledge.red_flags):
        plain = knowledge.plain_text(question_id)
        assert plain.endswith("?") and plain != knowledge.question_text(question_id)
        assert words(plain) <= ONE_BREATH_WORDS, question_id


def test_terms_and_regions_named_anywhere_are_defined_and_every_region_is_used() -> None:
    knowledge = load_knowledge()
    used = {r for term in knowledge.terms.values() for r in term.regions}
    used |= {r for f in knowledge.features.values() for r in f.regions}
    used |= {r for c in knowledge.causes.values() for r in c.regions}
    assert used == set(knowledge.regions)
    for question_id in (*knowledge.features, *knowledge.red_flags):
        assert set(knowledge.question_terms(question_id)) <= set(knowledge.terms)
    for term in knowledge.terms.values():
        assert term.words and words(term.explanation) <= ONE_BREATH_WORDS, term.id


def test_the_sitting_bone_and_the_pelvic_dimple_are_explained_where_they_are_asked() -> None:
    knowledge = load_knowledge()
    assert "sitting_bone" in knowledge.features["sit_bone"].terms
    assert "pelvic_dimple" in knowledge.features["pelvic_dimple"].terms
    assert "sitting bone" in knowledge.terms["sitting_bone"].words


def test_a_term_naming_an_unknown_region_is_refused() -> None:
    broken = SHIPPED.replace('regions = ["sitting_bone"]\n', 'regions = ["elbow"]\n', 1)
    with pytest.raises(KnowledgeError, match="unknown ids"):
        parse_knowledge(broken)


def test_cause_names_hold_no_comma_and_every_cause_has_synonyms() -> None:
    for condition in load_knowledge().causes.values():
        assert "," not in condition.name, condition.id
        assert condition.synonyms, condition.id
