"""The skill listens: warning signs and facts said unasked, corrections, what runners ask
after the result, and filler said no more than it must be."""

from __future__ import annotations

import pytest

from skill.interaction_model.told import CHECKED_FACTS
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Answer, Interview, Outcome, Question
from skill.understanding import ER_SUCCESS_MATCH, Resolution, SlotMatch
from skill.voice import intents
from skill.voice.dialogue import MAX_TURN_WORDS, Conversation, Dialogue, Heard
from skill.voice.session import attributes_for, conversation_from
from testkit.talk import Talk
from testkit.vignettes import load_vignettes

DIALOGUE = Dialogue()
KNOWLEDGE = load_knowledge()
SPEECH = load_speech()


def past_the_screen() -> Conversation:
    conversation = DIALOGUE.launch().conversation
    while isinstance(step := conversation.step, Question) and step.is_safety_screen:
        conversation = DIALOGUE.answer(conversation, Answer.NO).conversation
    return conversation


def at_the_question(question_id: str) -> Conversation:
    """The conversation of a runner who answered no to every question before `question_id`."""
    conversation = DIALOGUE.launch().conversation
    while isinstance(step := conversation.step, Question) and step.id != question_id:
        conversation = DIALOGUE.answer(conversation, Answer.NO).conversation
    return conversation


def finished(yes: frozenset[str] = frozenset()) -> Conversation:
    conversation = past_the_screen()
    while isinstance(step := conversation.step, Question):
        answer = Answer.YES if step.id in yes else Answer.NO
        conversation = DIALOGUE.answer(conversation, answer).conversation
    return conversation


HIP_BURSITIS = frozenset({"outer_hip", "lying_on_side", "stairs_car_bed"})


def test_a_fever_said_at_the_first_safety_question_gives_the_urgent_advice_at_once() -> None:
    turn = DIALOGUE.warning_sign(DIALOGUE.launch().conversation, "red_flag_trauma_fever")
    step = turn.conversation.step
    assert isinstance(step, Outcome) and step.triage == "urgent"
    assert turn.said.speech[0] == SPEECH.localised(step.advice, "en-US")
    assert not turn.said.end_session and turn.said.reprompt


def test_a_warning_sign_said_in_passing_mid_interview_wins_over_the_interview() -> None:
    turn = DIALOGUE.warning_sign(past_the_screen(), "red_flag_saddle")
    step = turn.conversation.step
    assert isinstance(step, Outcome) and step.triage == "emergency"


def test_a_warning_sign_said_after_the_result_changes_it() -> None:
    turn = DIALOGUE.warning_sign(finished(HIP_BURSITIS), "red_flag_weight_bearing")
    step = turn.conversation.step
    assert isinstance(step, Outcome) and step.triage == "urgent"


def test_a_cancer_history_said_unasked_is_noted_and_the_interview_goes_on() -> None:
    turn = DIALOGUE.warning_sign(past_the_screen(), "red_flag_serious")
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_soon")
    assert isinstance(turn.conversation.step, Question)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("red_flag_serious") is Answer.YES


def test_a_one_shot_warning_sign_starts_an_interview_holding_it() -> None:
    turn = DIALOGUE.warning_sign(Conversation(), "red_flag_saddle")
    step = turn.conversation.step
    assert isinstance(step, Outcome) and step.triage == "emergency"


def test_where_it_hurts_said_unasked_is_recorded_and_said_back_in_the_questions_words() -> None:
    turn = DIALOGUE.fact(past_the_screen(), "past_knee")
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("past_knee") is Answer.YES
    reason = KNOWLEDGE.features["past_knee"].yes_reason
    assert turn.said.speech[0] == f"Got it: {reason}."
    assert isinstance(turn.conversation.step, Question)
    assert turn.conversation.step.id != "past_knee"  # never asked again


def test_both_sides_with_tingling_checks_the_both_legs_warning_sign_once() -> None:
    conversation = past_the_screen()
    assert conversation.interview is not None
    tingling = conversation.with_interview(
        conversation.interview.with_answer("numbness_tingling", Answer.YES)
    )
    checking = DIALOGUE.fact(tingling, "both_sides").conversation
    assert checking.waiting == "red_flag_neuro"
    assert attributes_for(checking)["question"] == "red_flag_neuro"
    step = DIALOGUE.answer(checking, Answer.YES).conversation.step
    assert isinstance(step, Outcome) and step.triage == "emergency"
    carried_on = DIALOGUE.answer(checking, Answer.NO).conversation
    assert carried_on.waiting != "red_flag_neuro" and carried_on.confirming is None


def test_both_legs_is_checked_with_the_both_legs_warning_sign_and_answers_it_when_asked() -> None:
    first = DIALOGUE.launch().conversation  # the first safety question names both legs
    checking = DIALOGUE.fact(first, "both_legs")
    assert checking.said.speech[0] == SPEECH.say("volunteer.both_legs_check")
    assert checking.conversation.waiting == "red_flag_neuro"
    assert checking.conversation.interview == first.interview  # nothing recorded yet
    # Said to that very question, "both legs" is its yes.
    step = DIALOGUE.fact(checking.conversation, "both_legs").conversation.step
    assert isinstance(step, Outcome) and step.triage == "emergency"
    # Mid-interview, with no nerve symptoms told, it is checked all the same.
    conversation = past_the_screen()
    assert DIALOGUE.fact(conversation, "both_legs").conversation.waiting == "red_flag_neuro"


def test_a_weak_leg_said_unasked_checks_the_warning_sign_of_weakness_getting_worse() -> None:
    conversation = past_the_screen()
    checking = DIALOGUE.fact(conversation, "weak_leg")
    assert checking.said.speech[0] == SPEECH.say("volunteer.weak_leg_check")
    assert checking.conversation.waiting == "red_flag_neuro"
    assert checking.conversation.interview == conversation.interview  # nothing recorded yet
    step = DIALOGUE.answer(checking.conversation, Answer.YES).conversation.step
    assert isinstance(step, Outcome) and step.triage == "emergency"
    carried_on = DIALOGUE.answer(checking.conversation, Answer.NO).conversation
    assert carried_on.interview is not None
    assert carried_on.interview.answered("red_flag_neuro") is Answer.NO
    assert carried_on.waiting == conversation.waiting
    # Checked once: said again, it is acknowledged with the safety net.
    again = DIALOGUE.fact(carried_on, "weak_leg")
    assert again.said.speech[0] == SPEECH.say("volunteer.weak_leg")
    assert again.conversation.interview == carried_on.interview


def test_pain_at_night_said_unasked_is_checked_with_the_night_pain_warning_sign_once() -> None:
    fresh = Conversation(Interview())
    checking = DIALOGUE.fact(fresh, "night_pain")
    assert checking.said.speech[0] == SPEECH.say("volunteer.night_pain_check")
    assert checking.conversation.waiting == "red_flag_serious"
    flagged = DIALOGUE.answer(checking.conversation, Answer.YES).conversation
    assert flagged.interview is not None
    assert flagged.interview.answered("red_flag_serious") is Answer.YES
    # Past the screen, where that sign was answered, it is acknowledged with the safety net.
    conversation = past_the_screen()
    turn = DIALOGUE.fact(conversation, "night_pain")
    assert turn.said.speech[0] == SPEECH.say("volunteer.night_pain")
    assert turn.conversation.interview == conversation.interview


