"""What a screen device shows for each turn: an APL document and the data it is filled with.

Pure Python (no Alexa imports). The documents are data files in `skill/voice/apl/`; the body map
(`bodymap.json`) is one drawing shared by every document, its regions keyed by the region ids of
the knowledge, and `layouts.json` holds the parts every document shares (the buttons and the
body map with its caption).

A screen shows what was just said, derived from the turn itself, so a new kind of turn needs no
screen code of its own:
- while a question waits, the turn ends with it (in the words last spoken: the plainer wording
  after "what do you mean"), and whatever was said before it is shown above it;
- a turn that gives the outcome (it comes with the outcome's card) shows the outcome: the likely
  cause, the reasons, who to see, the disclaimer; for a red flag only the advice, the local
  emergency number and the disclaimer;
- any other turn after the outcome ("tell me more", "why", "what else", "who to see", ...) shows
  its spoken lines without the closing offer, beside the outcome's body-map region and the
  outcome's buttons (a turn that is only the offer shows the outcome again).
Never more health detail than the card or the speech holds. Clinical text is filled with the
words of the conversation's locale (`Speech.localised`), so a screen never shows another
country's number.

The data is bound to the documents' one mainTemplate parameter, `screen`, from the data source
of the same name. (A parameter named `payload` would get the whole `datasources` object instead:
Amazon's "APL Data Sources" page, developer.amazon.com/docs/alexa-presentation-language/
apl-data-source.html. `skill/chat/screens.py` binds exactly so.)

Each screen carries a token naming the step it shows, so a tap on a screen that is no longer
current can be told apart from a tap on the one now shown (`tapped`).
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
from skill.voice.dialogue import Conversation, Said, Turn

USER_EVENT = "Alexa.Presentation.APL.UserEvent"
APL_VERSION = "1.4"
# The documents' one mainTemplate parameter, and the data source of the same name.
DATA_SOURCE = "screen"
BODY_MAP = "bodyMap"
HIGHLIGHT_PARAMETER = "highlight"
# The colour of a highlighted region on the body map (a warm orange that reads on dark grey).
HIGHLIGHT_COLOUR = "#ff7a45"
SILHOUETTE_COLOUR = "#4a5866"
LINE_COLOUR = "#8a9bab"

# What a tap sends (`SendEvent` arguments) and what the skill does with it.
ANSWER_EVENT = "answer"
GO_BACK = "go_back"
# What a runner can ask next on an outcome screen: ["ask", <one of these>].
ASK_EVENT = "ask"
MORE = "more"
RUNNER_UP = "runner_up"
WHO_TO_SEE = "who_to_see"
START_OVER = "start_over"
# The answer buttons, in the order shown, with the key of their label in speech.toml.
ANSWER_BUTTONS: tuple[tuple[Answer, str], ...] = (
    (Answer.YES, "screen.yes"),
    (Answer.NO, "screen.no"),
    (Answer.SOMETIMES, "screen.sometimes"),
    (Answer.UNSURE, "screen.not_sure"),
)
# The buttons of an outcome that names a cause, in the order shown, with their label's key;
# an outcome that names none offers only who to see and starting over.
ASK_BUTTONS: tuple[tuple[str, str], ...] = (
    (MORE, "screen.tell_me_more"),
    (RUNNER_UP, "screen.what_else"),
    (WHO_TO_SEE, "screen.who_to_see"),
    (START_OVER, "screen.start_over"),
)
ASKS_WITHOUT_A_CAUSE = (WHO_TO_SEE, START_OVER)
URGENT_TRIAGES = ("emergency", "urgent")
# An outcome with more text than this (in characters: safety advice, a caution, every reason)
# is set in smaller type, so that all of it and the buttons fit even a 960x480 screen.
DENSE_OUTCOME = 440
OUTCOME_TEXT = ("safetyAdvice", "title", "runnerUp", "reasons", "advice", "caution", "disclaimer")


class Screen(NamedTuple):
    """One RenderDocument: the document, its data, and the token naming the step it shows."""

    token: str
    document: dict[str, Any]
    datasources: dict[str, Any]


class Tap(NamedTuple):
    """A touch on a current screen: an answer (`answer` set), or a request (`GO_BACK`, or one
    of the `ASK_BUTTONS` events), meaning what the same words would mean said aloud."""

    request: str
    answer: Answer | None = None


def screen_for_turn(turn: Turn, knowledge: Knowledge, speech: Speech) -> Screen | None:
    """The screen to send with a turn, showing what it says; nothing after a goodbye.

    An emergency or urgent outcome ends the session as it is said; its screen stays up.
    """
    step = turn.conversation.step
    if turn.said.end_session and not (isinstance(step, Outcome) and step.triage in URGENT_TRIAGES):
        return None
    return _screen_for(turn.conversation, turn.said, knowledge, speech)


def screen_for(conversation: Conversation, knowledge: Knowledge, speech: Speech) -> Screen | None:
    """The screen of the conversation's step as it is first presented (the question in its
    first wording, or the outcome); None before an interview has started."""
    return _screen_for(conversation, None, knowledge, speech)


def stale_tap(turn: Turn, speech: Speech) -> Turn:
    """`turn` (the question or outcome again) after saying the tap was not counted."""
    said = turn.said
    return turn._replace(said=said._replace(speech=(speech.say("screen.stale_tap"), *said.speech)))


def token_for(interview: Interview, step: Question | Outcome, kind: str | None = None) -> str:
    """Names the screen's kind, the step and how many answers led to it."""
    shown = step.id if isinstance(step, Question) else step.triage
    return f"{kind or _kind(step)}.{shown}.{len(interview.answers)}"


