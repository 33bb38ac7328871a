"""Answers are evidence, not verdicts: slips, "sometimes", the confirmation rule, and honest
endings."""

from __future__ import annotations

import math

import pytest

from skill.triage import Answer, Interview, Outcome, Question
from skill.triage.inference import binary_entropy, normalised
from testkit.vignettes import Replay, slip_replays
from tests.triage.spec import CAUSES, CONDITIONS, ENGINE, FEATURES, load_vignettes, play

YES, NO, SOMETIMES, UNSURE = Answer.YES, Answer.NO, Answer.SOMETIMES, Answer.UNSURE
SETTINGS = ENGINE.knowledge.settings
VIGNETTES = load_vignettes()
# What the engine holds its vignettes to: one slipped answer (other than a denied defining
# sign) still leaves the right condition named first or second in this share of replays.
SLIP_TARGET = 0.87


def belief(answers: list[tuple[str, Answer]]) -> tuple[float, ...]:
    """The share of each hypothesis after these symptom answers."""
    return normalised(ENGINE._weights(answers))


def after_a_clear_screen() -> Interview:
    interview = Interview()
    while isinstance(step := ENGINE.next_step(interview), Question) and step.is_safety_screen:
        interview = interview.with_answer(step.id, NO)
    return interview


def finish(interview: Interview, profile: dict[str, Answer], default: Answer = NO) -> Outcome:
    while isinstance(step := ENGINE.next_step(interview), Question):
        interview = interview.with_answer(step.id, profile.get(step.id, default))
    return step


def share(answers: list[tuple[str, Answer]], condition: str) -> float:
    return belief(answers)[(*CAUSES, "none_of_these").index(condition)]


def test_the_slip_rate_and_the_sometimes_weight_are_documented_in_the_knowledge() -> None:
    assert 0 < SETTINGS.slip_rate < 0.5
    assert 0.5 < SETTINGS.sometimes_weight < 1


@pytest.mark.parametrize("feature", FEATURES)
def test_no_single_answer_rules_a_condition_in_or_out(feature: str) -> None:
    for reply in (YES, NO, SOMETIMES):
        before, after = belief([]), belief([(feature, reply)])
        for prior, posterior in zip(before, after, strict=True):
            # At most the odds of a clean answer against a slipped one, either way.
            limit = (1 - SETTINGS.slip_rate) / SETTINGS.slip_rate
            odds = (posterior / (1 - posterior)) / (prior / (1 - prior))
            assert 1 / limit <= odds <= limit, (feature, reply)


def test_sometimes_weighs_as_a_weaker_yes_and_never_as_not_sure() -> None:
    for feature, condition in [
        ("past_knee", "sciatica"),
        ("outer_hip", "hip_bursitis"),
        ("deep_buttock_spot", "piriformis_syndrome"),
    ]:
        yes = share([(feature, YES)], condition)
        sometimes = share([(feature, SOMETIMES)], condition)
        unsure = share([(feature, UNSURE)], condition)
        no = share([(feature, NO)], condition)
        assert no < unsure < sometimes < yes, feature


def test_a_sometimes_question_is_not_asked_again_and_counts_as_asked() -> None:
    interview = after_a_clear_screen()
    first = ENGINE.next_step(interview)
    assert isinstance(first, Question)
    second = ENGINE.next_step(interview.with_answer(first.id, SOMETIMES))
    assert isinstance(second, Question)
    assert second.id != first.id and second.asked_before == 1


def test_no_single_slipped_answer_makes_another_of_the_seven_the_clear_lead_of_one_named() -> None:
    # The confirmation rule, checked on every vignette outcome that names one of the seven
    # alone: had any one answer slipped, no other of the seven that may be named would lead
    # clearly (one that would is named as the runner-up).
    hypotheses = (*CAUSES, "none_of_these")
    for vignette in VIGNETTES:
        outcome, asked = play(vignette)
        named = outcome.conditions
        if len(named) != 1 or named[0] not in CONDITIONS:
            continue
        answers = [(q, vignette.reply(q)) for q in asked if q in FEATURES]
        denied = {hypotheses[h] for h in ENGINE._unnamable(answers)}
        for position, (question_id, reply) in enumerate(answers):
            if reply not in (YES, NO):
                continue
            slipped = list(answers)
            slipped[position] = (question_id, NO if reply is YES else YES)
            shares = belief(slipped)
            best = hypotheses[shares.index(max(shares))]
            clear = max(shares) >= SETTINGS.minimum_share and best in CONDITIONS
            clear = clear and best not in denied
            assert best == named[0] or not clear, (vignette.name, question_id)


def test_when_one_slipped_answer_would_change_the_lead_the_runner_up_is_named() -> None:
    # Pain past the knee with tingling, but a deep buttock spot and no back pain: the disc
    # and the piriformis stay one answer apart, so both are named.
    profile = {"past_knee": YES, "numbness_tingling": YES, "deep_buttock_spot": YES}
    outcome = finish(after_a_clear_screen(), profile)
    assert set(outcome.conditions) == {"sciatica", "piriformis_syndrome"}


def test_a_runner_who_says_no_to_everything_hears_that_nothing_fits() -> None:
    outcome = finish(after_a_clear_screen(), {})
    assert outcome.triage == "unclear" and not outcome.uncertain
    assert outcome.advice == SETTINGS.unclear_advice