def test_hold_on_records_nothing_and_the_question_waits() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.hold_on(conversation)
    assert turn.conversation.interview == conversation.interview
    assert isinstance(step := conversation.step, Question)
    assert turn.said.speech == (SPEECH.say("volunteer.hold_on"), step.text)


def test_both_sides_without_nerve_symptoms_is_acknowledged_and_not_recorded() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.fact(conversation, "both_sides")
    assert turn.said.speech[0] == SPEECH.say("volunteer.both_sides")
    assert turn.conversation.interview == conversation.interview


def test_how_long_it_has_hurt_is_acknowledged_and_not_recorded() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.duration(conversation)
    assert turn.conversation.interview == conversation.interview
    assert isinstance(step := conversation.step, Question) and turn.said.speech[-1] == step.text


def test_a_correction_changes_the_last_answer_and_never_answers_the_next_question() -> None:
    conversation = DIALOGUE.answer(past_the_screen(), Answer.NO).conversation
    assert conversation.interview is not None
    last, _ = conversation.interview.answers[-1]
    waiting = conversation.step
    turn = DIALOGUE.correct(conversation, Answer.YES)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answers[-1] == (last, Answer.YES)
    assert len(turn.conversation.interview.answers) == len(conversation.interview.answers)
    # Said in the question's own words, so the runner hears which answer changed.
    yes_reason = KNOWLEDGE.features[last].yes_reason
    assert turn.said.speech[0] == SPEECH.say("volunteer.fact", fact=yes_reason)
    assert isinstance(waiting, Question) and waiting.id not in dict(
        turn.conversation.interview.answers
    )


def test_a_correction_after_the_result_says_whether_the_result_changed() -> None:
    result = finished(HIP_BURSITIS)
    assert result.interview is not None
    last = result.interview.answers[-1][1]
    flipped = Answer.NO if last is Answer.YES else Answer.YES
    turn = DIALOGUE.correct(result, flipped)
    feature = KNOWLEDGE.features[result.interview.answers[-1][0]]
    reason = feature.yes_reason if flipped is Answer.YES else feature.no_reason
    assert turn.said.speech[0] == SPEECH.say("volunteer.fact", fact=reason)
    now, was = turn.conversation.step, result.step
    assert isinstance(was, Outcome)
    if isinstance(now, Question):
        assert turn.said.speech[1] == SPEECH.say("volunteer.more_questions")
    elif (now.triage, now.conditions) == (was.triage, was.conditions):
        assert turn.said.speech[1] == SPEECH.say("volunteer.same_result")
    else:
        assert turn.said.card is not None  # the new result, said in full
    unchanged = DIALOGUE.correct(finished(), Answer.UNSURE)
    assert unchanged.said.speech[1] == SPEECH.say("volunteer.same_result")
    assert isinstance(unchanged.conversation.step, Outcome)


def test_start_over_keeps_this_sessions_safety_answers() -> None:
    conversation = DIALOGUE.answer(past_the_screen(), Answer.YES).conversation
    turn = DIALOGUE.start_over(conversation)
    assert turn.conversation.interview is not None
    assert all(q.startswith("red_flag") for q, _ in turn.conversation.interview.answers)
    assert turn.conversation.interview.answers
    assert isinstance(step := turn.conversation.step, Question) and not step.is_safety_screen


def test_after_the_result_each_question_gets_the_answer_held_for_the_cause() -> None:
    result = finished(HIP_BURSITIS)
    step = result.step
    assert isinstance(step, Outcome) and step.conditions[0] == "hip_bursitis"
    for topic, answer in KNOWLEDGE.after_result["hip_bursitis"].items():
        said = DIALOGUE.after_result(result, topic).said.speech
        assert SPEECH.localised(answer, "en-US") in said


def test_how_sure_is_said_in_words_never_as_a_number() -> None:
    said = DIALOGUE.how_sure(finished(HIP_BURSITIS)).said.speech[0]
    kinds = ("clear", "fair", "weak")
    openings = [SPEECH.say(f"sure.{kind}", name="", other="")[:9] for kind in kinds]
    assert said.startswith((*openings, "It's close:")) and not any(ch.isdigit() for ch in said)


def test_the_offer_to_hear_more_is_made_once_then_short_prompts_take_turns() -> None:
    conversation = finished(HIP_BURSITIS)
    endings = []
    for _ in range(6):
        turn = DIALOGUE.why(conversation)
        endings.append(turn.said.speech[-1])
        conversation = turn.conversation
    assert SPEECH.say("offer.after_outcome") not in endings
    assert len(set(endings)) == len(endings)


def test_help_says_what_to_say_at_this_point() -> None:
    screen = DIALOGUE.help(DIALOGUE.launch().conversation).said.speech[0]
    interview = DIALOGUE.help(past_the_screen()).said.speech[0]
    result = DIALOGUE.help(finished(HIP_BURSITIS)).said.speech[0]
    assert len({screen, interview, result}) == 3


def test_small_talk_gets_a_kind_word_and_leaves_the_misunderstanding_count_alone() -> None:
    conversation = past_the_screen()._replace(misunderstood=1)
    turn = DIALOGUE.small_talk(conversation)
    assert turn.said.speech[0] == SPEECH.say("volunteer.small_talk")
    assert turn.conversation.misunderstood == 1
    unknown = DIALOGUE.term(conversation, None)
    assert unknown.conversation.misunderstood == 2


def test_thanks_ends_politely_after_the_result_and_not_mid_question() -> None:
    assert DIALOGUE.thanks(finished(HIP_BURSITIS)).said.end_session
    mid = DIALOGUE.thanks(past_the_screen())
    assert not mid.said.end_session and mid.said.speech[0] == SPEECH.say("thanks.welcome")


def test_what_was_heard_is_kept_in_the_session_compactly_and_only_when_well_formed() -> None:
    conversation = past_the_screen()._replace(heard=Heard(disclaimers=2, prompts=3))
    attributes = attributes_for(conversation)
    assert attributes["heard"] == "2,0,0,3,0,0"
    assert conversation_from(attributes).heard == conversation.heard
    for tampered in ("2,0", "x,0,0,0,0,0", "999,0,0,0,0,0", "\u00b2,0,0,0,0,0", 7):
        assert conversation_from({**attributes, "heard": tampered}).heard == Heard()


def test_a_tampered_confirmation_is_dropped() -> None:
    # Kept only when it is a question the runner has not answered: a specific warning sign or
    # a symptom question (asking either is what the skill would do anyway).
    attributes = attributes_for(past_the_screen())
    for confirm in ("red_flag_serious", "red_flag_any", "red_flag_any_2", "nonsense", 3):
        assert conversation_from({**attributes, "confirm": confirm}).confirming is None
    assert conversation_from({**attributes, "confirm": "past_knee"}).confirming == "past_knee"
    fresh = {**attributes_for(Conversation(Interview())), "confirm": "red_flag_saddle"}
    assert conversation_from(fresh).confirming == "red_flag_saddle"


