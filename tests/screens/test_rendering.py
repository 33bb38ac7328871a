"""Every kind of screen drawn by Amazon's APL engine in every viewport, its data bound as Alexa
binds it: all its text visible and on the screen, every body-map region visible, and every
button, when tapped, doing exactly what saying the same words does."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from skill.chat.screens import VIEWPORTS, Renderer, Screen, TextBox, Viewport
from skill.knowledge import load_knowledge
from skill.triage import Interview, Outcome, Question, shipped_engine
from skill.voice.dialogue import Conversation, Dialogue
from skill.voice.screens import HIGHLIGHT_COLOUR
from testkit import REPO_ROOT
from tests.screens.paths import (
    ELSEWHERE_OUTCOME,
    EMERGENCY,
    OUTCOME_BUTTONS,
    OUTCOME_REQUESTS,
    OUTCOME_WITH_RUNNER_UP,
    REGION_QUESTION,
    SAFETY_QUESTION,
    SOON_OUTCOME,
    UNCLEAR_OUTCOME,
    URGENT,
    directive_after,
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
    "question in plainer words": (*REGION_QUESTION, "what do you mean"),
    "question after why do you ask": (*REGION_QUESTION, "why do you ask"),
    "question after a condition explained": (*REGION_QUESTION, "what is sciatica"),
    "outcome with a runner-up": OUTCOME_WITH_RUNNER_UP,
    "answer after tell me more": (*OUTCOME_WITH_RUNNER_UP, "tell me more"),
    "answer after why": (*OUTCOME_WITH_RUNNER_UP, "why"),
    "answer after what else": (*OUTCOME_WITH_RUNNER_UP, "what else could it be"),
    "answer after who to see": (*OUTCOME_WITH_RUNNER_UP, "who should I see"),
    "answer after can I keep running": (*OUTCOME_WITH_RUNNER_UP, "can I keep running"),
    "answer after how long when to see a doctor soon": (*SOON_OUTCOME, "how long will it take"),
    "look-alike outcome": ELSEWHERE_OUTCOME,
    "answer after tell me more about a look-alike": (*ELSEWHERE_OUTCOME, "tell me more"),
    "see a doctor soon outcome": SOON_OUTCOME,
    "unclear outcome": UNCLEAR_OUTCOME,
    "answer after who to see when nothing fits": (*UNCLEAR_OUTCOME, "who should I see"),
    "emergency red flag": EMERGENCY,
    "urgent red flag": URGENT,
}
ANSWER_LABELS = ("Yes", "No", "Sometimes", "Not sure")
LABELS = (*ANSWER_LABELS, "Go back")
SPOKEN = {"Yes": "yes", "No": "no", "Sometimes": "sometimes", "Not sure": "not sure"}
# The answer each button stores (Answer.SOMETIMES is "s").
STORED = {"Yes": "y", "No": "n", "Sometimes": "s", "Not sure": "u"}
# The round hub has no room for the list of reasons (the card keeps them), the map caption, or
# what was said before a question (it was heard; the question is what waits for an answer).
LANDSCAPE_ONLY = ("reasons", "reasonsTitle", "mapCaption", "note")
NOT_TEXT = ("answers", "goBack", "asks", "highlight", "dense")


def shown_words(screen: dict[str, Any], viewport: Viewport) -> list[str]:
    """The texts of a screen's datasource that must be visible in `viewport`."""
    words: list[str] = []
    for key, value in screen.items():
        if key in NOT_TEXT or (viewport.round and key in LANDSCAPE_ONLY):
            continue
        if viewport.round and key == "runnerUp" and screen.get("safetyAdvice"):
            continue  # the round hub puts the see-a-doctor advice first, in its place
        if viewport.round and key == "advice" and len(screen.get("asks", ())) > 2:
            continue  # the round hub has the button "Who to see" for it
        if viewport.round and key == "title" and "lines" in screen:
            continue  # an answer: the round hub keeps its room for what was said
        values = value if isinstance(value, list) else [value]
        words += [str(v) for v in values if isinstance(v, str) and v]
    return words


def labels_of(screen: dict[str, Any]) -> list[str]:
    """The labels of a screen's buttons, in the order shown."""
    buttons = [*screen.get("answers", ()), screen.get("goBack"), *screen.get("asks", ())]
    return [button["label"] for button in buttons if button]


