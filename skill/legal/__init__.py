"""The skill's privacy policy and terms of use, shipped as HTML documents in the package: the
web service serves them at /privacy and /terms, and a Lambda-hosted skill publishes the same
files on any HTTPS host (README: "Privacy policy and terms of use")."""

from __future__ import annotations

from importlib.resources import files

# URL path -> the document served there.
DOCUMENTS = {"/privacy": "privacy.html", "/terms": "terms.html"}


def document(name: str) -> str:
    """The text of one shipped document (a value of DOCUMENTS)."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")