def test_pain_deep_in_the_buttock_is_checked_with_the_tender_spot_question_not_recorded() -> None:
    # Saying where it hurts is not saying that pressing a spot brings it on.
    conversation = past_the_screen()
    checking = DIALOGUE.fact(conversation, "deep_buttock")
    assert checking.said.speech[0] == SPEECH.say("volunteer.deep_buttock_check")
    assert checking.conversation.waiting == "deep_buttock_spot"
    assert checking.conversation.interview == conversation.interview
    assert attributes_for(checking.conversation)["question"] == "deep_buttock_spot"
    answered = DIALOGUE.answer(checking.conversation, Answer.NO).conversation
    assert answered.interview is not None
    assert answered.interview.answered("deep_buttock_spot") is Answer.NO
    assert answered.confirming is None
    again = DIALOGUE.fact(answered, "deep_buttock")
    assert again.said.speech[0] == SPEECH.say("volunteer.deep_buttock")
    assert again.conversation.interview == answered.interview


def test_an_emergency_keeps_the_session_open_to_hear_the_number_again() -> None:
    talk = Talk()
    talk.launch()
    talk.intent(intents.YES)
    talk.intent(intents.YES)  # saddle numbness
    assert not talk.ended
    assert "911" in talk.say(intents.REPEAT)


def test_a_suspected_cause_is_noted_but_not_weighed_before_the_result() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.suspect(conversation, "piriformis_syndrome")
    name = KNOWLEDGE.causes["piriformis_syndrome"].name
    assert turn.said.speech[0] == SPEECH.say("suspect.noted", name=name)
    assert turn.conversation.interview == conversation.interview
    assert turn.conversation.waiting == conversation.waiting


def test_after_the_result_a_suspected_cause_is_compared_with_what_the_answers_fit() -> None:
    conversation = finished(HIP_BURSITIS)
    step = conversation.step
    assert isinstance(step, Outcome) and step.conditions[0] == "hip_bursitis"
    lead = KNOWLEDGE.causes["hip_bursitis"].name
    said = DIALOGUE.suspect(conversation, "hip_bursitis").said.speech[0]
    assert said.startswith("Yes: ") and lead in said
    said = DIALOGUE.suspect(conversation, "sciatica").said.speech[0]
    assert said.startswith("Sciatica") and f"fits your answers less well than {lead}" in said
    # The answer that tells most against it, one of the runner's own, in its question's words.
    assert conversation.interview is not None
    own = [
        KNOWLEDGE.features[q].yes_reason if a is Answer.YES else KNOWLEDGE.features[q].no_reason
        for q, a in conversation.interview.answers
        if q in KNOWLEDGE.features and a in (Answer.YES, Answer.NO)
    ]
    assert any(said.endswith(f"mostly because {reason}.") for reason in own)
    if len(step.conditions) > 1:
        runner_up = DIALOGUE.suspect(conversation, step.conditions[1]).said.speech[0]
        assert "close behind" in runner_up
    unclear = finished()
    assert isinstance(unclear.step, Outcome) and not unclear.step.conditions
    said = DIALOGUE.suspect(unclear, "sciatica").said.speech[0]
    assert said.startswith("Your answers don't fit")


def test_an_unknown_suspected_cause_is_never_answered_with_the_lead() -> None:
    conversation = finished(HIP_BURSITIS)
    turn = DIALOGUE.suspect(conversation, None, "tennis elbow")
    assert KNOWLEDGE.causes["hip_bursitis"].description not in " ".join(turn.said.speech)
    assert turn.said.speech[0] == SPEECH.say("explain.unknown")


def test_you_already_asked_that_gets_the_question_plainly_and_records_nothing() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.already_asked(conversation)
    assert isinstance(step := conversation.step, Question)
    assert turn.said.speech == (SPEECH.say("ask.not_again"), step.plain)
    assert turn.conversation.interview == conversation.interview


def test_doubting_the_result_keeps_the_session_and_says_how_to_change_an_answer() -> None:
    conversation = finished(HIP_BURSITIS)
    turn = DIALOGUE.disagree(conversation)
    assert turn.said.speech[0] == SPEECH.say("result.disagree")
    assert not turn.said.end_session
    assert turn.conversation.interview == conversation.interview


def test_pain_down_the_leg_is_checked_with_how_far_it_goes_not_recorded_as_past_the_knee() -> None:
    conversation = past_the_screen()
    checking = DIALOGUE.fact(conversation, "down_leg")
    assert checking.conversation.waiting == "past_knee"
    assert checking.conversation.interview == conversation.interview
    answered = DIALOGUE.answer(checking.conversation, Answer.NO).conversation
    assert answered.interview is not None
    assert answered.interview.answered("past_knee") is Answer.NO


def test_every_checked_fact_is_checked_with_a_question_the_knowledge_has() -> None:
    for fact, question in CHECKED_FACTS.items():
        assert question in KNOWLEDGE.features or question in KNOWLEDGE.red_flags, fact
        assert SPEECH.say(f"volunteer.{fact}_check") and SPEECH.say(f"volunteer.{fact}")


def test_a_pain_that_stops_above_the_knee_is_a_no_to_the_past_the_knee_question() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.stops_above_knee(conversation)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("past_knee") is Answer.NO
    assert turn.said.speech[0] == f"Got it: {KNOWLEDGE.features['past_knee'].no_reason}."


def test_a_correction_that_would_raise_a_warning_sign_asks_its_question_again() -> None:
    # "No sorry, I meant yes" may answer the question now asked: the sign is raised only by a
    # yes to its own question, and then the runner hears what it changes.
    conversation = at_the_question("red_flag_serious")
    conversation = DIALOGUE.answer(conversation, Answer.NO).conversation
    turn = DIALOGUE.correct(conversation, Answer.YES)
    flag_question = KNOWLEDGE.question_text("red_flag_serious")
    assert turn.said.speech == (SPEECH.say("correction.sign_check"), flag_question)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("red_flag_serious") is None
    restored = conversation_from(attributes_for(turn.conversation))
    confirmed = DIALOGUE.answer(restored, Answer.YES)
    assert confirmed.conversation.interview is not None
    assert confirmed.conversation.interview.answered("red_flag_serious") is Answer.YES
    assert confirmed.said.speech[0] == SPEECH.say("volunteer.sign_soon")
    assert isinstance(confirmed.conversation.step, Question)
    denied = DIALOGUE.answer(restored, Answer.NO)
    assert denied.conversation.interview is not None
    assert denied.conversation.interview.answered("red_flag_serious") is Answer.NO
    assert SPEECH.say("volunteer.sign_soon") not in denied.said.speech


def test_a_stairs_or_car_told_to_the_stairs_question_is_its_answer() -> None:
    conversation = past_the_screen()
    interview = conversation.interview
    assert interview is not None
    at_stairs = conversation._replace(confirming="stairs_car_bed")
    turn = DIALOGUE.fact(at_stairs, "stairs_or_car")
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("stairs_car_bed") is Answer.YES


