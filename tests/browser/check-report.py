#!/usr/bin/env python3
"""Static checks of an HTML report and of its screenshot, with the standard library only.

  check-report.py static REPORT.html   nothing loaded from elsewhere, the only links out an
                                       article's http(s) URL (rel="noopener noreferrer");
                                       TOC anchors one to one
  check-report.py png SHOT.png         a PNG of 1000x1400 that is not blank

Prints each problem and exits 1 when there is one.
"""
import html.parser
import re
import struct
import sys
import zlib

# Attributes that make a browser fetch or navigate somewhere.
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data",
                  "background", "cite", "longdesc", "manifest", "ping", "xlink:href", "imagesrcset"}
# Elements that load or embed something whatever their attributes say.
LOADING_ELEMENTS = {"script", "link", "img", "iframe", "frame", "object", "embed", "video",
                    "audio", "source", "track", "picture", "image", "use", "base", "form", "input",
                    "portal", "applet"}
CSS_LOADS = re.compile(r"url\s*\(|@import|image-set\s*\(|@font-face", re.I)
# The one link out of a report: an article's own web address.
WEB_URL = re.compile(r"https?://[^/\s]", re.I)


class Report(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.ids = {}
        self.hrefs = []
        self.toc_hrefs = []
        self.in_nav = 0
        self.in_style = False
        self.charset = None
        self.lang = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in LOADING_ELEMENTS:
            self.problems.append(f"line {line}: <{tag}> loads or embeds content")
        if tag == "nav":
            self.in_nav += 1
        if tag == "style":
            self.in_style = True
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "meta":
            a = dict(attrs)
            if "charset" in a:
                self.charset = (a["charset"] or "").lower()
            if (a.get("http-equiv") or "").lower() == "refresh":
                self.problems.append(f"line {line}: <meta http-equiv=refresh> navigates away")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"line {line}: event handler {name}= on <{tag}>")
            if name == "style" and CSS_LOADS.search(value):
                self.problems.append(f"line {line}: inline style loads something: {value}")
            if name == "id":
                self.ids[value] = self.ids.get(value, 0) + 1
            if name in URL_ATTRIBUTES:
                if name == "href" and value.startswith("#"):
                    self.hrefs.append(value)
                    if self.in_nav:
                        self.toc_hrefs.append(value)
                elif name == "href" and tag == "a" and WEB_URL.match(value) and not self.in_nav:
                    rel = set((dict(attrs).get("rel") or "").lower().split())
                    if not {"noopener", "noreferrer"} <= rel:
                        self.problems.append(f"line {line}: link to {value} without "
                                             f"rel=\"noopener noreferrer\"")
                else:
                    self.problems.append(f"line {line}: {name}=\"{value}\" points outside the report")

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_nav -= 1
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and CSS_LOADS.search(data):
            self.problems.append(f"line {self.getpos()[0]}: the style sheet loads something "
                                 f"({CSS_LOADS.search(data).group(0)})")


def check_static(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"]
    report = Report()
    report.feed(text)
    report.close()
    problems = list(report.problems)
    if report.charset != "utf-8":
        problems.append(f"no <meta charset=\"utf-8\"> (found {report.charset!r})")
    if report.lang != "en":
        problems.append(f"<html lang> is {report.lang!r}, not \"en\"")
    if re.search(r"<script", text, re.I):
        problems.append("a <script appears in the report")
    if "@media print" not in text:
        problems.append("no @media print rules")
    # A phone lays the page out at its own width only when told to.
    if not re.search(r'<meta name="viewport" content="width=device-width', text):
        problems.append("no <meta name=\"viewport\" content=\"width=device-width…\">")
    for href in report.hrefs:
        n = report.ids.get(href[1:], 0)
        if n != 1:
            problems.append(f"link {href} has {n} targets")
    linked = {h[1:] for h in report.toc_hrefs}
    for anchor, n in report.ids.items():
        if n > 1:
            problems.append(f"id \"{anchor}\" is used {n} times")
        if re.fullmatch(r"a-\d+|g-\d+|failures", anchor) and anchor not in linked:
            problems.append(f"section #{anchor} has no TOC link")
    return problems


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(path):
    """(width, height, channels, rows) of an 8-bit non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((x + p) & 0xFF for x, p in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = previous[i - channels] if i >= channels else 0
                line[i] = (line[i] + paeth(left, previous[i], up_left)) & 0xFF
        elif kind != 0:
            raise ValueError(f"bad filter type {kind} in row {y}")
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_png(path, width=1000, height=1400):
    try:
        w, h, channels, rows = decode_png(path)
    except (OSError, ValueError, zlib.error) as e:
        return [f"{path}: {e}"]
    problems = []
    if (w, h) != (width, height):
        problems.append(f"{path} is {w}x{h}, not {width}x{height}")
    counts = {}
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = row[x:x + channels]
            counts[pixel] = counts.get(pixel, 0) + 1
    total = w * h
    background = max(counts.values())
    ink = total - background
    # Text anti-aliases into many shades; a blank or one-colour page has one.
    if len(counts) < 16 or ink < total // 200:
        problems.append(f"{path} looks blank: {len(counts)} colours, "
                        f"{100.0 * ink / total:.2f}% of pixels differ from the background")
    else:
        print(f"check-report: {path}: {w}x{h}, {len(counts)} colours, "
              f"{100.0 * ink / total:.1f}% ink")
    return problems


def main(argv):
    if len(argv) != 3 or argv[1] not in ("static", "png"):
        print(__doc__, file=sys.stderr)
        return 2
    problems = check_static(argv[2]) if argv[1] == "static" else check_png(argv[2])
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
