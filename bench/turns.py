"""Time per turn: one request through `skill.voice.lambda_handler` against the bare SDK skill.

Both handlers get the same recorded envelopes (whole interviews, see bench.interviews), timed
one request at a time and interleaved interview by interview, so machine noise falls on both.
Two figures for the skill:

- warm: as a warm Lambda runs; the engine's one memo (the step per answer sequence,
  functools.lru_cache in skill/triage/engine.py) already holds these paths after the first
  round;
- memo cleared: the engine's memo emptied (`shipped_engine().next_step.cache_clear()`) before
  every interview, so each interview's steps are computed afresh (the memo still serves repeats
  within the interview, such as the step the previous turn worked out), as for a runner whose
  path no earlier runner on that instance took. Nothing else is cleared: the engine's memo is
  the only thing a turn keeps for later turns (the knowledge, the pronunciation patterns and the
  screens' documents are each made once per process).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import hello_skill
from bench.interviews import VIGNETTES, Interview, record_interviews, vignette_figures
from bench.stats import heading, median, micros, percentile, verdict
from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.settings import SKILL_ID_VARIABLE
from skill.triage import engine
from skill.understanding import IntentMatch, SlotMatch, understanding
from skill.voice import lambda_handler

TARGET_RATIO = 1.3
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass(frozen=True)
class Timing:
    label: str
    samples: list[float]
    # For each sample, whether it was a result turn (its response carries the result's card).
    results: list[bool] = field(default_factory=list)

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def p99(self) -> float:
        return percentile(self.samples, 99)

    @property
    def result_median(self) -> float:
        return median([t for t, result in zip(self.samples, self.results, strict=True) if result])

    @property
    def results_in_slowest(self) -> float:
        """The share of result turns among the samples at or above the 99th percentile."""
        slowest = [r for t, r in zip(self.samples, self.results, strict=True) if t >= self.p99]
        return sum(slowest) / len(slowest)


def time_interview(handler: Handler, interview: Interview, into: list[float]) -> None:
    clock = time.perf_counter
    for envelope in interview.requests:
        started = clock()
        handler(envelope, None)
        into.append(clock() - started)


def measure(
    interviews: Sequence[Interview], rounds: int, *, clear_memo: bool
) -> tuple[Timing, Timing, dict[str, float]]:
    """Both handlers' timings, and the median ratio for each vignette set (by file name)."""
    bare: list[float] = []
    skill: list[float] = []
    results: list[bool] = []
    by_set: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(rounds):
        for interview in interviews:
            name = interview.name.partition(": ")[0] if ": " in interview.name else ""
            bare_times, skill_times = by_set.setdefault(name, ([], []))
            start_bare, start_skill = len(bare), len(skill)
            time_interview(hello_skill.lambda_handler, interview, bare)
            if clear_memo:
                engine.shipped_engine().next_step.cache_clear()
            time_interview(lambda_handler, interview, skill)
            bare_times += bare[start_bare:]
            skill_times += skill[start_skill:]
            results += ["card" in response["response"] for response in interview.responses]
    label = "skill, memo cleared per interview" if clear_memo else "skill, warm"
    ratios = {name: median(s) / median(b) for name, (b, s) in by_set.items() if name}
    return (
        Timing("bare ask-sdk-core skill", bare, results),
        Timing(label, skill, results),
        ratios,
    )


def check_same_answers(interviews: Sequence[Interview]) -> None:
    """The replay gives the responses that were recorded (the benchmark times real work)."""
    for interview in interviews:
        for envelope, expected in zip(interview.requests, interview.responses, strict=True):
            got = lambda_handler(envelope, None)
            if got.get("sessionAttributes") != expected.get("sessionAttributes"):
                raise RuntimeError(f"{interview.name}: the replay diverged from the recording")


