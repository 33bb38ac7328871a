"""`python -m skill chat`: talk to the skill in the terminal, as in the developer console's
test tab. Typed lines go through the local language model (`nlu`) and a simulated device
(`device`) to the skill's own Lambda handler; Alexa's answers come back as plain text.

At a terminal the skill is opened straight away, so "yes" and "no" work from the first line.
A script on standard input is echoed line by line, which makes a readable transcript; it is
opened the same way unless its first line is itself a launch phrase.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from skill.chat.device import Device, Heard, Invoke
from skill.chat.envelopes import LOCAL_SKILL_ID, EnvelopeFactory
from skill.chat.screens import VIEWPORTS, Renderer, ScreenError, render_directives, renderer
from skill.settings import configured_skill_id
from skill.understanding import Nlu

# Words that leave the chat. On a device "exit" closes the skill the same way: the skill
# gets a SessionEndedRequest and says nothing.
LEAVE_WORDS = frozenset({"quit", "exit"})
# The viewport of the saved screens: a medium landscape hub (an Echo Show 8).
CHAT_VIEWPORT = VIEWPORTS[2]


def skill_invoke() -> Invoke:
    """The real skill: its Lambda handler, called as AWS Lambda calls it (with no context)."""
    # Imported here so that the chat's own modules load without the skill and its SDK.
    lambda_handler = importlib.import_module("skill.voice").lambda_handler

    def invoke(envelope: dict[str, Any]) -> dict[str, Any]:
        response: dict[str, Any] = lambda_handler(envelope, None)
        return response

    return invoke


class ScreenShots:
    """Saves a PNG of every screen the skill sends, numbered in the order shown."""

    def __init__(self, renderer: Renderer, directory: Path) -> None:
        self._renderer = renderer
        self._directory = directory
        self._count = 0

    def save(self, heard: Heard) -> list[Path]:
        saved = []
        for exchange in heard.exchanges:
            for directive in render_directives(exchange.response or {}):
                self._count += 1
                kind = str(directive.get("token", "screen")).split(".")[0]
                path = self._directory / f"{self._count:02d}-{kind}.png"
                self._renderer.render(directive, CHAT_VIEWPORT).save_png(path)
                saved.append(path)
        return saved


class Transcript:
    """Prints each turn: "You: ...", "Alexa: ...", cards, the device's remarks, envelopes."""

    def __init__(
        self, out: TextIO, err: TextIO, show_envelopes: bool, screens: ScreenShots | None = None
    ) -> None:
        self.out = out
        self.err = err
        self.show_envelopes = show_envelopes
        self.screens = screens

    def said(self, text: str) -> None:
        print(f"You: {text}" if text.strip() else "You: (silence)", file=self.out)

    def heard(self, heard: Heard) -> None:
        if self.show_envelopes:
            for exchange in heard.exchanges:
                self._json(">>> request", exchange.request)
                self._json("<<< response", exchange.response)
        if heard.error:
            print(f"skill error: {heard.error}", file=self.err)
        if heard.speech:
            print(f"Alexa: {heard.speech}", file=self.out)
        if heard.card:
            print(f"[card] {heard.card.title}: {heard.card.content}", file=self.out)
        if self.screens is not None:
            for path in self.screens.save(heard):
                print(f"[screen] {path}", file=self.out)
        if heard.notice:
            print(f"({heard.notice})", file=self.out)
        elif heard.session_ended:
            print("(the session has ended)", file=self.out)
        self.out.flush()

    def _json(self, label: str, envelope: dict[str, Any] | None) -> None:
        print(label, file=self.out)
        print(json.dumps(envelope, indent=2, ensure_ascii=False), file=self.out)


def typed_lines() -> Iterator[str]:
    while True:
        try:
            yield input("You: ")
        except (EOFError, KeyboardInterrupt):
            print()
            return


def script_lines(stream: TextIO) -> Iterator[str]:
    for line in stream:
        yield line.rstrip("\r\n")


def run_chat(
    as_json: bool = False,
    locale: str = "en-US",
    *,
    invoke: Invoke | None = None,
    skill_id: str | None = None,
    screens: Path | None = None,
) -> int:
    """Run a conversation on standard input and output; returns the exit status.

    With `screens`, the device has a screen, and a PNG of each screen is saved there.
    """
    if screens is None:
        return _run_chat(as_json, locale, invoke, skill_id, None)
    screens.mkdir(parents=True, exist_ok=True)
    try:
        with renderer() as screen_renderer:
            return _run_chat(
                as_json, locale, invoke, skill_id, ScreenShots(screen_renderer, screens)
            )
    except ScreenError as failure:
        print(f"cannot draw screens: {failure}", file=sys.stderr)
        return 1


def _run_chat(
    as_json: bool,
    locale: str,
    invoke: Invoke | None,
    skill_id: str | None,
    screens: ScreenShots | None,
) -> int:
    try:
        nlu = Nlu.for_locale(locale)
    except LookupError as missing:
        print(missing.args[0], file=sys.stderr)
        return 2
    if invoke is None:
        try:
            invoke = skill_invoke()
        except (ImportError, AttributeError) as failure:
            print(f"cannot load the skill: {failure}", file=sys.stderr)
            return 1
    skill_id = skill_id or configured_skill_id() or LOCAL_SKILL_ID
    envelopes = EnvelopeFactory(locale=locale, skill_id=skill_id, screen=screens is not None)
    device = Device(invoke, nlu, envelopes)
    transcript = Transcript(sys.stdout, sys.stderr, as_json, screens)
    if sys.stdin.isatty():
        print(
            f"The skill is open: answer with yes, no or not sure. "
            f"'quit' leaves; '{device.launch_phrase}' starts again.",
            file=sys.stdout,
        )
        open_skill(device, transcript)
        converse(device, transcript, typed_lines(), echo=False)
        return 0
    lines = script_lines(sys.stdin)
    first = next(lines, None)
    if first is None or device.nlu.parse_launch(first) is None:
        open_skill(device, transcript)
    converse(device, transcript, _chain([] if first is None else [first], lines), echo=True)
    return 0


def open_skill(device: Device, transcript: Transcript) -> None:
    transcript.said(device.launch_phrase)
    transcript.heard(device.hear(device.launch_phrase))


def converse(device: Device, transcript: Transcript, lines: Iterator[str], *, echo: bool) -> None:
    """Hand each line to the device until the lines run out or the user leaves."""
    for line in lines:
        if echo:
            transcript.said(line)
        if line.strip().lower() in LEAVE_WORDS:
            break
        transcript.heard(device.hear(line))
    transcript.heard(device.exit())


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest
