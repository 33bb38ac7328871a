"""`python -m skill chat --screens DIR`: a device with a screen, each screen saved as a PNG."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from skill.__main__ import build_parser
from skill.chat.envelopes import EnvelopeFactory, IdSource
from skill.chat.repl import run_chat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_chat_saves_a_png_of_each_screen_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\nyes\n"))
    assert run_chat(screens=tmp_path / "shots") == 0
    saved = sorted((tmp_path / "shots").iterdir())
    assert [p.name for p in saved] == ["01-question.png", "02-question.png", "03-red_flag.png"]
    for picture in saved:
        assert picture.read_bytes().startswith(PNG_SIGNATURE)
    assert capsys.readouterr().out.count("[screen] ") == 3


def test_the_chat_without_screens_is_a_speaker_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\nyes\n"))
    assert run_chat() == 0
    assert "[screen]" not in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_takes_a_directory_for_screens() -> None:
    args = build_parser().parse_args(["chat", "--screens", "pictures"])
    assert args.screens == Path("pictures")
    assert build_parser().parse_args(["chat"]).screens is None


def test_a_screen_device_declares_apl_and_a_speaker_declares_nothing() -> None:
    with_screen = EnvelopeFactory(ids=IdSource("a"), screen=True)
    speaker = EnvelopeFactory(ids=IdSource("a"))
    session = with_screen.new_session()
    interfaces = with_screen.launch(session)["context"]["System"]["device"]["supportedInterfaces"]
    assert "Alexa.Presentation.APL" in interfaces
    assert speaker.launch(session)["context"]["System"]["device"]["supportedInterfaces"] == {}


def test_a_tap_envelope_carries_the_token_and_the_arguments_in_a_user_event() -> None:
    envelopes = EnvelopeFactory(ids=IdSource("b"), screen=True)
    session = envelopes.new_session()
    request = envelopes.user_event(session, {"token": "question.x.0", "arguments": ["go_back"]})
    assert request["request"]["type"] == "Alexa.Presentation.APL.UserEvent"
    assert request["request"]["token"] == "question.x.0"
    assert request["request"]["arguments"] == ["go_back"]
    assert request["session"]["sessionId"] == session.session_id
