"""The interview's state: the runner's answers, in order, and nothing else.

Everything else (the next question, the outcome) is derived from the answers, so going back is
just dropping the last one, and the state is tiny enough for Alexa session attributes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

STATE_VERSION = 1
# Far more than the screen plus the question cap: a longer list is tampered with.
_MAX_STORED_ANSWERS = 32


class Answer(StrEnum):
    # A str enum hashes in C (Enum's own __hash__ is Python): answers are in every memo key.
    YES = "y"
    NO = "n"
    UNSURE = "u"


# Enum's `.value` is a Python-level descriptor; these run on every request.
_ANSWER_BY_CODE = {answer.value: answer for answer in Answer}
_CODE_BY_ANSWER = {answer: answer.value for answer in Answer}


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

    def to_state(self) -> dict[str, Any]:
        """A small JSON-safe dict for session attributes."""
        answers = [[qid, _CODE_BY_ANSWER[answer]] for qid, answer in self.answers]
        return {"v": STATE_VERSION, "a": answers}

    @classmethod
    def from_state_shape(cls, state: object) -> Interview | None:
        """The answers in a stored state, if its shape is right; None otherwise.

        This checks only the shape; `skill.triage.engine.restore` also checks that each answer
        is one the engine could have asked for at that point.
        """
        if not isinstance(state, dict) or state.get("v") != STATE_VERSION:
            return None
        raw = state.get("a")
        if not isinstance(raw, list) or len(raw) > _MAX_STORED_ANSWERS:
            return None
        answers: list[tuple[str, Answer]] = []
        for item in raw:
            if (
                not isinstance(item, list)
                or len(item) != 2
                or not isinstance(item[0], str)
                or not isinstance(item[1], str)
                or item[1] not in _ANSWER_BY_CODE
            ):
                return None
            answers.append((item[0], _ANSWER_BY_CODE[item[1]]))
        return cls(tuple(answers))