def test_a_place_checked_by_the_question_an_answer_moves_on_to_is_checked_not_reworded() -> None:
    # "No, it's more the middle of my butt and it goes down my leg" to the sitting-bone
    # question: the no moves on to the knee question, which is put with its check, never as
    # "let me put it another way" for a question not heard yet.
    conversation = past_the_screen()
    step = conversation.step
    assert isinstance(step, Question)
    turn = DIALOGUE.answer_with_fact(conversation, "down_leg", Answer.NO)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered(step.id) is Answer.NO
    assert turn.conversation.waiting == CHECKED_FACTS["down_leg"]
    assert turn.said.speech[0] == SPEECH.say("volunteer.down_leg_check")


def test_a_word_the_knowledge_explains_asked_about_as_a_cause_is_explained() -> None:
    turn = DIALOGUE.compare(past_the_screen(), ("", "the hamstring"), (None, None))
    assert turn.said.speech[0] == KNOWLEDGE.terms["hamstring"].explanation


def test_describing_the_pain_after_the_result_hears_the_result_again() -> None:
    result = finished(HIP_BURSITIS)
    turn = DIALOGUE.start(result)
    assert turn.conversation.step == result.step
    assert turn.said.speech == DIALOGUE.result(result).said.speech


def test_a_question_about_surgery_gets_no_promise_and_the_question_again() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.treatment(conversation)
    assert turn.said.speech[0] == SPEECH.say("topic.treatment")
    assert isinstance(step := conversation.step, Question) and turn.said.speech[-1] == step.text
    assert turn.conversation.interview == conversation.interview


def test_asking_whether_to_call_an_ambulance_after_a_warning_sign_hears_the_advice_itself() -> None:
    emergency = DIALOGUE.warning_sign(past_the_screen(), "red_flag_saddle").conversation
    step = emergency.step
    assert isinstance(step, Outcome) and step.triage == "emergency"
    turn = DIALOGUE.after_result(emergency, "when_to_worry")
    assert turn.said.speech[0] == SPEECH.localised(step.advice, "en-US")
    assert not turn.said.end_session and turn.said.reprompt


def test_how_long_means_the_interview_before_a_result_and_the_healing_after_it() -> None:
    asking = past_the_screen()
    assert DIALOGUE.how_long(asking).said.speech == DIALOGUE.questions_left(asking).said.speech
    healing = DIALOGUE.after_result(asking, "how_long")
    assert healing.said.speech[0] == SPEECH.say("topic.not_yet")
    result = finished(HIP_BURSITIS)
    answer = KNOWLEDGE.after_result["hip_bursitis"]["how_long"]
    assert DIALOGUE.how_long(result).said.speech[0] == SPEECH.localised(answer, "en-US")


def test_small_talk_after_the_result_does_not_speak_of_a_question() -> None:
    turn = DIALOGUE.small_talk(finished(HIP_BURSITIS))
    assert turn.said.speech[0] == SPEECH.say("volunteer.small_talk_no_question")
    assert "question" not in " ".join(turn.said.speech)


def test_a_cause_named_mid_interview_gets_its_own_answer_and_the_question_again() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.after_result(conversation, "how_long", "sciatica")
    about = SPEECH.say("topic.about_cause", name=KNOWLEDGE.causes["sciatica"].name)
    assert turn.said.speech[:2] == (
        about,
        SPEECH.localised(KNOWLEDGE.after_result["sciatica"]["how_long"], "en-US"),
    )
    assert isinstance(step := conversation.step, Question) and turn.said.speech[-1] == step.text
    assert turn.conversation.interview == conversation.interview


def test_a_cause_named_after_the_result_is_answered_as_that_cause_not_the_result() -> None:
    result = finished(HIP_BURSITIS)
    other = DIALOGUE.after_result(result, "keep_running", "sciatica")
    assert other.said.speech[0].startswith("For sciatica")
    same = DIALOGUE.after_result(result, "keep_running", "hip_bursitis")
    assert same.said.speech == DIALOGUE.after_result(result, "keep_running").said.speech


def test_naming_a_cause_never_talks_past_a_warning_signs_advice() -> None:
    emergency = DIALOGUE.warning_sign(past_the_screen(), "red_flag_saddle").conversation
    turn = DIALOGUE.after_result(emergency, "keep_running", "piriformis_syndrome")
    assert turn.said.speech[0] == SPEECH.say("red_flag_topic.keep_running")


def test_words_that_name_no_known_cause_get_the_question_as_asked() -> None:
    # "what helps, like stretches?": the words where a cause may be named are no cause.
    result = finished(HIP_BURSITIS)
    turn = DIALOGUE.after_result(result, "meanwhile", None)
    assert turn.said.speech[0] == SPEECH.localised(
        KNOWLEDGE.after_result["hip_bursitis"]["meanwhile"], "en-US"
    )


def test_a_cause_named_after_a_see_a_doctor_soon_sign_hears_that_first() -> None:
    serious = DIALOGUE.warning_sign(past_the_screen(), "red_flag_serious").conversation
    turn = DIALOGUE.after_result(serious, "scan", "sciatica")
    assert turn.said.speech[0] == SPEECH.say("topic.soon_first")
    assert turn.said.speech[1].startswith("For sciatica")


def test_a_see_a_doctor_soon_sign_said_after_the_result_changes_the_advice_once() -> None:
    turn = DIALOGUE.warning_sign(finished(HIP_BURSITIS), "red_flag_serious")
    step = turn.conversation.step
    assert isinstance(step, Outcome) and step.triage == "soon"
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_soon_after_result")
    assert SPEECH.say("volunteer.sign_soon") not in turn.said.speech


def test_asked_about_a_word_of_the_question_itself_it_is_put_another_way() -> None:
    conversation = past_the_screen()
    step = conversation.step
    assert isinstance(step, Question)
    word = step.text.split()[-2]  # a word the question says, which no term explains
    for turn in (
        DIALOGUE.term(conversation, None, word),
        DIALOGUE.explain(conversation, None, word),
    ):
        assert SPEECH.say("term.unknown") not in turn.said.speech
        assert turn.said.speech[-1] == step.plain
    unknown = DIALOGUE.term(conversation, None, "gluteal fold")
    assert unknown.said.speech[0] == SPEECH.say("term.unknown")


def test_goodbye_after_a_warning_signs_advice_wishes_no_running() -> None:
    emergency = DIALOGUE.warning_sign(past_the_screen(), "red_flag_saddle").conversation
    for turn in (DIALOGUE.stop(emergency), DIALOGUE.thanks(emergency)):
        assert turn.said.end_session
        assert "running" not in " ".join(turn.said.speech)
    assert "running" in " ".join(DIALOGUE.stop(finished(HIP_BURSITIS)).said.speech)


def test_yes_to_the_see_a_doctor_soon_question_is_acknowledged_at_once() -> None:
    conversation = at_the_question("red_flag_serious")
    turn = DIALOGUE.answer(conversation, Answer.YES)
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_soon")
    assert isinstance(turn.conversation.step, Question)
    taken_back = DIALOGUE.correct(turn.conversation, Answer.NO)
    assert SPEECH.say("volunteer.sign_soon") not in taken_back.said.speech


