"""Spoken lines: every line the dialogue and the screens use exists, and SSML is well formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.interaction_model.builder import locales
from skill.interaction_model.told import CHECKED_FACTS
from skill.knowledge import KnowledgeError, load_knowledge
from skill.knowledge.model import AFTER_RESULT_TOPICS, Triage
from skill.knowledge.speech import Speech, load_speech, parse_speech
from skill.triage import Answer, Interview, Outcome, Question, Reason
from skill.voice import screens
from skill.voice.dialogue import Conversation, Dialogue, Heard
from skill.voice.ssml import to_ssml
from testkit.reachable import interview_states


class FixedStep(NamedTuple):
    """A conversation whose step is given: outcomes the engine reaches only on long paths."""

    step: Outcome
    interview: Interview = Interview()
    locale: str = "en-GB"
    misunderstood: int = 0
    heard: Heard = Heard()
    confirming: str | None = None
    waiting: None = None

    hearing = Conversation.hearing


def outcome(triage: Triage, *conditions: str, reasons: tuple[Reason, ...] = ()) -> FixedStep:
    advice = "A doctor who treats runners can confirm it with a scan."
    return FixedStep(Outcome(triage, conditions, reasons, advice, "Disclaimer.", None, 3))


def waiting_after(count: int) -> Conversation:
    """A conversation waiting for a symptom question with `count` asked before it."""
    for interview in interview_states():
        step = Conversation(interview).step
        if isinstance(step, Question) and step.asked_before == count:
            return Conversation(interview)
    raise AssertionError(f"no path reaches question {count + 1}")


def the_last_question() -> Conversation:
    """A conversation waiting for the last question the cap allows."""
    return waiting_after(load_knowledge().settings.question_cap - 1)


def around_the_usual_length() -> tuple[Conversation, Conversation]:
    """Waiting for the last question of the usual length, and for the first past it."""
    usual = load_knowledge().settings.usual_questions
    return waiting_after(usual - 1), waiting_after(usual)


def every_kind_of_turn(dialogue: Dialogue) -> None:
    """Each thing a person can say, in each state that words it differently, and the screen
    each kind of state shows in every locale."""
    none = Conversation()
    fresh = dialogue.launch().conversation
    answered = dialogue.answer(fresh, Answer.NO).conversation
    past_the_screen = answered
    while (step := past_the_screen.step) is not None and getattr(step, "is_safety_screen", False):
        past_the_screen = dialogue.answer(past_the_screen, Answer.NO).conversation
    dialogue.start_over(answered)
    dialogue.no_warning_sign(answered, "red_flag_trauma_fever")  # one sign of the question waiting
    dialogue.start(none)
    dialogue.start(answered)
    for answer in (Answer.YES, Answer.NO, Answer.UNSURE):
        dialogue.answer(none, answer)
    usual_last, double_checking = around_the_usual_length()
    # The answer that leads past the usual length, said again from the state before it.
    assert double_checking.interview is not None
    _, last_reply = double_checking.interview.answers[-1]
    dialogue.answer(Conversation(double_checking.interview.go_back()), last_reply)
    for conversation in (
        none,
        fresh,
        answered,
        past_the_screen,
        usual_last,
        double_checking,
        the_last_question(),
    ):
        dialogue.go_back(conversation)
        dialogue.why(conversation)
        dialogue.help(conversation)
        dialogue.not_understood(conversation)
        dialogue.not_understood(conversation._replace(misunderstood=1))
        dialogue.explain(conversation, None, heard="a sore toe")
        dialogue.error(conversation)
        dialogue.confused(conversation)
        dialogue.term(conversation, "sitting_bone")
        dialogue.term(conversation, None)
        dialogue.questions_left(conversation)
        dialogue.result(conversation)
        dialogue.who_to_see(conversation)
    reason = Reason("sit_bone", Answer.YES, "it hurts on the sitting bone")
    ends: list[Any] = [
        outcome(
            "see_specialist", "ischial_bursitis", "high_hamstring_tendinopathy", reasons=(reason,)
        ),
        outcome("see_specialist", "sciatica"),
        outcome("elsewhere", "coccydynia", reasons=(Reason("tailbone", Answer.YES, "it hurts"),)),
        outcome("elsewhere", "hip_joint", "groin_strain"),
        outcome("unclear"),
        outcome("emergency"),
    ]
    ends.append(FixedStep(ends[0].step._replace(caution="A caution " * 20)))
    for end in ends:
        dialogue.repeat(end)
        dialogue.why(end)
        dialogue.help(end)
        dialogue.not_understood(end)
        dialogue.explain(end, None)
        dialogue.runner_up(end)
        dialogue.more(end)
        dialogue.questions_left(end)
        dialogue.disagree(end)
        for suspected in ("ischial_bursitis", "high_hamstring_tendinopathy", "sciatica"):
            dialogue.suspect(end, suspected)
    dialogue.stop(none)
    # Real results, whose answers can tell against a suspected cause.
    for yes in (set(), {"outer_hip", "lying_on_side"}):
        finished = past_the_screen
        while isinstance(step := finished.step, Question):
            reply = Answer.YES if step.id in yes else Answer.NO
            finished = dialogue.answer(finished, reply).conversation
        dialogue.suspect(finished, "sciatica")
    every_kind_of_volunteered_or_after_result_turn(dialogue, past_the_screen, ends)
    for state in (fresh, past_the_screen, *ends):
        for locale in locales():
            screens.screen_for(state._replace(locale=locale), dialogue.knowledge, dialogue.speech)
    screens.stale_tap(dialogue.repeat(fresh), dialogue.speech)


def every_kind_of_volunteered_or_after_result_turn(
    dialogue: Dialogue, past_the_screen: Conversation, ends: list[Any]
) -> None:
    """What runners volunteer and ask once they have a result, in each state that words it
    differently."""
    none = Conversation()
    assert past_the_screen.interview is not None
    tingling = past_the_screen.with_interview(
        past_the_screen.interview.with_answer("numbness_tingling", Answer.YES)
    )
    for conversation in (none, past_the_screen, tingling):
        dialogue.warning_sign(conversation, "red_flag_serious")
        dialogue.warning_sign(conversation, "red_flag_saddle")
        dialogue.warning_sign(conversation, None)
        dialogue.fact(conversation, None)
        dialogue.no_warning_sign(conversation)
        told = dialogue.warning_sign(conversation, "red_flag_serious").conversation
        dialogue.no_warning_sign(told, "red_flag_serious")
        dialogue.fact(conversation, "low_back_pain")
        dialogue.fact(conversation, "past_knee", Answer.NO)
        dialogue.fact(conversation, "both_sides")
        for checked_fact in CHECKED_FACTS:
            checked = dialogue.fact(Conversation(Interview()), checked_fact).conversation
            dialogue.fact(dialogue.answer(checked, Answer.NO).conversation, checked_fact)
            dialogue.go_back(checked)  # taken back while its check waits
        dialogue.hold_on(conversation)
        dialogue.stops_above_knee(conversation)
        dialogue.already_asked(conversation)
        dialogue.disagree(conversation)
        dialogue.suspect(conversation, "sciatica")
        dialogue.fact(conversation, "one_side")
        dialogue.duration(conversation)
        dialogue.small_talk(conversation)
        dialogue.medicine(conversation)
        dialogue.treatment(conversation)
        dialogue.privacy(conversation)
        dialogue.send(conversation)
        dialogue.pregnancy(conversation)
        dialogue.ice_or_heat(conversation)
        dialogue.not_a_doctor(conversation)
        dialogue.how_sure(conversation)
        dialogue.how_common(conversation)
        dialogue.thanks(conversation)
        for answer in (*Answer, None):
            dialogue.correct(conversation, answer)
        for topic in AFTER_RESULT_TOPICS:
            dialogue.after_result(conversation, topic)
            dialogue.after_result(conversation, topic, "sciatica")
    serious = dialogue.warning_sign(past_the_screen, "red_flag_serious").conversation
    dialogue.warning_sign(serious, "red_flag_serious")
    dialogue.fact(dialogue.fact(past_the_screen, "low_back_pain").conversation, "low_back_pain")
    dialogue.start_over(past_the_screen)
    soon = outcome("soon", "sciatica")
    ends = [*ends, FixedStep(soon.step._replace(safety_advice="See a doctor soon."))]
    for end in ends:
        dialogue.how_sure(end)
        dialogue.how_common(end)
        dialogue.thanks(end)
        dialogue.result(end)
        dialogue.send(end)
        dialogue.race(end)
        for topic in AFTER_RESULT_TOPICS:
            dialogue.after_result(end, topic)
    # After a real result: more questions when a correction reopens the interview, and the
    # prompts that end one turn after another.
    finished, bursitis = past_the_screen, {"outer_hip", "lying_on_side", "stairs_car_bed"}
    while isinstance(step := finished.step, Question):
        finished = dialogue.answer(finished, Answer.YES if step.id in bursitis else Answer.NO)
        finished = finished.conversation
    dialogue.warning_sign(finished, "red_flag_serious")  # a see-a-doctor-soon sign after it
    dialogue.start_over(dialogue.launch().conversation)
    unclear = past_the_screen
    while isinstance(unclear.step, Question):
        unclear = dialogue.answer(unclear, Answer.NO).conversation
    dialogue.correct(unclear, Answer.UNSURE)  # the same result
    for answer in Answer:
        dialogue.correct(finished, answer)
    for feature in dialogue.knowledge.features:
        dialogue.fact(finished, feature)
    for _ in range(12):
        finished = dialogue.why(finished).conversation
    clear = outcome("see_specialist", "sciatica")
    dialogue.compare(past_the_screen, (None, None), (None, None))  # nothing to compare yet
    dialogue.compare(clear, (None, None), (None, None))  # a result naming one cause
    dialogue.compare(clear, ("piriformis_syndrome", "piriformis"), (None, None))
    for certainty in (0.99, 0.6):
        dialogue.how_sure(FixedStep(clear.step._replace(certainty=certainty)))


def test_every_line_in_speech_toml_is_said_and_every_line_said_is_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: set[str] = set()
    say = Speech.say

    def recording_say(speech: Speech, key: str, **fields: str) -> str:
        said.add(key)
        return say(speech, key, **fields)

    monkeypatch.setattr(Speech, "say", recording_say)
    every_kind_of_turn(Dialogue())
    assert said == load_speech().keys()


@pytest.mark.parametrize("text", ["Tom & Jerry's <knee>", 'a "quoted" word', "plain"])
def test_ssml_escapes_special_characters_and_keeps_the_words(text: str) -> None:
    ssml = to_ssml([text])
    root = ET.fromstring(ssml)
    assert root.tag == "speak"
    assert "".join(root.itertext()) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1))
def test_ssml_keeps_any_printable_text_word_for_word(text: str) -> None:
    # Entities written as text ("&amp;", "&lt;") must come out as written, not decoded.
    root = ET.fromstring(to_ssml([text, "&lt; &amp;"]))
    assert "".join(root.itertext()) == (
        f"{text.strip()}  &lt; &amp;" if text.strip() else "&lt; &amp;"
    )


def test_ssml_puts_a_short_pause_between_lines_and_skips_blank_ones() -> None:
    root = ET.fromstring(to_ssml(["One.", "  ", "Two."]))
    assert [e.tag for e in root] == ["break"]


@pytest.mark.parametrize(
    "tables",
    [
        '[locales.en-US]\nphysio = "physio"\n',  # a word missing
        # words for en-GB but none for the default, which any other locale would get
        '[locales.en-GB]\nphysio = "a"\nemergency_number = "999"\nurgent_service = "b"\n',
        '[locales.en-US]\nphysio = ""\nemergency_number = "911"\nurgent_service = "b"\n',
        'locales = "en-US"\n',
    ],
)
def test_locale_words_must_be_complete_and_include_the_default_locale(tables: str) -> None:
    with pytest.raises(KnowledgeError):
        parse_speech(tables + '[launch]\nwelcome = "Hi"\n')


def test_speech_lines_must_be_non_empty_text() -> None:
    with pytest.raises(KnowledgeError):
        parse_speech('[launch]\nwelcome = ""\n')
    with pytest.raises(KnowledgeError):
        parse_speech("launch = 3\n")
    assert load_speech().fields("outcome.lead_because") == {"name", "reason"}
