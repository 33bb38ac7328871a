"""Words per spoken turn: every turn the skill can say (tests/voice/reachable.py enumerates
each dialogue request in every state along many interview paths, in every locale), with the
outcome headlines on their own. Spoken length is what a runner waits through."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench.stats import heading, median, percentile, verdict
from skill.knowledge.speech import load_speech
from skill.voice.dialogue import MAX_TURN_WORDS, Dialogue
from testkit.reachable import outcomes, reachable_turns

MAX_HEADLINE_WORDS = 60


def run(quick: bool = False) -> dict[str, Any]:
    heading("Words per spoken turn (every request, in every reachable state and locale)")
    reached = list(reachable_turns())
    turns = [float(r.words) for r in reached]
    speech, dialogue = load_speech(), Dialogue()
    headlines = [
        float(len(" ".join(speech.localised(p, locale) for p in dialogue.headline(o)).split()))
        for o in outcomes()
        for locale in speech.locales
    ]
    longest = max(reached, key=lambda r: r.words)
    outcome_turns = [
        float(r.words) for r in reached if r.said == "result" and r.state.startswith("outcome")
    ]
    for label, samples, limit in (
        ("every turn", turns, MAX_TURN_WORDS),
        ("the result", outcome_turns, MAX_TURN_WORDS),
        ("headline", headlines, MAX_HEADLINE_WORDS),
    ):
        print(
            f"  {label:<11} {len(samples):6d} turns: median {median(samples):4.0f}, "
            f"p90 {percentile(samples, 90):4.0f}, max {max(samples):4.0f} words "
            f"(limit {limit}: {verdict(max(samples) / limit, 1.0)})"
        )
    print(
        f"  longest: {longest.said!r} at {longest.state} ({longest.locale}), {longest.words} words"
    )
    by_request: Counter[str] = Counter()
    for r in reached:
        by_request[r.said] = max(by_request[r.said], r.words)
    print("  longest by request: " + ", ".join(f"{s} {w}" for s, w in by_request.most_common(5)))
    return {
        "words_median": median(turns),
        "words_p90": percentile(turns, 90),
        "words_max": max(turns),
        "headline_words_max": max(headlines),
    }
