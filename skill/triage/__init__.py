"""The triage engine: a pure-Python elimination interview (no Alexa imports).

Data in, decisions out: an `Interview` is the runner's answers so far; `next_step` says what to
ask next or how the interview ends.
"""

from skill.triage.engine import Outcome, Question, Reason, Step, answer, next_step, restore
from skill.triage.interview import (
    STATE_VERSION,
    Answer,
    Interview,
    InvalidAnswer,
)

__all__ = [
    "STATE_VERSION",
    "Answer",
    "Interview",
    "InvalidAnswer",
    "Outcome",
    "Question",
    "Reason",
    "Step",
    "answer",
    "next_step",
    "restore",
]
