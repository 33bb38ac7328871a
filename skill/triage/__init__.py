"""The triage engine: a pure-Python elimination interview (no Alexa imports).

Data in, decisions out: an `Interview` is the runner's answers so far; an `Engine` built from
the knowledge says what to ask next or how the interview ends.
"""

from skill.triage.engine import Engine, Outcome, Question, Reason, Step, shipped_engine
from skill.triage.interview import (
    STATE_VERSION,
    Answer,
    Interview,
    InvalidAnswer,
)

__all__ = [
    "STATE_VERSION",
    "Answer",
    "Engine",
    "Interview",
    "InvalidAnswer",
    "Outcome",
    "Question",
    "Reason",
    "Step",
    "shipped_engine",
]
