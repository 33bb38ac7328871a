"""The skill as a self-hosted web service (Flask + flask-ask-sdk), with Alexa request checks.

Production: ``gunicorn -c python:skill.web.gunicorn_conf 'skill.web:create_app()'`` (gevent
workers; see skill/web/gunicorn_conf.py). See docs/web-service.md.
"""

# flask-ask-sdk pulls in oscrypto, whose released version cannot parse OpenSSL versions such
# as 3.0.19. The fix must be in place before anything below imports flask-ask-sdk, and every
# module of this package is imported after this file, so it is installed here.
from skill.web.oscrypto_compat import install_oscrypto_version_fix

install_oscrypto_version_fix()

from skill.web.app import create_app  # noqa: E402

__all__ = ["create_app"]
