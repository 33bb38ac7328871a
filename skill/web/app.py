"""Flask application factory: the skill behind flask-ask-sdk's SkillAdapter at POST /."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_webservice_support.verifier import AbstractVerifier
from cryptography import x509
from flask import Flask, Response, current_app, jsonify, request
from flask_ask_sdk.skill_adapter import (
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from skill.settings import SKILL_ID_VARIABLE, Clock, configured_skill_id, utc_now
from skill.web.certificates import CertificateLoader, download_certificate_chain
from skill.web.errors import WithholdExceptionMessages, register_error_handlers
from skill.web.verification import SignatureVerifier, SkillIdVerifier, TimestampVerifier

MAX_REQUEST_BYTES = 64 * 1024


def create_app(
    skill: CustomSkill | None = None,
    *,
    verify: bool = True,
    skill_id: str | None = None,
    certificate_loader: CertificateLoader = download_certificate_chain,
    trust_roots: Sequence[x509.Certificate] | None = None,
    now: Clock = utc_now,
) -> Flask:
    """Build the web service.

    skill: defaults to the Glute Detective skill from `skill.voice.build_skill()`.
    verify: check Alexa's request signature and timestamp (turn off only for local clients).
    skill_id: the only applicationId accepted; defaults to $GLUTE_DETECTIVE_SKILL_ID, and
        when neither is set any skill id is accepted. Checked even when verify is False.
    certificate_loader, trust_roots, now: the certificate download, the trusted roots
        (default: certifi, else the system store) and the clock, replaceable for tests.
    """
    if skill is None:
        from skill.voice import build_skill

        skill = build_skill()
    if skill_id is None:
        skill_id = configured_skill_id()

    app = Flask(__name__)
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False  # the package's certvalidator-based checks;
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False  # ours below replace them
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.logger.addFilter(WithholdExceptionMessages())
    register_error_handlers(app)

    verifiers: list[AbstractVerifier] = []
    if verify:
        verifiers.append(
            SignatureVerifier(
                certificate_loader=certificate_loader, trust_roots=trust_roots, now=now
            )
        )
        verifiers.append(TimestampVerifier(now=now))
    if skill_id is not None:
        verifiers.append(SkillIdVerifier(skill_id))
    elif verify:
        app.logger.warning(
            "%s is not set: requests for any skill id are accepted", SKILL_ID_VARIABLE
        )

    adapter = SkillAdapter(skill=skill, skill_id=skill_id, verifiers=verifiers, app=app)

    def alexa_endpoint() -> Response:
        request_type = _validated_request_type(skill)
        current_app.logger.info("received %s", request_type)
        response: Response = adapter.dispatch_request()
        return response

    app.add_url_rule(
        "/",
        endpoint="alexa",
        view_func=alexa_endpoint,
        methods=["POST"],
        provide_automatic_options=False,
    )
    app.add_url_rule("/healthz", endpoint="healthz", view_func=_healthz, methods=["GET"])
    return app


def _healthz() -> Response:
    return jsonify(status="ok")


def _validated_request_type(skill: CustomSkill) -> str:
    """Reject, as 4xx, bodies that SkillAdapter would otherwise turn into a 500.

    Returns the request type (e.g. "LaunchRequest"), the only request detail we log.
    """
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Content-Type must be application/json")
    if request.mimetype_params.get("charset", "utf-8").lower() not in {"utf-8", "utf8"}:
        raise UnsupportedMediaType("request body must be UTF-8")
    body = request.get_data(cache=True)  # over MAX_CONTENT_LENGTH raises 413
    try:
        text = body.decode("utf-8")
        if not isinstance(json.loads(text), dict):
            raise BadRequest("request body must be a JSON object")
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise BadRequest("request body is not valid UTF-8 JSON") from error
    try:
        envelope = skill.serializer.deserialize(payload=text, obj_type=RequestEnvelope)
    except Exception as error:  # the serializer raises a variety of types for odd shapes
        raise BadRequest("request body is not an Alexa request envelope") from error
    request_type = getattr(envelope.request, "object_type", None)
    if not isinstance(request_type, str):
        raise BadRequest("request envelope has no request")
    return request_type
