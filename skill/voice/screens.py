"""What a screen device shows for each turn: an APL document and the data it is filled with.

Pure Python (no Alexa imports). The documents are data files in `skill/voice/apl/`; the body map
(`bodymap.json`) is one drawing shared by every document, its regions keyed by the region ids of
the knowledge. A screen shows what is said and never more health detail than the card: the
question, the region it is about, the answer buttons; or the likely cause, the reasons, who to
see and the disclaimer; or, for a red flag, only the advice and the local emergency number.
Clinical text is filled with the words of the conversation's locale (`Speech.localised`, the
same fill as every spoken line and card), so a screen never shows another country's number.

Each screen carries a token naming the step it shows, so a tap on a screen that is no longer
current can be told apart from an answer to the question now waiting (`tapped`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from skill.knowledge import Knowledge
from skill.knowledge.speech import Speech
from skill.triage import Answer, Interview, Outcome, Question
from skill.voice.dialogue import Conversation, Turn

USER_EVENT = "Alexa.Presentation.APL.UserEvent"
APL_VERSION = "1.4"
BODY_MAP = "bodyMap"
HIGHLIGHT_PARAMETER = "highlight"
# The colour of a highlighted region on the body map (a warm orange that reads on dark grey).
HIGHLIGHT_COLOUR = "#ff7a45"
SILHOUETTE_COLOUR = "#4a5866"
LINE_COLOUR = "#8a9bab"

# What a tap sends (`SendEvent` arguments) and what the skill does with it.
ANSWER_EVENT = "answer"
GO_BACK_EVENT = "go_back"
# The answer buttons, in the order shown, with the key of their label in speech.toml.
ANSWER_BUTTONS: tuple[tuple[Answer, str], ...] = (
    (Answer.YES, "screen.yes"),
    (Answer.NO, "screen.no"),
    (Answer.SOMETIMES, "screen.sometimes"),
    (Answer.UNSURE, "screen.not_sure"),
)
URGENT_TRIAGES = ("emergency", "urgent")


class Screen(NamedTuple):
    """One RenderDocument: the document, its data, and the token naming the step it shows."""

    token: str
    document: dict[str, Any]
    datasources: dict[str, Any]


class Tap(NamedTuple):
    """A touch on a current question screen: an answer, or go back (`answer` is None)."""

    answer: Answer | None


def screen_for_turn(turn: Turn, knowledge: Knowledge, speech: Speech) -> Screen | None:
    """The screen to send with a turn: what it leaves waiting, and nothing after a goodbye.

    An emergency or urgent outcome ends the session as it is said; its screen stays up.
    """
    step = turn.conversation.step
    if turn.said.end_session and not (isinstance(step, Outcome) and step.triage in URGENT_TRIAGES):
        return None
    return screen_for(turn.conversation, knowledge, speech)


def stale_tap(turn: Turn, speech: Speech) -> Turn:
    """`turn` (the question or outcome again) after saying the tap was not counted."""
    said = turn.said
    return turn._replace(said=said._replace(speech=(speech.say("screen.stale_tap"), *said.speech)))


def screen_for(conversation: Conversation, knowledge: Knowledge, speech: Speech) -> Screen | None:
    """The screen for what the conversation's interview waits for, in the words of its locale;
    None before an interview has started."""
    interview, step = conversation.interview, conversation.step
    if interview is None or step is None:
        return None

    def local(text: str) -> str:
        return speech.localised(text, conversation.locale)

    if isinstance(step, Question):
        return _question_screen(interview, step, knowledge, speech, local)
    if step.triage in URGENT_TRIAGES:
        return _red_flag_screen(interview, step, speech, local)
    return _outcome_screen(interview, step, knowledge, speech, local)


def token_for(interview: Interview, step: Question | Outcome) -> str:
    """Names the step and how many answers led to it: a later screen never has the same token."""
    shown = step.id if isinstance(step, Question) else step.triage
    return f"{_kind(step)}.{shown}.{len(interview.answers)}"


def tapped(token: object, arguments: object, conversation: Conversation) -> Tap | None:
    """What a tap means, or None when it is stale (an older screen) or makes no sense."""
    interview, step = conversation.interview, conversation.step
    if interview is None or not isinstance(step, Question) or token != token_for(interview, step):
        return None
    if not isinstance(arguments, list) or not arguments:
        return None
    if arguments == [GO_BACK_EVENT]:
        return Tap(answer=None)
    if len(arguments) == 2 and arguments[0] == ANSWER_EVENT:
        code = arguments[1]
        for answer, _ in ANSWER_BUTTONS:
            if code == answer.value:
                return Tap(answer=answer)
    return None


# --- the three kinds of screen -------------------------------------------------------------------


def _question_screen(
    interview: Interview,
    question: Question,
    knowledge: Knowledge,
    speech: Speech,
    local: Callable[[str], str],
) -> Screen:
    regions = question.regions
    if question.is_safety_screen:
        progress = speech.say("screen.safety_progress")
    else:
        progress = speech.say("screen.progress", number=str(question.asked_before + 1))
    answers = [
        _button(speech.say(label), [ANSWER_EVENT, answer.value], f"answer_{answer.name.lower()}")
        for answer, label in ANSWER_BUTTONS
    ]
    screen = {
        "progress": progress,
        "question": local(question.text),
        "highlight": _highlight(regions, knowledge),
        "mapCaption": _caption(regions, knowledge),
        "answers": answers,
        "goBack": _button(speech.say("screen.go_back"), [GO_BACK_EVENT], "go_back"),
    }
    return _screen("question", token_for(interview, question), screen)


def _outcome_screen(
    interview: Interview,
    outcome: Outcome,
    knowledge: Knowledge,
    speech: Speech,
    local: Callable[[str], str],
) -> Screen:
    names = [knowledge.causes[c].name for c in outcome.conditions]
    regions = tuple(r for c in outcome.conditions[:1] for r in knowledge.causes[c].regions)
    if names:
        title = speech.say("screen.lead", name=_capitalised(names[0]))
    else:
        title = speech.say("screen.unclear_title")
    screen = {
        # For "soon": see a doctor within days, shown first as it is said first.
        "safetyAdvice": local(outcome.safety_advice or ""),
        "title": title,
        "runnerUp": speech.say("screen.runner_up", name=names[1]) if len(names) > 1 else "",
        "reasons": [_capitalised(local(r.text)) for r in outcome.reasons],
        "reasonsTitle": speech.say("screen.reasons") if outcome.reasons else "",
        "advice": local(outcome.advice),
        "caution": local(outcome.caution or ""),
        "disclaimer": local(outcome.disclaimer),
        "highlight": _highlight(regions, knowledge),
        "mapCaption": _caption(regions, knowledge),
    }
    return _screen("outcome", token_for(interview, outcome), screen)


def _red_flag_screen(
    interview: Interview, outcome: Outcome, speech: Speech, local: Callable[[str], str]
) -> Screen:
    # The emergency or urgent advice of the flag, and the local number from the same table.
    number = speech.say("screen.emergency_number", number=local("{emergency_number}"))
    screen = {"advice": local(outcome.advice), "number": number}
    return _screen("red_flag", token_for(interview, outcome), screen)


# --- parts ---------------------------------------------------------------------------------------


def _screen(kind: str, token: str, screen: dict[str, Any]) -> Screen:
    return Screen(token=token, document=document(kind), datasources={"payload": {"screen": screen}})


def _kind(step: Question | Outcome) -> str:
    if isinstance(step, Question):
        return "question"
    return "red_flag" if step.triage in URGENT_TRIAGES else "outcome"


def _button(label: str, arguments: list[str], button_id: str) -> dict[str, Any]:
    return {"label": label, "arguments": arguments, "id": button_id}


def _highlight(regions: tuple[str, ...], knowledge: Knowledge) -> dict[str, bool]:
    return {region: region in regions for region in knowledge.regions}


def _caption(regions: tuple[str, ...], knowledge: Knowledge) -> str:
    labels = [knowledge.regions[r] for r in dict.fromkeys(regions)]
    return _capitalised(_joined(labels))


def _joined(words: list[str]) -> str:
    if len(words) < 3:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- documents -----------------------------------------------------------------------------------


@cache
def _document_text(kind: str) -> str:
    """The APL document `kind` with the shared body map among its graphics, as JSON text."""
    apl = resources.files("skill.voice") / "apl"
    document = json.loads((apl / f"{kind}.json").read_text(encoding="utf-8"))
    body_map = json.loads((apl / "bodymap.json").read_text(encoding="utf-8"))
    document.setdefault("graphics", {})[BODY_MAP] = body_map_graphic(body_map)
    return json.dumps(document)


def document(kind: str) -> dict[str, Any]:
    """A fresh copy of the APL document for a screen kind: question, outcome or red_flag."""
    loaded: dict[str, Any] = json.loads(_document_text(kind))
    return loaded


def body_map_graphic(body_map: dict[str, Any]) -> dict[str, Any]:
    """The AVG graphic drawn from bodymap.json: every region's fill follows `highlight`."""
    items: list[dict[str, Any]] = [
        {"type": "path", "pathData": path, "fill": SILHOUETTE_COLOUR}
        for path in body_map["outline"]
    ]
    items += [
        {"type": "path", "pathData": path, "stroke": LINE_COLOUR, "strokeWidth": 1.5}
        for path in body_map["lines"]
    ]
    for region, paths in body_map["regions"].items():
        fill = f"${{{HIGHLIGHT_PARAMETER}.{region} ? '{HIGHLIGHT_COLOUR}' : 'transparent'}}"
        items += [{"type": "path", "pathData": path, "fill": fill} for path in paths]
    return {
        "type": "AVG",
        "version": "1.0",
        "width": body_map["width"],
        "height": body_map["height"],
        "parameters": [{"name": HIGHLIGHT_PARAMETER, "type": "any", "default": {}}],
        "items": items,
    }