def run(quick: bool = False, vignette_files: tuple[Path, ...] = (VIGNETTES,)) -> dict[str, float]:
    os.environ.pop(SKILL_ID_VARIABLE, None)  # the recorded envelopes' skill id is local
    count, warm_rounds, cold_rounds = (40, 2, 1) if quick else (200, 5, 3)
    interviews = record_interviews(count, vignette_files=vignette_files)
    requests = sum(len(interview.requests) for interview in interviews)
    check_same_answers(interviews)

    heading("The engine on the project's vignettes")
    results: dict[str, float] = vignette_figures(vignette_files)

    heading("Time per turn: skill.voice.lambda_handler vs a bare ask-sdk-core skill")
    outcomes: dict[str, int] = {}
    for interview in interviews:
        triage = (interview.outcome or {}).get("triage", "none")
        outcomes[triage] = outcomes.get(triage, 0) + 1
    print(
        f"{len(interviews)} interviews ({count} seeded random runners + vignettes), "
        f"{requests} request envelopes; outcomes "
        + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    )
    # One untimed pass each: imports, first-call set-up, and the memo for the warm figure.
    for interview in interviews:
        for envelope in interview.requests:
            hello_skill.lambda_handler(envelope, None)
            lambda_handler(envelope, None)
    gc.collect()

    for rounds, clear_memo in ((warm_rounds, False), (cold_rounds, True)):
        bare, skill, by_set = measure(interviews, rounds, clear_memo=clear_memo)
        ratio_median = skill.median / bare.median
        ratio_p99 = skill.p99 / bare.p99
        print(f"  {rounds} rounds, {len(skill.samples)} timed requests per handler:")
        print(f"    {bare.label:<36} median {micros(bare.median)}   p99 {micros(bare.p99)}")
        print(
            f"    {skill.label:<36} median {micros(skill.median)}   p99 {micros(skill.p99)}"
            f"   ratio {ratio_median:.2f}x median, {ratio_p99:.2f}x p99"
            f" (target <= {TARGET_RATIO}x: {verdict(max(ratio_median, ratio_p99), TARGET_RATIO)})"
        )
        for name, ratio in by_set.items():
            print(f"      {name}: median ratio {ratio:.2f}x")
        result_ratio = skill.result_median / bare.result_median
        print(
            f"      result turns (the outcome and its card, {sum(skill.results)} of"
            f" {len(skill.results)}): median {micros(skill.result_median).strip()}, ratio"
            f" {result_ratio:.2f}x; {skill.results_in_slowest:.0%} of the slowest 1%"
        )
        key = "memo_cleared" if clear_memo else "warm"
        results[f"turn_{key}_median_ratio"] = ratio_median
        results[f"turn_{key}_p99_ratio"] = ratio_p99
        results[f"turn_{key}_median_us"] = skill.median * 1e6
        results[f"turn_{key}_p99_us"] = skill.p99 * 1e6
        results[f"turn_bare_{key}_median_us"] = bare.median * 1e6
        results[f"turn_bare_{key}_p99_us"] = bare.p99 * 1e6
        results[f"turn_{key}_result_median_ratio"] = result_ratio
    results.update(free_speech_figures(rounds=warm_rounds))
    return results


# Replies no sample holds, as a device passes them on (the opening as the intent, the rest as
# its phrase slot): each is understood by the skill's own understanding, far costlier than a
# turn a sample decides, so they are timed apart.
FREE_SPEECH = (
    ("FreeSpeechNoIntent", "but to be honest every single step is agony"),
    ("FreeSpeechYeahIntent", "i'd say so"),
    ("FreeSpeechNoIntent", "it's more at my tailbone"),
    ("FreeSpeechCanIntent", "i take ibuprofen for it"),
    ("FreeSpeechIntent", "i've got the shivers and feel rotten today"),
    ("FreeSpeechMyIntent", "wife had a fever last week but i'm fine"),
    ("FreeSpeechHangIntent", "on i said no but the answer was yes"),
    ("FreeSpeechTheIntent", "purple giraffe on a trampoline"),
)


def free_speech_figures(rounds: int) -> dict[str, float]:
    """Time per free-speech turn, and building the understanding on a process's first one."""
    factory = EnvelopeFactory(ids=IdSource("bench-free-speech"))
    envelopes = [
        factory.intent(
            factory.new_session(),
            IntentMatch(name, (SlotMatch("speech", "AMAZON.SearchQuery", value=words),)),
        )
        for name, words in FREE_SPEECH
    ]
    understanding.cache_clear()
    started = time.perf_counter()
    lambda_handler(envelopes[0], None)
    first = time.perf_counter() - started
    times: list[float] = []
    for _ in range(rounds):
        time_interview(lambda_handler, Interview("free speech", tuple(envelopes), ()), times)
    print(
        f"  free speech ({len(FREE_SPEECH)} replies no sample holds, {rounds} rounds): median"
        f" {median(times) * 1e3:.0f} ms per turn, the slowest {max(times) * 1e3:.0f} ms; the"
        f" first in a process also builds the understanding: {first * 1e3:.0f} ms"
    )
    return {
        "free_speech_median_ms": median(times) * 1e3,
        "free_speech_max_ms": max(times) * 1e3,
        "free_speech_first_ms": first * 1e3,
    }
