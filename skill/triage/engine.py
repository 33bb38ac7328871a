"""What to ask next, and when to stop: the safety screen first, then the elimination interview.

One `Engine` per knowledge, built once: it holds the knowledge's numbers ready for arithmetic
and one memo, the step for each answer sequence (a warm process answers a step it has seen,
such as the replay in `restore` or another runner on the same path, without recomputing it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import mul
from typing import NamedTuple

from skill.knowledge import NONE_OF_THESE, Knowledge, load_knowledge
from skill.knowledge.model import RED_FLAG_TRIAGES, RedFlag, Triage
from skill.triage import inference
from skill.triage.interview import Answer, Interview, InvalidAnswer

_REASONS_SPOKEN = 2
_TIE = 1e-12  # information gains closer than this differ only by float noise
_MEMO_SIZE = 4096
_ENDING = ("emergency", "urgent")  # red-flag triages that end the interview at once
_RAISES = (Answer.YES, Answer.SOMETIMES)  # answers that raise a red flag
_TELLS_AGAINST = 2.0  # how much likelier from the lead an answer must be to count against another
# How far a question must tell two causes apart to be asked before a look-alike is named: the
# log ratios of their chances of a yes and of a no, added (0.85 against 0.2 gives about 3).
_SEPARATES = 2.0


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
    # Most likely first: one or two of the seven for see_specialist, one or two look-alikes for
    # elsewhere, up to two for soon, none otherwise.
    conditions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    # Who to see for the lead, or the red-flag or unclear advice.
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
        self._lookalike = tuple(h in knowledge.lookalikes for h in self._hypotheses)
        causes = tuple(knowledge.causes.values())
        # For each defining sign, the causes it defines; and how many signs each cause has.
        self._defines: dict[str, list[int]] = {}
        for index, cause in enumerate(causes):
            for feature_id in cause.defining:
                self._defines.setdefault(feature_id, []).append(index)
        self._signs = tuple(len(cause.defining) for cause in causes)
        # What an answer settles besides its own question (`implies` in the knowledge): a yes
        # answers the implied questions too, and a no to an implied question answers no to
        # each question implying it.
        self._settled_by_yes = {fid: f.implies for fid, f in knowledge.features.items()}
        self._settled_by_no: dict[str, tuple[str, ...]] = {}
        for fid, feature in knowledge.features.items():
            for implied in feature.implies:
                self._settled_by_no[implied] = (*self._settled_by_no.get(implied, ()), fid)
        self._signs_of = tuple(frozenset(cause.defining) for cause in causes)
        self._lookalikes = frozenset(h for h, lookalike in enumerate(self._lookalike) if lookalike)
        self._causes = frozenset(range(len(causes)))
        self._focus = knowledge.settings.focus
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
        # What a slip of each answer does to the weights (see inference.Evidence), with its
        # largest factor, which bounds how far the slip can lift any cause.
        self._slips = {
            (fid, reply): (factors, max(factors))
            for fid, evidence in self._evidence.items()
            for reply in (Answer.YES, Answer.SOMETIMES, Answer.NO)
            if (factors := evidence.slipped(reply)) is not None
        }
        # For each answer that can be a reason, its words and how much it weighs for each cause
        # against the other causes (a log ratio, worked out once here rather than per outcome).
        self._reasoning = {
            (fid, reply): (
                Reason(fid, reply, text),
                self._weighs_for(self._evidence[fid].chances(reply) or ()),
            )
            for fid, feature in knowledge.features.items()
            for reply, text in (
                (Answer.YES, feature.yes_reason),
                (Answer.SOMETIMES, feature.sometimes_reason),
                (Answer.NO, feature.no_reason),
            )
        }
        # For each yes or sometimes, the causes it points to (it weighs for them): a cause is named
        # only once the runner has affirmed something that points to it (a yes, or two
        # sometimes).
        self._points_to = {
            answer: frozenset(h for h, weight in enumerate(weighs) if weight > 0)
            for answer, (_, weighs) in self._reasoning.items()
            if answer[1] in _RAISES
        }
        # Every question as the knowledge words it, made once; a step adds how many came before.
        self._questions = {
            question_id: Question(
                id=question_id,
                text=knowledge.question_text(question_id),
                plain=knowledge.plain_text(question_id),
                purpose=knowledge.purpose(question_id),
                terms=knowledge.question_terms(question_id),
                regions=knowledge.question_regions(question_id),
                asked_before=0,
                is_safety_screen=question_id in knowledge.red_flags,
            )
            for question_id in (*knowledge.red_flags, *knowledge.features)
        }
        # The one memo: the step is a pure function of the answers.
        self.next_step = lru_cache(maxsize=_MEMO_SIZE)(self._decide)

    def answer(self, interview: Interview, question_id: str, reply: Answer) -> Interview:
        """Record a reply to the waiting question; anything else is refused."""
        step = self.next_step(interview)
        if not isinstance(step, Question) or step.id != question_id:
            raise InvalidAnswer(f"{question_id!r} is not the question waiting for an answer")
        return interview.with_answer(question_id, reply)

    def belief(self, interview: Interview) -> tuple[float, ...]:
        """How likely each hypothesis (the knowledge's order) is after the symptom answers given,
        summing to one."""
        answered = tuple((q, a) for q, a in interview.answers if q in self._evidence)
        return tuple(inference.normalised(self._weights(answered)))

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
        distinct = set(asked)
        if len(distinct) != len(asked) or not distinct <= self._questions.keys():
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
        the screen is through, the flags raised that let the interview go on. A flag that
        follows a symptom question is asked as soon as that question is answered yes or
        sometimes."""
        # A warning sign answered yes (or sometimes: safety first) counts wherever it came
        # from, even one the runner volunteered before its umbrella was asked.
        given = dict(interview.answers)
        raised: list[tuple[Triage, RedFlag]] = [
            (flag.triage, flag)
            for flag_id, flag in self.knowledge.red_flags.items()
            if flag.triage is not None and given.get(flag_id) in _RAISES
        ]
        # Once an umbrella is answered anything but no, every flag from there on is asked on
        # its own and the later umbrellas are skipped: a runner with one warning sign is
        # checked for each of the others too.
        opened = False
        ending = any(triage in _ENDING for triage, _ in raised)
        for flag_id, flag in self.knowledge.red_flags.items():
            umbrella = flag.triage is None
            if ending:
                break
            if flag.follows is not None:
                if given.get(flag.follows) not in _RAISES:
                    continue
            elif (umbrella and opened) or (flag.asks_when is not None and not opened):
                continue
            reply = given.get(flag_id)
            if reply is None:
                return self._question(flag_id, asked_before=self._symptoms_asked(interview))
            if umbrella:
                opened = reply is not Answer.NO
        # The most serious flag raised decides, whatever order the answers came in.
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
                questions_asked=self._symptoms_asked(interview),
                red_flag=flag.id,
            )
        return tuple(flag for _, flag in raised)

    def _symptoms_asked(self, interview: Interview) -> int:
        return sum(question_id in self._evidence for question_id, _ in interview.answers)

    def _elimination(self, interview: Interview, raised: tuple[RedFlag, ...]) -> Step:
        answered = tuple((q, a) for q, a in interview.answers if q in self._evidence)
        settings = self.knowledge.settings
        weights = self._weights(answered)
        unnamable = self._unnamable(answered)
        verdict = self._verdict(weights, unnamable)
        top_weight = max(weights)
        top = weights.index(top_weight)
        share = top_weight / sum(weights)
        settled = self._settled(answered)
        remaining = [f for f in self._evidence if f not in settled]
        unsure = sum(reply is Answer.UNSURE for _, reply in answered)
        first = self._ask_first(verdict, settled)
        if first is not None and len(answered) < settings.question_cap:
            # Asked as soon as the cause could be named, so the cap never leaves it out.
            return self._question(first, len(answered))
        rivals: tuple[int, ...] | None = None
        ended = (
            len(answered) >= settings.question_cap
            or not remaining
            or (unsure >= settings.unsure_limit and 2 * unsure > len(answered))
        )
        if not ended and len(answered) >= settings.usual_questions:
            # Past the usual length, only a result that one slipped answer would change is
            # double-checked: and only for a runner who affirmed something, with no look-alike
            # named.
            verdict, rivals = self._confirmed(weights, answered, verdict, unnamable)
            ended = (
                not rivals
                or (bool(verdict) and self._lookalike[verdict[0]])
                or not any(reply in _RAISES for _, reply in answered)
            )
        # A look-alike is named by its own sign, which the runner has affirmed.
        sure = bool(verdict) and self._lookalike[top] and share >= settings.elsewhere_share
        if not (ended or sure):
            if share >= settings.confident_share:
                # The slip check, the costly part, waits until the lead is sure enough to stop.
                if rivals is None:
                    verdict, rivals = self._confirmed(weights, answered, verdict, unnamable)
                sure = not rivals and bool(verdict or top == self._none)
            if not sure:
                question, gain = self._most_informative(weights, remaining)
                if gain >= settings.least_gain:
                    return self._question(question, len(answered))
        if rivals is None:
            verdict, rivals = self._confirmed(weights, answered, verdict, unnamable)
        # The runner-up is chosen before the checks, so its own ask-first question is asked too.
        verdict = self._with_runner_up(verdict, rivals, unnamable, settled if ended else None)
        check = None if ended else self._before_naming(weights, verdict, settled, unnamable)
        if check is not None:
            return self._question(check, len(answered))
        in_doubt = () if verdict else self._in_doubt(weights, unnamable)
        return self._outcome(interview, answered, raised, verdict, share, in_doubt)

    def _settled(self, answered: Sequence[tuple[str, Answer]]) -> set[str]:
        """The questions answered, directly or through a question that implies them."""
        settled = {question_id for question_id, _ in answered}
        for question_id, reply in answered:
            if reply in _RAISES:
                settled.update(self._settled_by_yes[question_id])
            elif reply is Answer.NO:
                settled.update(self._settled_by_no.get(question_id, ()))
        return settled

    def _with_runner_up(
        self,
        verdict: tuple[int, ...],
        rivals: tuple[int, ...],
        unnamable: frozenset[int],
        settled: set[str] | None,
    ) -> tuple[int, ...]:
        """Stopped before a slip was ruled out: the likeliest cause of the lead's kind that a
        slip would put first is named too, if it may be named. Once no question is left to ask
        (`settled` given), a cause whose ask-first question went unasked is not named second."""
        if len(verdict) != 1 or not rivals:
            return verdict
        runner_up = [
            r
            for r in rivals
            if r not in unnamable
            and self._same_kind(verdict[0], r)
            and (settled is None or self._ask_first((r,), settled) is None)
        ]
        return (verdict[0], *runner_up[:1])

    def _confirmed(
        self,
        weights: Sequence[float],
        answered: Sequence[tuple[str, Answer]],
        verdict: tuple[int, ...],
        unnamable: frozenset[int],
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The verdict after the slip check, and the rivals left (none: confirmed). A single
        rival of the lead's kind that may be named becomes the runner-up, which settles it."""
        top = weights.index(max(weights))
        rivals = self._rivals(weights, answered, {top, *verdict})
        if (
            len(verdict) == 1
            and len(rivals) == 1
            and rivals[0] not in unnamable
            and self._same_kind(verdict[0], rivals[0])
        ):
            return (verdict[0], rivals[0]), ()
        return verdict, rivals

    def _ask_first(self, verdict: tuple[int, ...], settled: set[str]) -> str | None:
        """A question, not settled yet, that must be asked before a cause of the verdict is
        named (`ask_first`)."""
        for cause in verdict:
            for feature_id in self.knowledge.causes[self._hypotheses[cause]].ask_first:
                if feature_id not in settled:
                    return feature_id
        return None

    def _before_naming(
        self,
        weights: Sequence[float],
        verdict: tuple[int, ...],
        settled: set[str],
        unnamable: frozenset[int],
    ) -> str | None:
        """A question to ask before the verdict is named: its causes' `ask_first`; for a
        look-alike, the question left that best tells it from one of the seven fitting close
        behind it; or the own sign of a look-alike, not settled yet, that fits close enough to
        the lead that a yes to its sign could overturn it (the heaviest such)."""
        first = self._ask_first(verdict, settled)
        if first is not None or not verdict:
            return first
        if self._lookalike[verdict[0]]:
            apart = self._telling_apart(weights, verdict[0], settled, unnamable)
            if apart is not None:
                return apart
        doubt = self.knowledge.settings.lookalike_check * weights[verdict[0]]
        unasked = [
            (weight, sign)
            for h, weight in enumerate(weights)
            if h in self._lookalikes and h not in verdict and weight >= doubt
            for sign in self._signs_of[h]
            if not self._signs_of[h] & settled
        ]
        return max(unasked)[1] if unasked else None

    def _telling_apart(
        self,
        weights: Sequence[float],
        lookalike: int,
        settled: set[str],
        unnamable: frozenset[int],
    ) -> str | None:
        """The question not settled yet that best tells `lookalike` from the heaviest of the
        seven, if that one may be named and holds `seven_check` of its weight, and the
        question tells them apart well enough (`_SEPARATES`)."""
        seven = [
            (weight, h)
            for h, weight in enumerate(weights)
            if not self._lookalike[h] and h != self._none and h not in unnamable
        ]
        if not seven:
            return None
        weight, cause = max(seven)
        if weight < self.knowledge.settings.seven_check * weights[lookalike]:
            return None
        log = math.log
        best, best_apart = None, _SEPARATES
        for feature_id, evidence in self._evidence.items():
            if feature_id in settled:
                continue
            yes, other = evidence.yes[lookalike], evidence.yes[cause]
            apart = abs(log(yes / other)) + abs(log((1.0 - yes) / (1.0 - other)))
            if apart > best_apart:
                best, best_apart = feature_id, apart
        return best

    def _same_kind(self, cause: int, other: int) -> bool:
        """Both of the seven, or both look-alikes."""
        return self._lookalike[cause] == self._lookalike[other]

    def _weights(self, answered: Sequence[tuple[str, Answer]]) -> tuple[float, ...]:
        """Each hypothesis's prior times the chance of these symptom answers (not normalised)."""
        weights = self._prior
        for feature_id, reply in answered:
            chances = self._evidence[feature_id].chances(reply)
            if chances is not None:
                weights = inference.weighed(weights, chances)
        return weights

    def _unnamable(self, answered: Sequence[tuple[str, Answer]]) -> frozenset[int]:
        """The causes the outcome may not name: one whose defining signs were each answered no;
        a look-alike none of whose defining signs was answered yes (or sometimes) yet; and a
        cause that neither a yes nor two sometimes point to: it leads only because everything
        else was denied (a near miss, not a fit), or on one hedge alone (a hint, not a fit)."""
        affirmed: set[int] = set()
        pointed_to: set[int] = set()
        hinted: set[int] = set()  # pointed to by one sometimes so far
        denials: dict[int, int] = {}
        for answer in answered:
            feature_id, reply = answer
            points_to = self._points_to.get(answer, frozenset())
            if reply is Answer.YES:
                pointed_to.update(points_to)
            elif reply is Answer.SOMETIMES:
                pointed_to.update(points_to & hinted)
                hinted.update(points_to)
            for cause in self._defines.get(feature_id, ()):
                if reply in _RAISES:
                    affirmed.add(cause)
                elif reply is Answer.NO:
                    denials[cause] = denials.get(cause, 0) + 1
        denied = {cause for cause, count in denials.items() if count == self._signs[cause]}
        return (self._lookalikes - affirmed) | (self._causes - pointed_to) | denied

    def _rivals(
        self,
        weights: Sequence[float],
        answered: Sequence[tuple[str, Answer]],
        named: set[int],
    ) -> tuple[int, ...]:
        """The confirmation rule: the causes, other than those `named`, that would become the
        clear lead (the best explanation of all, with at least the minimum share) if any one
        answer given had slipped the other way, most likely first. None: safe from a slip."""
        minimum = self.knowledge.settings.minimum_share
        lead_weight = max(weights)
        lead = weights.index(lead_weight)
        # The heaviest cause that could take over: a slip multiplies its weight by at most the
        # largest factor, so most slips are seen to change nothing without being worked out.
        challenger = max(w for h, w in enumerate(weights) if h not in named and h != self._none)
        taken = set()
        slips = self._slips
        for answer in answered:
            slip = slips.get(answer)
            if slip is None:  # "not sure" cannot slip
                continue
            factors, most = slip
            if challenger * most < lead_weight * factors[lead]:
                continue
            alternative = tuple(map(mul, weights, factors))
            top_weight = max(alternative)
            top = alternative.index(top_weight)
            if top in named or top == self._none or top_weight < minimum * sum(alternative):
                continue
            taken.add(top)
        return tuple(sorted(taken, key=lambda h: (-weights[h], h)))

    def _most_informative(
        self, weights: Sequence[float], remaining: list[str]
    ) -> tuple[str, float]:
        """The remaining question with the largest expected information gain about the cause,
        and that gain; `remaining` is in the knowledge's order, so ties go to the question listed
        first. The causes holding less than `focus` of the lead's share count as one, "something
        else": a question that only tells those apart is worth nothing yet.

        The gain is H(answer) minus the expected noise of the answer given the cause, worked on
        the unnormalised weights (one division per question) with the lumped causes zeroed in a
        copy of the weights, so each question costs three C-level dot products."""
        total = sum(weights)
        floor = self._focus * max(weights)
        kept = tuple(w if w >= floor else 0.0 for w in weights)
        rest = total - sum(kept)
        lumped = rest > _TIE * total
        log2 = math.log2
        best, best_gain = remaining[0], -math.inf
        for feature_id in remaining:
            evidence = self._evidence[feature_id]
            yes: float = sum(map(mul, weights, evidence.yes))
            p = yes / total  # never 0 or 1: every answer may slip
            unpredictable = -(p * log2(p) + (1.0 - p) * log2(1.0 - p))
            if unpredictable - evidence.quietest <= best_gain + _TIE:
                continue  # cannot beat the best so far
            noise: float = sum(map(mul, kept, evidence.noise))
            if lumped:
                # "Something else" answers yes with the mixed chance of the causes it holds.
                q = (yes - sum(map(mul, kept, evidence.yes))) / rest
                if 0.0 < q < 1.0:
                    noise -= rest * (q * log2(q) + (1.0 - q) * log2(1.0 - q))
            gain = unpredictable - noise / total
            if gain > best_gain + _TIE:
                best, best_gain = feature_id, gain
        return best, best_gain

    def _verdict(
        self, weights: Sequence[float], unnamable: frozenset[int] = frozenset()
    ) -> tuple[int, ...]:
        """Who the outcome would name for these weights, by index: the best explanation of all,
        with a runner-up of its kind when one is close, or nobody when "none of these" leads,
        the lead is too weak or may not be named, or one of the seven leads with a look-alike
        close behind it. The weights need not sum to one; ties go to the one listed first."""
        settings = self.knowledge.settings
        top = self._namable_lead(weights, unnamable)
        if top is None:
            return ()
        top_weight = weights[top]
        if self._lookalike_in_doubt(weights, top, unnamable) is not None:
            # A look-alike fits nearly as well: one of the seven would be no honest answer.
            return ()
        close = settings.runner_up_ratio * top_weight
        kind = self._lookalike[top]
        same: tuple[float, int] = (-1.0, -1)
        for h, weight in enumerate(weights):
            if h in (top, self._none) or h in unnamable or self._lookalike[h] != kind:
                continue
            if weight > same[0]:
                same = (weight, h)
        return (top, same[1]) if same[0] >= close else (top,)

    def _lookalike_in_doubt(
        self, weights: Sequence[float], top: int, unnamable: frozenset[int]
    ) -> int | None:
        """The look-alike, one that may be named, fitting close enough behind `top`, one of the
        seven, that naming `top` would be no honest answer (`lookalike_doubt` of its weight):
        the heaviest such, or None."""
        if self._lookalike[top]:
            return None
        doubt = self.knowledge.settings.lookalike_doubt * weights[top]
        close = [
            (weight, -h)
            for h, weight in enumerate(weights)
            if self._lookalike[h] and h not in unnamable and weight >= doubt
        ]
        return -max(close)[1] if close else None

    def _in_doubt(self, weights: Sequence[float], unnamable: frozenset[int]) -> tuple[int, ...]:
        """One of the seven that would lead, and the look-alike that fits nearly as well, when
        that pair is why nothing is named; otherwise nothing."""
        top = self._namable_lead(weights, unnamable)
        if top is None:
            return ()
        lookalike = self._lookalike_in_doubt(weights, top, unnamable)
        return () if lookalike is None else (top, lookalike)

    def _namable_lead(self, weights: Sequence[float], unnamable: frozenset[int]) -> int | None:
        """The best explanation of all, if it is a cause that may be named and holds at least
        `minimum_share` (ties go to the one listed first); None otherwise."""
        top_weight = max(weights)
        top = weights.index(top_weight)
        if (
            top == self._none
            or top in unnamable
            or top_weight < self.knowledge.settings.minimum_share * sum(weights)
        ):
            return None
        return top

    # --- building steps ------------------------------------------------------------------

    def _outcome(
        self,
        interview: Interview,
        answered: Sequence[tuple[str, Answer]],
        raised: tuple[RedFlag, ...],
        verdict: tuple[int, ...],
        certainty: float,
        in_doubt: tuple[int, ...] = (),
    ) -> Outcome:
        knowledge = self.knowledge
        settings = knowledge.settings
        unsure = {question_id for question_id, reply in interview.answers if reply is Answer.UNSURE}
        unsure_flags = [
            flag.caution
            for fid, flag in knowledge.red_flags.items()
            if flag.triage is not None and fid in unsure
        ]
        # Mostly "not sure": nothing can be named honestly.
        uncertain = 2 * sum(reply is Answer.UNSURE for _, reply in answered) > len(answered)
        named = () if uncertain else verdict
        conditions = tuple(self._hypotheses[h] for h in named)
        soon = raised[0] if raised else None
        if uncertain:
            advice = settings.uncertain_advice
        elif conditions:
            advice = knowledge.causes[conditions[0]].advice
        elif in_doubt:
            first, second = (knowledge.causes[self._hypotheses[h]].name for h in in_doubt)
            advice = settings.in_doubt_advice.replace("{first}", first).replace("{second}", second)
        else:
            advice = settings.unclear_advice
        triage: Triage = "unclear"
        if soon:
            triage = "soon"
        elif conditions:
            triage = "elsewhere" if conditions[0] in knowledge.lookalikes else "see_specialist"
        return Outcome(
            triage=triage,
            conditions=conditions,
            reasons=self._reasons(named[0], answered) if named else (),
            advice=advice,
            disclaimer=settings.disclaimer,
            caution=" ".join(unsure_flags) or None,
            questions_asked=len(answered),
            safety_advice=soon.advice if soon else None,
            red_flag=soon.id if soon else None,
            uncertain=uncertain,
            certainty=certainty,
        )

    def _weighs_for(self, chances: Sequence[float]) -> tuple[float, ...]:
        """How much an answer with these chances weighs for each cause: the log of its chance
        for that cause over its mean chance for the other causes ("none of these" left out)."""
        others = len(chances) - 2
        rest = sum(chances) - chances[self._none]
        return tuple(math.log(c) - math.log((rest - c) / others) for c in chances)

    def _reasons(self, lead: int, answered: Sequence[tuple[str, Answer]]) -> tuple[Reason, ...]:
        """The answers that weighed most for the lead against the other causes, each in the
        words of its question for the answer given."""
        weighed: list[tuple[float, int, Reason]] = []
        for position, answer in enumerate(answered):
            reasoning = self._reasoning.get(answer)
            if reasoning is None:  # "not sure" is no reason
                continue
            reason, weights = reasoning
            if weights[lead] > 0:
                weighed.append((weights[lead], position, reason))
        weighed.sort(key=lambda item: (-item[0], item[1]))
        return tuple(reason for _, _, reason in weighed[:_REASONS_SPOKEN])

    def against(self, interview: Interview, cause_id: str, lead_id: str) -> Reason | None:
        """The answer given that tells most against `cause_id` compared with `lead_id` (a cause,
        or "none of these"), in its question's words: one at least twice as likely from a
        runner with the lead. None when no answer does."""
        cause = self._hypotheses.index(cause_id)
        lead = self._hypotheses.index(lead_id)
        best: tuple[float, Reason] | None = None
        for question_id, reply in interview.answers:
            reasoning = self._reasoning.get((question_id, reply))
            if reasoning is None:  # a warning sign, or "not sure": no reason either way
                continue
            chances = self._evidence[question_id].chances(reply)
            assert chances is not None  # every answer with a reason has chances
            ratio = chances[lead] / chances[cause]
            if ratio >= _TELLS_AGAINST and (best is None or ratio > best[0]):
                best = (ratio, reasoning[0])
        return best[1] if best else None

    def question(self, question_id: str, interview: Interview) -> Question:
        """Question `question_id` as it would be asked in this interview: to confirm something
        the runner volunteered, before the question the interview waits for."""
        return self._question(question_id, asked_before=self._symptoms_asked(interview))

    def _question(self, question_id: str, asked_before: int) -> Question:
        return self._questions[question_id]._replace(asked_before=asked_before)


@cache
def shipped_engine() -> Engine:
    """The engine over the knowledge shipped with the skill, built once per process."""
    return Engine(load_knowledge())
