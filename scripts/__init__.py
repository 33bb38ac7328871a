"""Scripts that draw the project's generated pictures (run with `python -m scripts.<name>`)."""
