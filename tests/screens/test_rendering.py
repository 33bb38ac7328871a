"""Every kind of screen drawn by Amazon's APL engine in every viewport: all its text visible and
on the screen, and every button, when tapped, answering exactly as the spoken answer."""

from __future__ import annotations

import pytest

from skill.chat.screens import VIEWPORTS, Renderer, Viewport
from tests.screens.conftest import (
    EMERGENCY,
    OUTCOME_WITH_RUNNER_UP,
    REGION_QUESTION,
    SAFETY_QUESTION,
    UNCLEAR_OUTCOME,
    directive_of,
    new_device,
    response_of,
    talk,
)

SCREENS = {
    "safety question": SAFETY_QUESTION,
    "question with a region": REGION_QUESTION,
    "outcome with a runner-up": OUTCOME_WITH_RUNNER_UP,
    "unclear outcome": UNCLEAR_OUTCOME,
    "red flag": EMERGENCY,
}
LABELS = ("Yes", "No", "Sometimes", "Not sure", "Go back")
SPOKEN = {"Yes": "yes", "No": "no", "Sometimes": "sometimes", "Not sure": "not sure"}
# The round hub has no room for the list of reasons (the card keeps them) or the map caption.
LANDSCAPE_ONLY = ("reasons", "reasonsTitle", "mapCaption")


def shown_words(screen: dict[str, object], viewport: Viewport) -> list[str]:
    """The texts of a screen's datasource that must be visible in `viewport`."""
    words: list[str] = []
    for key, value in screen.items():
        if viewport.round and key in LANDSCAPE_ONLY:
            continue
        if key in ("answers", "goBack", "highlight"):
            continue
        values = value if isinstance(value, list) else [value]
        words += [str(v) for v in values if isinstance(v, str) and v]
    return words


def squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("kind", SCREENS)
def test_every_screen_shows_all_its_text_whole_and_inside_the_viewport(
    apl: Renderer, kind: str, viewport: Viewport
) -> None:
    directive = directive_of(talk(new_device(), SCREENS[kind]))
    screen = apl.render(directive, viewport)
    boxes = screen.texts()
    assert boxes
    outside = [box for box in boxes if not viewport.holds(box)]
    assert outside == []
    assert [box.text for box in boxes if "…" in box.text] == []  # nothing cut short
    visible = squeezed(" ".join(box.text for box in boxes))
    data = directive["datasources"]["payload"]["screen"]
    for words in shown_words(data, viewport):
        assert squeezed(words) in visible
    if kind.endswith("question"):
        assert [box.text for box in boxes if box.text in LABELS] == list(LABELS)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("label", LABELS)
def test_tapping_a_button_does_exactly_what_saying_it_does(
    apl: Renderer, label: str, viewport: Viewport
) -> None:
    # On the second question, so that Go back has an answer to undo.
    tapped, spoken = new_device(), new_device()
    directive = directive_of(talk(tapped, REGION_QUESTION))
    talk(spoken, REGION_QUESTION)
    event = apl.render(directive, viewport).tap(label)
    assert event["type"] == "Alexa.Presentation.APL.UserEvent"
    after_tap = response_of(tapped.tap(event))
    after_saying = response_of(spoken.hear(SPOKEN.get(label, "go back")))
    for key in ("question", "outcome"):  # the contract's attributes
        assert after_tap["sessionAttributes"].get(key) == after_saying["sessionAttributes"].get(key)
    assert after_tap["response"]["outputSpeech"] == after_saying["response"]["outputSpeech"]
    assert directive_of(tapped.tap(event))["token"] != directive["token"] or label == "Go back"
