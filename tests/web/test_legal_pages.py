"""The privacy policy and terms of use, served by the web service for the skill's manifest."""

from __future__ import annotations

from flask.testing import FlaskClient

from skill.web import create_app
from testkit.amazon import build_test_skill


def client() -> FlaskClient:
    return create_app(build_test_skill(), verify=False).test_client()


def test_privacy_policy_says_what_is_processed_and_that_nothing_is_stored() -> None:
    response = client().get("/privacy")
    assert response.status_code == 200 and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "Glute Detective: privacy policy" in text
    assert "What the skill processes" in text
    assert "stores nothing beyond the session" in text
    assert "never your answers" in text


def test_terms_of_use_say_it_is_not_medical_advice() -> None:
    response = client().get("/terms")
    assert response.status_code == 200 and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "not a substitute\nfor professional medical advice" in text
    assert "911" in text and "999" in text and "000" in text and "112" in text


def test_the_pages_are_only_read() -> None:
    assert client().post("/privacy").status_code == 405
