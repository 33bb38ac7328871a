"""What to ask next, and when to stop: the safety screen first, then the elimination interview."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from operator import mul
from typing import NamedTuple

from skill.knowledge import (
    CONDITION_IDS,
    FEATURE_IDS,
    NONE_OF_THESE,
    RED_FLAG_IDS,
    SCREEN_QUESTION,
    InterviewSettings,
    Knowledge,
    load_knowledge,
)
from skill.knowledge.model import HYPOTHESES, Triage
from skill.triage import inference
from skill.triage.interview import Answer, Interview, InvalidAnswer

_REASONS_SPOKEN = 2


class Question(NamedTuple):
    id: str
    text: str
    purpose: str
    # How many symptom questions came before this one (the screen does not count).
    asked_before: int

    @property
    def is_safety_screen(self) -> bool:
        return self.id == SCREEN_QUESTION or self.id in RED_FLAG_IDS


class Reason(NamedTuple):
    feature_id: str
    answer: Answer
    text: str


class Outcome(NamedTuple):
    triage: Triage
    # Most likely first: one or two for see_specialist, none otherwise.
    conditions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    advice: str
    disclaimer: str
    # Said when a specific safety question was answered "not sure".
    caution: str | None
    questions_asked: int


Step = Question | Outcome


def next_step(interview: Interview, knowledge: Knowledge | None = None) -> Step:
    if knowledge is None:
        return _next_step_with_shipped_knowledge(interview)
    return _decide(interview, knowledge)


@lru_cache(maxsize=4096)
def _next_step_with_shipped_knowledge(interview: Interview) -> Step:
    # A pure function of the answers: a warm process answers a step it has seen (the replay in
    # `restore`, a previous turn, another runner on the same path) without recomputing it.
    return _decide(interview, load_knowledge())


def _decide(interview: Interview, knowledge: Knowledge) -> Step:
    screen = _screen(interview, knowledge)
    if screen is not None:
        return screen
    return _elimination(interview, knowledge)


def answer(
    interview: Interview, question_id: str, reply: Answer, knowledge: Knowledge | None = None
) -> Interview:
    """Record a reply to the waiting question; anything else is refused."""
    step = next_step(interview, knowledge)
    if not isinstance(step, Question) or step.id != question_id:
        raise InvalidAnswer(f"{question_id!r} is not the question waiting for an answer")
    return interview.with_answer(question_id, reply)


def restore(state: object, knowledge: Knowledge | None = None) -> Interview:
    """The interview in a stored state, or a fresh one if the state is missing or not genuine.

    An answer counts only if the engine would have asked exactly that question at that point,
    so tampered, reordered or stale states never get through.
    """
    stored = Interview.from_state_shape(state)
    if stored is None:
        return Interview()
    if knowledge is None:
        replayed = _replayed_with_shipped_knowledge(stored.answers)
    else:
        replayed = Interview()
        for reply in stored.answers:
            replayed = _replay_one(replayed, reply, knowledge)
    return replayed or Interview()


@lru_cache(maxsize=4096)
def _replayed_with_shipped_knowledge(answers: tuple[tuple[str, Answer], ...]) -> Interview | None:
    # Each turn's state is the last turn's plus one answer, so a warm process checks only
    # that answer (and hashes the answers twice, rather than every prefix once).
    if not answers:
        return Interview()
    return _replay_one(_replayed_with_shipped_knowledge(answers[:-1]), answers[-1], None)


def _replay_one(
    earlier: Interview | None, reply: tuple[str, Answer], knowledge: Knowledge | None
) -> Interview | None:
    """`earlier` with the reply added, if it answers the question waiting there; else None."""
    if earlier is None:
        return None
    question_id, answer = reply
    step = next_step(earlier, knowledge)
    if not isinstance(step, Question) or step.id != question_id:
        return None
    return earlier.with_answer(question_id, answer)


def clear_memos() -> None:
    """Forget every memo: steps, replays and beliefs (the benchmarks' worst case, a new path)."""
    _next_step_with_shipped_knowledge.cache_clear()
    _replayed_with_shipped_knowledge.cache_clear()
    _weights_with_shipped_knowledge.cache_clear()


def _screen(interview: Interview, knowledge: Knowledge) -> Step | None:
    screen_answer = interview.answered(SCREEN_QUESTION)
    if screen_answer is None:
        return _question(knowledge, SCREEN_QUESTION, asked_before=0)
    if screen_answer is Answer.NO:
        return None
    for flag_id in RED_FLAG_IDS:
        flag_answer = interview.answered(flag_id)
        if flag_answer is None:
            return _question(knowledge, flag_id, asked_before=0)
        if flag_answer is Answer.YES:
            flag = knowledge.red_flags[flag_id]
            assert flag.triage is not None  # the loader guarantees it for specific flags
            return Outcome(
                triage=flag.triage,
                conditions=(),
                reasons=(),
                advice=flag.advice,
                disclaimer=knowledge.settings.disclaimer,
                caution=None,
                questions_asked=0,
            )
    return None


def _elimination(interview: Interview, knowledge: Knowledge) -> Step:
    answered = tuple((q, a) for q, a in interview.answers if q in knowledge.features)
    belief = _belief(answered, knowledge)
    asked = {q for q, _ in answered}
    remaining = [f for f in FEATURE_IDS if f not in asked]
    settings = knowledge.settings
    if (
        len(answered) >= settings.question_cap
        or not remaining
        or max(belief) >= settings.confident_share
        or not _any_answer_changes_verdict(knowledge, belief, remaining)
    ):
        return _outcome(interview, knowledge, belief, answered)
    # `remaining` is in the spec's order, so ties go to the question listed first.
    best = inference.most_informative(knowledge, belief, remaining)
    assert best is not None  # `remaining` is not empty here
    return _question(knowledge, best, asked_before=len(answered))


def _belief(
    answered: tuple[tuple[str, Answer], ...], knowledge: Knowledge
) -> inference.Distribution:
    if knowledge is load_knowledge():
        return inference.normalised(_weights_with_shipped_knowledge(answered))
    return inference.posterior(knowledge, answered)


@lru_cache(maxsize=4096)
def _weights_with_shipped_knowledge(
    answered: tuple[tuple[str, Answer], ...],
) -> Sequence[float]:
    # The same products in the same order as `inference.posterior`, so the same floats; a
    # step only multiplies in its newest answer when the one before was seen.
    if not answered:
        return inference.prior(load_knowledge())
    earlier = _weights_with_shipped_knowledge(answered[:-1])
    return inference.weights_after(load_knowledge(), earlier, answered[-1])


def _any_answer_changes_verdict(
    knowledge: Knowledge, belief: inference.Distribution, remaining: list[str]
) -> bool:
    settings = knowledge.settings
    current = _verdict(settings, belief)
    # Two hypothetical answers per remaining question: `_verdict` takes the products as they
    # are, since its comparisons do not need them to sum to one.
    return any(
        _verdict(settings, weights) != current
        for columns in inference.answer_columns(knowledge, remaining)
        for weights in (tuple(map(mul, belief, columns.yes)), tuple(map(mul, belief, columns.no)))
    )


_NONE_INDEX = HYPOTHESES.index(NONE_OF_THESE)


def _verdict(settings: InterviewSettings, weights: Sequence[float]) -> tuple[str, ...]:
    """What the outcome would name for these weights: one or two conditions, or nothing when
    unclear. The weights need not sum to one; ties go to the hypothesis listed first."""
    top_weight = max(weights)
    top = weights.index(top_weight)
    if top == _NONE_INDEX or top_weight < settings.minimum_share * sum(weights):
        return ()
    rivals = list(weights)
    rivals[top] = rivals[_NONE_INDEX] = -1.0
    second_weight = max(rivals)
    if second_weight >= settings.runner_up_ratio * top_weight:
        return (HYPOTHESES[top], HYPOTHESES[rivals.index(second_weight)])
    return (HYPOTHESES[top],)


def _outcome(
    interview: Interview,
    knowledge: Knowledge,
    belief: inference.Distribution,
    answered: Sequence[tuple[str, Answer]],
) -> Outcome:
    settings = knowledge.settings
    caution = (
        settings.unsure_red_flag_caution
        if any(interview.answered(f) is Answer.UNSURE for f in RED_FLAG_IDS)
        else None
    )
    conditions = _verdict(settings, belief)
    if not conditions:
        return Outcome(
            triage="unclear",
            conditions=(),
            reasons=(),
            advice=settings.unclear_advice,
            disclaimer=settings.disclaimer,
            caution=caution,
            questions_asked=len(answered),
        )
    return Outcome(
        triage="see_specialist",
        conditions=conditions,
        reasons=_reasons(knowledge, conditions[0], answered),
        advice=knowledge.conditions[conditions[0]].advice,
        disclaimer=settings.disclaimer,
        caution=caution,
        questions_asked=len(answered),
    )


def _reasons(
    knowledge: Knowledge, condition_id: str, answered: Sequence[tuple[str, Answer]]
) -> tuple[Reason, ...]:
    """The answers that weighed most for the condition against the other six."""
    rivals = [c for c in CONDITION_IDS if c != condition_id]
    weighed: list[tuple[float, int, Reason]] = []
    for position, (feature_id, reply) in enumerate(answered):
        if reply not in (Answer.YES, Answer.NO):  # only clear answers are spoken as reasons
            continue
        feature = knowledge.features[feature_id]
        yes = reply is Answer.YES
        chances = {h: p if yes else 1.0 - p for h, p in feature.likelihood.items()}
        rival_chance = sum(chances[r] for r in rivals) / len(rivals)
        weight = math.log(chances[condition_id]) - math.log(rival_chance)
        if weight > 0:
            text = feature.yes_reason if yes else feature.no_reason
            weighed.append((weight, position, Reason(feature_id, reply, text)))
    weighed.sort(key=lambda item: (-item[0], item[1]))
    return tuple(reason for _, _, reason in weighed[:_REASONS_SPOKEN])


def _question(knowledge: Knowledge, question_id: str, *, asked_before: int) -> Question:
    return Question(
        id=question_id,
        text=knowledge.question_text(question_id),
        purpose=knowledge.purpose(question_id),
        asked_before=asked_before,
    )
