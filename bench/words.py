"""Words per spoken turn: every turn the skill can say (tests/voice/reachable.py enumerates
each dialogue request in every state along many interview paths, in every locale), with the
outcome headlines on their own. Spoken length is what a runner waits through."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench.stats import heading, median, percentile, verdict
from skill.knowledge.speech import load_speech
from skill.voice.dialogue import MAX_RESULT_WORDS, MAX_TURN_WORDS, Dialogue
from testkit.reachable import all_conversations, outcomes, reachable_turns, repeated_sentences

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
        ("the result", outcome_turns, MAX_RESULT_WORDS),
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
    heading("Whole sessions (launch, answers, what runners ask after the result, thanks)")
    sessions = all_conversations()
    session_turns = [float(len(" ".join(t.said.speech).split())) for c in sessions for _, t in c]
    results = [
        float(len(" ".join(t.said.speech).split()))
        for c in sessions
        for said, t in c
        if said.startswith("answer") and t.said.card is not None
    ]
    welcomes = [float(len(" ".join(c[0][1].said.speech).split())) for c in sessions]
    repeats = [repeated_sentences(c) for c in sessions]
    twice = [float(sum(n - 1 for n in r.values())) for r in repeats]
    over_twice = [float(sum(1 for n in r.values() if n > 2)) for r in repeats]
    print(
        f"  {len(sessions)} sessions, {len(session_turns)} turns: words per turn median "
        f"{median(session_turns):.0f}, p90 {percentile(session_turns, 90):.0f}, "
        f"max {max(session_turns):.0f} (limit {MAX_TURN_WORDS})"
    )
    print(
        f"  the result: median {median(results):.0f}, max {max(results):.0f} words "
        f"(limit {MAX_RESULT_WORDS}); the welcome with the first question: max "
        f"{max(welcomes):.0f} words (limit 30)"
    )
    print(
        f"  sentences heard again unasked, per session: mean {sum(twice) / len(twice):.1f}, "
        f"max {max(twice):.0f} (sessions with any: {sum(1 for t in twice if t)} of "
        f"{len(twice)}); heard more than twice: max {max(over_twice):.0f} (limit 0)"
    )
    return {
        "session_words_median": median(session_turns),
        "session_words_max": max(session_turns),
        "result_words_max": max(results),
        "welcome_words_max": max(welcomes),
        "repeats_mean": sum(twice) / len(twice),
        "repeats_over_twice_max": max(over_twice),
        "words_median": median(turns),
        "words_p90": percentile(turns, 90),
        "words_max": max(turns),
        "headline_words_max": max(headlines),
    }
