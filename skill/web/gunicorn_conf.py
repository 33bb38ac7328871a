"""gunicorn settings for production: ``gunicorn -c python:skill.web.gunicorn_conf
'skill.web:create_app()'`` (add ``--bind`` for the address; the default is 127.0.0.1:8000).

gevent workers: each connection is a greenlet, so a client that sends its body slowly (or
never) holds one cheap greenlet, not one of a few threads or a whole sync worker, and
health checks and Alexa's requests keep being answered beside a thousand stalled uploads
per worker. The skill's own work is short and CPU-bound, so one process per core serves it.
"""

bind = "127.0.0.1:8000"
worker_class = "gevent"
workers = 2
worker_connections = 1000
# A worker that stops answering the master's heartbeat for this long is restarted.
timeout = 30
graceful_timeout = 30
keepalive = 5
loglevel = "info"
# gunicorn configures its own loggers only; this gives the root logger, and so the service's
# own lines (request types and verification failures, never answers), the same stream.
logconfig_dict = {"root": {"level": "INFO", "handlers": ["error_console"]}}
