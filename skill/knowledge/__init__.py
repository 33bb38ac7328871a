"""The clinical knowledge as data: loaded from clinical.toml, checked, and frozen.

Pure Python: no Alexa imports. `load_knowledge()` is what the rest of the skill uses.
"""

from skill.knowledge.loader import KnowledgeError, load_knowledge, parse_knowledge
from skill.knowledge.model import (
    CONDITION_IDS,
    FEATURE_IDS,
    NONE_OF_THESE,
    RED_FLAG_IDS,
    SCREEN_QUESTION,
    Condition,
    Feature,
    InterviewSettings,
    Knowledge,
    RedFlag,
    Term,
)

__all__ = [
    "CONDITION_IDS",
    "FEATURE_IDS",
    "NONE_OF_THESE",
    "RED_FLAG_IDS",
    "SCREEN_QUESTION",
    "Condition",
    "Feature",
    "InterviewSettings",
    "Knowledge",
    "KnowledgeError",
    "RedFlag",
    "Term",
    "load_knowledge",
    "parse_knowledge",
]
