"""Fixtures for the web service tests; the fakes they use live in testkit/amazon.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from skill.settings import SKILL_ID_VARIABLE
from testkit.amazon import (
    CERT_URL,
    FakeAmazonPki,
    PostSigned,
    RecordingCertificateLoader,
    replace_headers,
    signed_headers,
    verifying_app,
)


@pytest.fixture(scope="session")
def pki() -> FakeAmazonPki:
    return FakeAmazonPki.generate()  # RSA key generation: once per session


@pytest.fixture(autouse=True)
def _no_skill_id_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SKILL_ID_VARIABLE, raising=False)


@pytest.fixture
def certificate_loader(pki: FakeAmazonPki) -> RecordingCertificateLoader:
    return RecordingCertificateLoader(chains={CERT_URL: pki.chain_pem})


@pytest.fixture
def verified_app(pki: FakeAmazonPki, certificate_loader: RecordingCertificateLoader) -> Flask:
    """The service as deployed: every check on, our skill id, the test PKI trusted."""
    return verifying_app(pki, certificate_loader)


@pytest.fixture
def client(verified_app: Flask) -> Iterator[FlaskClient]:
    with verified_app.test_client() as test_client:
        yield test_client


@pytest.fixture
def post_signed(client: FlaskClient, pki: FakeAmazonPki) -> PostSigned:
    """POST a body signed with the leaf key, its headers a list in order (`signed_headers`);
    `overrides` changes headers in place (None removes one)."""

    def post(body: bytes, overrides: dict[str, str | None] | None = None) -> TestResponse:
        headers = replace_headers(signed_headers(body, pki.leaf_key), overrides or {})
        return client.post("/", data=body, headers=headers)

    return post
