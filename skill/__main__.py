"""Command line: `chat` talks to the skill in a terminal; `serve` runs it as a web service."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m skill", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    chat = commands.add_parser(
        "chat",
        help="talk to the skill in the terminal, as in the developer console's test tab",
    )
    chat.add_argument("--json", action="store_true", help="show the request and response envelopes")
    chat.add_argument("--locale", default="en-US", help="the device locale (default: en-US)")
    chat.add_argument(
        "--screens",
        metavar="DIR",
        type=Path,
        help="be a device with a screen, and save a PNG of each screen in DIR",
    )

    serve = commands.add_parser("serve", help="run the skill as a web service (flask-ask-sdk)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=5000, help="port to listen on (default: 5000)")
    serve.add_argument(
        "--no-verify",
        action="store_true",
        help="skip Alexa signature and timestamp checks (loopback only, for local test clients)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "chat":
        from skill.chat.repl import run_chat

        return run_chat(as_json=args.json, locale=args.locale, screens=args.screens)
    from skill.web.serve import run_server

    return run_server(host=args.host, port=args.port, verify=not args.no_verify)


if __name__ == "__main__":
    sys.exit(main())
