"""`python -m skill serve`: run the web service on Werkzeug's development server."""

from __future__ import annotations

import ipaddress
import logging
import sys

from werkzeug.serving import make_server

from skill.web.app import create_app

NO_VERIFY_WARNING = """\
******************************************************************************
WARNING: Alexa request verification is OFF (--no-verify).
Signatures and timestamps are not checked: anything that can reach
{url} can talk to the skill. Use this only with local test
clients, and never put a tunnel or proxy in front of it.
******************************************************************************"""


def is_loopback_host(host: str) -> bool:
    """True for "localhost", 127.0.0.0/8 and ::1 (also as [::1] or ::ffff:127.x.y.z)."""
    name = host.strip().lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def _base_url(host: str, port: int) -> str:
    bracketed = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{bracketed}:{port}/"


def run_server(host: str, port: int, verify: bool) -> int:
    """Serve until interrupted; returns the process exit code."""
    if not verify and not is_loopback_host(host):
        print(
            f"error: --no-verify is refused on host {host!r}: it is only allowed on a loopback "
            "host (127.0.0.1, ::1 or localhost), where only this machine can reach it.",
            file=sys.stderr,
        )
        return 2
    if not verify:
        print(NO_VERIFY_WARNING.format(url=_base_url(host, port)), file=sys.stderr, flush=True)

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(verify=verify)
    try:
        server = make_server(host, port, app, threaded=True)
    except SystemExit as exit_request:  # Werkzeug has printed why, e.g. the port is in use
        return exit_request.code if isinstance(exit_request.code, int) else 1
    except OSError as error:
        print(f"error: cannot listen on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(
        f"Glute Detective listening on {_base_url(host, port)} "
        "(development server; use gunicorn in production)",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
