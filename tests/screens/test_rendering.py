"""Every kind of screen drawn by Amazon's APL engine in every viewport: all its text visible and
on the screen, and every button, when tapped, answering exactly as the spoken answer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from skill.chat.screens import VIEWPORTS, Renderer, Screen, TextBox, Viewport
from skill.knowledge import load_knowledge
from skill.triage import Outcome, Question, shipped_engine
from tests.screens.paths import (
    EMERGENCY,
    OUTCOME_WITH_RUNNER_UP,
    REGION_QUESTION,
    SAFETY_QUESTION,
    SOON_OUTCOME,
    UNCLEAR_OUTCOME,
    URGENT,
    directive_for,
    directive_of,
    every_step,
    interview_after,
    new_device,
    response_of,
    talk,
)

SCREENS = {
    "safety question": SAFETY_QUESTION,
    "question with a region": REGION_QUESTION,
    "outcome with a runner-up": OUTCOME_WITH_RUNNER_UP,
    "see a doctor soon outcome": SOON_OUTCOME,
    "unclear outcome": UNCLEAR_OUTCOME,
    "emergency red flag": EMERGENCY,
    "urgent red flag": URGENT,
}
LABELS = ("Yes", "No", "Sometimes", "Not sure", "Go back")
SPOKEN = {"Yes": "yes", "No": "no", "Sometimes": "sometimes", "Not sure": "not sure"}
# The answer each button stores (Answer.SOMETIMES is "s").
STORED = {"Yes": "y", "No": "n", "Sometimes": "s", "Not sure": "u"}
# The round hub has no room for the list of reasons (the card keeps them) or the map caption.
LANDSCAPE_ONLY = ("reasons", "reasonsTitle", "mapCaption")


def shown_words(screen: dict[str, object], viewport: Viewport) -> list[str]:
    """The texts of a screen's datasource that must be visible in `viewport`."""
    words: list[str] = []
    for key, value in screen.items():
        if viewport.round and key in LANDSCAPE_ONLY:
            continue
        if viewport.round and key == "runnerUp" and screen.get("safetyAdvice"):
            continue  # the round hub puts the see-a-doctor advice first, in its place
        if key in ("answers", "goBack", "highlight"):
            continue
        values = value if isinstance(value, list) else [value]
        words += [str(v) for v in values if isinstance(v, str) and v]
    return words


def squeezed(text: str) -> str:
    # Without spaces: lines break after a space or a hyphen ("hands-" / "on"), and each line is
    # its own piece of text.
    return "".join(text.split())


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("kind", SCREENS)
def test_every_screen_shows_all_its_text_whole_and_inside_the_viewport(
    apl: Renderer, kind: str, viewport: Viewport
) -> None:
    directive = directive_of(talk(new_device(), SCREENS[kind]))
    boxes = assert_whole_and_inside(apl.render(directive, viewport), viewport)
    visible = squeezed(" ".join(box.text for box in boxes))
    data = directive["datasources"]["payload"]["screen"]
    for words in shown_words(data, viewport):
        assert squeezed(words) in visible
    if kind.endswith("question"):
        assert [box.text for box in boxes if box.text in LABELS] == list(LABELS)


def first_screen_of_every_question() -> dict[str, dict[str, Any]]:
    directives: dict[str, dict[str, Any]] = {}
    for interview, step in every_step(depth=8):
        if isinstance(step, Question) and step.id not in directives:
            directives[step.id] = directive_for(interview, step)
    # A question that only a long interview reaches, on the path that reaches it.
    for lines in (OUTCOME_WITH_RUNNER_UP, UNCLEAR_OUTCOME):
        for end in range(len(lines)):
            interview = interview_after(lines[:end])
            step = shipped_engine().next_step(interview)
            if isinstance(step, Question) and step.id not in directives:
                directives[step.id] = directive_for(interview, step)
    return directives


def wordiest_outcome_screens() -> dict[str, dict[str, Any]]:
    """For each triage, the outcome screen with the most to say within a few symptom answers,
    or on the long paths to a runner-up and to "nothing fits"."""
    wordiest: dict[str, tuple[int, dict[str, Any]]] = {}
    long_paths = [(i, shipped_engine().next_step(i)) for i in map(interview_after, LONG_PATHS)]
    for interview, step in [*every_step(depth=7), *long_paths]:
        if isinstance(step, Outcome):
            directive = directive_for(interview, step)
            size = len(json.dumps(directive["datasources"]))
            if size > wordiest.get(step.triage, (0, {}))[0]:
                wordiest[step.triage] = (size, directive)
    return {triage: directive for triage, (_, directive) in wordiest.items()}


LONG_PATHS = (OUTCOME_WITH_RUNNER_UP, SOON_OUTCOME, UNCLEAR_OUTCOME)
QUESTION_SCREENS = first_screen_of_every_question()
OUTCOME_SCREENS = wordiest_outcome_screens()


def assert_whole_and_inside(screen: Screen, viewport: Viewport) -> list[TextBox]:
    boxes = screen.texts()
    assert boxes
    assert [box for box in boxes if not viewport.holds(box)] == []
    assert [box.text for box in boxes if "…" in box.text] == []  # nothing cut short
    return boxes


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_every_question_fits_every_viewport_with_all_five_buttons(
    apl: Renderer, viewport: Viewport
) -> None:
    assert set(QUESTION_SCREENS) == set(load_knowledge().features) | set(load_knowledge().red_flags)
    for directive in QUESTION_SCREENS.values():
        boxes = assert_whole_and_inside(apl.render(directive, viewport), viewport)
        visible = squeezed(" ".join(box.text for box in boxes))
        assert squeezed(directive["datasources"]["payload"]["screen"]["question"]) in visible
        assert [box.text for box in boxes if box.text in LABELS] == list(LABELS)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_the_wordiest_outcome_of_each_triage_fits_every_viewport(
    apl: Renderer, viewport: Viewport
) -> None:
    assert set(OUTCOME_SCREENS) == {
        "see_specialist",
        "elsewhere",
        "soon",
        "unclear",
        "emergency",
        "urgent",
    }
    for directive in OUTCOME_SCREENS.values():
        boxes = assert_whole_and_inside(apl.render(directive, viewport), viewport)
        visible = squeezed(" ".join(box.text for box in boxes))
        for words in shown_words(directive["datasources"]["payload"]["screen"], viewport):
            assert squeezed(words) in visible


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("label", LABELS)
def test_tapping_a_button_does_exactly_what_saying_it_does(
    apl: Renderer, label: str, viewport: Viewport
) -> None:
    # On the first symptom question, after the safety screen, so that Go back has answers to
    # undo and the question has a region on the body map.
    tapped, spoken = new_device(), new_device()
    directive = directive_of(talk(tapped, REGION_QUESTION))
    talk(spoken, REGION_QUESTION)
    event = apl.render(directive, viewport).tap(label)
    assert event["type"] == "Alexa.Presentation.APL.UserEvent"
    after_tap = response_of(tapped.tap(event))
    after_saying = response_of(spoken.hear(SPOKEN.get(label, "go back")))
    # Every button, Sometimes included, leaves exactly the stored answers and session that
    # saying it does, and gets the same response: speech, reprompt, card and next screen.
    assert after_tap["sessionAttributes"] == after_saying["sessionAttributes"]
    assert after_tap["response"] == after_saying["response"]
    if label in STORED:
        last_answer = after_tap["sessionAttributes"]["interview"]["a"].split(",")[-1]
        assert last_answer.endswith(f":{STORED[label]}")
    assert directive_of(tapped.tap(event))["token"] != directive["token"] or label == "Go back"
