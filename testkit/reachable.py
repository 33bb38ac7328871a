"""Every turn the skill can say: each dialogue method, in every state along many interview
paths (the vignettes, red flags, random answers), in every locale. The brevity tests and the
benchmark's word counts (bench/words.py) read the same enumeration."""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from skill.interaction_model.builder import locales
from skill.interaction_model.told import CHECKED_FACTS
from skill.knowledge import load_knowledge
from skill.knowledge.model import AFTER_RESULT_TOPICS
from skill.knowledge.speech import DEFAULT_LOCALE
from skill.triage import Answer, Interview, Outcome, Question
from skill.voice.dialogue import Conversation, Dialogue, Turn, step_of
from testkit.vignettes import VIGNETTES_FILE

VIGNETTES = VIGNETTES_FILE
SCREEN_QUESTION = "red_flag_any"
# The specific warning signs (the umbrellas only open them), as the knowledge lists them.
RED_FLAG_IDS = tuple(f.id for f in load_knowledge().red_flags.values() if f.triage is not None)
RANDOM_PATHS = 60
# Volunteered facts that are no question of their own: acknowledged, or checked with one.
_SPECIAL_FACTS = ("both_sides", "one_side", "other_place", *CHECKED_FACTS)


class Reached(NamedTuple):
    said: str  # what was said to get this turn
    state: str  # where: "none", a question id, or the outcome's triage
    locale: str
    turn: Turn

    @property
    def words(self) -> int:
        return len(" ".join(self.turn.said.speech).split())

    @property
    def reprompt_words(self) -> int:
        return len((self.turn.said.reprompt or "").split())


def _played(answers: dict[str, str], otherwise: Callable[[str], Answer]) -> list[Interview]:
    """Each interview along the way of a runner who answers `answers`, else `otherwise`."""
    interview = Interview()
    seen = [interview]
    while isinstance(step := step_of(interview), Question):
        code = answers.get(step.id)
        interview = interview.with_answer(step.id, Answer(code) if code else otherwise(step.id))
        seen.append(interview)
    return seen


def _interview_paths() -> list[list[Interview]]:
    """The interviews along each enumerated path: the vignettes, each red flag said yes and not
    sure, and seeded random runners."""
    vignettes = tomllib.loads(VIGNETTES.read_text("utf-8"))["vignette"]
    paths: list[list[Interview]] = [
        _played(v["answers"] | {SCREEN_QUESTION: "n"}, lambda _: Answer.NO) for v in vignettes
    ]
    for flag in RED_FLAG_IDS:
        paths.append(_played({SCREEN_QUESTION: "y", flag: "y"}, lambda _: Answer.NO))
        paths.append(_played({SCREEN_QUESTION: "u", flag: "u"}, lambda _: Answer.NO))
    for seed in range(RANDOM_PATHS):
        chooser = random.Random(seed)
        paths.append(_played({}, lambda _, c=chooser: c.choice(list(Answer))))
    return paths


def interview_states() -> list[Interview]:
    """Every distinct interview reached along the enumerated paths."""
    unique: dict[Interview, None] = {}
    for path in _interview_paths():
        unique.update(dict.fromkeys(path))
    return list(unique)