def test_a_few_not_sure_answers_among_clear_ones_still_name_the_condition() -> None:
    profile = {"outer_hip": YES, "lying_on_side": UNSURE, "stairs_car_bed": YES}
    outcome = finish(after_a_clear_screen(), profile)
    assert outcome.conditions[0] == "hip_bursitis" and not outcome.uncertain


def test_mostly_not_sure_with_serious_signs_is_soon_and_uncertain() -> None:
    interview = Interview()
    while isinstance(step := ENGINE.next_step(interview), Question) and step.is_safety_screen:
        interview = interview.with_answer(step.id, YES if step.id == "red_flag_serious" else NO)
    outcome = finish(interview, {}, default=UNSURE)
    assert outcome.triage == "soon" and outcome.uncertain and outcome.conditions == ()
    assert outcome.safety_advice and outcome.advice == SETTINGS.uncertain_advice


def test_sometimes_answers_are_given_as_reasons_in_sometimes_words() -> None:
    profile = {"outer_hip": SOMETIMES, "lying_on_side": YES, "stairs_car_bed": SOMETIMES}
    outcome = finish(after_a_clear_screen(), profile)
    assert outcome.conditions[0] == "hip_bursitis"
    for reason in outcome.reasons:
        feature = ENGINE.knowledge.features[reason.feature_id]
        words = {
            YES: feature.yes_reason,
            NO: feature.no_reason,
            SOMETIMES: feature.sometimes_reason,
        }
        assert reason.text == words[reason.answer]
    sometimes = [r for r in outcome.reasons if r.answer is SOMETIMES]
    assert sometimes and all("sometimes" in r.text for r in sometimes)
    assert not any("sharp" in r.text for r in sometimes)


def test_every_sometimes_reason_says_sometimes_and_nothing_sharper_than_the_question() -> None:
    for feature in ENGINE.knowledge.features.values():
        assert "sometimes" in feature.sometimes_reason, feature.id
        assert "sharply" not in feature.sometimes_reason, feature.id


def test_one_slipped_answer_mostly_leaves_the_right_condition_named() -> None:
    replays = [r for r in slip_replays(ENGINE, VIGNETTES) if not denies_its_sign(r)]
    assert len(replays) >= 150
    named = sum(replay.named for replay in replays) / len(replays)
    assert named >= SLIP_TARGET, [(r.vignette.name, r.flipped) for r in replays if not r.named]


def test_a_slip_that_denies_the_defining_sign_leaves_that_condition_unnamed() -> None:
    # The rule wins over the slip: a runner who said no to pain past the knee is not told
    # sciatica, however the rest fits.
    replays = [r for r in slip_replays(ENGINE, VIGNETTES) if denies_its_sign(r)]
    assert replays
    assert not any(replay.named for replay in replays)


def denies_its_sign(replay: Replay) -> bool:
    assert replay.vignette.condition is not None
    return replay.flipped in ENGINE.knowledge.causes[replay.vignette.condition].defining


def _symptom_answers_along_the_vignettes() -> list[list[tuple[str, Answer]]]:
    """Every run of symptom answers that some vignette runner gives on the way to its outcome."""
    runs: list[list[tuple[str, Answer]]] = []
    for vignette in VIGNETTES:
        _, asked = play(vignette)
        answers = [(q, vignette.reply(q)) for q in asked if q in FEATURES]
        runs += [answers[:end] for end in range(len(answers) + 1)]
    return runs


def test_the_information_gain_is_the_textbook_one_over_the_kept_causes_and_something_else() -> None:
    # The engine works on unnormalised weights; this is the definition on the normalised belief:
    # H(answer) minus the expected noise of the answer given the cause, where the causes below
    # `focus` of the lead count as one whose chance of a yes is their mixture.
    for answers in _symptom_answers_along_the_vignettes():
        shares = belief(answers)
        kept = [h for h, s in enumerate(shares) if s >= SETTINGS.focus * max(shares)]
        rest = 1.0 - sum(shares[h] for h in kept)
        asked = {q for q, _ in answers}
        for feature_id in (f for f in FEATURES if f not in asked):
            evidence = ENGINE._evidence[feature_id]
            p_yes = sum(s * y for s, y in zip(shares, evidence.yes, strict=True))
            noise = sum(shares[h] * evidence.noise[h] for h in kept)
            if rest > 1e-12:
                kept_yes = sum(shares[h] * evidence.yes[h] for h in kept)
                noise += rest * binary_entropy((p_yes - kept_yes) / rest)
            _, gain = ENGINE._most_informative(ENGINE._weights(answers), [feature_id])
            assert gain == pytest.approx(binary_entropy(p_yes) - noise, abs=1e-9)


def test_reasons_are_the_answers_whose_chance_for_the_lead_most_exceeds_the_others_mean() -> None:
    hypotheses = (*CAUSES, "none_of_these")
    for vignette in VIGNETTES:
        outcome, asked = play(vignette)
        if not outcome.conditions:
            continue
        lead = hypotheses.index(outcome.conditions[0])
        answers = [(q, vignette.reply(q)) for q in asked if q in FEATURES]
        weighed = []
        for position, (feature_id, reply) in enumerate(answers):
            chances = ENGINE._evidence[feature_id].chances(reply)
            if chances is None:
                continue
            others = (sum(chances) - chances[lead] - chances[-1]) / (len(CAUSES) - 1)
            if math.log(chances[lead] / others) > 0:
                weighed.append((-math.log(chances[lead] / others), position, feature_id))
        expected = [feature_id for _, _, feature_id in sorted(weighed)[:2]]
        assert [r.feature_id for r in outcome.reasons] == expected, vignette.name
