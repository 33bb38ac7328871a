"""The web service as deployed (verification on), trusting a local test PKI, on 127.0.0.1.

    python -m bench.web_server --pki DIR --port PORT [--server gunicorn|werkzeug]
        [--skill glute|hello]

`skill.web.create_app` takes the trusted roots and the certificate loader as arguments: here
(`testkit.served`) the roots are DIR/root.pem and the loader reads DIR/chain.pem instead of
downloading. Every other check (signature over the body, chain validation, timestamp window,
skill id) is the production code. gunicorn with the production settings
(skill/web/gunicorn_conf.py: gevent workers) is the production server; werkzeug is what
`python -m skill serve` uses. `--skill hello` serves the bare SDK skill
(bench/hello_skill.py) behind the same service and checks, as the baseline.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flask import Flask

from skill.chat.envelopes import LOCAL_SKILL_ID
from testkit.amazon import CERT_URL
from testkit.served import create_served_app

LOOPBACK = "127.0.0.1"


def build_app(pki_folder: Path, skill_name: str = "glute") -> Flask:
    """The real skill, or (skill_name "hello") the bare SDK skill behind the same service."""
    skill = None
    if skill_name == "hello":
        from bench.hello_skill import skill_builder

        skill = skill_builder.create()
    return create_served_app(pki_folder, cert_url=CERT_URL, skill_id=LOCAL_SKILL_ID, skill=skill)


def serve_gunicorn(app: Flask, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from skill.web import gunicorn_conf as production

    class Server(BaseApplication):
        def load_config(self) -> None:
            options: dict[str, Any] = {
                name: getattr(production, name)
                for name in (
                    "worker_class",
                    "worker_connections",
                    "timeout",
                    "graceful_timeout",
                    "keepalive",
                    "limit_request_line",
                    "limit_request_fields",
                    "limit_request_field_size",
                    "post_worker_init",
                )
            }
            options |= {
                "bind": f"{LOOPBACK}:{port}",
                "workers": workers,
                "loglevel": "warning",
                "accesslog": None,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return app

    Server().run()


def serve_werkzeug(app: Flask, port: int) -> None:
    from werkzeug.serving import make_server

    server = make_server(LOOPBACK, port, app, threaded=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web_server", description=__doc__)
    parser.add_argument("--pki", type=Path, required=True, help="folder written by testkit.served")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--server", choices=("gunicorn", "werkzeug"), default="gunicorn")
    parser.add_argument("--skill", choices=("glute", "hello"), default="glute")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # One warning per refused request; the load's junk traffic would bury the figures in them.
    logging.getLogger("skill.web.app").setLevel(logging.ERROR)
    app = build_app(args.pki, args.skill)
    if args.server == "gunicorn":
        serve_gunicorn(app, args.port, args.workers)
    else:
        serve_werkzeug(app, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