def _waiting_for(question_id: str, yes: frozenset[str] = frozenset()) -> Conversation:
    conversation = past_the_screen()
    while isinstance(step := conversation.step, Question) and step.id != question_id:
        answer = Answer.YES if step.id in yes else Answer.NO
        conversation = DIALOGUE.answer(conversation, answer).conversation
    assert isinstance(conversation.step, Question) and conversation.step.id == question_id
    return conversation


def test_a_fact_checked_by_the_waiting_question_itself_hears_it_put_plainly() -> None:
    # "It's deep in my buttock" to the tender-spot question says less than it asks.
    asked = _waiting_for("deep_buttock_spot", frozenset({"worse_sitting"}))
    turn = DIALOGUE.fact(asked, "deep_buttock")
    assert turn.conversation.interview == asked.interview
    assert turn.conversation.confirming is None
    step = asked.step
    assert isinstance(step, Question) and turn.said.speech[-1] == step.plain


def test_tingling_said_to_the_numbness_question_answers_it() -> None:
    asked = _waiting_for("numbness_tingling", frozenset({"past_knee"}))
    turn = DIALOGUE.fact(asked, "tingling")
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("numbness_tingling") is Answer.YES
    hedged = DIALOGUE.fact(asked, "tingling", Answer.SOMETIMES).conversation.interview
    assert hedged is not None and hedged.answered("numbness_tingling") is Answer.SOMETIMES


def test_weakness_in_the_foot_is_checked_for_getting_worse_at_once() -> None:
    sciatica = frozenset({"past_knee", "numbness_tingling"})
    asked = _waiting_for("leg_weakness", sciatica)
    turn = DIALOGUE.answer(asked, Answer.YES)
    assert turn.conversation.confirming == "red_flag_neuro"
    assert turn.said.speech[0] == SPEECH.say("volunteer.weak_leg_check")
    worse = DIALOGUE.answer(turn.conversation, Answer.YES).conversation.step
    assert isinstance(worse, Outcome) and worse.triage == "emergency"
    steady = DIALOGUE.answer(turn.conversation, Answer.NO).conversation
    assert steady.interview is not None
    assert steady.interview.answered("red_flag_neuro") is Answer.NO
    assert steady.interview.answered("leg_weakness") is Answer.YES


def test_a_fact_volunteered_with_a_hedge_is_recorded_and_said_as_sometimes() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.fact(conversation, "past_knee", Answer.SOMETIMES)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("past_knee") is Answer.SOMETIMES
    reason = KNOWLEDGE.features["past_knee"].sometimes_reason
    assert turn.said.speech[0] == SPEECH.say("volunteer.fact", fact=reason)


@pytest.mark.parametrize(
    ("answer", "fact_id"), [(Answer.NO, "tailbone"), (Answer.YES, "numbness_tingling")]
)
def test_an_answer_with_a_place_records_both(answer: Answer, fact_id: str) -> None:
    conversation = past_the_screen()
    step = conversation.step
    assert isinstance(step, Question)
    turn = DIALOGUE.answer_with_fact(conversation, fact_id, answer)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered(step.id) is answer
    assert turn.conversation.interview.answered(fact_id) is Answer.YES
    asked = turn.conversation.step
    assert not isinstance(asked, Question) or asked.id != step.id


def test_no_with_a_place_at_the_safety_screen_takes_only_the_place() -> None:
    launched = DIALOGUE.launch().conversation
    turn = DIALOGUE.answer_with_fact(launched, "tailbone", Answer.NO)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("red_flag_any") is None


PIRIFORMIS_OR_GLUTEUS_MEDIUS = frozenset({"numbness_tingling", "deep_buttock_spot"})


def set_apart(cause_id: str) -> str:
    cause = KNOWLEDGE.causes[cause_id]
    return f"{cause.name[:1].upper()}{cause.name[1:]}: {cause.sets_apart}"


def compared(first: str, second: str) -> str:
    return SPEECH.say("compare.two", first=set_apart(first), second=set_apart(second))


def test_two_causes_named_mid_interview_are_set_apart_and_the_question_waits() -> None:
    conversation = past_the_screen()
    turn = DIALOGUE.compare(
        conversation, ("sciatica", "sciatica"), ("ischial_bursitis", "runner's butt")
    )
    assert turn.said.speech[0] == compared("sciatica", "ischial_bursitis")
    assert turn.conversation.interview == conversation.interview
    assert isinstance(step := conversation.step, Question) and turn.said.speech[-1] == step.text


def test_what_is_the_difference_after_a_result_sets_the_lead_apart_from_the_runner_up() -> None:
    conversation = finished(PIRIFORMIS_OR_GLUTEUS_MEDIUS)
    step = conversation.step
    assert isinstance(step, Outcome) and len(step.conditions) == 2
    turn = DIALOGUE.compare(conversation, (None, None), (None, None))
    assert turn.said.speech[0] == compared(*step.conditions)
    # One cause named: set against the result's lead, or its runner-up when it is the lead.
    turn = DIALOGUE.compare(conversation, ("sciatica", "sciatica"), (None, None))
    assert turn.said.speech[0] == compared("sciatica", step.conditions[0])
    turn = DIALOGUE.compare(conversation, (None, None), (step.conditions[0], "piriformis"))
    assert turn.said.speech[0] == compared(*step.conditions)
    assert not turn.said.end_session and turn.said.reprompt


def test_with_nothing_to_compare_the_difference_question_says_what_it_needs() -> None:
    one_cause = finished(frozenset({"past_knee", "numbness_tingling", "low_back_pain"}))
    assert isinstance(step := one_cause.step, Outcome)
    assert step.conditions == ("sciatica",)
    said = DIALOGUE.compare(one_cause, (None, None), (None, None)).said.speech[0]
    assert said == SPEECH.say("compare.one_named", name=KNOWLEDGE.causes["sciatica"].name)
    mid_interview = past_the_screen()
    turn = DIALOGUE.compare(mid_interview, (None, None), (None, None))
    assert turn.said.speech[0] == SPEECH.say("compare.which")
    assert turn.conversation.interview == mid_interview.interview
    # The same cause twice, or one cause before any result: what it is.
    said = DIALOGUE.compare(mid_interview, ("sciatica", "sciatica"), ("sciatica", "slipped disc"))
    assert said.said.speech[0].startswith("Sciatica from a lumbar disc. ")


def test_an_unknown_cause_to_compare_is_not_known_and_a_warning_signs_advice_stands() -> None:
    conversation = finished(HIP_BURSITIS)
    turn = DIALOGUE.compare(conversation, ("sciatica", "sciatica"), (None, "tennis elbow"))
    assert turn.said.speech[0] == SPEECH.say("explain.unknown")
    emergency = DIALOGUE.warning_sign(past_the_screen(), "red_flag_saddle").conversation
    assert isinstance(step := emergency.step, Outcome) and step.triage == "emergency"
    turn = DIALOGUE.compare(
        emergency, ("sciatica", "sciatica"), ("piriformis_syndrome", "piriformis")
    )
    assert turn.said.speech[0] == SPEECH.localised(step.advice, "en-US")


