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
from typing import Any, TextIO

from skill.chat.device import Device, Heard, Invoke
from skill.chat.envelopes import LOCAL_SKILL_ID, EnvelopeFactory
from skill.chat.nlu import Nlu
from skill.settings import configured_skill_id

# Words that leave the chat. On a device "exit" closes the skill the same way: the skill
# gets a SessionEndedRequest and says nothing.
LEAVE_WORDS = frozenset({"quit", "exit"})


def skill_invoke() -> Invoke:
    """The real skill: its Lambda handler, called as AWS Lambda calls it (with no context)."""
    # Imported here so that the chat's own modules load without the skill and its SDK.
    lambda_handler = importlib.import_module("skill.voice").lambda_handler

    def invoke(envelope: dict[str, Any]) -> dict[str, Any]:
        response: dict[str, Any] = lambda_handler(envelope, None)
        return response

    return invoke


class Transcript:
    """Prints each turn: "You: ...", "Alexa: ...", cards, the device's remarks, envelopes."""

    def __init__(self, out: TextIO, err: TextIO, show_envelopes: bool) -> None:
        self.out = out
        self.err = err
        self.show_envelopes = show_envelopes

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
) -> int:
    """Run a conversation on standard input and output; returns the exit status."""
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
    device = Device(invoke, nlu, EnvelopeFactory(locale=locale, skill_id=skill_id))
    transcript = Transcript(sys.stdout, sys.stderr, as_json)
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