def _requests(dialogue: Dialogue) -> list[tuple[str, Callable[[Conversation], Turn]]]:
    knowledge = load_knowledge()
    requests: list[tuple[str, Callable[[Conversation], Turn]]] = [
        *((f"answer {a.name}", lambda c, a=a: dialogue.answer(c, a)) for a in Answer),
        ("launch", dialogue.launch),
        ("start", dialogue.start),
        ("start over", dialogue.start_over),
        ("confused", dialogue.confused),
        ("repeat", dialogue.repeat),
        ("why", dialogue.why),
        ("go back", dialogue.go_back),
        ("help", dialogue.help),
        ("not understood", dialogue.not_understood),
        ("not understood twice", lambda c: dialogue.not_understood(c._replace(misunderstood=1))),
        ("error", dialogue.error),
        ("stop", dialogue.stop),
        ("result", dialogue.result),
        ("runner-up", dialogue.runner_up),
        ("who to see", dialogue.who_to_see),
        ("questions left", dialogue.questions_left),
        ("more", dialogue.more),
        ("explain", lambda c: dialogue.explain(c, None)),
        ("explain unknown", lambda c: dialogue.explain(c, None, "tennis elbow")),
        ("term unknown", lambda c: dialogue.term(c, None)),
        ("correct yes", lambda c: dialogue.correct(c, Answer.YES)),
        ("correct unknown", lambda c: dialogue.correct(c, None)),
        ("warning sign", lambda c: dialogue.warning_sign(c, "red_flag_trauma_fever")),
        ("warning sign unknown", lambda c: dialogue.warning_sign(c, None)),
        ("no warning sign", dialogue.no_warning_sign),
        ("warning sign taken back", lambda c: dialogue.no_warning_sign(c, "red_flag_serious")),
        ("fact", lambda c: dialogue.fact(c, "low_back_pain")),
        ("no fact", lambda c: dialogue.fact(c, "past_knee", Answer.NO)),
        ("fact sometimes", lambda c: dialogue.fact(c, "past_knee", Answer.SOMETIMES)),
        ("no but fact", lambda c: dialogue.answer_with_fact(c, "tailbone", Answer.NO)),
        ("yes and fact", lambda c: dialogue.answer_with_fact(c, "tailbone", Answer.YES)),
        ("fact unknown", lambda c: dialogue.fact(c, None)),
        *((f"fact {f}", lambda c, f=f: dialogue.fact(c, f)) for f in _SPECIAL_FACTS),
        ("gradual onset", dialogue.gradual_onset),
        ("stops above the knee", dialogue.stops_above_knee),
        ("duration", dialogue.duration),
        ("medicine", dialogue.medicine),
        ("treatment", dialogue.treatment),
        ("hold on", dialogue.hold_on),
        ("suspect unknown", lambda c: dialogue.suspect(c, None, "tennis elbow")),
        ("already asked", dialogue.already_asked),
        ("disagree", dialogue.disagree),
        ("privacy", dialogue.privacy),
        ("send", dialogue.send),
        ("pregnancy", dialogue.pregnancy),
        ("race", dialogue.race),
        ("not a doctor", dialogue.not_a_doctor),
        ("small talk", dialogue.small_talk),
        ("how sure", dialogue.how_sure),
        ("thanks", dialogue.thanks),
        *((f"ask {t}", lambda c, t=t: dialogue.after_result(c, t)) for t in AFTER_RESULT_TOPICS),
    ]
    # A cause named in an after-result question ("how long does sciatica take to heal?"): for
    # each topic, the cause whose name and answer are longest together.
    for topic in AFTER_RESULT_TOPICS:
        cause = max(
            knowledge.after_result.keys() & knowledge.causes.keys(),
            key=lambda cid, t=topic: len(
                f"{knowledge.causes[cid].name} {knowledge.after_result[cid][t]}".split()
            ),
        )
        requests.append(
            (
                f"ask {topic} about {cause}",
                lambda c, t=topic, k=cause: dialogue.after_result(c, t, k),
            )
        )
    requests += [
        (f"explain {cid}", lambda c, cid=cid: dialogue.explain(c, cid, cid))
        for cid in knowledge.conditions
    ]
    requests += [
        (f"term {tid}", lambda c, tid=tid: dialogue.term(c, tid)) for tid in knowledge.terms
    ]
    requests += [
        (f"suspect {cid}", lambda c, cid=cid: dialogue.suspect(c, cid, cid))
        for cid in knowledge.causes
    ]
    # How two causes differ: the result's own, and the two said in the most words.
    wordiest = sorted(
        knowledge.causes.values(),
        key=lambda cause: -len(f"{cause.name} {cause.sets_apart}".split()),
    )
    first, second = wordiest[0].id, wordiest[1].id
    requests += [
        ("difference", lambda c: dialogue.compare(c, (None, None), (None, None))),
        (
            f"difference {first} {second}",
            lambda c: dialogue.compare(c, (first, first), (second, second)),
        ),
    ]
    return requests


