"""gunicorn settings for production: ``gunicorn -c python:skill.web.gunicorn_conf
'skill.web:create_app()'`` (add ``--bind`` for the address; the default is 127.0.0.1:8000).

gevent workers: each connection is a greenlet, so a client that sends its body slowly (or
never) holds one cheap greenlet, not one of a few threads or a whole sync worker, and
health checks and Alexa's requests keep being answered beside a thousand stalled uploads
per worker. The skill's own work is short and CPU-bound, so one process per core serves it.
A client has `keepalive` seconds to send a request's line and headers (gunicorn's gevent
workers time that), and `REQUEST_BODY_SECONDS` more for its body (skill/web/deadline.py).
"""

from typing import Any

from skill.web.deadline import ReadDeadline
from skill.web.errors import protect_logs

bind = "127.0.0.1:8000"
worker_class = "gevent"
workers = 2
worker_connections = 1000
# A worker that stops answering the master's heartbeat for this long is restarted.
timeout = 30
graceful_timeout = 30
# How long an idle keep-alive connection waits for its next request, and how long a client
# has to send a request line and headers.
keepalive = 5
# A request line, its headers and each header's size are bounded before the app sees them.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

#: Seconds a client has to send a request's body once its headers are in.
REQUEST_BODY_SECONDS = 5.0


def post_worker_init(worker: Any) -> None:
    """gunicorn calls this in each worker once its app is loaded: the body gets a deadline."""
    worker.wsgi = ReadDeadline(worker.wsgi, REQUEST_BODY_SECONDS)


# One path for every log line: records from the app, the skill and gunicorn (its access log
# included) all propagate to the root logger and leave through its one handler, once, after
# the record factory of `protect_logs` has escaped what they quote (skill/web/errors.py).
protect_logs()
loglevel = "info"
# The access log: method, path, status, bytes sent and milliseconds taken. Not the client's
# address, User-Agent, Referer or query string: nothing about who asked, nothing they wrote.
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": True},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "stream": "ext://sys.stderr",
        }
    },
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(name)s: %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        }
    },
}
