"""Small PDF documents for the reading tests, written out by hand: pages of text lines
placed where a typesetter would put them (Helvetica, Windows-1252 text), so that a test
controls exactly what the PDF reader has to undo: line ends, hyphenation, paragraphs
separated by space or by indentation, running heads, page numbers, a paragraph that
runs on to the next page."""

from __future__ import annotations

from pathlib import Path

#: One line of text: x and y of its baseline (points from the bottom left), font size.
Line = tuple[float, float, float, str]

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
LEFT, TOP, BOTTOM = 72, 770, 72
LEADING, SIZE = 14, 11


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, pages: list[list[Line]]) -> Path:
    """A PDF of `pages` at `path`; a page with no lines has no text at all (as a scan)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                            b"/Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        stream = b"".join(
            b"BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, _escaped(text))
            for x, y, size, text in lines
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources "
                       b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (PAGE_WIDTH, PAGE_HEIGHT, content))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def width(text: str, size: float = SIZE) -> float:
    """`text`'s width in points in Helvetica (its font metrics, as the PDF reader has them)."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica"][1]
    return sum(widths.get(c, 556) for c in text) * size / 1000


def wrap(text: str, measure: float, first: float | None = None) -> list[str]:
    """`text` broken into lines of at most `measure` points (`first` for the first line),
    ragged right, as a typesetter without hyphenation breaks it."""
    lines: list[str] = []
    for word in text.split():
        room = first if first is not None and len(lines) == 1 else measure
        if lines and width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def typeset(paragraphs: list[str], *, head: str | None = None, numbers: bool = True,
            indent: bool = False, lines_per_page: int = 40) -> list[list[Line]]:
    """`paragraphs` set ragged right on pages of text 451 points wide: a blank line between
    paragraphs, or (``indent``) none and the first line of each indented; a line break
    inside a paragraph kept; `head` at the top of every page and the page number at its
    foot."""
    pages: list[list[Line]] = []
    y = BOTTOM - 1  # no page yet

    def new_page() -> float:
        pages.append([])
        if head:
            pages[-1].append((LEFT, PAGE_HEIGHT - 40, 9, head))
        if numbers:
            pages[-1].append((PAGE_WIDTH / 2 - 5, 40, 9, str(len(pages))))
        return TOP

    for paragraph in paragraphs:
        # A line break inside a paragraph is kept: the line ends there.
        measure = PAGE_WIDTH - 2 * LEFT
        pieces = paragraph.split("\n")
        lines = [line for n, piece in enumerate(pieces)
                 for line in wrap(piece, measure, measure - 18 if indent and n == 0 else None)]
        for k, line in enumerate(lines):
            if y < TOP - LEADING * lines_per_page or y < BOTTOM:
                y = new_page()
            x = LEFT + (18 if indent and k == 0 else 0)
            pages[-1].append((x, y, SIZE, line))
            y -= LEADING
        if not indent:
            y -= LEADING  # the blank line between paragraphs
    return pages