def test_every_cause_set_apart_from_another_fits_one_turn() -> None:
    # The longest pair, with the longest question after it, stays within a turn's words.
    longest = sorted(KNOWLEDGE.causes, key=lambda cause: -len(set_apart(cause).split()))[:2]
    asked = (*KNOWLEDGE.red_flags, *KNOWLEDGE.features)
    question = max((KNOWLEDGE.question_text(q) for q in asked), key=lambda q: len(q.split()))
    assert len(f"{compared(*longest)} {question}".split()) <= MAX_TURN_WORDS


def test_a_result_after_a_told_place_still_says_who_to_see() -> None:
    # "Got it: ..." before the result used to take the words who to see needed.
    conversation = past_the_screen()
    while isinstance(step := conversation.step, Question) and step.id != "thigh_burning_patch":
        conversation = DIALOGUE.answer(conversation, Answer.NO).conversation
    turn = DIALOGUE.fact(conversation, "thigh_burning_patch")
    outcome = turn.conversation.step
    assert isinstance(outcome, Outcome) and outcome.conditions[0] == "meralgia_paresthetica"
    assert turn.said.speech[0].startswith("Got it: ")
    assert any(line.endswith("can help.") for line in turn.said.speech)


def test_yes_to_a_short_prompt_after_the_result_says_what_can_be_asked() -> None:
    conversation = finished(HIP_BURSITIS)
    more = DIALOGUE.answer(conversation, Answer.YES)  # yes to "want to hear more?"
    described = KNOWLEDGE.causes["hip_bursitis"].description
    assert described in " ".join(more.said.speech)
    again = DIALOGUE.answer(more.conversation, Answer.YES)  # yes to "anything else?"
    assert again.said.speech[0] == SPEECH.say("help.after_outcome")
    assert described not in " ".join(again.said.speech)
    # After a correction the result is offered anew, and a yes hears more of it.
    assert again.conversation.interview is not None
    last = again.conversation.interview.answers[-1][1]
    corrected = DIALOGUE.correct(
        again.conversation, Answer.UNSURE if last is Answer.NO else Answer.NO
    )
    while isinstance(corrected.conversation.step, Question):
        corrected = DIALOGUE.answer(corrected.conversation, Answer.NO)
    offers = (SPEECH.say("offer.after_outcome"), SPEECH.say("offer.after_unclear"))
    assert corrected.said.speech[-1] in offers
    heard = DIALOGUE.answer(corrected.conversation, Answer.YES).said.speech
    assert SPEECH.say("help.after_outcome") not in heard


def test_trouble_walking_said_to_the_question_after_a_pop_is_the_torn_tendon_sign() -> None:
    screened = past_the_screen()
    assert screened.interview is not None
    after_a_pop = screened.with_interview(screened.interview.with_answer("sudden_pull", Answer.YES))
    assert after_a_pop.waiting == "red_flag_avulsion"
    outcome = DIALOGUE.warning_sign(after_a_pop, "red_flag_weight_bearing").conversation.step
    assert isinstance(outcome, Outcome) and outcome.red_flag == "red_flag_avulsion"
    # Anywhere else it stays the every-step sign.
    elsewhere = DIALOGUE.warning_sign(past_the_screen(), "red_flag_weight_bearing").conversation
    assert isinstance(elsewhere.step, Outcome)
    assert elsewhere.step.red_flag == "red_flag_weight_bearing"


def test_a_no_correcting_a_yes_to_a_safety_question_answers_the_question_waiting() -> None:
    # "Actually no" after a yes to the first umbrella: the saddle question is answered, and the
    # other warning signs are still asked; the yes is never taken back.
    opened = DIALOGUE.answer(DIALOGUE.launch().conversation, Answer.YES).conversation
    waiting = opened.step
    assert isinstance(waiting, Question) and waiting.is_safety_screen
    turn = DIALOGUE.correct(opened, Answer.NO)
    interview = turn.conversation.interview
    assert interview is not None
    first, _ = opened.interview.answers[-1] if opened.interview else ("", Answer.NO)
    assert interview.answered(first) is Answer.YES
    assert interview.answered(waiting.id) is Answer.NO
    step = turn.conversation.step
    assert isinstance(step, Question) and step.is_safety_screen and step.id != waiting.id


def test_a_no_correcting_a_symptom_answer_still_corrects_it() -> None:
    conversation = DIALOGUE.answer(past_the_screen(), Answer.YES).conversation
    assert conversation.interview is not None
    last, _ = conversation.interview.answers[-1]
    turn = DIALOGUE.correct(conversation, Answer.NO)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answers[-1] == (last, Answer.NO)


@pytest.mark.parametrize("concern", sorted(KNOWLEDGE.concerns))
def test_a_feared_serious_cause_gets_what_points_to_it_and_nothing_is_recorded(
    concern: str,
) -> None:
    for conversation in (past_the_screen(), finished(HIP_BURSITIS)):
        for turn in (
            DIALOGUE.suspect(conversation, concern, "it"),
            DIALOGUE.explain(conversation, concern, "it"),
        ):
            said = " ".join(turn.said.speech)
            assert SPEECH.localised(KNOWLEDGE.concerns[concern].answer, "en-US") in said
            assert turn.conversation.interview == conversation.interview
            term = KNOWLEDGE.terms.get(concern)
            if term is not None:
                assert said.startswith(SPEECH.localised(term.explanation, "en-US"))


def test_will_it_come_back_is_answered_for_the_cause_named() -> None:
    conversation = finished(HIP_BURSITIS)
    turn = DIALOGUE.after_result(conversation, "come_back")
    answer = KNOWLEDGE.after_result["hip_bursitis"]["come_back"]
    assert turn.said.speech[0] == SPEECH.localised(answer, "en-US")


@pytest.mark.parametrize(
    ("yes", "cause"), [(HIP_BURSITIS, "hip_bursitis"), (frozenset(), "unclear")]
)
def test_other_exercise_in_place_of_running_is_answered_for_the_cause_named(
    yes: frozenset[str], cause: str
) -> None:
    # "Can I cycle instead?": the answer differs by cause (the saddle sets off a pudendal nerve).
    turn = DIALOGUE.after_result(finished(yes), "other_exercise")
    answer = KNOWLEDGE.after_result[cause]["other_exercise"]
    assert turn.said.speech[0] == SPEECH.localised(answer, "en-US")


def test_what_brought_it_on_is_answered_for_the_cause_named() -> None:
    turn = DIALOGUE.after_result(finished(HIP_BURSITIS), "why_me")
    answer = KNOWLEDGE.after_result["hip_bursitis"]["why_me"]
    assert turn.said.speech[0] == SPEECH.localised(answer, "en-US")


def test_other_exercise_after_a_warning_signs_advice_puts_getting_help_first() -> None:
    urgent = DIALOGUE.warning_sign(past_the_screen(), "red_flag_trauma_fever").conversation
    turn = DIALOGUE.after_result(urgent, "other_exercise")
    assert turn.said.speech[0] == SPEECH.say("red_flag_topic.other_exercise")


