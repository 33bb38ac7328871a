"""The Alexa interaction model: its definition (definition.toml), Alexa's rules (rules.py) and
the builder that writes the committed JSON (builder.py; `python -m skill.interaction_model`)."""

# Free speech (definition.toml's [free_speech]): an intent per opening, named with this prefix
# ("FreeSpeechNoIntent"), whose one slot holds the rest of what was said. Here rather than in the
# builder so the voice layer can tell these intents apart without loading the definition.
FREE_SPEECH_PREFIX = "FreeSpeech"
FREE_SPEECH_SLOT = "speech"
