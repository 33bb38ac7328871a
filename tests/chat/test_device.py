"""The simulated device keeps the session the way an Echo does and reports what Alexa says."""

from __future__ import annotations

from typing import Any

from skill.chat.device import PROBLEM_SPEECH, Device, ShownCard, speech_text, ssml_to_text
from skill.chat.envelopes import EnvelopeFactory
from skill.understanding import Nlu
from testkit.toy_skill import ToySkill


def test_launch_opens_a_new_session_and_speaks_the_welcome(
    device: Device, toy_skill: ToySkill
) -> None:
    heard = device.hear("open glute detective")
    assert heard.speech == "Welcome to the toy. Does it hurt past the knee?"
    assert heard.reprompt == "Past the knee?"
    assert heard.card == ShownCard("Toy", "Welcome")
    assert not heard.session_ended and device.session_open
    assert toy_skill.requests[0]["session"]["new"] is True


def test_session_attributes_are_carried_from_each_response_to_the_next_request(
    device: Device, toy_skill: ToySkill
) -> None:
    device.hear("open glute detective")
    assert device.hear("yes").speech == "Yes on turn 2, Q&A."
    assert device.hear("yeah it does").speech == "Yes on turn 3, Q&A."
    second, third = toy_skill.requests[1:]
    assert second["session"]["new"] is False
    assert second["session"]["attributes"] == {"question": "past_knee", "turns": 1}
    assert third["session"]["attributes"] == {"question": "past_knee", "turns": 2}
    assert len({envelope["session"]["sessionId"] for envelope in toy_skill.requests}) == 1


def test_resolved_slot_reaches_the_skill(device: Device) -> None:
    device.hear("open glute detective")
    assert device.hear("what is dead butt syndrome").speech == (
        "Condition gluteus_medius_syndrome."
    )


def test_should_end_session_closes_it_and_the_next_utterance_needs_a_launch(
    device: Device, toy_skill: ToySkill
) -> None:
    device.hear("open glute detective")
    heard = device.hear("stop")
    assert (heard.speech, heard.session_ended) == ("Goodbye.", True)
    assert not device.session_open
    after = device.hear("yes")
    assert after.notice is not None and "open glute detective" in after.notice
    assert after.exchanges == ()
    assert toy_skill.request_types == ["LaunchRequest", "IntentRequest"]


def test_silence_plays_the_reprompt_then_ends_the_session(
    device: Device, toy_skill: ToySkill
) -> None:
    device.hear("open glute detective")
    first = device.hear("")
    assert first.speech == "Past the knee?" and device.session_open
    second = device.hear("  ")
    assert second.session_ended and not device.session_open
    ended = toy_skill.requests[-1]["request"]
    assert (ended["type"], ended["reason"]) == ("SessionEndedRequest", "EXCEEDED_MAX_REPROMPTS")


def test_an_answer_after_a_reprompt_starts_the_silence_count_again(
    device: Device, toy_skill: ToySkill
) -> None:
    device.hear("open glute detective")
    device.hear("")
    device.hear("yes")
    assert device.hear("").speech == "Anything else?"
    assert device.session_open


def test_exit_tells_the_skill_the_user_closed_the_session(
    device: Device, toy_skill: ToySkill
) -> None:
    device.hear("open glute detective")
    heard = device.exit()
    assert heard.session_ended and not device.session_open
    assert toy_skill.requests[-1]["request"]["reason"] == "USER_INITIATED"
    assert device.exit().exchanges == ()


def test_one_shot_opens_a_session_with_the_intent_request(
    device: Device, toy_skill: ToySkill
) -> None:
    heard = device.hear("Alexa, ask glute detective what is runner's butt")
    assert heard.speech == "Condition ischial_bursitis."
    (envelope,) = toy_skill.requests
    assert envelope["session"]["new"] is True
    assert envelope["request"]["intent"]["name"] == "ExplainConditionIntent"


def test_launching_again_ends_the_open_session_first(device: Device, toy_skill: ToySkill) -> None:
    device.hear("open glute detective")
    old_session = device.session
    heard = device.hear("open glute detective")
    assert toy_skill.request_types == ["LaunchRequest", "SessionEndedRequest", "LaunchRequest"]
    assert device.session is not old_session
    assert [exchange.request["request"]["type"] for exchange in heard.exchanges] == [
        "SessionEndedRequest",
        "LaunchRequest",
    ]


def test_a_failing_skill_gets_alexas_problem_reply_and_an_error_session_end(
    nlu: Nlu, envelopes: EnvelopeFactory
) -> None:
    sent: list[dict[str, Any]] = []

    def broken(envelope: dict[str, Any]) -> dict[str, Any]:
        sent.append(envelope)
        raise ValueError("no handler")

    device = Device(broken, nlu, envelopes)
    heard = device.hear("open glute detective")
    assert heard.speech == PROBLEM_SPEECH
    assert heard.error == "ValueError: no handler"
    assert heard.session_ended and not device.session_open
    assert sent[-1]["request"]["reason"] == "ERROR"
    assert sent[-1]["request"]["error"]["type"] == "INVALID_RESPONSE"


def test_ssml_becomes_the_words_alexa_speaks() -> None:
    ssml = (
        '<speak>Hello <break time="1s"/> runner.<p>R&amp;D says <say-as>hi</say-as> !</p></speak>'
    )
    assert ssml_to_text(ssml) == "Hello runner. R&D says hi!"
    assert speech_text({"type": "PlainText", "text": "Plain."}) == "Plain."
    assert speech_text(None) == ""
