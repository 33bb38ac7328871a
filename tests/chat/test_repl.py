"""`python -m skill chat` reads a script or a terminal and prints a readable transcript."""

from __future__ import annotations

import io
import json
import sys
import types
from typing import Any

import pytest

from skill.chat.device import Device
from skill.chat.envelopes import EnvelopeFactory
from skill.chat.repl import run_chat, skill_invoke
from skill.understanding import Nlu
from testkit.toy_skill import ToySkill


def chat(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    script: str,
    skill: ToySkill,
    **options: Any,
) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    assert run_chat(invoke=skill, **options) == 0
    return capsys.readouterr().out


def test_a_script_gives_a_transcript_after_opening_the_skill(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    out = chat(monkeypatch, capsys, "yes\nwhat is runner's butt\nstop\nyes\n", toy_skill)
    assert out.splitlines() == [
        "You: open glute detective",
        "Alexa: Welcome to the toy. Does it hurt past the knee?",
        "[card] Toy: Welcome",
        "You: yes",
        "Alexa: Yes on turn 2, Q&A.",
        "You: what is runner's butt",
        "Alexa: Condition ischial_bursitis.",
        "You: stop",
        "Alexa: Goodbye.",
        "(the session has ended)",
        "You: yes",
        "(no session is open: say 'open glute detective' to start one)",
    ]


def test_a_script_that_opens_the_skill_itself_is_not_opened_twice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    out = chat(monkeypatch, capsys, "Alexa, open glute detective\nyes\n", toy_skill)
    assert out.splitlines()[0] == "You: Alexa, open glute detective"
    assert toy_skill.request_types == [
        "LaunchRequest",
        "IntentRequest",
        "SessionEndedRequest",
    ]


def test_quit_leaves_and_tells_the_skill_the_user_ended_the_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    out = chat(monkeypatch, capsys, "quit\nyes\n", toy_skill)
    assert "You: yes" not in out
    assert toy_skill.request_types == ["LaunchRequest", "SessionEndedRequest"]
    assert toy_skill.requests[-1]["request"]["reason"] == "USER_INITIATED"


def test_blank_lines_are_silence_that_times_the_session_out(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    out = chat(monkeypatch, capsys, "\n\n", toy_skill)
    assert out.splitlines()[-5:] == [
        "You: (silence)",
        "Alexa: Past the knee?",
        "(no answer, so Alexa reprompts)",
        "You: (silence)",
        "(no answer again, so the session ends)",
    ]
    assert toy_skill.requests[-1]["request"]["reason"] == "EXCEEDED_MAX_REPROMPTS"


def test_json_option_shows_each_request_and_response_envelope(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    out = chat(monkeypatch, capsys, "yes\n", toy_skill, as_json=True)
    blocks = out.split(">>> request\n")[1:]
    assert len(blocks) == 3  # launch, yes, and the session end when the script runs out
    request_text, response_text = blocks[1].split("<<< response\n")
    request = json.loads(request_text)
    assert request["request"]["intent"]["name"] == "AMAZON.YesIntent"
    response = json.loads(response_text[: response_text.index("\nAlexa: ")])
    assert response["sessionAttributes"] == {"question": "past_knee", "turns": 2}


def test_locale_reaches_the_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    chat(monkeypatch, capsys, "", toy_skill, locale="en-GB")
    assert toy_skill.requests[0]["request"]["locale"] == "en-GB"


def test_unknown_locale_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    assert run_chat(locale="xx-XX", invoke=toy_skill) == 2
    assert "xx-XX" in capsys.readouterr().err
    assert toy_skill.requests == []


def test_by_default_the_chat_talks_to_the_skills_lambda_handler(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], toy_skill: ToySkill
) -> None:
    contexts: list[object] = []

    def lambda_handler(event: dict[str, Any], context: object) -> dict[str, Any]:
        contexts.append(context)
        return toy_skill(event)

    fake_voice = types.ModuleType("skill.voice")
    fake_voice.lambda_handler = lambda_handler  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "skill.voice", fake_voice)
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    assert run_chat() == 0
    assert "Alexa: Yes on turn 2, Q&A." in capsys.readouterr().out
    assert len(contexts) == 3


@pytest.mark.parametrize(
    ("locale", "specialist"), [("en-GB", "physiotherapist"), ("en-US", "physical therapist")]
)
def test_the_chat_locale_gives_the_skill_its_local_words(locale: str, specialist: str) -> None:
    # Hip bursitis: the outside of the hip, lying on that side, stairs; everything else no.
    answers = {"outer_hip": "yes", "lying_on_side": "yes", "stairs_car_bed": "yes"}
    device = Device(skill_invoke(), Nlu.for_locale(locale), EnvelopeFactory(locale=locale))
    heard = device.hear("open glute detective")
    while device.session and (question := device.session.attributes.get("question")):
        heard = device.hear(answers.get(question, "no"))
    assert specialist in heard.speech
