"""Where the conversation lives between turns: Alexa session attributes, and nowhere else.

Keys: `interview` (the engine's state), and, per the contract, `question` (the id of the
question waiting for an answer) and `outcome` (triage and conditions once concluded). Only
`interview` is read back; `question` and `outcome` are derived from it on every turn, so a
tampered copy of them changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skill.triage import Outcome, Question, shipped_engine
from skill.voice.dialogue import Conversation

INTERVIEW_KEY = "interview"
QUESTION_KEY = "question"
OUTCOME_KEY = "outcome"


def conversation_from(attributes: Mapping[str, Any] | None) -> Conversation:
    if not attributes or INTERVIEW_KEY not in attributes:
        return Conversation()
    return Conversation(shipped_engine().restore(attributes[INTERVIEW_KEY]))


def attributes_for(conversation: Conversation) -> dict[str, Any]:
    if conversation.interview is None:
        return {}
    attributes: dict[str, Any] = {INTERVIEW_KEY: conversation.interview.to_state()}
    step = conversation.step
    if isinstance(step, Question):
        attributes[QUESTION_KEY] = step.id
    elif isinstance(step, Outcome):
        attributes[OUTCOME_KEY] = {"triage": step.triage, "conditions": list(step.conditions)}
    return attributes
