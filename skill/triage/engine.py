"""What to ask next, and when to stop: the safety screen first, then the elimination interview.

One `Engine` per knowledge, built once: it holds the knowledge's numbers ready for arithmetic
and one memo, the step for each answer sequence (a warm process answers a step it has seen,
such as the replay in `restore` or another runner on the same path, without recomputing it).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from skill.knowledge import NONE_OF_THESE, Knowledge, load_knowledge
from skill.knowledge.model import RED_FLAG_TRIAGES, RedFlag, Triage
from skill.triage import inference
from skill.triage.interview import Answer, Interview, InvalidAnswer

_REASONS_SPOKEN = 2
_TIE = 1e-12  # information gains closer than this differ only by float noise
_MEMO_SIZE = 4096
_ENDING = ("emergency", "urgent")  # red-flag triages that end the interview at once


class Question(NamedTuple):
    id: str
    text: str
    plain: str
    purpose: str
    terms: tuple[str, ...]
    regions: tuple[str, ...]
    # How many symptom questions came before this one (the screen does not count).
    asked_before: int
    is_safety_screen: bool


class Reason(NamedTuple):
    feature_id: str
    answer: Answer
    text: str


class Outcome(NamedTuple):
    triage: Triage
    # Most likely first: one or two for see_specialist, up to two for soon, none otherwise.
    conditions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    # The specialist advice for the lead, or the red-flag or unclear advice.
    advice: str
    disclaimer: str
    # Names the signs answered "not sure" on a specific safety question.
    caution: str | None
    questions_asked: int
    # For "soon": see a doctor within days; said before anything else.
    safety_advice: str | None = None
    # The red flag that decided an emergency, urgent or soon triage.
    red_flag: str | None = None
    # Most answers were "not sure", so nothing could be narrowed down (advice says so).
    uncertain: bool = False
    # How clearly the answers single out what leads: its share of the belief (0 to 1; 0 for a
    # red-flag ending, which weighs no symptoms).
    certainty: float = 0.0


Step = Question | Outcome


class Engine:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._hypotheses = knowledge.hypotheses
        self._none = self._hypotheses.index(NONE_OF_THESE)
        self._prior = inference.normalised([knowledge.priors[h] for h in self._hypotheses])
        settings = knowledge.settings
        self._evidence = {
            fid: inference.evidence(
                feature,
                self._hypotheses,
                slip_rate=settings.slip_rate,
                sometimes_weight=settings.sometimes_weight,
            )
            for fid, feature in knowledge.features.items()
        }
        # The one memo: the step is a pure function of the answers.
        self.next_step = lru_cache(maxsize=_MEMO_SIZE)(self._decide)

    def answer(self, interview: Interview, question_id: str, reply: Answer) -> Interview:
        """Record a reply to the waiting question; anything else is refused."""
        step = self.next_step(interview)
        if not isinstance(step, Question) or step.id != question_id:
            raise InvalidAnswer(f"{question_id!r} is not the question waiting for an answer")
        return interview.with_answer(question_id, reply)

    def restore(self, state: object) -> Interview:
        """The interview in a stored state, or a fresh one if the state is missing or not genuine.

        Each answer must be to a question the knowledge has, and to none answered before it: the
        waiting question, or one the runner volunteered ("I've got a fever") before it was
        asked. Tampered states with unknown or repeated ids never get through.
        """
        stored = Interview.from_state_shape(state)
        if stored is None:
            return Interview()
        asked = [question_id for question_id, _ in stored.answers]
        if len(set(asked)) != len(asked) or not all(map(self.knowledge.is_question, asked)):
            return Interview()
        return stored

    # --- deciding ------------------------------------------------------------------------

    def _decide(self, interview: Interview) -> Step:
        screen = self._screen(interview)
        if isinstance(screen, Question | Outcome):
            return screen
        return self._elimination(interview, screen)

    def _screen(self, interview: Interview) -> Step | tuple[RedFlag, ...]:
        """The next screening question or the red-flag outcome that ends the interview; once
        the screen is through, the flags raised that let the interview go on."""
        # A warning sign answered yes (or sometimes) counts wherever it came from, even one the
        # runner volunteered before its umbrella was asked.
        raised: list[tuple[Triage, RedFlag]] = [
            (flag.triage, flag)
            for flag_id, flag in self.knowledge.red_flags.items()
            if flag.triage is not None
            and interview.answered(flag_id) in (Answer.YES, Answer.SOMETIMES)
        ]
        # Once an umbrella is answered anything but no, every flag from there on is asked on
        # its own and the later umbrellas are skipped: a runner with one warning sign is
        # checked for each of the others too.
        opened = False
        ending = any(triage in _ENDING for triage, _ in raised)
        for flag_id, flag in self.knowledge.red_flags.items():
            umbrella = flag.triage is None
            if ending or (umbrella and opened) or (flag.asks_when is not None and not opened):
                continue
            reply = interview.answered(flag_id)
            if reply is None:
                return self._question(flag_id, asked_before=0)
            if umbrella:
                opened = reply is not Answer.NO
        # The most serious flag raised decides ("sometimes" to a warning sign is a yes: safety
        # first), whatever order the answers came in.
        raised.sort(key=lambda item: RED_FLAG_TRIAGES.index(item[0]))
        if raised and raised[0][0] in _ENDING:
            triage, flag = raised[0]
            return Outcome(
                triage=triage,
                conditions=(),
                reasons=(),
                advice=flag.advice,
                disclaimer=self.knowledge.settings.disclaimer,
                caution=None,
                questions_asked=0,
                red_flag=flag.id,
            )
        return tuple(flag for _, flag in raised)

    def _elimination(self, interview: Interview, raised: tuple[RedFlag, ...]) -> Step:
        answered = tuple((q, a) for q, a in interview.answers if q in self._evidence)
        settings = self.knowledge.settings
        weights = self._weights(answered)
        belief = inference.normalised(weights)
        asked = {q for q, _ in answered}
        remaining = [f for f in self._evidence if f not in asked]
        unsure = sum(reply is Answer.UNSURE for _, reply in answered)
        rivals = self._rivals(weights, answered)
        if (
            len(answered) >= settings.question_cap
            or not remaining
            or (unsure >= settings.unsure_limit and 2 * unsure > len(answered))
            or (
                not rivals
                and (
                    max(belief) >= settings.confident_share
                    or not self._any_answer_changes_verdict(belief, remaining)
                )
            )
        ):
            return self._outcome(interview, weights, answered, raised, rivals)
        if rivals:
            # Unconfirmed: ask what best tells the lead from the conditions that could overturn
            # it, and from "none of these".
            contenders = {
                self._lead(weights),
                self._none,
                *(self._hypotheses.index(rival) for rival in rivals),
            }
            belief = inference.normalised(
                [b if h in contenders else 0.0 for h, b in enumerate(belief)]
            )
        return self._question(self._most_informative(belief, remaining), len(answered))

    def _weights(self, answered: Sequence[tuple[str, Answer]]) -> tuple[float, ...]:
        """Each hypothesis's prior times the chance of these symptom answers (not normalised)."""
        weights = self._prior
        for feature_id, reply in answered:
            chances = self._evidence[feature_id].chances(reply)
            if chances is not None:
                weights = inference.weighed(weights, chances)
        return weights

    def _lead(self, weights: Sequence[float]) -> int:
        """The condition with the largest weight (never NONE_OF_THESE), by index."""
        named = list(weights)
        named[self._none] = -1.0
        return named.index(max(named))

    def _slipped(
        self, weights: Sequence[float], answered: Sequence[tuple[str, Answer]]
    ) -> Iterator[list[float]]:
        """The weights had any one answer given slipped the other way, one per answer."""
        for feature_id, reply in answered:
            evidence = self._evidence[feature_id]
            chances, flipped = evidence.chances(reply), evidence.flipped(reply)
            if chances is not None and flipped is not None:
                yield [w * f / c for w, f, c in zip(weights, flipped, chances, strict=True)]

    def _rivals(
        self, weights: Sequence[float], answered: Sequence[tuple[str, Answer]]
    ) -> tuple[str, ...]:
        """The confirmation rule: the conditions that would become the clear lead (the best
        fit, with at least the minimum share) if any one answer given had slipped the other
        way, most likely first. None: the lead is confirmed."""
        lead = self._lead(weights)
        minimum = self.knowledge.settings.minimum_share
        taken = {
            top
            for alternative in self._slipped(weights, answered)
            if alternative[top := self._lead(alternative)] >= minimum * sum(alternative)
        }
        ranked = sorted(taken - {lead}, key=lambda h: (-weights[h], h))
        return tuple(self._hypotheses[h] for h in ranked)

    def _rescued(
        self, weights: Sequence[float], answered: Sequence[tuple[str, Answer]]
    ) -> str | None:
        """When nothing fits well enough to name: a condition close behind "none of these" (by
        the runner-up ratio) that one slipped answer would have made a clear lead (the most
        likely such), else None."""
        settings = self.knowledge.settings
        close = settings.runner_up_ratio * weights[self._none]
        rescued = [
            lead
            for alternative in self._slipped(weights, answered)
            if max(alternative) == alternative[lead := self._lead(alternative)]
            and alternative[lead] >= settings.minimum_share * sum(alternative)
            and weights[lead] >= close
        ]
        if not rescued:
            return None
        return self._hypotheses[min(rescued, key=lambda h: (-weights[h], h))]

    def _most_informative(self, belief: inference.Distribution, remaining: list[str]) -> str:
        """The remaining question with the largest expected information gain; `remaining` is
        in the knowledge's order, so ties go to the question listed first."""
        best, best_gain = remaining[0], -math.inf
        for feature_id in remaining:
            gain = inference.information_gain(belief, self._evidence[feature_id])
            if gain > best_gain + _TIE:
                best, best_gain = feature_id, gain
        return best

    def _any_answer_changes_verdict(
        self, belief: inference.Distribution, remaining: list[str]
    ) -> bool:
        current = self._verdict(belief)
        # Two hypothetical answers per remaining question: `verdict` takes the products as
        # they are, since its comparisons do not need them to sum to one.
        return any(
            self._verdict(inference.weighed(belief, chances)) != current
            for feature_id in remaining
            for chances in (self._evidence[feature_id].yes, self._evidence[feature_id].no)
        )

    def _verdict(self, weights: Sequence[float]) -> tuple[str, ...]:
        """What the outcome would name for these weights: one or two conditions, or nothing when
        unclear. The weights need not sum to one; ties go to the hypothesis listed first."""
        settings = self.knowledge.settings
        top_weight = max(weights)
        top = weights.index(top_weight)
        if top == self._none or top_weight < settings.minimum_share * sum(weights):
            return ()
        rivals = list(weights)
        rivals[top] = rivals[self._none] = -1.0
        second_weight = max(rivals)
        if second_weight >= settings.runner_up_ratio * top_weight:
            return (self._hypotheses[top], self._hypotheses[rivals.index(second_weight)])
        return (self._hypotheses[top],)

    # --- building steps ------------------------------------------------------------------

    def _outcome(
        self,
        interview: Interview,
        weights: tuple[float, ...],
        answered: Sequence[tuple[str, Answer]],
        raised: tuple[RedFlag, ...],
        rivals: tuple[str, ...],
    ) -> Outcome:
        knowledge = self.knowledge
        belief = inference.normalised(weights)
        settings = knowledge.settings
        unsure_flags = [
            flag.caution
            for fid, flag in knowledge.red_flags.items()
            if flag.triage is not None and interview.answered(fid) is Answer.UNSURE
        ]
        # Mostly "not sure": nothing can be named honestly.
        uncertain = 2 * sum(reply is Answer.UNSURE for _, reply in answered) > len(answered)
        conditions = () if uncertain else self._verdict(belief)
        if conditions and rivals:
            # Unconfirmed: name the condition one slipped answer would have put first.
            conditions = (conditions[0], rivals[0])
        elif not conditions and not uncertain:
            # "Nothing fits" must survive a slip too: if one slipped answer would have made a
            # condition close behind it the clear lead, name the best fit and that condition.
            rescued = self._rescued(weights, answered)
            if rescued is not None:
                lead = self._lead(weights)
                runner_up = self._hypotheses.index(rescued)
                if runner_up == lead:
                    runner_up = self._lead(
                        [-1.0 if h == lead else w for h, w in enumerate(weights)]
                    )
                conditions = (self._hypotheses[lead], self._hypotheses[runner_up])
        soon = raised[0] if raised else None
        if uncertain:
            advice = settings.uncertain_advice
        elif conditions:
            advice = knowledge.conditions[conditions[0]].advice
        else:
            advice = settings.unclear_advice
        return Outcome(
            triage="soon" if soon else "see_specialist" if conditions else "unclear",
            conditions=conditions,
            reasons=self._reasons(conditions[0], answered) if conditions else (),
            advice=advice,
            disclaimer=settings.disclaimer,
            caution=" ".join(unsure_flags) or None,
            questions_asked=len(answered),
            safety_advice=soon.advice if soon else None,
            red_flag=soon.id if soon else None,
            uncertain=uncertain,
            certainty=max(belief),
        )

    def _reasons(
        self, condition_id: str, answered: Sequence[tuple[str, Answer]]
    ) -> tuple[Reason, ...]:
        """The answers that weighed most for the condition against the other conditions."""
        lead = self._hypotheses.index(condition_id)
        rivals = [i for i in range(len(self._hypotheses)) if i not in (lead, self._none)]
        weighed: list[tuple[float, int, Reason]] = []
        for position, (feature_id, reply) in enumerate(answered):
            chances = self._evidence[feature_id].chances(reply)
            if chances is None:  # "not sure" is no reason
                continue
            rival_chance = sum(chances[r] for r in rivals) / len(rivals)
            weight = math.log(chances[lead]) - math.log(rival_chance)
            if weight > 0:
                feature = self.knowledge.features[feature_id]
                text = feature.no_reason if reply is Answer.NO else feature.yes_reason
                weighed.append((weight, position, Reason(feature_id, reply, text)))
        weighed.sort(key=lambda item: (-item[0], item[1]))
        return tuple(reason for _, _, reason in weighed[:_REASONS_SPOKEN])

    def _question(self, question_id: str, asked_before: int) -> Question:
        knowledge = self.knowledge
        return Question(
            id=question_id,
            text=knowledge.question_text(question_id),
            plain=knowledge.plain_text(question_id),
            purpose=knowledge.purpose(question_id),
            terms=knowledge.question_terms(question_id),
            regions=knowledge.question_regions(question_id),
            asked_before=asked_before,
            is_safety_screen=question_id in knowledge.red_flags,
        )


@cache
def shipped_engine() -> Engine:
    """The engine over the knowledge shipped with the skill, built once per process."""
    return Engine(load_knowledge())