def reachable_turns(dialogue: Dialogue | None = None) -> Iterator[Reached]:
    dialogue = dialogue or Dialogue()
    requests = _requests(dialogue)
    interviews: list[Interview | None] = [None, *interview_states()]
    for locale in locales():
        for interview in interviews:
            conversation = Conversation(interview, locale=locale)
            step = conversation.step
            state = (
                "none"
                if step is None
                else step.id
                if isinstance(step, Question)
                else f"outcome {step.triage}"
            )
            for said, request in requests:
                yield Reached(said, state, locale, request(conversation))


@cache
def all_reachable() -> tuple[Reached, ...]:
    """`reachable_turns()` of the shipped dialogue, computed once per test run."""
    return tuple(reachable_turns())


def outcomes() -> list[Outcome]:
    """Every distinct outcome reached along the enumerated paths."""
    found = {}
    for interview in interview_states():
        step = step_of(interview)
        if isinstance(step, Outcome):
            found[step] = None
    return list(found)


# Requests that ask for something heard before: what they say again is no filler.
# Requests that ask to hear something again; "when should I worry" after a warning sign hears
# its advice again.
ASKED_AGAIN = ("result", "repeat", "when_to_worry")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _conversation(
    dialogue: Dialogue, interview_path: list[Interview], locale: str
) -> list[tuple[str, Turn]]:
    """A whole session along one interview path: the launch, each answer (with "what do you
    mean" at the second symptom question and "why" at the fourth), then what runners ask once
    they have a result, and thanks."""
    turn = dialogue.launch(Conversation(locale=locale))
    played: list[tuple[str, Turn]] = [("launch", turn)]
    for before, after in pairwise(interview_path):
        step = step_of(before)
        assert isinstance(step, Question)
        asides = {2: ("confused", dialogue.confused), 4: ("why", dialogue.why)}
        if not step.is_safety_screen and step.asked_before in asides:
            said, request = asides[step.asked_before]
            turn = request(turn.conversation)
            played.append((said, turn))
        turn = dialogue.answer(turn.conversation, after.answers[-1][1])
        played.append((f"answer {after.answers[-1][1].name}", turn))
    if turn.conversation.confirming is not None:  # a warning sign checked after the last answer
        turn = dialogue.answer(turn.conversation, Answer.NO)
        played.append(("answer the check NO", turn))
    requests: list[tuple[str, Callable[[Conversation], Turn]]] = [
        ("why", dialogue.why),
        ("runner-up", dialogue.runner_up),
        ("who to see", dialogue.who_to_see),
        ("more", dialogue.more),
        ("how sure", dialogue.how_sure),
        *((t, lambda c, t=t: dialogue.after_result(c, t)) for t in AFTER_RESULT_TOPICS),
        ("result", dialogue.result),
        ("thanks", dialogue.thanks),
    ]
    for said, request in requests:
        turn = request(turn.conversation)
        played.append((said, turn))
    return played


@cache
def all_conversations() -> tuple[tuple[tuple[str, Turn], ...], ...]:
    """Every whole session along the enumerated interview paths, in en-US, computed once."""
    dialogue = Dialogue()
    paths = _interview_paths()
    return tuple(tuple(_conversation(dialogue, path, DEFAULT_LOCALE)) for path in paths)


def repeated_sentences(conversation: tuple[tuple[str, Turn], ...]) -> dict[str, int]:
    """The sentences a session heard more than once without asking for them again, with how
    often each was heard."""
    heard: dict[str, int] = {}
    for said, turn in conversation:
        if said in ASKED_AGAIN:
            continue
        for line in turn.said.speech:
            for sentence in _SENTENCE_END.split(line):
                heard[sentence] = heard.get(sentence, 0) + 1
    return {sentence: times for sentence, times in heard.items() if times > 1}