def assert_shows_everything(
    directive: dict[str, Any], boxes: list[TextBox], viewport: Viewport
) -> None:
    visible = squeezed(" ".join(box.text for box in boxes))
    data = directive["datasources"]["screen"]
    for words in shown_words(data, viewport):
        assert squeezed(words) in visible
    labels = labels_of(data)
    assert [box.text for box in boxes if box.text in (*LABELS, *OUTCOME_BUTTONS)] == labels


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
    assert_shows_everything(directive, boxes, viewport)
    if kind == "safety question":  # the first question: nothing to go back to
        assert labels_of(directive["datasources"]["screen"]) == list(ANSWER_LABELS)
    elif kind.startswith("question"):
        assert labels_of(directive["datasources"]["screen"]) == list(LABELS)


def first_interview_of_every_question() -> dict[str, Interview]:
    """For each question, the first interview found that waits for it."""
    interviews: dict[str, Interview] = {}
    for interview, step in every_step(depth=8):
        if isinstance(step, Question) and step.id not in interviews:
            interviews[step.id] = interview
    # A question that only a long interview reaches, on the path that reaches it.
    for lines in (OUTCOME_WITH_RUNNER_UP, UNCLEAR_OUTCOME):
        for end in range(len(lines)):
            interview = interview_after(lines[:end])
            step = shipped_engine().next_step(interview)
            if isinstance(step, Question) and step.id not in interviews:
                interviews[step.id] = interview
    return interviews


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


def every_question_in_plainer_words() -> list[dict[str, Any]]:
    """Each question after "what do you mean" (the plainer wording), and the wordiest question
    after the longest thing said before one (a condition explained)."""
    dialogue = Dialogue()
    conversations = [Conversation(interview) for interview in QUESTION_INTERVIEWS.values()]
    directives = [directive_after(dialogue.confused(c)) for c in conversations]
    wordiest = max(conversations, key=lambda c: len(str(c.step and c.step.text)))
    conditions = dialogue.knowledge.conditions
    longest = max(conditions, key=lambda c: len(conditions[c].description))
    directives.append(directive_after(dialogue.explain(wordiest, longest)))
    return directives


