"""The timeline as SVG through the Python facade: well-formed (xmllint),
one lane per partner, both languages, and rendered by a real browser
(headless Chromium): each lane's colour is where the SVG puts it."""
import os
import pathlib
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib

import pytest

import ipart
from conftest import load_case

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def stavanger():
    with ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"]) as p:
        yield p


def test_the_svg_is_well_formed_for_xmllint(stavanger, tmp_path):
    for lang in ("en", "nb"):
        path = tmp_path / f"timeline-{lang}.svg"
        path.write_text(stavanger.timeline_svg(lang), encoding="utf-8")
        run = subprocess.run(["xmllint", "--noout", str(path)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


def test_one_lane_per_partner(stavanger):
    root = ET.fromstring(stavanger.timeline_svg("en").encode())
    lanes = [g for g in root.iter(SVG + "g") if g.get("class") == "lane"]
    partners = [g.get("data-partner") for g in lanes]
    awarded = [p.id for p in stavanger.parties if p.status in ("partner", "terminated")]
    assert sorted(partners) == sorted(awarded) == ["op05", "op08", "op11"]
    colours = [g.get("data-colour") for g in lanes]
    assert len(set(colours)) == len(colours), "every lane has its own colour"
    for g in lanes:
        phases = [r for r in g.iter(SVG + "rect") if r.get("class") == "phase"]
        assert phases and all(r.get("fill") == g.get("data-colour") for r in phases)


def test_labels_follow_the_language(stavanger):
    nb, en = stavanger.timeline_svg("nb"), stavanger.timeline_svg("en")
    assert ">Utviklingsbudsjett<" in nb and ">Development budget<" in en
    assert "delmål ikke nådd p1.t1" in nb and "target not met p1.t1" in en
    with pytest.raises(ipart.InvalidArgumentError):
        stavanger.timeline_svg("sv")


# ---- the browser test ------------------------------------------------------------

def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG, with
    zlib and the five PNG filters; enough for a browser's screenshot."""
    data = pathlib.Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def hex_rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def near(a, b, tolerance=6):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def test_a_browser_draws_each_lane_where_the_svg_puts_it(stavanger, tmp_path):
    assert os.access(CHROMIUM, os.X_OK), "headless Chromium is needed (.ci/install-deps: chromium)"
    svg = stavanger.timeline_svg("nb")
    root = ET.fromstring(svg.encode())
    width, height = int(root.get("width")), int(root.get("height"))
    (tmp_path / "timeline.svg").write_text(svg, encoding="utf-8")
    png = tmp_path / "timeline.png"
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--force-device-scale-factor=1", f"--window-size={width},{height}",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
         (tmp_path / "timeline.svg").as_uri()],
        capture_output=True, text=True, timeout=120)
    assert png.exists(), run.stderr
    w, h, pixels = read_png(png)
    assert (w, h) == (width, height)
    lanes = [g for g in root.iter(SVG + "g") if g.get("class") == "lane"]
    assert len(lanes) == 3
    for g in lanes:
        colour = hex_rgb(g.get("data-colour"))
        boxes = [r for r in g.iter(SVG + "rect") if r.get("class") in ("swatch", "phase")]
        for r in boxes:
            x = int(r.get("x")) + int(r.get("width")) // 2
            y = int(r.get("y")) + int(r.get("height")) // 2
            assert near(pixels[y][x], colour), (g.get("data-partner"), r.get("class"), x, y,
                                                pixels[y][x], colour)
        # and not elsewhere: the lane above the first (the procedure) lacks it
        top = int(boxes[0].get("y"))
        assert not near(pixels[top - 150][int(boxes[0].get("x")) + 8], colour)