def tapped(token: object, arguments: object, conversation: Conversation) -> Tap | None:
    """What a tap means, or None when it is stale (an older screen) or makes no sense."""
    interview, step = conversation.interview, conversation.step
    if interview is None or step is None or not isinstance(arguments, list):
        return None
    if isinstance(step, Question):
        if token != token_for(interview, step):
            return None
        if arguments == [GO_BACK]:
            return Tap(GO_BACK)
        if len(arguments) == 2 and arguments[0] == ANSWER_EVENT:
            for answer, _ in ANSWER_BUTTONS:
                if arguments[1] == answer.value:
                    return Tap(ANSWER_EVENT, answer)
        return None
    # The outcome and each answer after it show the same step, so a tap on either is current.
    if token not in (token_for(interview, step), token_for(interview, step, "answer")):
        return None
    if len(arguments) == 2 and arguments[0] == ASK_EVENT:
        for request, _ in ASK_BUTTONS:
            if arguments[1] == request:
                return Tap(request)
    return None


# --- which screen a turn shows -------------------------------------------------------------------


def _screen_for(
    conversation: Conversation, said: Said | None, knowledge: Knowledge, speech: Speech
) -> Screen | None:
    interview, step = conversation.interview, conversation.step
    if interview is None or step is None:
        return None

    def local(text: str) -> str:
        return speech.localised(text, conversation.locale)

    if isinstance(step, Question):
        # A turn that leaves a question waiting ends with it, in the words just spoken.
        spoken = said.speech if said is not None and said.speech else (local(step.text),)
        return _question_screen(interview, step, spoken, knowledge, speech)
    if step.triage in URGENT_TRIAGES:
        return _red_flag_screen(interview, step, speech, local)
    lines = () if said is None or said.card is not None else _without_closing_offer(said)
    if not lines:
        return _outcome_screen(interview, step, knowledge, speech, local)
    return _answer_screen(interview, step, lines, knowledge, speech)


def _without_closing_offer(said: Said) -> tuple[str, ...]:
    """The lines of a turn after the outcome without its last: every such turn ends with what
    the runner can say next (the offer to hear more, or a short prompt), which the screen's
    buttons offer instead."""
    return tuple(line for line in said.speech[:-1] if line)


# --- the four kinds of screen --------------------------------------------------------------------