def every_answer_after_every_outcome() -> list[dict[str, Any]]:
    """What each request after the outcome shows, for one outcome of each triage and lead."""
    dialogue, directives = Dialogue(), []
    long_paths = [(i, shipped_engine().next_step(i)) for i in map(interview_after, LONG_PATHS)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for interview, step in [*every_step(depth=7), *long_paths]:
        if not isinstance(step, Outcome) or step.triage in ("emergency", "urgent"):
            continue
        if (step.triage, step.conditions[:1]) in seen:
            continue
        seen.add((step.triage, step.conditions[:1]))
        conversation = Conversation(interview)
        for ask in (dialogue.more, dialogue.why, dialogue.runner_up, dialogue.who_to_see):
            directives.append(directive_after(ask(conversation)))
    return directives


LONG_PATHS = (OUTCOME_WITH_RUNNER_UP, ELSEWHERE_OUTCOME, SOON_OUTCOME, UNCLEAR_OUTCOME)
QUESTION_INTERVIEWS = first_interview_of_every_question()
QUESTION_SCREENS = {
    question_id: directive_for(interview, shipped_engine().next_step(interview))
    for question_id, interview in QUESTION_INTERVIEWS.items()
}
PLAINER_QUESTION_SCREENS = every_question_in_plainer_words()
OUTCOME_SCREENS = wordiest_outcome_screens()
ANSWER_SCREENS = every_answer_after_every_outcome()


def assert_whole_and_inside(screen: Screen, viewport: Viewport) -> list[TextBox]:
    boxes = screen.texts()
    assert boxes
    assert [box for box in boxes if not viewport.holds(box)] == []
    assert [box.text for box in boxes if "…" in box.text] == []  # nothing cut short
    assert [box.text for box in boxes if box.text.strip("• ") == ""] == []  # no empty bullet
    return boxes


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_every_question_fits_every_viewport_with_all_five_buttons(
    apl: Renderer, viewport: Viewport
) -> None:
    assert set(QUESTION_SCREENS) == set(load_knowledge().features) | set(load_knowledge().red_flags)
    for directive in [*QUESTION_SCREENS.values(), *PLAINER_QUESTION_SCREENS]:
        boxes = assert_whole_and_inside(apl.render(directive, viewport), viewport)
        assert_shows_everything(directive, boxes, viewport)
        assert set(ANSWER_LABELS) <= {box.text for box in boxes}


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
        assert_shows_everything(directive, boxes, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_every_answer_after_every_outcome_fits_every_viewport(
    apl: Renderer, viewport: Viewport
) -> None:
    for directive in ANSWER_SCREENS:
        boxes = assert_whole_and_inside(apl.render(directive, viewport), viewport)
        assert_shows_everything(directive, boxes, viewport)


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


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("label", OUTCOME_BUTTONS)
@pytest.mark.parametrize("after", [(), ("why",)], ids=["on the outcome", "on an answer"])
def test_tapping_an_outcome_button_does_exactly_what_saying_it_does(
    apl: Renderer, label: str, viewport: Viewport, after: tuple[str, ...]
) -> None:
    tapped, spoken = new_device(), new_device()
    directive = directive_of(talk(tapped, (*OUTCOME_WITH_RUNNER_UP, *after)))
    talk(spoken, (*OUTCOME_WITH_RUNNER_UP, *after))
    event = apl.render(directive, viewport).tap(label)
    after_tap = response_of(tapped.tap(event))
    after_saying = response_of(spoken.hear(OUTCOME_REQUESTS[label]))
    assert after_tap["sessionAttributes"] == after_saying["sessionAttributes"]
    assert after_tap["response"] == after_saying["response"]


def with_old_binding(directive: dict[str, Any]) -> dict[str, Any]:
    """The directive as the skill once sent it: a `payload` parameter read as
    `payload.screen`, with the data in a data source named `payload`."""
    old = copy.deepcopy(directive)
    template = old["document"]["mainTemplate"]
    template["parameters"] = ["payload"]
    template["items"] = [
        {
            "type": "Container",
            "width": "100vw",
            "height": "100vh",
            "bind": [{"name": "screen", "value": "${payload.screen}"}],
            "items": template["items"],
        }
    ]
    old["datasources"] = {"payload": old["datasources"]}
    return old


@pytest.mark.parametrize("viewport", VIEWPORTS[:2], ids=lambda v: v.name)
def test_bound_as_alexa_binds_it_the_old_payload_binding_draws_an_empty_screen(
    apl: Renderer, viewport: Viewport
) -> None:
    # Alexa binds a parameter named `payload` to the whole datasources object, so
    # `payload.screen` was empty on a device: no question and no button labels to tap.
    directive = directive_of(talk(new_device(), REGION_QUESTION))
    assert apl.render(with_old_binding(directive), viewport).texts() == []
    # Read as the whole datasources object, `payload.screen` is the screen's data.
    whole = {**with_old_binding(directive), "datasources": directive["datasources"]}
    assert_shows_everything(whole, apl.render(whole, viewport).texts(), viewport)
    # A parameter with no data source of its name is bound to nothing.
    unnamed = {**directive, "datasources": {"another": directive["datasources"]["screen"]}}
    assert apl.render(unnamed, viewport).texts() == []


# The body map's highlighted paths: each one's box on the page, and whether the body map is the
# topmost thing drawn at its centre (no text or button covers it there; the engine hit-tests
# the drawing as one element).
HIGHLIGHTED_PATHS = """(colour) => Array.from(document.querySelectorAll("#view path"))
  .filter((path) => path.getAttribute("fill") === colour)
  .map((path) => { const r = path.getBoundingClientRect();
                   const top = document.elementFromPoint((r.left + r.right) / 2,
                                                         (r.top + r.bottom) / 2);
                   const shown = top === path || top.contains(path);
                   return [r.left, r.top, r.right, r.bottom, shown]; })"""
# The smallest highlight a runner can make out, in pixels across.
SMALLEST_HIGHLIGHT = 4


def as_rgba(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, 1)"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
def test_every_body_map_region_highlighted_alone_is_visible(
    apl: Renderer, viewport: Viewport
) -> None:
    body_map = json.loads((REPO_ROOT / "skill/voice/apl/bodymap.json").read_text("utf-8"))
    regions = load_knowledge().regions
    for kind, lines in (("question", REGION_QUESTION), ("outcome", OUTCOME_WITH_RUNNER_UP)):
        directive = directive_of(talk(new_device(), lines))
        for region in regions:
            alone = copy.deepcopy(directive)
            alone["datasources"]["screen"]["highlight"] = {r: r == region for r in regions}
            screen = apl.render(alone, viewport)
            drawn = screen.evaluate(HIGHLIGHTED_PATHS, as_rgba(HIGHLIGHT_COLOUR))
            assert len(drawn) == len(body_map["regions"][region]), (kind, region)
            for left, top, right, bottom, on_top in drawn:
                assert min(right - left, bottom - top) >= SMALLEST_HIGHLIGHT, (kind, region)
                assert left >= 0 and right <= viewport.width, (kind, region)
                assert top >= 0 and bottom <= viewport.height, (kind, region)
                assert on_top, (kind, region)
