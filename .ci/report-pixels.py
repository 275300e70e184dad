#!/usr/bin/env python3
"""Checks a screenshot of the demo's HTML report: every chart's bars were painted.

Reads an RGB(A) PNG (no libraries beyond the standard ones), finds the rows that hold pixels of
the bar colour and counts the separate bands of such rows; the report draws its four charts one
under the other, so at least four bands of bars must be visible. Exits non-zero otherwise.
"""
import struct
import sys
import zlib

BAR = (0x3B, 0x7D, 0xD8)


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour not in (2, 6):
                sys.exit(f"{path}: expected 8-bit RGB or RGBA, got depth {depth} colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


def main(path):
    width, channels, rows = pixels(path)
    barred = []
    for line in rows:
        n = sum(1 for x in range(width)
                if all(abs(line[x * channels + k] - BAR[k]) <= 8 for k in range(3)))
        barred.append(n > 0)
    bands, inside, gap = 0, False, 0
    for has in barred:
        if has:
            if not inside and (bands == 0 or gap > 20):
                bands += 1
            inside, gap = True, 0
        else:
            inside = False
            gap += 1
    painted = sum(barred)
    print(f"{path}: {painted} rows with bars, {bands} charts")
    if bands < 4:
        sys.exit("the report's charts were not all drawn")


if __name__ == "__main__":
    main(sys.argv[1])