def test_asked_to_send_the_result_it_says_the_card_holds_it_and_sends_nothing() -> None:
    before = DIALOGUE.send(past_the_screen())
    assert before.said.speech[0] == SPEECH.say("topic.send_not_yet")
    after = DIALOGUE.send(finished(HIP_BURSITIS))
    assert after.said.speech[0] == SPEECH.say("topic.send")


def test_a_warning_sign_played_down_after_its_advice_hears_the_advice_again() -> None:
    # "It's only a mild temperature really": already known, and the advice stands.
    urgent = DIALOGUE.warning_sign(past_the_screen(), "red_flag_trauma_fever").conversation
    step = urgent.step
    assert isinstance(step, Outcome) and step.triage == "urgent"
    turn = DIALOGUE.warning_sign(urgent, "red_flag_trauma_fever")
    assert turn.said.speech[0] == SPEECH.say("volunteer.known")
    assert SPEECH.localised(step.advice, "en-US") in turn.said.speech
    assert not turn.said.end_session


def test_a_warning_sign_denied_right_after_it_was_told_is_asked_about_once_more() -> None:
    # "It started after I fell off my bike", then "no wait, I didn't fall": the yes is taken
    # back only through the sign's own question, never dropped unasked.
    before = past_the_screen()
    urgent = DIALOGUE.warning_sign(before, "red_flag_trauma_fever").conversation
    turn = DIALOGUE.no_warning_sign(urgent, "red_flag_trauma_fever")
    step = turn.conversation.step
    assert isinstance(step, Question) and step.id == "red_flag_trauma_fever"
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_taken_back")
    assert turn.conversation.interview == before.interview
    no = DIALOGUE.answer(turn.conversation, Answer.NO).conversation
    assert no.step == before.step
    yes = DIALOGUE.answer(turn.conversation, Answer.YES).conversation
    assert isinstance(yes.step, Outcome) and yes.step.triage == "urgent"


def test_go_back_after_a_warning_sign_asks_its_own_question_rather_than_dropping_it() -> None:
    # "I had a fall", then "go back" (or "scratch that", "sorry, I meant my mum"): the sign is
    # not lost unasked, and the question waiting before it comes back once it is answered.
    before = past_the_screen()
    told = DIALOGUE.warning_sign(before, "red_flag_trauma_fever").conversation
    turn = DIALOGUE.go_back(told)
    step = turn.conversation.step
    assert isinstance(step, Question) and step.id == "red_flag_trauma_fever"
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_taken_back")
    assert DIALOGUE.answer(turn.conversation, Answer.NO).conversation.step == before.step
    # An ordinary answer is undone as before.
    answered = DIALOGUE.answer(before, Answer.YES).conversation
    assert DIALOGUE.go_back(answered).conversation.interview == before.interview


def test_a_correction_to_no_of_a_sign_told_unasked_asks_its_question_and_one_asked_answers_it() -> (
    None
):
    # "I lost control of my bladder", then "actually no, that was my daughter": asked again.
    before = past_the_screen()
    told = DIALOGUE.warning_sign(before, "red_flag_saddle").conversation
    turn = DIALOGUE.correct(told, Answer.NO)
    assert turn.conversation.confirming == "red_flag_saddle"
    assert turn.conversation.interview == before.interview
    # A yes to the sign's own question, then "no wait, I meant no": that answers it.
    screen = DIALOGUE.launch().conversation
    urgent = DIALOGUE.answer(screen, Answer.YES).conversation
    assert isinstance(urgent.step, Question) and urgent.step.id == "red_flag_saddle"
    emergency = DIALOGUE.answer(urgent, Answer.YES).conversation
    corrected = DIALOGUE.correct(emergency, Answer.NO).conversation
    assert corrected.interview is not None
    assert corrected.interview.answered("red_flag_saddle") is Answer.NO


def test_no_just_after_the_advice_for_a_sign_told_unasked_asks_its_question_once() -> None:
    # "Both my legs tingle", then "no sorry, I got mixed up": no goodbye with the sign kept.
    before = past_the_screen()
    told = DIALOGUE.warning_sign(before, "red_flag_neuro").conversation
    turn = DIALOGUE.answer(told, Answer.NO)
    assert not turn.said.end_session
    assert turn.conversation.confirming == "red_flag_neuro"
    assert DIALOGUE.answer(turn.conversation, Answer.NO).conversation.step == before.step
    # A no after advice given for a yes to the sign's own question still says goodbye.
    screen = DIALOGUE.launch().conversation
    asked = DIALOGUE.answer(DIALOGUE.answer(screen, Answer.YES).conversation, Answer.YES)
    assert DIALOGUE.answer(asked.conversation, Answer.NO).said.end_session


def test_a_warning_sign_denied_after_more_answers_is_asked_again_and_the_answers_kept() -> None:
    # "Sorry, that was my mum who had cancer", an answer after telling it: that sign alone is
    # asked again through its own question, never dropped unasked.
    told = DIALOGUE.warning_sign(past_the_screen(), "red_flag_serious").conversation
    answered = DIALOGUE.answer(told, Answer.NO).conversation
    assert answered.interview is not None
    turn = DIALOGUE.no_warning_sign(answered, "red_flag_serious")
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_taken_back")
    assert turn.conversation.confirming == "red_flag_serious"
    assert turn.conversation.interview == answered.interview.without("red_flag_serious")
    denied = DIALOGUE.answer(turn.conversation, Answer.NO).conversation
    assert denied.interview is not None
    assert denied.interview.answered("red_flag_serious") is Answer.NO
    assert answered.interview.answers[-1] in denied.interview.answers  # the answer since
    # A sign never told, denied, records nothing.
    other = DIALOGUE.no_warning_sign(told, "red_flag_saddle")
    assert other.conversation.interview == told.interview
    assert other.said.speech[0] == SPEECH.say("volunteer.sign_denied")


def test_a_denied_warning_sign_reaches_the_dialogue_through_its_slot() -> None:
    talk = Talk()
    talk.launch()
    for _ in range(3):
        talk.intent(intents.NO)
    sign = SlotMatch(
        intents.SIGN_SLOT,
        "WarningSignType",
        value="fell",
        resolution=Resolution(ER_SUCCESS_MATCH, "red_flag_trauma_fever", "fell"),
    )
    talk.intent(intents.WARNING_SIGN, sign)
    assert talk.attributes["outcome"]["triage"] == "urgent"
    said = talk.say(intents.NO_WARNING_SIGN, sign)
    assert said.startswith(SPEECH.say("volunteer.sign_taken_back"))
    assert talk.attributes["question"] == "red_flag_trauma_fever"
    assert "outcome" not in talk.attributes


def test_a_fall_long_ago_is_checked_with_the_injury_question_not_raised() -> None:
    turn = DIALOGUE.fact(past_the_screen(), "old_injury", Answer.YES)
    step = turn.conversation.step
    assert isinstance(step, Question)
    assert turn.conversation.confirming == "red_flag_trauma_fever"
    assert turn.conversation.interview == past_the_screen().interview


