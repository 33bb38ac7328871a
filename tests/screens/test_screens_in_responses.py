"""Which responses carry a screen, what it shows, and how a tap on it is answered (no browser)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from skill.chat.screens import render_directives
from skill.knowledge import load_knowledge
from skill.knowledge.speech import load_speech
from skill.triage import Question
from skill.voice import screens
from testkit import REPO_ROOT as ROOT
from tests.screens.paths import (
    ELSEWHERE_OUTCOME,
    EMERGENCY,
    NO_RED_FLAG,
    OUTCOME_WITH_RUNNER_UP,
    REGION_QUESTION,
    SAFETY_QUESTION,
    SOON_OUTCOME,
    UNCLEAR_OUTCOME,
    URGENT,
    directive_for,
    directive_of,
    every_step,
    new_device,
    response_of,
    talk,
)

EVERY_PATH = [
    SAFETY_QUESTION,
    REGION_QUESTION,
    OUTCOME_WITH_RUNNER_UP,
    ELSEWHERE_OUTCOME,
    SOON_OUTCOME,
    UNCLEAR_OUTCOME,
    EMERGENCY,
    URGENT,
]


def without_directives(response: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in response["response"].items() if k != "directives"}
    return {**response, "response": body}


@pytest.mark.parametrize("lines", EVERY_PATH)
def test_a_speaker_without_a_screen_gets_no_directive_and_otherwise_the_same_response(
    lines: tuple[str, ...],
) -> None:
    spoken = response_of(talk(new_device(screen=False), lines))
    shown = response_of(talk(new_device(screen=True), lines))
    assert "directives" not in spoken["response"] or not spoken["response"]["directives"]
    assert without_directives(shown) == spoken


@pytest.mark.parametrize("lines", EVERY_PATH)
def test_every_question_and_outcome_on_a_screen_device_carries_one_apl_1_4_document(
    lines: tuple[str, ...],
) -> None:
    device = new_device()
    heards = [device.hear(device.launch_phrase)] + [device.hear(line) for line in lines]
    for heard in heards:
        directive = directive_of(heard)
        assert directive["document"]["version"] == "1.4"
        assert directive["datasources"]["screen"]


def test_a_goodbye_shows_no_screen_but_an_emergency_outcome_keeps_its_screen() -> None:
    device = new_device()
    talk(device, REGION_QUESTION)
    assert render_directives(response_of(device.hear("stop"))) == []
    emergency = talk(new_device(), EMERGENCY)
    assert not emergency.session_ended  # open, so that the advice can be heard again
    assert directive_of(emergency)["token"].startswith("red_flag.")


def test_the_question_screen_shows_the_spoken_question_its_region_and_the_contract_labels() -> None:
    heard = talk(new_device(), REGION_QUESTION)
    screen = directive_of(heard)["datasources"]["screen"]
    question_id = response_of(heard)["sessionAttributes"]["question"]
    knowledge = load_knowledge()
    assert screen["question"] in heard.speech
    # The runner has answered the three safety questions: this is the fourth they hear.
    assert screen["progress"] == "Question 4"
    regions = knowledge.question_regions(question_id)
    assert regions
    assert {r for r, lit in screen["highlight"].items() if lit} == set(regions)
    labels = [button["label"] for button in screen["answers"]] + [screen["goBack"]["label"]]
    assert labels == ["Yes", "No", "Sometimes", "Not sure", "Go back"]


def test_go_back_is_offered_only_where_there_is_an_answer_to_go_back_to() -> None:
    device = new_device()
    first = directive_of(device.hear(device.launch_phrase))["datasources"]["screen"]
    second = directive_of(device.hear("no"))["datasources"]["screen"]
    assert first["goBack"] is None
    assert second["goBack"]["label"] == "Go back"
    undone = directive_of(device.hear("go back"))["datasources"]["screen"]
    assert undone["goBack"] is None


def test_progress_counts_every_question_the_runner_has_heard_the_safety_ones_too() -> None:
    device = new_device()
    shown = [directive_of(device.hear(device.launch_phrase))]
    shown += [directive_of(device.hear(line)) for line in (*NO_RED_FLAG, "yes")]
    progress = [d["datasources"]["screen"]["progress"] for d in shown]
    assert progress == [
        "Question 1: safety check",
        "Question 2: safety check",
        "Question 3: safety check",
        "Question 4",
        "Question 5",
    ]


def test_the_outcome_screen_shows_no_health_detail_that_the_card_does_not_have() -> None:
    heard = talk(new_device(), OUTCOME_WITH_RUNNER_UP)
    screen = directive_of(heard)["datasources"]["screen"]
    assert heard.card is not None
    card = heard.card.content.lower()
    knowledge = load_knowledge()
    lead, runner_up = response_of(heard)["sessionAttributes"]["outcome"]["conditions"]
    assert knowledge.conditions[lead].name.capitalize() in screen["title"]
    assert knowledge.conditions[runner_up].name in screen["runnerUp"]
    for text in [*screen["reasons"], screen["advice"], screen["disclaimer"]]:
        assert text.lower() in card
    lit = {r for r, on in screen["highlight"].items() if on}
    assert lit == set(knowledge.conditions[lead].regions)


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112")],
)
def test_a_red_flag_screen_shows_only_the_advice_the_local_emergency_number_and_the_disclaimer(
    locale: str, number: str
) -> None:
    heard = talk(new_device(locale=locale), EMERGENCY)
    screen = directive_of(heard)["datasources"]["screen"]
    assert set(screen) == {"advice", "number", "disclaimer"}
    assert screen["advice"] in heard.speech
    assert screen["disclaimer"] == load_knowledge().settings.disclaimer
    assert screen["disclaimer"] in heard.speech
    assert screen["number"].endswith(number)


def test_an_urgent_screen_shows_the_same_day_help_of_the_requests_locale() -> None:
    heard = talk(new_device(locale="en-GB"), URGENT)
    screen = directive_of(heard)["datasources"]["screen"]
    assert "see your GP or out-of-hours service" in screen["advice"]
    assert screen["advice"] in heard.speech
    assert screen["number"].endswith("999")


def test_a_soon_outcome_screen_leads_with_the_see_a_doctor_advice_as_the_card_does() -> None:
    heard = talk(new_device(), SOON_OUTCOME)
    screen = directive_of(heard)["datasources"]["screen"]
    assert response_of(heard)["sessionAttributes"]["outcome"]["triage"] == "soon"
    assert screen["safetyAdvice"].startswith("Please see a doctor within a few days")
    assert heard.card is not None and heard.card.content.startswith(screen["safetyAdvice"])
    # Spoken first too: whole, or in brief when the whole would make the result too long.
    brief = load_speech().say("outcome.soon_brief")
    assert heard.speech.startswith((screen["safetyAdvice"], brief))
    assert screen["title"].startswith("Most likely: ")


def test_a_tap_on_an_older_screen_is_not_recorded_and_the_question_is_asked_again() -> None:
    device = new_device()
    first = directive_of(device.hear(device.launch_phrase))
    now = response_of(device.hear("no"))
    stale_tap = {"token": first["token"], "arguments": ["answer", "y"]}
    heard = device.tap(stale_tap)
    after = response_of(heard)
    assert after["sessionAttributes"] == now["sessionAttributes"]
    assert heard.speech.startswith(load_speech().say("screen.stale_tap"))
    assert now["sessionAttributes"]["question"] != "red_flag_any"


@pytest.mark.parametrize(
    "arguments", [[], ["answer"], ["answer", "maybe"], ["jump"], "yes", None, [["answer", "y"]]]
)
def test_a_tap_that_makes_no_sense_is_not_recorded(arguments: object) -> None:
    device = new_device()
    shown = directive_of(device.hear(device.launch_phrase))
    before = device.session.attributes if device.session else {}
    heard = device.tap({"token": shown["token"], "arguments": arguments})
    assert response_of(heard)["sessionAttributes"] == before


def test_the_body_map_draws_exactly_the_regions_of_the_knowledge() -> None:
    body_map = json.loads((ROOT / "skill/voice/apl/bodymap.json").read_text("utf-8"))
    assert set(body_map["regions"]) == set(load_knowledge().regions)
    graphic = screens.document("question")["graphics"][screens.BODY_MAP]
    fills = " ".join(str(item.get("fill", "")) for item in graphic["items"])
    for region in load_knowledge().regions:
        assert f"highlight.{region} ?" in fills


def test_every_document_is_apl_1_4_and_the_manifest_declares_the_apl_interface() -> None:
    for kind in ("question", "outcome", "red_flag"):
        assert screens.document(kind)["version"] == screens.APL_VERSION == "1.4"
    manifest = json.loads((ROOT / "skill-package/skill.json").read_text("utf-8"))
    interfaces = manifest["manifest"]["apis"]["custom"]["interfaces"]
    assert "ALEXA_PRESENTATION_APL" in [i["type"] for i in interfaces]


@pytest.mark.parametrize("code", ["y", "n", "s", "u"])
def test_a_tap_on_the_current_question_records_that_answer(code: str) -> None:
    device = new_device()
    shown = directive_of(device.hear(device.launch_phrase))
    tapped = response_of(device.tap({"token": shown["token"], "arguments": ["answer", code]}))
    assert tapped["sessionAttributes"]["interview"]["a"] == f"red_flag_any:{code}"


def test_no_screen_shows_an_unfilled_placeholder_or_an_empty_question() -> None:
    for interview, step in every_step(depth=9):
        screen = directive_for(interview, step)["datasources"]["screen"]
        text = json.dumps(screen)
        assert "{" not in text.replace('{"', "").replace("{}", ""), text
        if isinstance(step, Question):
            assert screen["question"] == step.text
