"""The interview's state: the runner's answers, in order, and nothing else.

Everything else (the next question, the outcome) is derived from the answers, so going back is
just dropping the last one, and the state is tiny enough for Alexa session attributes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

# 2: the answers as one string. (1 stored a list of pairs, which the SDK walks item by item in
# Python on every request; a string costs it one step.)
STATE_VERSION = 2
# Far more than the screen plus the question cap: a longer list is tampered with.
_MAX_STORED_ANSWERS = 32
_MAX_STORED_CHARS = _MAX_STORED_ANSWERS * 64
_BETWEEN_ANSWERS = ","
_BEFORE_CODE = ":"


class Answer(StrEnum):
    # A str enum hashes in C (Enum's own __hash__ is Python): answers are in every memo key.
    YES = "y"
    NO = "n"
    # "Sometimes", "a little", "kind of": mostly a yes, recorded as its own answer.
    SOMETIMES = "s"
    UNSURE = "u"


# Enum's lookup by value runs Python code; this runs for every stored answer on every request.
_ANSWER_BY_CODE = {answer.value: answer for answer in Answer}


class InvalidAnswer(ValueError):
    """An answer to a question that is not the one waiting."""


class Interview(NamedTuple):
    answers: tuple[tuple[str, Answer], ...] = ()

    def answered(self, question_id: str) -> Answer | None:
        for asked, answer in self.answers:
            if asked == question_id:
                return answer
        return None

    def with_answer(self, question_id: str, answer: Answer) -> Interview:
        return Interview((*self.answers, (question_id, answer)))

    def go_back(self) -> Interview:
        """Undo the last answer; at the start there is nothing to undo."""
        return Interview(self.answers[:-1])

    def without(self, question_id: str) -> Interview:
        """The answers but the one to `question_id`, which is asked again in its turn."""
        return Interview(tuple(item for item in self.answers if item[0] != question_id))

    def to_state(self) -> dict[str, Any]:
        """A small JSON-safe dict for session attributes: `{"v": 2, "a": "id:y,id:n,..."}`."""
        # An answer is a str enum whose text is its code, so each pair joins as "id:code".
        answers = _BETWEEN_ANSWERS.join(map(_BEFORE_CODE.join, self.answers))
        return {"v": STATE_VERSION, "a": answers}

    @classmethod
    def from_state_shape(cls, state: object) -> Interview | None:
        """The answers in a stored state, if its shape is right; None otherwise.

        This checks only the shape; `skill.triage.engine.Engine.restore` also checks that each
        answer is to a question the knowledge has, and that none is answered twice.
        """
        if not isinstance(state, dict) or state.get("v") != STATE_VERSION:
            return None
        raw = state.get("a")
        if not isinstance(raw, str) or len(raw) > _MAX_STORED_CHARS:
            return None
        items = raw.split(_BETWEEN_ANSWERS) if raw else []
        if len(items) > _MAX_STORED_ANSWERS:
            return None
        answers: list[tuple[str, Answer]] = []
        for item in items:
            question_id, _, code = item.partition(_BEFORE_CODE)
            answer = _ANSWER_BY_CODE.get(code)
            if not question_id or answer is None:
                return None
            answers.append((question_id, answer))
        return cls(tuple(answers))
