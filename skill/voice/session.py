"""Where the conversation lives between turns: Alexa session attributes, and nowhere else.

Keys: `interview` (the engine's state), `misunderstood` (requests not understood in a row, when
there were any), `heard` (how often a few filler lines were said, as comma-separated counts:
never what the runner said), `confirm` (a warning sign or a symptom question asked to confirm
something the runner volunteered), `rest_asked` (a safety question whose other parts were asked
for after one of its warning signs was denied by name), and, per the contract, `question` (the
id of the question waiting for an answer) and `outcome` (triage and conditions once concluded).
`question` and `outcome` are derived on every turn, so a tampered copy of them changes nothing;
the others are read back only when they are well formed. The locale comes with each request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from skill.knowledge import load_knowledge
from skill.knowledge.speech import DEFAULT_LOCALE
from skill.triage import Interview, Outcome, Question
from skill.voice.dialogue import Conversation, Heard, restored

INTERVIEW_KEY = "interview"
QUESTION_KEY = "question"
OUTCOME_KEY = "outcome"
MISUNDERSTOOD_KEY = "misunderstood"
HEARD_KEY = "heard"
CONFIRM_KEY = "confirm"
REST_KEY = "rest_asked"
# A count of a heard line above this is tampered with.
_MAX_HEARD = 99
# More than this in a row counts the same (and a tampered number stays small).
_MAX_MISUNDERSTOOD = 9
# A count for each line of `Heard`, of one or two digits each, as "1,0,2,0,0,0".
_HEARD_COUNTS = re.compile(rf"[0-9]{{1,2}}(?:,[0-9]{{1,2}}){{{len(Heard._fields) - 1}}}")


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
        interview,
        locale=locale,
        misunderstood=max(0, min(misunderstood, _MAX_MISUNDERSTOOD)),
        heard=_heard(attributes.get(HEARD_KEY)),
        confirming=_confirming(attributes.get(CONFIRM_KEY), interview),
        rest_asked=_rest_asked(attributes.get(REST_KEY), interview),
    )


def _heard(stored: object) -> Heard:
    """The counts of heard lines, if well formed; none otherwise."""
    if not isinstance(stored, str) or _HEARD_COUNTS.fullmatch(stored) is None:
        return Heard()
    return Heard._make(map(int, stored.split(",")))


def _unanswered(stored: object, interview: Interview | None) -> str | None:
    """A question id stored as a string, not answered yet in the interview restored."""
    if not isinstance(stored, str) or interview is None or interview.answered(stored):
        return None
    return stored


def _confirming(stored: object, interview: Interview | None) -> str | None:
    """A question waiting to confirm something volunteered: a specific warning sign or a
    symptom question of the knowledge, not answered yet."""
    question_id = _unanswered(stored, interview)
    if question_id is None:
        return None
    knowledge = load_knowledge()
    flag = knowledge.red_flags.get(question_id)
    if (flag is not None and flag.triage is not None) or question_id in knowledge.features:
        return question_id
    return None


def _rest_asked(stored: object, interview: Interview | None) -> str | None:
    """A safety question whose other parts were asked for: one of the knowledge's, not
    answered yet."""
    question_id = _unanswered(stored, interview)
    return question_id if question_id in load_knowledge().red_flags else None


def attributes_for(conversation: Conversation) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    if conversation.misunderstood:
        attributes[MISUNDERSTOOD_KEY] = conversation.misunderstood
    if any(conversation.heard):
        attributes[HEARD_KEY] = ",".join([str(min(n, _MAX_HEARD)) for n in conversation.heard])
    if conversation.interview is None:
        return attributes
    attributes[INTERVIEW_KEY] = conversation.interview.to_state()
    if conversation.confirming is not None:
        attributes[CONFIRM_KEY] = conversation.confirming
    if conversation.rest_asked is not None:
        attributes[REST_KEY] = conversation.rest_asked
    step = conversation.step
    if isinstance(step, Question):
        attributes[QUESTION_KEY] = step.id
    elif isinstance(step, Outcome):
        attributes[OUTCOME_KEY] = {"triage": step.triage, "conditions": list(step.conditions)}
    return attributes
