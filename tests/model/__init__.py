"""The interaction model, its builder and the ASK CLI skill package."""

# The locales the skill is published in.
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
