"""Draw the skill's store icons into skill-package/assets/images/ (PNG, as the manifest needs).

The icon is a magnifying glass over a sore spot: the detective looking for the cause. It is
drawn from a few shapes with supersampled edges, in pure Python, so the files can be made
again exactly on any machine: `python scripts/draw_icons.py`.

Alexa wants a 108 x 108 small icon and a 512 x 512 large one. The app shows them in a circle,
so everything that matters stays inside the inscribed circle.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "skill-package" / "assets" / "images"
SIZES = {"small-icon.png": 108, "large-icon.png": 512}
SUPERSAMPLING = 3  # samples per pixel along each axis

Colour = tuple[float, float, float]
BACKGROUND: Colour = (14, 94, 111)  # deep teal
LENS: Colour = (24, 125, 143)  # the glass, a lighter teal
SORE_SPOT: Colour = (255, 122, 89)  # coral
METAL: Colour = (250, 246, 236)  # the rim and handle, warm white

CENTRE = (0.43, 0.43)
LENS_RADIUS = 0.235
RIM_WIDTH = 0.055
SPOT_RADIUS = 0.075
HANDLE_END = (0.77, 0.77)
HANDLE_HALF_WIDTH = 0.052


def _distance_to_segment(x: float, y: float, a: Sequence[float], b: Sequence[float]) -> float:
    abx, aby = b[0] - a[0], b[1] - a[1]
    t = ((x - a[0]) * abx + (y - a[1]) * aby) / (abx * abx + aby * aby)
    t = min(1.0, max(0.0, t))
    return math.hypot(x - (a[0] + t * abx), y - (a[1] + t * aby))


def colour_at(x: float, y: float) -> Colour:
    """The colour of the point (x, y) of the unit square, top layer first."""
    from_centre = math.hypot(x - CENTRE[0], y - CENTRE[1])
    outer = LENS_RADIUS + RIM_WIDTH / 2
    handle_start = (CENTRE[0] + outer * math.sqrt(0.5), CENTRE[1] + outer * math.sqrt(0.5))
    if _distance_to_segment(x, y, handle_start, HANDLE_END) <= HANDLE_HALF_WIDTH:
        return METAL
    if abs(from_centre - LENS_RADIUS) <= RIM_WIDTH / 2:
        return METAL
    if from_centre <= SPOT_RADIUS:
        return SORE_SPOT
    if from_centre < LENS_RADIUS:
        return LENS
    return BACKGROUND


def draw(size: int) -> list[bytes]:
    """Rows of RGB pixels, each pixel the mean of its supersamples."""
    step = 1.0 / (size * SUPERSAMPLING)
    offsets = [(i + 0.5) * step for i in range(SUPERSAMPLING)]
    samples = SUPERSAMPLING * SUPERSAMPLING
    rows = []
    for row in range(size):
        pixels = bytearray()
        for column in range(size):
            red = green = blue = 0.0
            for dy in offsets:
                for dx in offsets:
                    r, g, b = colour_at(column / size + dx, row / size + dy)
                    red, green, blue = red + r, green + g, blue + b
            pixels += bytes(round(channel / samples) for channel in (red, green, blue))
        rows.append(bytes(pixels))
    return rows


def png(rows: Sequence[bytes], size: int) -> bytes:
    """An 8-bit RGB PNG: signature, IHDR, one IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        path = IMAGES / name
        path.write_bytes(png(draw(size), size))
        print(f"wrote {path.relative_to(ROOT)} ({size} x {size}, {path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
