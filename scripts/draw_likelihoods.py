"""Draw docs/likelihoods.svg: the likelihood table of clinical.toml as a picture.

    python -m scripts.draw_likelihoods          # write the file
    python -m scripts.draw_likelihoods --check  # exit 1 if the committed file is stale

One row per cause (the seven conditions, then the look-alikes, then the "none of these"
profile), one column per question; each cell is the chance that a runner with that cause
answers "yes", as a number and as a shade.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from html import escape
from pathlib import Path

from skill.knowledge import NONE_OF_THESE, Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parents[1]
PICTURE = ROOT / "docs" / "likelihoods.svg"
CELL_WIDTH, CELL_HEIGHT = 38, 26
LEFT, TOP = 250, 190  # room for the row and column labels
PALE, DARK = (247, 251, 252), (14, 94, 111)  # a likelihood of 0 and of 1


def shade(likelihood: float) -> str:
    red, green, blue = (round(p + (d - p) * likelihood) for p, d in zip(PALE, DARK, strict=True))
    return f"#{red:02x}{green:02x}{blue:02x}"


def draw(knowledge: Knowledge) -> str:
    rows = [(c.id, c.name) for c in knowledge.causes.values()]
    rows.append((NONE_OF_THESE, "none of these"))
    columns = list(knowledge.features.values())
    width = LEFT + CELL_WIDTH * len(columns) + 90  # the last column label leans right
    height = TOP + CELL_HEIGHT * len(rows) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        "<!-- Generated from skill/knowledge/clinical.toml by python -m scripts.draw_likelihoods."
        " Do not edit. -->",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        '<text x="10" y="22" font-size="15" font-weight="bold">'
        "Chance of a yes, by cause (rows) and question (columns)</text>",
    ]
    for index, feature in enumerate(columns):
        x = LEFT + CELL_WIDTH * index + CELL_WIDTH // 2
        parts.append(
            f'<text x="{x}" y="{TOP - 6}" transform="rotate(-60 {x} {TOP - 6})">'
            f"<title>{escape(feature.question)}</title>{escape(feature.id)}</text>"
        )
    for row, (hypothesis, name) in enumerate(rows):
        y = TOP + CELL_HEIGHT * row
        parts.append(f'<text x="{LEFT - 8}" y="{y + 17}" text-anchor="end">{escape(name)}</text>')
        for index, feature in enumerate(columns):
            x = LEFT + CELL_WIDTH * index
            likelihood = feature.likelihood[hypothesis]
            ink = "#ffffff" if likelihood > 0.5 else "#1b1b1b"
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL_WIDTH}" height="{CELL_HEIGHT}" '
                f'fill="{shade(likelihood)}" stroke="#ffffff"/>'
                f'<text x="{x + CELL_WIDTH // 2}" y="{y + 17}" text-anchor="middle" '
                f'fill="{ink}">{likelihood:.2f}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the committed file")
    args = parser.parse_args(argv)
    picture = draw(load_knowledge())
    if args.check:
        current = PICTURE.read_text(encoding="utf-8") if PICTURE.is_file() else None
        if current != picture:
            print(
                f"stale: {PICTURE.relative_to(ROOT)} (run python -m scripts.draw_likelihoods)",
                file=sys.stderr,
            )
            return 1
        return 0
    PICTURE.parent.mkdir(parents=True, exist_ok=True)
    PICTURE.write_text(picture, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
