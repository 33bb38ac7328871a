"""The clinical knowledge as data: loaded from clinical.toml, checked, and frozen.

Pure Python: no Alexa imports. `load_knowledge()` is what the rest of the skill uses.
"""

from skill.knowledge.loader import KnowledgeError, load_knowledge, parse_knowledge
from skill.knowledge.model import (
    NONE_OF_THESE,
    Condition,
    Feature,
    InterviewSettings,
    Knowledge,
    RedFlag,
    Term,
)

__all__ = [
    "NONE_OF_THESE",
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
