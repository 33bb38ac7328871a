"""Typed, immutable views of the clinical knowledge.

Ids and their order come from clinical.toml: the conditions high to low, then the look-alikes,
the safety screen most serious first, the symptom questions in the order that breaks ties
between them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, NamedTuple

# The profile of a runner whose pain fits none of the causes; never named as a cause.
NONE_OF_THESE = "none_of_these"
# Every umbrella screening question's id starts with this (skill/knowledge/clinical.toml).
UMBRELLA_PREFIX = "red_flag_any"

Triage = Literal["emergency", "urgent", "soon", "see_specialist", "elsewhere", "unclear"]
# The red-flag triages, most serious first.
RED_FLAG_TRIAGES: tuple[Triage, ...] = ("emergency", "urgent", "soon")


class Condition(NamedTuple):
    """One of the seven conditions, or a look-alike: a cause the outcome may name."""

    id: str
    name: str
    description: str
    # What tells it from its neighbours, in a few words said after its name ("how is it
    # different from ...?").
    sets_apart: str
    advice: str
    # Other names a runner may use for it (the voice model's slot values come from these).
    synonyms: tuple[str, ...]
    # Body-map regions where it is felt (ids of Knowledge.regions).
    regions: tuple[str, ...]
    # The signs it is named by (feature ids): never named once every one that was asked was
    # answered no; a look-alike is named only once one of them was answered yes or sometimes.
    defining: tuple[str, ...] = ()
    # Where its facts come from (every look-alike cites at least one).
    sources: tuple[str, ...] = ()
    # Symptom questions always asked before it is named (a follow-up safety question hangs
    # on one of them).
    ask_first: tuple[str, ...] = ()


class Term(NamedTuple):
    """A word a question uses that a runner may not know, explained in one breath."""

    id: str
    words: tuple[str, ...]
    explanation: str
    regions: tuple[str, ...]


class Concern(NamedTuple):
    """A serious cause a runner may fear ("could it be a stress fracture?"): not one the
    interview names, but one a warning sign screens for. Its answer says what points to it and
    what to do; a term of the same id explains the word first."""

    id: str
    names: tuple[str, ...]
    answer: str


class Feature(NamedTuple):
    id: str
    question: str
    # The same question in plainer words, for "what do you mean?".
    plain: str
    purpose: str
    # Each finishes "because ...", in the question's own words, for that answer.
    yes_reason: str
    sometimes_reason: str
    no_reason: str
    # Ids of the terms the question uses, and the body-map regions it is about.
    terms: tuple[str, ...]
    regions: tuple[str, ...]
    # Chance that a runner with each hypothesis (the conditions and NONE_OF_THESE) truly has
    # this feature; how answers are weighed against it is in InterviewSettings.
    likelihood: MappingProxyType[str, float]
    # Questions a yes (or sometimes) to this one answers as well, so they are not asked after it
    # (pain mostly in the lower back is low back pain); a no to one of them answers this one no.
    implies: tuple[str, ...] = ()


class RedFlag(NamedTuple):
    """A safety-screen question: an umbrella (no triage) or a specific flag (a triage)."""

    id: str
    question: str
    plain: str
    purpose: str
    terms: tuple[str, ...]
    # The umbrella whose "no" skips this flag; None for umbrellas and flags asked directly.
    asks_when: str | None
    # A symptom question that brings this flag up when answered yes or sometimes (the flag is
    # then no part of the screen); None for the flags of the screen.
    follows: str | None
    # None for an umbrella, which decides nothing by itself.
    triage: Triage | None
    advice: str
    # Said with the outcome when this flag was answered "not sure": names the sign to watch.
    caution: str


# What runners ask once they have a result, answered per cause (and for "unclear").
AFTER_RESULT_TOPICS = (
    *("keep_running", "meanwhile", "how_long", "when_to_worry", "scan", "come_back"),
    *("other_exercise", "why_me"),
)
# The after-result answers for an outcome that names no cause.
UNCLEAR = "unclear"


class InterviewSettings(NamedTuple):
    disclaimer: str
    # The chance that any one answer is given wrongly (a yes for a no, or the reverse).
    slip_rate: float
    # How much of a yes a "sometimes" is: weighed as a yes with this chance, a no otherwise.
    sometimes_weight: float
    confident_share: float
    runner_up_ratio: float
    minimum_share: float
    # The questions most interviews end by; past them only a result that one slipped answer
    # would change is double-checked, up to question_cap.
    usual_questions: int
    question_cap: int
    # "Not sure" answers that, once they outnumber the clear ones, end the interview.
    unsure_limit: int
    # The least expected information gain (bits) that a question must offer to be asked.
    least_gain: float
    # Causes holding less than this fraction of the lead's share count as one when the next
    # question is chosen.
    focus: float
    # The share at which a look-alike whose own sign was affirmed is named.
    elsewhere_share: float
    # One of the seven is not named while a look-alike that fits holds this fraction of its
    # weight.
    lookalike_doubt: float
    # Before a cause is named, the sign of any look-alike holding this fraction of its weight
    # is asked about, if it has not been.
    lookalike_check: float
    # Before a look-alike is named, one of the seven holding this fraction of its weight is
    # told apart from it by the question that separates them best, if one is left.
    seven_check: float
    unclear_advice: str
    # Said when one of the seven and a look-alike fit about equally: {first} and {second}.
    in_doubt_advice: str
    # Said when most answers were "not sure", so nothing could be narrowed down.
    uncertain_advice: str


class Knowledge(NamedTuple):
    # The seven conditions, high to low.
    conditions: MappingProxyType[str, Condition]
    # Pain that comes from a neighbour of the buttock, named by the outcome "elsewhere".
    lookalikes: MappingProxyType[str, Condition]
    # Every cause an outcome may name: the seven, then the look-alikes.
    causes: MappingProxyType[str, Condition]
    features: MappingProxyType[str, Feature]
    # The safety screen in the order it is asked: each umbrella before the flags it covers.
    red_flags: MappingProxyType[str, RedFlag]
    priors: MappingProxyType[str, float]
    settings: InterviewSettings
    # Body-map region id -> what it is called.
    regions: MappingProxyType[str, str]
    terms: MappingProxyType[str, Term]
    # Cause id (or UNCLEAR) -> topic of AFTER_RESULT_TOPICS -> the answer, said in one breath.
    after_result: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType({})
    concerns: MappingProxyType[str, Concern] = MappingProxyType({})

    @property
    def hypotheses(self) -> tuple[str, ...]:
        """The causes in their order (the seven, then the look-alikes), then NONE_OF_THESE."""
        return (*self.causes, NONE_OF_THESE)

    def question_text(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].question
        return self.features[question_id].question

    def plain_text(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].plain
        return self.features[question_id].plain

    def question_terms(self, question_id: str) -> tuple[str, ...]:
        if question_id in self.red_flags:
            return self.red_flags[question_id].terms
        return self.features[question_id].terms

    def question_regions(self, question_id: str) -> tuple[str, ...]:
        if question_id in self.red_flags:
            return ()
        return self.features[question_id].regions

    def purpose(self, question_id: str) -> str:
        if question_id in self.red_flags:
            return self.red_flags[question_id].purpose
        return self.features[question_id].purpose

    def is_question(self, question_id: str) -> bool:
        return question_id in self.red_flags or question_id in self.features
