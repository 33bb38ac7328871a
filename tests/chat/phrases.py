"""The phrase suite (phrases.toml): what runners say, in which state, and the effect it must
have. The chat NLU (tests/chat/test_phrases.py) and virtual-alexa against the running service
(tests/e2e/test_phrases.py) both play it; this module holds the states and the checks."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill.chat.device import speech_text
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Answer, Interview, Outcome, Question
from skill.voice.dialogue import Conversation, step_of
from skill.voice.session import attributes_for
from tests.triage.spec import SCREEN as SCREEN_QUESTION

PHRASES = Path(__file__).with_name("phrases.toml")
KNOWLEDGE = load_knowledge()
SPEECH = load_speech()
# Effects followed by a detail (an id or an answer code); every other effect is its whole text.
WITH_DETAIL = (
    *("term", "explain", "sign", "fact", "no-fact", "correct", "topic", "check", "suspect"),
    *("concern", "recheck", "confirm"),
    *("about", "sometimes-fact", "no-and-fact", "yes-and-fact", "differ"),
)
ANSWER_CODES = {"yes": "y", "no": "n", "sometimes": "s", "not sure": "u"}


def _played(profile: dict[str, str], first: tuple[tuple[str, Answer], ...] = ()) -> Interview:
    """The interview of a runner who answers `profile` (anything else "no") to the end."""
    interview = Interview(first)
    while isinstance(step := step_of(interview), Question):
        interview = interview.with_answer(step.id, Answer(profile.get(step.id, "n")))
    return interview


def _past_the_screen() -> tuple[tuple[str, Answer], ...]:
    """The answers of a runner with no warning sign: no to every safety question."""
    interview = Interview()
    while isinstance(step := step_of(interview), Question) and step.is_safety_screen:
        interview = interview.with_answer(step.id, Answer.NO)
    return interview.answers


_AFTER_SCREEN = _past_the_screen()
# The interview in each state of phrases.toml (None: no interview has started).
STATES: dict[str, Interview | None] = {
    "none": None,
    "screen": Interview(),
    "saddle": Interview(((SCREEN_QUESTION, Answer.YES),)),
    "symptom": Interview(_AFTER_SCREEN),
    # Mid-interview, after a yes to numbness or tingling in the leg.
    "tingling": Interview((*_AFTER_SCREEN, ("numbness_tingling", Answer.YES))),
    # After a pop: the question about bruising or trouble walking since.
    "avulsion": Interview((*_AFTER_SCREEN, ("sudden_pull", Answer.YES))),
    "outcome": _played({"numbness_tingling": "y", "deep_buttock_spot": "y"}, _AFTER_SCREEN),
    "unclear": _played({}, _AFTER_SCREEN),
    # After urgent advice: a fall or a fever.
    "urgent": Interview(
        (
            (SCREEN_QUESTION, Answer.NO),
            ("red_flag_any_2", Answer.YES),
            ("red_flag_trauma_fever", Answer.YES),
        )
    ),
}
ENDING = ("emergency", "urgent")


@dataclass(frozen=True)
class Phrase:
    state: str
    said: str
    effect: str

    @property
    def interview(self) -> Interview | None:
        return STATES[self.state]

    @property
    def attributes(self) -> dict[str, Any]:
        """The session attributes a device holds in this state."""
        interview = self.interview
        return {} if interview is None else attributes_for(Conversation(interview))

    def __str__(self) -> str:
        return f"{self.state}: {self.said!r} -> {self.effect}"


def load_phrases() -> list[Phrase]:
    data = tomllib.loads(PHRASES.read_text("utf-8"))
    return [
        Phrase(state, said, effect)
        for state, table in data.items()
        for said, effect in table.items()
    ]


def answers_in(response: dict[str, Any]) -> list[tuple[str, str]] | None:
    stored = Interview.from_state_shape((response.get("sessionAttributes") or {}).get("interview"))
    if stored is None:
        return None
    return [(question_id, str(answer)) for question_id, answer in stored.answers]


def check_effect(phrase: Phrase, response: dict[str, Any], locale: str = "en-US") -> None:
    """Fails unless `response` (a response envelope) has the effect the phrase expects."""
    body = response["response"]
    said = speech_text(body.get("outputSpeech"))
    attributes = response.get("sessionAttributes") or {}
    before = phrase.interview
    step = None if before is None else step_of(before)
    answers_before = [] if before is None else [(q, str(a)) for q, a in before.answers]
    effect, _, detail = phrase.effect.partition(" ")
    if effect not in WITH_DETAIL:
        effect, detail = phrase.effect, ""
    context = f"{phrase}: {said!r}"

    def local(text: str) -> str:
        return SPEECH.localised(text, locale)

    if phrase.effect in ANSWER_CODES:
        assert isinstance(step, Question), context
        assert answers_in(response) == [*answers_before, (step.id, ANSWER_CODES[phrase.effect])], (
            context
        )
        return
    if effect == "back":
        assert answers_in(response) == answers_before[:-1], context
        return
    if effect == "confirm":
        assert answers_in(response) == answers_before[:-1], context
        assert answers_before[-1] == (detail, "n"), context
        assert attributes.get("question") == detail, context
        assert said.startswith(SPEECH.say("correction.sign_check")), context
        assert said.endswith(KNOWLEDGE.question_text(detail)), context
        return
    if effect == "recheck":
        assert answers_in(response) == answers_before[:-1], context
        assert attributes.get("question") == detail, context
        assert said.startswith(SPEECH.say("volunteer.sign_taken_back")), context
        assert said.endswith(KNOWLEDGE.question_text(detail)), context
        return
    if effect == "sign":
        check_warning_sign(detail, answers_before, response, said, context)
        return
    if effect in ("no-and-fact", "yes-and-fact"):
        assert isinstance(step, Question), context
        code = "n" if effect == "no-and-fact" else "y"
        expected = [*answers_before, (step.id, code), (detail, "y")]
        assert answers_in(response) == expected and said.startswith("Got it: "), context
        return
    if effect in ("fact", "no-fact", "sometimes-fact"):
        after = answers_in(response) or []
        code = {"fact": "y", "no-fact": "n", "sometimes-fact": "s"}[effect]
        assert (detail, code) in after and said.startswith("Got it: "), context
        assert [a for a in after if a[0] != detail] == [
            a for a in answers_before if a[0] != detail
        ], context
        assert not body.get("shouldEndSession"), context
        return
    if effect == "correct":
        assert answers_before, context
        last, _ = answers_before[-1]
        assert answers_in(response) == [*answers_before[:-1], (last, detail)], context
        assert said.startswith(("Got it", "That's what I have")), context
        return
    if effect == "thanks" and (step is None or isinstance(step, Outcome)):
        assert body.get("shouldEndSession") is True, context
        assert said.startswith("You're welcome."), context
        return
    if effect == "check":
        assert answers_in(response) == answers_before, context
        assert attributes.get("question") == detail, context
        assert said.endswith(KNOWLEDGE.question_text(detail)), context
        return
    if effect == "start over":
        kept = [a for a in answers_before if a[0].startswith("red_flag")]
        assert answers_in(response) == kept, context
        assert said.startswith("Okay, from the top"), context
        return
    if effect in ("start", "begin"):
        assert answers_in(response) == [], context
        assert attributes.get("question") == SCREEN_QUESTION, context
        assert said.endswith(KNOWLEDGE.question_text(SCREEN_QUESTION)), context
        if effect == "start":
            assert said.startswith(SPEECH.say("launch.welcome")), context
        return
    if effect == "stop":
        assert body.get("shouldEndSession") is True and said, context
        return
    # Everything else records nothing and leaves the session open.
    assert (answers_in(response) or []) == answers_before, context
    assert not body.get("shouldEndSession"), context
    if isinstance(step, Question):
        assert attributes.get("question") == step.id, context
    if effect == "plain":
        assert isinstance(step, Question), context
        assert said.endswith(KNOWLEDGE.plain_text(step.id)), context
    elif effect == "term":
        assert said.startswith(local(KNOWLEDGE.terms[detail].explanation)), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "unknown term":
        assert isinstance(step, Question), context
        assert said.startswith(SPEECH.say("term.unknown")), context
        assert said.endswith(KNOWLEDGE.plain_text(step.id)), context
    elif effect == "explain":
        assert local(KNOWLEDGE.causes[detail].description) in said, context
    elif effect == "repeat":
        if isinstance(step, Outcome):
            assert said.startswith(local(step.advice)), context
        else:
            assert isinstance(step, Question) and said == step.text, context
    elif effect == "why":
        if isinstance(step, Question):
            assert said.startswith(step.purpose) and said.endswith(step.text), context
        else:
            assert isinstance(step, Outcome), context
            assert all(reason.text in said for reason in step.reasons), context
    elif effect == "left":
        counts = ("no more than", "at most", "the last question", "no more questions")
        assert any(words in said.lower() for words in counts), context
    elif effect == "carry on":
        assert isinstance(step, Question) and said.endswith(step.text), context
    elif effect == "help":
        helps = [SPEECH.say(key) for key in sorted(SPEECH.keys()) if key.startswith("help.")]
        assert any(said.startswith(line) for line in helps), context
    elif effect == "no result":
        assert "no result yet" in said or "Once we've finished" in said, context
    elif effect == "not yet":
        assert step is None or isinstance(step, Question), context
        assert said.startswith(("I can't say yet", "Until we know more", "I can answer")), context
    elif effect in ("noted", "no sign", "thanks"):
        openings = {"noted": ("Thanks", "Good to know"), "no sign": "Good", "thanks": "You're"}
        assert said.startswith(openings[effect]), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "topic":
        check_topic(detail, step, said, locale, context)
    elif effect == "race":
        check_topic("keep_running", step, said, locale, context)
        if isinstance(step, Outcome) and step.triage not in ENDING:
            assert said.startswith(SPEECH.say("topic.race")), context
    elif effect == "medicine":
        assert said.startswith(SPEECH.say("topic.medicine")), context
        assert not any(char.isdigit() for char in said), context  # no dose, ever
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "about":
        cause, _, topic = detail.partition(" ")
        name = KNOWLEDGE.causes[cause].name
        assert said.startswith(local(SPEECH.say("topic.about_cause", name=name))), context
        assert local(KNOWLEDGE.after_result[cause][topic]) in said, context
        assert answers_in(response) == (answers_before or None), context
    elif effect == "treatment":
        assert said.startswith(SPEECH.say("topic.treatment")), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "suspect":
        name = KNOWLEDGE.causes[detail].name
        assert name in said.lower() or name.capitalize() in said, context
        if isinstance(step, Question):
            assert said.startswith(SPEECH.say("suspect.noted", name=name)), context
            assert said.endswith(step.text), context
    elif effect == "differ":
        # Each cause with what sets it apart, in the order meant; nothing recorded.
        first, second = (KNOWLEDGE.causes[cause] for cause in detail.split())
        apart = [
            f"{cause.name[:1].upper()}{cause.name[1:]}: {cause.sets_apart}"
            for cause in (first, second)
        ]
        assert said.startswith(SPEECH.say("compare.two", first=apart[0], second=apart[1])), context
        assert answers_in(response) == (answers_before or None), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "concern":
        # A serious cause the runner fears: what points to it and what to do; nothing recorded.
        assert local(KNOWLEDGE.concerns[detail].answer) in said, context
        assert answers_in(response) == (answers_before or None), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "send":
        line = "topic.send" if isinstance(step, Outcome) else "topic.send_not_yet"
        assert said.startswith(SPEECH.say(line)), context
        assert answers_in(response) == (answers_before or None), context
    elif effect == "disagree":
        assert isinstance(step, Outcome) and said.startswith(SPEECH.say("result.disagree")), context
    elif effect in ("privacy", "not a doctor", "pregnancy", "ice or heat"):
        key = {
            "privacy": "topic.privacy",
            "not a doctor": "topic.not_a_doctor",
            "pregnancy": "topic.pregnancy",
            "ice or heat": "topic.ice_or_heat",
        }[effect]
        assert said.startswith(SPEECH.localised(SPEECH.say(key), locale)), context
        if isinstance(step, Question):
            assert said.endswith(step.text), context
    elif effect == "sure":
        assert isinstance(step, Outcome), context
        assert any(
            said.startswith(SPEECH.say(f"sure.{kind}", name="", other="").split(":")[0][:12])
            for kind in ("clear", "fair", "weak", "close", "unclear", "red_flag")
        ), context
    elif effect == "common":
        assert isinstance(step, Outcome), context
        assert any(
            said.startswith(SPEECH.say(f"common.{kind}", name="").split(":")[0])
            for kind in ("seven", "lookalike", "unclear", "red_flag")
        ), context
    elif effect in ("result", "runner up", "who", "more"):
        assert isinstance(step, Outcome), context
        check_outcome_effect(effect, step, said, locale, context)
    else:
        raise AssertionError(f"unknown effect in phrases.toml: {phrase.effect!r}")


def check_warning_sign(
    flag_id: str,
    answers_before: list[tuple[str, str]],
    response: dict[str, Any],
    said: str,
    context: str,
) -> None:
    """A volunteered warning sign is yes to its red flag; an ending one gives its advice at
    once, with the session left open to hear it again."""
    after = answers_in(response) or []
    assert (flag_id, "y") in after, context
    assert [a for a in after if a[0] != flag_id] == [
        a for a in answers_before if a[0] != flag_id
    ], context
    assert not response["response"].get("shouldEndSession"), context
    flag = KNOWLEDGE.red_flags[flag_id]
    if flag.triage in ENDING:
        outcome = (response.get("sessionAttributes") or {}).get("outcome") or {}
        assert outcome.get("triage") == flag.triage, context
        assert said.endswith(SPEECH.say("outcome.repeat_hint")), context
    else:
        noted = ("volunteer.sign_soon", "volunteer.sign_soon_after_result")
        assert any(SPEECH.say(line) in said for line in noted), context


def check_topic(topic: str, step: object, said: str, locale: str, context: str) -> None:
    """After a result, the answer held for its cause; before one, a sensible word."""
    if not isinstance(step, Outcome):
        assert said, context
        return
    if step.triage in ENDING:
        if topic == "when_to_worry":
            assert said.startswith(SPEECH.localised(step.advice, locale)), context
        else:
            assert said.startswith(SPEECH.say(f"red_flag_topic.{topic}")), context
        return
    cause = step.conditions[0] if step.conditions else "unclear"
    answer = KNOWLEDGE.after_result[cause][topic]
    assert SPEECH.localised(answer, locale) in said, context


def check_outcome_effect(
    effect: str, outcome: Outcome, said: str, locale: str, context: str
) -> None:
    advice = SPEECH.localised(outcome.advice, locale)
    names = [KNOWLEDGE.conditions[c].name for c in outcome.conditions]
    if effect == "result":
        expected = f"My best lead is {names[0]}" if names else advice.split(".")[0]
        assert expected in said and outcome.disclaimer in said, context
    elif effect == "runner up":
        if len(names) > 1:
            assert f"The next most likely cause is {names[1]}." in said, context
        else:
            assert "no runner-up" in said or "Nothing else fits" in said, context
    elif effect == "who":
        assert advice in said, context
    else:
        lead = KNOWLEDGE.conditions[outcome.conditions[0]]
        assert SPEECH.localised(lead.description, locale) in said, context
