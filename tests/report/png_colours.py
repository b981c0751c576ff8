#!/usr/bin/python3
"""Reads an 8-bit RGB(A) PNG (as Chromium writes screenshots) with the standard library only and
prints its width, height, number of distinct colours, and how many pixels are within 2 of each colour
named on the command line.

  png_colours.py FILE [#rrggbb ...]
"""
import struct
import sys
import zlib


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
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    pixels = [tuple(r[i:i + 3]) for r in rows for i in range(0, stride, bpp)]
    return width, height, pixels


width, height, pixels = read_png(sys.argv[1])
print(f"size {width}x{height}")
print(f"colours {len(set(pixels))}")
for spec in sys.argv[2:]:
    want = tuple(int(spec[i:i + 2], 16) for i in (1, 3, 5))
    near = sum(1 for p in pixels if all(abs(p[k] - want[k]) <= 2 for k in range(3)))
    print(f"{spec} {near}")
