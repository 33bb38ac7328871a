"""The Alexa voice layer: handlers and interceptors over the dialogue and the triage engine."""

from skill.voice.builder import build_skill, lambda_handler, new_skill_builder

__all__ = ["build_skill", "lambda_handler", "new_skill_builder"]
