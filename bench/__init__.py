"""Benchmarks: printed figures (not pass/fail tests), each against a baseline measured in the
same run. `python -m bench` runs them all; `python -m bench --help` lists the options."""