def _question_screen(
    interview: Interview,
    question: Question,
    spoken: tuple[str, ...],
    knowledge: Knowledge,
    speech: Speech,
) -> Screen:
    regions = question.regions
    # Counted as the runner hears them: every question asked so far, the safety ones too.
    number = str(len(interview.answers) + 1)
    if question.is_safety_screen:
        progress = speech.say("screen.safety_progress", number=number)
    else:
        progress = speech.say("screen.progress", number=number)
    answers = [
        _button(speech.say(label), [ANSWER_EVENT, answer.value], f"answer_{answer.name.lower()}")
        for answer, label in ANSWER_BUTTONS
    ]
    *before, asked = spoken
    screen = {
        "progress": progress,
        "note": " ".join(before),
        "question": asked,
        "highlight": _highlight(regions, knowledge),
        "mapCaption": _caption(regions, knowledge),
        "answers": answers,
        # Only where there is an answer to go back to.
        "goBack": _button(speech.say("screen.go_back"), [GO_BACK], GO_BACK)
        if interview.answers
        else None,
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
    screen = {
        # For "soon": see a doctor within days, shown first as it is said first.
        "safetyAdvice": local(outcome.safety_advice or ""),
        "title": _title(outcome, knowledge, speech),
        "runnerUp": speech.say("screen.runner_up", name=names[1]) if len(names) > 1 else "",
        "reasons": [_capitalised(local(r.text)) for r in outcome.reasons],
        "reasonsTitle": speech.say("screen.reasons") if outcome.reasons else "",
        "advice": local(outcome.advice),
        "caution": local(outcome.caution or ""),
        "disclaimer": local(outcome.disclaimer),
        **_outcome_parts(outcome, knowledge, speech),
    }
    screen["dense"] = _characters(screen, OUTCOME_TEXT) > DENSE_OUTCOME
    return _screen("outcome", token_for(interview, outcome), screen)


def _answer_screen(
    interview: Interview,
    outcome: Outcome,
    lines: tuple[str, ...],
    knowledge: Knowledge,
    speech: Speech,
) -> Screen:
    """What was said after the outcome, beside the outcome's region and its buttons."""
    screen = {
        "title": _title(outcome, knowledge, speech),
        "lines": list(lines),
        **_outcome_parts(outcome, knowledge, speech),
    }
    return _screen("answer", token_for(interview, outcome, "answer"), screen)


def _red_flag_screen(
    interview: Interview, outcome: Outcome, speech: Speech, local: Callable[[str], str]
) -> Screen:
    # The emergency or urgent advice of the flag, and the local number from the same table. The
    # disclaimer too: the result says it, and this screen stays up once the session has ended.
    number = speech.say("screen.emergency_number", number=local("{emergency_number}"))
    screen = {
        "advice": local(outcome.advice),
        "number": number,
        "disclaimer": local(outcome.disclaimer),
    }
    return _screen("red_flag", token_for(interview, outcome), screen)


# --- parts ---------------------------------------------------------------------------------------


def _title(outcome: Outcome, knowledge: Knowledge, speech: Speech) -> str:
    """The likely cause, as the voice puts it: one of the seven as the most likely, a
    look-alike as what the pain looks more like."""
    if not outcome.conditions:
        return speech.say("screen.unclear_title")
    lead = outcome.conditions[0]
    key = "screen.elsewhere" if lead in knowledge.lookalikes else "screen.lead"
    return speech.say(key, name=_capitalised(knowledge.causes[lead].name))


def _outcome_parts(outcome: Outcome, knowledge: Knowledge, speech: Speech) -> dict[str, Any]:
    """The body map of the likely cause's area, and the buttons for what to ask next."""
    regions = tuple(r for c in outcome.conditions[:1] for r in knowledge.causes[c].regions)
    offered = [r for r, _ in ASK_BUTTONS] if outcome.conditions else ASKS_WITHOUT_A_CAUSE
    asks = [
        _button(speech.say(label), [ASK_EVENT, request], request)
        for request, label in ASK_BUTTONS
        if request in offered
    ]
    return {
        "highlight": _highlight(regions, knowledge),
        "mapCaption": _caption(regions, knowledge),
        "asks": asks,
    }


def _characters(screen: dict[str, Any], keys: tuple[str, ...]) -> int:
    texts = [screen[key] if isinstance(screen[key], list) else [screen[key]] for key in keys]
    return sum(len(text) for listed in texts for text in listed)


def _screen(kind: str, token: str, screen: dict[str, Any]) -> Screen:
    return Screen(token=token, document=document(kind), datasources={DATA_SOURCE: screen})


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


# The kinds of screen, each drawn by its own APL document in skill/voice/apl/.
KINDS = ("question", "outcome", "answer", "red_flag")


@cache
def _documents() -> dict[str, str]:
    """Every kind's APL document with the shared layouts and the body map, as JSON text; read
    once per process, on the first request from a device with a screen."""
    apl = resources.files("skill.voice") / "apl"
    shared = json.loads((apl / "layouts.json").read_text(encoding="utf-8"))
    body_map = json.loads((apl / "bodymap.json").read_text(encoding="utf-8"))
    texts = {}
    for kind in KINDS:
        document = json.loads((apl / f"{kind}.json").read_text(encoding="utf-8"))
        document.setdefault("layouts", {}).update(shared["layouts"])
        document.setdefault("styles", {}).update(shared["styles"])
        document.setdefault("graphics", {})[BODY_MAP] = body_map_graphic(body_map)
        texts[kind] = json.dumps(document)
    return texts


def document(kind: str) -> dict[str, Any]:
    """A fresh copy of the APL document for a screen kind (one of KINDS)."""
    loaded: dict[str, Any] = json.loads(_documents()[kind])
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
