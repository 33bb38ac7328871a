"""Short by ear: every reachable turn, in every locale, within the word limits."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from skill.interaction_model.builder import locales
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Answer
from skill.voice.dialogue import MAX_RESULT_WORDS, MAX_TURN_WORDS, Dialogue
from testkit.reachable import all_conversations, all_reachable, outcomes, repeated_sentences

MAX_HEADLINE_WORDS = 60
KNOWLEDGE = load_knowledge()
SPEECH = load_speech()
REACHED = all_reachable()


def words(text: str) -> int:
    return len(text.split())


def test_the_enumeration_reaches_every_kind_of_outcome_and_many_states() -> None:
    assert {o.triage for o in outcomes()} >= {"emergency", "urgent", "see_specialist", "unclear"}
    assert len({r.state for r in REACHED}) > 25
    assert any(o.caution for o in outcomes()) and any(len(o.conditions) == 2 for o in outcomes())


def test_no_reachable_turn_or_reprompt_is_over_seventy_words() -> None:
    too_long = [
        f"{r.said} at {r.state} ({r.locale}): {r.words} words"
        for r in REACHED
        if r.words > MAX_TURN_WORDS or r.reprompt_words > MAX_TURN_WORDS
    ]
    assert too_long == []


@pytest.mark.parametrize("locale", locales())
def test_every_outcome_headline_is_at_most_sixty_words(locale: str) -> None:
    dialogue = Dialogue()
    for outcome in outcomes():
        headline = " ".join(SPEECH.localised(p, locale) for p in dialogue.headline(outcome))
        assert words(headline) <= MAX_HEADLINE_WORDS, headline


def test_the_headline_names_the_lead_its_main_reason_who_to_see_and_the_disclaimer() -> None:
    outcome = next(o for o in outcomes() if o.conditions and o.reasons and not o.caution)
    lead, who, disclaimer = Dialogue().headline(outcome)
    assert lead == (
        f"My best lead is {KNOWLEDGE.conditions[outcome.conditions[0]].name}, "
        f"because {outcome.reasons[0].text}."
    )
    assert who.startswith("A sports medicine doctor") and who.endswith("can help.")
    assert disclaimer == KNOWLEDGE.settings.disclaimer


def test_every_result_sends_a_card_and_is_at_most_forty_words() -> None:
    for reached in REACHED:
        if reached.said == "result" and reached.state.startswith("outcome"):
            said = reached.turn.said
            assert said.card is not None and said.card.content
            assert reached.words <= MAX_RESULT_WORDS, (reached.state, said.speech)


def test_the_welcome_with_the_first_question_is_at_most_thirty_words() -> None:
    for reached in REACHED:
        if reached.said == "launch":
            assert reached.words <= 30, reached.turn.said.speech


def test_a_session_hears_the_disclaimer_at_most_twice_and_the_app_line_once() -> None:
    dialogue = Dialogue()
    turn = dialogue.launch()
    spoken = list(turn.said.speech)
    answers = {"numbness_tingling": Answer.YES, "deep_buttock_spot": Answer.YES}
    while (question := turn.conversation.step) is not None and not hasattr(question, "triage"):
        turn = dialogue.answer(turn.conversation, answers.get(question.id, Answer.NO))
        spoken += turn.said.speech
    steps = (dialogue.why, dialogue.runner_up, dialogue.who_to_see, dialogue.more)
    for step in (*steps, dialogue.result, dialogue.start_over, dialogue.result, dialogue.stop):
        turn = step(turn.conversation)
        spoken += turn.said.speech
    text = " ".join(spoken)
    assert text.count("not a diagnosis") == 2  # the start and the result, never a third time
    assert text.count(SPEECH.say("outcome.in_the_app")) <= 1
    assert text.count(SPEECH.say("offer.after_outcome")) == 1


@pytest.mark.parametrize(
    "name",
    [
        "hip bursitis, also called trochanteric bursitis",
        "high hamstring tendinopathy or strain",
        "S.I. joint pain",
    ],
)
def test_the_runner_up_sentence_is_whole_for_any_name(name: str) -> None:
    outcome = next(o for o in outcomes() if len(o.conditions) == 2)
    causes = dict(KNOWLEDGE.causes)
    second = outcome.conditions[1]
    causes[second] = causes[second]._replace(name=name)
    dialogue = Dialogue(KNOWLEDGE._replace(causes=causes))  # type: ignore[arg-type]
    conversation = next(
        r.turn.conversation
        for r in REACHED
        if r.said == "result" and r.turn.conversation.step == outcome
    )
    said = dialogue.runner_up(conversation).said.speech
    assert said[0] == f"The next most likely cause is {name}."


def test_the_offer_after_a_result_is_a_yes_or_no_question_that_names_no_condition() -> None:
    for reached in REACHED:
        if reached.said == "result" and reached.state == "outcome see_specialist":
            offer = reached.turn.said.speech[-1]
            assert offer.endswith("?")
            assert not any(c.name in offer for c in KNOWLEDGE.conditions.values())
            assert not re.search(r"\bor\b", offer)


def test_distribution_of_turn_lengths_is_short_on_the_whole() -> None:
    counts = Counter(r.words for r in REACHED)
    ordered = sorted(counts.elements())
    assert ordered[len(ordered) // 2] <= 40  # the median turn


def test_no_session_hears_a_sentence_more_than_twice_unless_it_asked_for_it_again() -> None:
    for conversation in all_conversations():
        too_often = {s: n for s, n in repeated_sentences(conversation).items() if n > 2}
        assert too_often == {}, [said for said, _ in conversation]


def test_the_offer_to_hear_more_is_made_once_per_result() -> None:
    offer = SPEECH.say("offer.after_outcome")
    for conversation in all_conversations():
        spoken = " ".join(line for _, turn in conversation for line in turn.said.speech)
        assert spoken.count(offer) <= 1
