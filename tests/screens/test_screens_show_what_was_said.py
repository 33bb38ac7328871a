"""Every screen shows what was just said, its data bound as Alexa binds it, and every button on
an outcome does what saying the same words does (no browser: the data and the taps)."""

from __future__ import annotations

from typing import Any

import pytest

from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.voice import screens
from tests.screens.paths import (
    ELSEWHERE_OUTCOME,
    OUTCOME_BUTTONS,
    OUTCOME_REQUESTS,
    OUTCOME_WITH_RUNNER_UP,
    REGION_QUESTION,
    SOON_OUTCOME,
    UNCLEAR_OUTCOME,
    directive_of,
    new_device,
    response_of,
    talk,
)

# Something to say at a question that the skill answers before asking the question again.
SAID_BEFORE_THE_QUESTION = (
    "why do you ask",
    "what is the sitting bone",
    "what is sciatica",
    "help",
    "how many questions are left",
    "what is my result",
    "repeat",
    "go back",
)
# Something to ask once the outcome is given: each answer is shown without the closing offer.
ASKED_AFTER_THE_OUTCOME = (
    "tell me more",
    "why",
    "what else could it be",
    "who should I see",
    "help",
    "what is sciatica",
    "what is the sitting bone",
    "how many questions are left",
    "what do you mean",
    # And what a runner asks about living with it: each gets its answer shown, with no screen
    # code of its own.
    "can I keep running",
    "how long will it take",
    "how sure are you",
    "do I need a scan",
)


def shown(heard: Any) -> dict[str, Any]:
    data: dict[str, Any] = directive_of(heard)["datasources"][screens.DATA_SOURCE]
    return data


def test_every_document_reads_its_data_from_a_parameter_named_after_its_data_source() -> None:
    # A parameter named `payload` would be bound to the whole datasources object on a device,
    # so `payload.screen` would be empty there: every document uses `screen` and nothing else.
    for kind in screens.KINDS:
        document = screens.document(kind)
        assert document["mainTemplate"]["parameters"] == [screens.DATA_SOURCE]
        assert "payload" not in str(document)
    heard = talk(new_device(), REGION_QUESTION)
    assert list(directive_of(heard)["datasources"]) == [screens.DATA_SOURCE]


def test_after_what_do_you_mean_the_question_screen_shows_the_plainer_wording_just_said() -> None:
    device = new_device()
    first = shown(talk(device, REGION_QUESTION))
    heard = device.hear("what do you mean")
    plainer = shown(heard)
    assert plainer["question"] != first["question"]
    assert heard.speech == f"{plainer['note']} {plainer['question']}"
    assert heard.reprompt is not None and heard.reprompt.startswith(plainer["question"])


@pytest.mark.parametrize("line", SAID_BEFORE_THE_QUESTION)
def test_a_question_screen_shows_what_was_said_before_the_question_above_it(line: str) -> None:
    heard = talk(new_device(), (*REGION_QUESTION, "yes", line))
    screen = shown(heard)
    assert directive_of(heard)["token"].startswith("question.")
    assert heard.speech == " ".join(part for part in (screen["note"], screen["question"]) if part)


@pytest.mark.parametrize("line", ASKED_AFTER_THE_OUTCOME)
def test_after_the_outcome_an_answer_screen_shows_what_was_said_without_the_closing_offer(
    line: str,
) -> None:
    heard = talk(new_device(), (*OUTCOME_WITH_RUNNER_UP, line))
    screen = shown(heard)
    assert directive_of(heard)["token"].startswith("answer.")
    assert screen["lines"]
    said = " ".join(screen["lines"])
    assert heard.speech.startswith(f"{said} ")
    # Left out: only the closing offer of what to say next, which the buttons offer.
    speech = load_speech()
    keys = speech.keys()
    offers = {speech.say(key) for key in keys if key.startswith("offer.")}
    assert heard.speech.removeprefix(f"{said} ") in offers
    assert [b["label"] for b in screen["asks"]] == list(OUTCOME_BUTTONS)


def test_tell_me_more_shows_the_description_and_why_shows_the_reasons() -> None:
    more = shown(talk(new_device(), (*OUTCOME_WITH_RUNNER_UP, "tell me more")))
    why = shown(talk(new_device(), (*OUTCOME_WITH_RUNNER_UP, "why")))
    outcome = shown(talk(new_device(), OUTCOME_WITH_RUNNER_UP))
    assert more["lines"][0].startswith(outcome["title"].removeprefix("Most likely: "))
    for reason in outcome["reasons"]:
        assert reason.lower() in " ".join(why["lines"]).lower()


