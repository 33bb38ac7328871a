"""The service as a real gunicorn process runs it in the tests, trusting the test PKI in the
folder named in $GLUTE_DETECTIVE_TEST_PKI (written by `testkit.served.write_pki`).

    gunicorn -c python:skill.web.gunicorn_conf 'tests.web.served:create_app_for_tests()'
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from testkit.amazon import CERT_URL, SKILL_ID
from testkit.served import create_served_app

PKI_ENV_VAR = "GLUTE_DETECTIVE_TEST_PKI"


def create_app_for_tests() -> Flask:
    return create_served_app(Path(os.environ[PKI_ENV_VAR]), cert_url=CERT_URL, skill_id=SKILL_ID)
