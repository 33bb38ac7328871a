"""Flask application factory: the skill, registered with flask-ask-sdk's SkillAdapter, at POST /.

How a request is handled, cheapest step first, so that traffic which is not from Alexa costs
little and cannot reach the SDK:

1. `Content-Type` must be UTF-8 JSON (else 415).
2. The whole body is read, with or without Content-Length (chunked too), up to 64 KiB; a
   longer one is refused with 413, never cut, so the bytes checked are the bytes sent.
3. The signature headers are checked for form, the certificate URL against Amazon's rules.
4. The body is parsed as plain JSON with bounded nesting, and must look like an envelope
   with bounded session attributes (`skill/web/envelope.py`); then the timestamp and the
   skill id are read from that JSON.
5. The signature is checked over the raw bytes, with a chain from the cache or from a
   bounded download (`skill/web/verification.py`).
6. Only then is the body deserialised into the SDK's `RequestEnvelope`, once, and the skill
   invoked; its response envelope is serialised back.

flask-ask-sdk's `SkillAdapter` is the adapter: it registers the skill on the app (under
`app.extensions`, with its user agent) exactly as its documentation shows. Its own
`dispatch_request` is not the view, because it deserialises the body into SDK objects before
running any verifier, and its verifiers see the body as text and SDK objects rather than the
raw bytes; the view below does what it does (deserialise, invoke, serialise) after the
checks above. Verification failures are answered 400, as the adapter does.
"""

from __future__ import annotations

from collections.abc import Sequence

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from cryptography import x509
from flask import Flask, Response, current_app, jsonify, request
from flask_ask_sdk.skill_adapter import (
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

from skill.legal import DOCUMENTS, document
from skill.logs import request_kind
from skill.settings import SKILL_ID_VARIABLE, Clock, configured_skill_id, utc_now
from skill.web.certificates import CertificateLoader, download_certificate_chain
from skill.web.envelope import parse_envelope
from skill.web.errors import protect_logs, register_error_handlers
from skill.web.verification import AlexaRequestChecks

MAX_REQUEST_BYTES = 64 * 1024
#: The request types the SDK knows; any other is logged as "unknown", never as sent.


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
    protect_logs()
    if skill is None:
        from skill.voice import build_skill

        skill = build_skill()
    if skill_id is None:
        skill_id = configured_skill_id()

    app = Flask(__name__)
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False  # the package's certvalidator-based checks;
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False  # ours replace them
    # One byte over the limit: Werkzeug stops a body without Content-Length at this size
    # without saying so, and the extra byte is how read_body tells "too long" from "exact".
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES + 1
    register_error_handlers(app)

    checks = AlexaRequestChecks(
        verify=verify,
        skill_id=skill_id,
        certificate_loader=certificate_loader,
        trust_roots=trust_roots,
        now=now,
    )
    if skill_id is None and verify:
        app.logger.warning(
            "%s is not set: requests for any skill id are accepted", SKILL_ID_VARIABLE
        )
    SkillAdapter(skill=skill, skill_id=skill_id, verifiers=[], app=app)

    def alexa_endpoint() -> Response:
        body = read_body()
        signed = checks.check_headers(request.headers)
        envelope = parse_envelope(body)
        checks.check_envelope(envelope)
        checks.check_signature(signed, body)
        current_app.logger.info("received %s", request_kind(envelope["request"]["type"]))
        try:
            request_envelope = skill.serializer.deserialize(
                payload=body.decode("utf-8"), obj_type=RequestEnvelope
            )
        except Exception as error:  # the serializer raises a variety of types for odd shapes
            raise BadRequest("request body is not an Alexa request envelope") from error
        if request_envelope.request is None:
            raise BadRequest("request envelope has no request")
        response_envelope = skill.invoke(request_envelope=request_envelope, context=None)
        return jsonify(skill.serializer.serialize(response_envelope))

    app.add_url_rule(
        "/",
        endpoint="alexa",
        view_func=alexa_endpoint,
        methods=["POST"],
        provide_automatic_options=False,
    )
    app.add_url_rule("/healthz", endpoint="healthz", view_func=_healthz, methods=["GET"])
    for path, name in DOCUMENTS.items():  # the privacy policy and terms of use
        html = document(name)
        view = lambda html=html: Response(html, mimetype="text/html")  # noqa: E731
        app.add_url_rule(path, endpoint=name, view_func=view, methods=["GET"])
    return app


def _healthz() -> Response:
    return jsonify(status="ok")


def read_body() -> bytes:
    """The whole body of a UTF-8 JSON request, at most MAX_REQUEST_BYTES; else 415 or 413."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Content-Type must be application/json")
    if request.mimetype_params.get("charset", "utf-8").lower() not in {"utf-8", "utf8"}:
        raise UnsupportedMediaType("request body must be UTF-8")
    # Content-Length over the app's MAX_CONTENT_LENGTH raises 413 here; without one, the
    # stream stops one byte past the limit.
    body = request.get_data(cache=True)
    if len(body) > MAX_REQUEST_BYTES:
        raise RequestEntityTooLarge()
    return body