def test_an_outcome_screen_offers_what_a_runner_can_ask_next_where_it_makes_sense() -> None:
    named = shown(talk(new_device(), OUTCOME_WITH_RUNNER_UP))
    soon = shown(talk(new_device(), SOON_OUTCOME))
    unclear = shown(talk(new_device(), UNCLEAR_OUTCOME))
    assert [b["label"] for b in named["asks"]] == list(OUTCOME_BUTTONS)
    assert [b["label"] for b in soon["asks"]] == list(OUTCOME_BUTTONS)
    # Nothing fits: no cause to tell more of, and no runner-up.
    assert [b["label"] for b in unclear["asks"]] == ["Who to see", "Start over"]
    assert {r for r, lit in named["highlight"].items() if lit}
    assert unclear["reasons"] == [] and unclear["reasonsTitle"] == ""


def test_asking_for_the_result_again_shows_the_outcome_screen_again() -> None:
    device = new_device()
    outcome = directive_of(talk(device, OUTCOME_WITH_RUNNER_UP))
    device.hear("why")
    again = directive_of(device.hear("what was my result"))
    assert again == outcome


# Each button of each kind of outcome screen: one naming one of the seven, one naming a
# look-alike, and one where nothing fits.
BUTTONS_SHOWN = [
    *[(OUTCOME_WITH_RUNNER_UP, label) for label in OUTCOME_BUTTONS],
    *[(ELSEWHERE_OUTCOME, label) for label in OUTCOME_BUTTONS],
    *[(UNCLEAR_OUTCOME, label) for label in ("Who to see", "Start over")],
]


@pytest.mark.parametrize("after", [(), ("tell me more",)], ids=["outcome", "answer"])
@pytest.mark.parametrize(("path", "label"), BUTTONS_SHOWN)
def test_an_outcome_button_does_exactly_what_saying_it_does(
    label: str, path: tuple[str, ...], after: tuple[str, ...]
) -> None:
    tapped, spoken = new_device(), new_device()
    directive = directive_of(talk(tapped, (*path, *after)))
    talk(spoken, (*path, *after))
    buttons = {b["label"]: b for b in directive["datasources"]["screen"]["asks"]}
    event = {"token": directive["token"], "arguments": buttons[label]["arguments"]}
    after_tap = response_of(tapped.tap(event))
    after_saying = response_of(spoken.hear(OUTCOME_REQUESTS[label]))
    assert after_tap["sessionAttributes"] == after_saying["sessionAttributes"]
    assert after_tap["response"] == after_saying["response"]


def recorded(response: dict[str, Any]) -> tuple[object, ...]:
    """What the session holds of the interview: the answers, and the question or outcome."""
    attributes = response["sessionAttributes"]
    return attributes["interview"], attributes.get("question"), attributes.get("outcome")


def test_a_tap_on_an_outcome_screen_no_longer_shown_is_refused() -> None:
    device = new_device()
    outcome = directive_of(talk(device, OUTCOME_WITH_RUNNER_UP))
    now = response_of(device.hear("start over"))
    heard = device.tap({"token": outcome["token"], "arguments": ["ask", "more"]})
    assert recorded(response_of(heard)) == recorded(now)
    assert heard.speech.startswith(load_speech().say("screen.stale_tap"))


@pytest.mark.parametrize(
    "arguments", [["answer", "y"], ["go_back"], ["ask"], ["ask", "jump"], ["ask", "more", "x"]]
)
def test_a_tap_on_the_outcome_that_asks_for_nothing_it_offers_is_not_acted_on(
    arguments: object,
) -> None:
    device = new_device()
    shown = talk(device, OUTCOME_WITH_RUNNER_UP)
    heard = device.tap({"token": directive_of(shown)["token"], "arguments": arguments})
    assert recorded(response_of(heard)) == recorded(response_of(shown))
    assert heard.speech.startswith(load_speech().say("screen.stale_tap"))


def test_a_look_alike_outcome_shows_what_it_looks_more_like_and_where_that_hurts() -> None:
    heard = talk(new_device(), ELSEWHERE_OUTCOME)
    screen = shown(heard)
    outcome = response_of(heard)["sessionAttributes"]["outcome"]
    knowledge = load_knowledge()
    lead, runner_up = outcome["conditions"]
    assert outcome["triage"] == "elsewhere" and lead in knowledge.lookalikes
    # Never "most likely" one of the seven: the title says what the pain looks more like.
    assert screen["title"] == f"Looks more like: {knowledge.causes[lead].name.capitalize()}"
    assert knowledge.causes[runner_up].name in screen["runnerUp"]
    lit = {r for r, on in screen["highlight"].items() if on}
    assert lit == set(knowledge.causes[lead].regions)
    assert [b["label"] for b in screen["asks"]] == list(OUTCOME_BUTTONS)
    more = shown(talk(new_device(), (*ELSEWHERE_OUTCOME, "tell me more")))
    assert more["lines"][0].startswith(knowledge.causes[lead].name.capitalize())
