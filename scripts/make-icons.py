#!/usr/bin/env python3
"""Draws the app icons (assets/icon-192.png, assets/icon-512.png) with the standard
library only (zlib + struct), so they can be re-made anywhere. The same drawing is
assets/icon.svg: a white lens with a handle and an orange focus on a blue rounded
square (Okabe-Ito blue #0072B2 and orange #E69F00). Everything of interest lies
inside the central 80% circle, so the PNGs also serve as maskable icons.

Usage (from the repository root): python3 scripts/make-icons.py
"""
import math
import struct
import zlib

BLUE = (0x00, 0x72, 0xB2)
WHITE = (0xFF, 0xFF, 0xFF)
ORANGE = (0xE6, 0x9F, 0x00)
SAMPLES = 4  # per axis: 16 samples a pixel for smooth edges


def rounded_square(x, y, r):
    """Inside the unit square with corner radius r."""
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and 0 <= x <= 1 and 0 <= y <= 1


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour_at(x, y):
    """The colour at a point of the unit square, or None outside the icon."""
    if not rounded_square(x, y, 0.18):
        return None
    d = math.hypot(x - 0.44, y - 0.44)
    if d <= 0.08:
        return ORANGE
    if 0.17 <= d <= 0.25:
        return WHITE
    if segment_distance(x, y, 0.61, 0.61, 0.77, 0.77) <= 0.045:
        return WHITE
    return BLUE


def pixels(size):
    """The icon's rows of RGBA pixels (4-tuples)."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            n = acc[3]
            if n == 0:
                row.append((0, 0, 0, 0))
            else:
                row.append((acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (SAMPLES * SAMPLES)))
        rows.append(row)
    return rows


def png(size):
    """An indexed-colour PNG: the drawing has under 50 distinct RGBA values, so a
    palette (with a tRNS chunk for the translucent edge entries) holds every pixel
    exactly at a quarter of the bytes of RGBA rows (about 3 KB less to download)."""
    rows = pixels(size)
    counts = {}
    for row in rows:
        for c in row:
            counts[c] = counts.get(c, 0) + 1
    if len(counts) > 256:
        raise SystemExit(f"icon-{size}: {len(counts)} colours do not fit a palette")
    # Translucent entries first, so tRNS lists only them; then the most frequent.
    palette = sorted(counts, key=lambda c: (c[3] == 255, -counts[c], c))
    index = {c: i for i, c in enumerate(palette)}
    alphas = bytes(c[3] for c in palette if c[3] != 255)
    data = b"".join(b"\0" + bytes(index[c] for c in row) for row in rows)  # filter 0

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)  # 8-bit palette indices
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", b"".join(bytes(c[:3]) for c in palette))
        + (chunk(b"tRNS", alphas) if alphas else b"")
        + chunk(b"IDAT", zlib.compress(data, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    for size in (192, 512):
        with open(f"assets/icon-{size}.png", "wb") as f:
            f.write(png(size))
        print(f"assets/icon-{size}.png")
