"""The Alexa interaction model: its definition (definition.toml), Alexa's rules (rules.py) and
the builder that writes the committed JSON (builder.py; `python -m skill.interaction_model`)."""
