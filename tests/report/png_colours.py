#!/usr/bin/python3
"""Reads an 8-bit RGB(A) PNG (as Chromium writes screenshots) with the standard library only and
prints its width, height, number of distinct colours, and how many pixels are within 2 of each colour
named on the command line.

  png_colours.py FILE [#rrggbb ...]

A screenshot is a million pixels: byte by byte in Python that took seconds, so the filters that
can be are undone a row at a time (Up as one addition of the rows taken as big integers, Sub as a
running sum per channel), and the pixels are counted by colour once, then compared colour by colour.
"""
import itertools
import struct
import sys
import zlib
from collections import Counter


def add_bytes(x, y):
    """x + y byte by byte, modulo 256 (no carry from one byte into the next)."""
    n = len(x)
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
    return bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(n, "big"))


def unfilter_sub(line, bpp):
    out = bytearray(len(line))
    for k in range(bpp):
        out[k::bpp] = bytes(map((255).__and__, itertools.accumulate(line[k::bpp])))
    return out


def unfilter_average(line, prev, bpp):
    out = bytearray(line)
    for i in range(len(out)):
        a = out[i - bpp] if i >= bpp else 0
        out[i] = (out[i] + (a + prev[i]) // 2) & 255
    return out


def unfilter_paeth(line, prev, bpp):
    out = bytearray(line)
    for i in range(bpp):
        out[i] = (out[i] + prev[i]) & 255  # no left neighbour: the predictor is the byte above
    for i in range(bpp, len(out)):
        a, b, c = out[i - bpp], prev[i], prev[i - bpp]
        pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
        out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    return out


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are read here")
    bpp = 3 if colour == 2 else 4
    raw, stride, prev = zlib.decompress(idat), width * bpp, bytearray(width * bpp)
    colours = Counter()
    for y in range(height):
        f, line = raw[y * (stride + 1)], raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
        if f == 0:
            line = bytearray(line)
        elif f == 1:
            line = unfilter_sub(line, bpp)
        elif f == 2:
            line = add_bytes(line, prev)
        elif f == 3:
            line = unfilter_average(line, prev, bpp)
        elif f == 4:
            line = unfilter_paeth(line, prev, bpp)
        else:
            raise SystemExit(f"{path}: row {y} has an unknown filter type {f}")
        channels = [line[k::bpp] for k in range(3)]  # alpha, if any, is not part of the colour
        colours.update(zip(*channels))
        prev = line
    return width, height, colours


width, height, colours = read_png(sys.argv[1])
print(f"size {width}x{height}")
print(f"colours {len(colours)}")
for spec in sys.argv[2:]:
    want = tuple(int(spec[i:i + 2], 16) for i in (1, 3, 5))
    near = sum(n for p, n in colours.items() if all(abs(p[k] - want[k]) <= 2 for k in range(3)))
    print(f"{spec} {near}")