def test_a_runner_up_named_with_the_lead_is_said_when_it_fits_in_the_result() -> None:
    spoken = 0
    for vignette in load_vignettes():
        conversation = DIALOGUE.launch().conversation
        while isinstance(step := conversation.step, Question):
            conversation = DIALOGUE.answer(conversation, vignette.reply(step.id)).conversation
        outcome = conversation.step
        assert isinstance(outcome, Outcome)
        if len(outcome.conditions) < 2 or outcome.triage not in ("see_specialist", "elsewhere"):
            continue
        said = " ".join(DIALOGUE.result(conversation).said.speech)
        second = KNOWLEDGE.causes[outcome.conditions[1]].name
        if "close second" in said:
            spoken += 1
            assert f"{second[:1].upper()}{second[1:]} comes a close second." in said
    # Most results naming two have room to say both.
    assert spoken >= 20


def test_a_reason_just_said_before_the_result_is_not_said_again_in_it() -> None:
    conversation = finished(HIP_BURSITIS)
    outcome = conversation.step
    assert isinstance(outcome, Outcome) and len(outcome.reasons) == 2
    first, second = (reason.text for reason in outcome.reasons)
    noted = SPEECH.say("volunteer.fact", fact=first)
    said = " ".join(DIALOGUE._say_outcome(conversation, outcome, noted).said.speech)
    assert said.count(first) == 1 and second in said


def test_a_last_answer_told_with_a_place_already_known_still_says_the_result() -> None:
    # "No, it's more the dimple" to the last question, the dimple already answered yes: the
    # no is the whole news, so the result is said, without "I have that already".
    conversation = past_the_screen()
    yes = {"pelvic_dimple", "stairs_car_bed", "low_back_pain"}
    while isinstance(step := conversation.step, Question):
        following = DIALOGUE.answer(conversation, Answer.YES if step.id in yes else Answer.NO)
        if isinstance(following.conversation.step, Outcome):
            break
        conversation = following.conversation
    turn = DIALOGUE.answer_with_fact(conversation, "pelvic_dimple", Answer.NO)
    assert isinstance(turn.conversation.step, Outcome)
    assert SPEECH.say("volunteer.known") not in turn.said.speech
    assert turn.said.card is not None  # the result, said in full


def test_night_pain_lying_on_that_side_is_the_side_not_the_warning_sign() -> None:
    # "Yes, it hurts at night when I lie on that side" to the cancer, weight or night pain
    # question: the side is noted and the warning sign asked again, plainly; nothing raised.
    conversation = at_the_question("red_flag_serious")
    turn = DIALOGUE.answer_with_fact(conversation, "lying_on_side", Answer.YES)
    interview = turn.conversation.interview
    assert interview is not None
    assert interview.answered("lying_on_side") is Answer.YES
    assert interview.answered("red_flag_serious") is None
    step = turn.conversation.step
    assert isinstance(step, Question) and step.id == "red_flag_serious"
    assert turn.said.speech[-1] == step.plain


def test_is_it_common_is_answered_for_the_kind_of_result_and_waits_for_one() -> None:
    seven = finished(HIP_BURSITIS)
    step = seven.step
    assert isinstance(step, Outcome) and step.triage == "see_specialist"
    name = KNOWLEDGE.causes[step.conditions[0]].name
    assert DIALOGUE.how_common(seven).said.speech[0] == SPEECH.say("common.seven", name=name)
    nothing_fits = finished()
    assert DIALOGUE.how_common(nothing_fits).said.speech[0] == SPEECH.say("common.unclear")
    elsewhere = finished(frozenset({"groin_pain", "hip_catching", "knee_lift_pain"}))
    step = elsewhere.step
    assert isinstance(step, Outcome) and step.triage == "elsewhere"
    name = KNOWLEDGE.causes[step.conditions[0]].name
    assert DIALOGUE.how_common(elsewhere).said.speech[0] == SPEECH.say(
        "common.lookalike", name=name
    )
    midway = past_the_screen()
    turn = DIALOGUE.how_common(midway)
    assert turn.said.speech[0] == SPEECH.say("topic.not_yet")
    assert turn.conversation.interview == midway.interview


def test_a_told_fact_taken_back_while_its_check_waits_drops_the_check() -> None:
    # "My leg feels weak", then "sorry, I misspoke, it's not weak, I meant tired".
    conversation = past_the_screen()
    checking = DIALOGUE.fact(conversation, "weak_leg").conversation
    assert checking.confirming == "red_flag_neuro"
    turn = DIALOGUE.go_back(checking)
    assert turn.said.speech[0] == SPEECH.say("go_back.check_dropped")
    assert turn.conversation.confirming is None
    assert turn.conversation.interview == conversation.interview
    assert turn.conversation.waiting == conversation.waiting


def test_a_second_sign_denied_by_name_at_a_safety_question_is_its_no() -> None:
    # "Never had cancer", then "no night pain either": the rest of it is asked for once, and a
    # second sign denied by name answers the question no, rather than a third asking.
    conversation = at_the_question("red_flag_serious")
    first = DIALOGUE.no_warning_sign(conversation, "red_flag_serious")
    assert first.said.speech[0] == SPEECH.say("volunteer.sign_denied_rest")
    assert first.conversation.interview == conversation.interview
    restored = conversation_from(attributes_for(first.conversation))
    assert restored.rest_asked == "red_flag_serious"
    second = DIALOGUE.no_warning_sign(restored, "red_flag_serious")
    assert second.conversation.interview is not None
    assert second.conversation.interview.answered("red_flag_serious") is Answer.NO
    assert second.conversation.rest_asked is None


def test_the_rest_asked_for_is_kept_only_for_a_safety_question_not_answered_yet() -> None:
    conversation = past_the_screen()
    attributes = attributes_for(conversation._replace(rest_asked="red_flag_serious"))
    assert conversation_from(attributes).rest_asked is None  # answered already
    attributes["rest_asked"] = "sit_bone"
    assert conversation_from(attributes).rest_asked is None  # no safety question


def test_a_warning_sign_denied_in_other_words_is_heard_as_denied() -> None:
    conversation = at_the_question("red_flag_serious")
    turn = DIALOGUE.fact(conversation, "weight_loss", Answer.NO)
    assert turn.said.speech[0] == SPEECH.say("volunteer.sign_denied_rest")
    assert turn.conversation.interview == conversation.interview


def test_no_pain_at_night_to_the_lying_on_that_side_question_is_its_no() -> None:
    conversation = past_the_screen()._replace(confirming="lying_on_side")
    turn = DIALOGUE.fact(conversation, "night_pain", Answer.NO)
    assert turn.conversation.interview is not None
    assert turn.conversation.interview.answered("lying_on_side") is Answer.NO


def test_numbness_denied_at_a_safety_question_counts_as_one_part_denied() -> None:
    conversation = DIALOGUE.launch().conversation
    first = DIALOGUE.fact(conversation, "numbness_tingling", Answer.NO)
    assert first.conversation.interview is not None
    assert first.conversation.interview.answered("numbness_tingling") is Answer.NO
    step = first.conversation.step
    assert isinstance(step, Question) and step.is_safety_screen
    assert first.conversation.rest_asked == step.id
    second = DIALOGUE.no_warning_sign(first.conversation, "red_flag_saddle")
    assert second.conversation.interview is not None
    assert second.conversation.interview.answered(step.id) is Answer.NO
