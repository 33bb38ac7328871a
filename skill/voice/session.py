"""Where the conversation lives between turns: Alexa session attributes, and nowhere else.

Keys: `interview` (the engine's state), `misunderstood` (requests not understood in a row,
when there were any), and, per the contract, `question` (the id of the question waiting for an
answer) and `outcome` (triage and conditions once concluded). Only `interview` and
`misunderstood` are read back; `question` and `outcome` are derived from the interview on every
turn, so a tampered copy of them changes nothing. The locale comes with each request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skill.knowledge.speech import DEFAULT_LOCALE
from skill.triage import Outcome, Question
from skill.voice.dialogue import Conversation, restored

INTERVIEW_KEY = "interview"
QUESTION_KEY = "question"
OUTCOME_KEY = "outcome"
MISUNDERSTOOD_KEY = "misunderstood"
# More than this in a row counts the same (and a tampered number stays small).
_MAX_MISUNDERSTOOD = 9


def conversation_from(
    attributes: Mapping[str, Any] | None, locale: str = DEFAULT_LOCALE
) -> Conversation:
    if not attributes:
        return Conversation(locale=locale)
    misunderstood = attributes.get(MISUNDERSTOOD_KEY)
    if not isinstance(misunderstood, int) or isinstance(misunderstood, bool):
        misunderstood = 0
    interview = restored(attributes[INTERVIEW_KEY]) if INTERVIEW_KEY in attributes else None
    return Conversation(
        interview, locale=locale, misunderstood=max(0, min(misunderstood, _MAX_MISUNDERSTOOD))
    )


def attributes_for(conversation: Conversation) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    if conversation.misunderstood:
        attributes[MISUNDERSTOOD_KEY] = conversation.misunderstood
    if conversation.interview is None:
        return attributes
    attributes[INTERVIEW_KEY] = conversation.interview.to_state()
    step = conversation.step
    if isinstance(step, Question):
        attributes[QUESTION_KEY] = step.id
    elif isinstance(step, Outcome):
        attributes[OUTCOME_KEY] = {"triage": step.triage, "conditions": list(step.conditions)}
    return attributes
