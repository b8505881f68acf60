"""Text from PDF documents: what a person reads on the pages, one paragraph per line.

A PDF holds glyphs at positions, not paragraphs.  pdfminer.six (`pdfminer.high_level`)
decodes the glyphs into text lines with their boxes; this module rebuilds the running
text from them, as a reader sees it:

* lines are read top to bottom, the pieces pdfminer cuts one line into (where a
  justified line spaces its words widely, or the font changes) joined again; a page
  with a vertical white strip that no line crosses, lines on both sides, is set in
  columns, read column by column (a title across them first), each with its own
  margins;
* a paragraph begins after a gap wider than the document's usual line spacing, or at a
  line indented from the page's left margin (books indent instead of spacing);
* the lines of a paragraph are joined by a space, but a line broken on purpose (the
  next line's first word would have fitted on it: a credits block, an address, verse)
  keeps its line break; a hyphen at a line end either breaks a word (``trans-`` /
  ``lation``: joined whole) or belongs to it (``safe-`` / ``conduct``: kept), as the
  document's own words show (the word written whole elsewhere, or with its hyphen; both
  halves words of their own), or else as its other breaks show (a typesetter that
  hyphenates words, or one that breaks lines only at spaces and hyphens); a hyphen
  before a capital stays (``Franco-`` / ``Prussian``);
* running heads and feet (the highest or lowest line of a page, its digits aside,
  repeated on several pages) and page numbers are left out, and the reading warnings
  say how many;
* a paragraph cut by a page break (its last line ends without a full stop, or the next
  page goes on in lower case) is joined across it;
* notes at the foot of a page (its last lines, in type smaller than the body's) follow
  the text, as a Word document's notes do, so that a paragraph running on to the next
  page is not cut by them.

A PDF with no text at all is a scan: the error says to run OCR first.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from align.errors import InputError

PDF = "a PDF document"

#: A line that is only a page number: ``12``, ``- 12 -``, ``xiv``, ``Page 3``, ``3 / 10``.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:/|of|sur|de|von)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
#: How a paragraph may end: full stop, question and exclamation marks, ellipsis, colon,
#: closing quotes and brackets after them.
_ENDS_PARAGRAPH = re.compile(r"[.!?…:;][\"'»”’)\]]*\s*$")
_HYPHENS = "-\u2010\u00ad"
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
#: Ligature glyphs some fonts map to one character (``ﬁ``): the letters they stand for.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    #: Width of the line's first word with the space before it: whether it would have
    #: fitted at the end of the line above.
    first_word: float = 0.0
    #: On a page set in columns, which of its parts (`_read`: a column, or what crosses
    #: the columns) the line belongs to, from 1; each is read apart, with its own
    #: margins.  0 on a page of one column.
    box: int = 0
    #: Font size of most of its glyphs.
    size: float = 0.0

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def pdf_text(data: bytes, name: str, warnings: list[str]) -> str:
    """The text of a PDF document as plain text: one paragraph per line, a blank line
    between paragraphs.  What was left out (running heads, page numbers) is said in
    `warnings`; `InputError` if the file cannot be read or holds no text."""
    pages = _pages(data, name)
    if not any(pages):
        stem = name.rsplit(".", 1)[0]
        raise InputError(
            f"{name} is a PDF document with no text in it (scanned pages?): run OCR on it "
            f"first (e.g. `ocrmypdf {name} {stem}-ocr.pdf`) and align that"
        )
    dropped = _drop_running_lines(pages)
    notes = _take_notes(pages)
    spacing = _line_spacing(pages)
    hyphens = _Hyphens(pages + notes)
    paragraphs: list[str] = []
    last_line = ""
    for lines in (group for page in pages for group in _boxes(page)):
        right = max(l.x1 for l in lines)
        for k, block in enumerate(_paragraphs(lines, spacing)):
            text = _join(block, right, hyphens)
            # A paragraph cut by the end of a page, or of a column, goes on in the next.
            if k == 0 and paragraphs and _runs_on(last_line, block[0]):
                paragraphs[-1] = hyphens.join(paragraphs[-1], text)
            else:
                paragraphs.append(text)
            last_line = block[-1].text
    # The notes follow the text, as those of a Word document do, so that a paragraph
    # running on to the next page is not cut by them.
    for lines in notes:
        paragraphs += [_join(block, max(l.x1 for l in lines), hyphens)
                       for block in _paragraphs(lines, spacing)]
    if notes:
        warnings.append(f"{name}: {sum(map(len, notes))} line(s) of notes at the foot of "
                        f"{len(notes)} page(s) moved after the text")
    if dropped:
        warnings.append(
            f"{name}: read from PDF ({len(pages)} pages); {dropped} running head(s), "
            "foot(s) and page number(s) left out"
        )
    return "\n\n".join(p for p in paragraphs if p.strip())


def _pages(data: bytes, name: str) -> list[list[_Line]]:
    """Each page's text lines, in reading order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    def lines_of(element) -> list[_Line]:
        if isinstance(element, LTTextLine):
            # Justified lines space their words widely: pdfminer writes a space per gap.
            # (No-break spaces are the text's own: French puts them before « : ; ! ? ».)
            text = _SPACES.sub(" ", element.get_text().translate(_LIGATURES)).strip(" ")
            if not text:
                return []
            glyphs = [c for c in element if isinstance(c, LTChar) and c.get_text().strip()]
            end, size = element.x0, element.height
            for char in element:
                if isinstance(char, LTChar) and char.get_text().strip():
                    end, size = char.x1, char.size
                elif end > element.x0:
                    break  # a space after the first word
            return [_Line(text, element.x0, element.x1, element.y0, element.y1,
                          first_word=end - element.x0 + 0.3 * size,
                          size=statistics.median(c.size for c in glyphs) if glyphs else 0.0)]
        if isinstance(element, LTTextContainer) or hasattr(element, "__iter__"):
            return [line for child in element for line in lines_of(child)]
        return []

    pages = []
    layouts = extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True))
    while True:
        # Only pdfminer's own reading is a sign of a bad file; errors of the layout below
        # are this module's and surface as such.
        try:
            page = next(layouts)
        except StopIteration:
            break
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise InputError(f"{name} is a password-protected PDF: save an unprotected copy, "
                             "or export its text, and align that") from None
        except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
            raise InputError(f"{name} is a damaged PDF document ({error}): export its text "
                             f"with another program (e.g. `pdftotext {name}`) and align the "
                             ".txt") from None
        parts = _read(lines_of(page))
        for number, part in enumerate(parts if len(parts) > 1 else []):
            for line in part:
                line.box = number + 1
        pages.append([line for part in parts for line in part])
    return pages


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """A page's text lines grouped by height, top to bottom, each row left to right:
    pdfminer cuts a line in pieces where its words stand far apart (a justified line, a
    change of font), and the pieces of one line share a row."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda l: -(l.y0 + l.y1)):
        if rows:
            first = rows[-1][0]
            overlap = min(first.y1, line.y1) - max(first.y0, line.y0)
            if overlap > 0.5 * min(first.height, line.height):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda l: l.x0) for row in rows]


#: Lines on each side of a gutter, at least: columns, not a short line beside another.
_COLUMN_LINES = 3
#: The narrowest white strip between columns, in points.
_GUTTER_WIDTH = 6.0


def _gutter(lines: list[_Line]) -> float | None:
    """Where a page (or a part of one) set in columns is cut: the middle of the widest
    vertical strip that no line narrower than most of the text width crosses, with lines
    on both sides of it.  None for text in one column, whose full lines cross every strip.
    (Columns need not share baselines, so rows cannot show them.)"""
    if not lines:
        return None
    width = max(l.x1 for l in lines) - min(l.x0 for l in lines)
    narrow = sorted((l for l in lines if l.x1 - l.x0 < 0.6 * width), key=lambda l: l.x0)
    if len(narrow) < 2 * _COLUMN_LINES:
        return None
    best, widest = None, _GUTTER_WIDTH
    reach = narrow[0].x1
    for line in narrow[1:]:
        if line.x0 - reach >= widest:
            middle = (reach + line.x0) / 2
            if (sum(l.x1 <= middle for l in narrow) >= _COLUMN_LINES
                    and sum(l.x0 >= middle for l in narrow) >= _COLUMN_LINES):
                best, widest = middle, line.x0 - reach
        reach = max(reach, line.x1)
    return best


def _read(lines: list[_Line], depth: int = 0) -> list[list[_Line]]:
    """A page's lines in reading order, in the parts read apart: its columns left to right
    (what crosses the gutter above them first, what crosses it below them last), each
    column's lines top to bottom, the pieces of one line joined."""
    gutter = _gutter(lines) if depth < 3 else None
    if gutter is None:
        return [[_merged(row) for row in _rows(lines)]] if lines else []
    left = [l for l in lines if l.x1 <= gutter]
    right = [l for l in lines if l.x0 >= gutter]
    across = [l for l in lines if l.x0 < gutter < l.x1]
    top = max(l.y1 for l in left + right)
    above = [l for l in across if l.y0 >= top]
    below = [l for l in across if l.y0 < top]
    return [part for group in (above, left, right, below) for part in _read(group, depth + 1)]


def _merged(row: list[_Line]) -> _Line:
    """The pieces of one row as one line."""
    if len(row) == 1:
        return row[0]
    return _Line(" ".join(l.text for l in row), row[0].x0, row[-1].x1,
                 min(l.y0 for l in row), max(l.y1 for l in row), first_word=row[0].first_word,
                 size=max(l.size for l in row))


def _boxes(lines: list[_Line]) -> list[list[_Line]]:
    """A page's lines in the parts read apart: the whole page, or each text box of a page
    set in columns."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and groups[-1][-1].box == line.box:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.casefold().split()))


def _drop_running_lines(pages: list[list[_Line]]) -> int:
    """Remove, in place, each page's running head and foot and its page number; return
    how many lines were removed."""
    # The highest and the lowest line: on a page in columns, the page number at its foot
    # is read at the end of a column.
    candidates = [list({id(l): l for l in (max(lines, key=lambda l: l.y1),
                                           min(lines, key=lambda l: l.y0))}.values())
                  if len(lines) > 1 else [] for lines in pages]
    seen: dict[str, int] = {}
    for edge in candidates:
        for key in {_key(line.text) for line in edge}:
            seen[key] = seen.get(key, 0) + 1
    # Heads alternate between left and right pages (book title, chapter title).
    needed = max(2, round(0.3 * len(pages)))
    dropped = 0
    for lines, edge in zip(pages, candidates, strict=True):
        for line in edge:
            if _PAGE_NUMBER.match(line.text) or seen[_key(line.text)] >= needed:
                lines.remove(line)
                dropped += 1
    return dropped


#: A line in type at most this size against the body's is a note's (footnotes are set
#: two or three points smaller).
_NOTE_SIZE = 0.88


def _take_notes(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove, in place, the notes at the foot of each page of one column (the lines
    below its last line in the body's type size, in smaller type) and return them, a
    list of lines per page that has any."""
    sized = sorted((l.size, len(l.text)) for lines in pages for l in lines if l.size)
    if not sized:
        return []
    # The type size of most of the text: the median over its characters.
    half, seen, body = sum(n for _, n in sized) / 2, 0, sized[-1][0]
    for size, n in sized:
        seen += n
        if seen >= half:
            body = size
            break
    notes = []
    for lines in pages:
        if any(l.box for l in lines):
            continue  # in columns: no foot to tell
        k = len(lines)
        while k > 0 and 0 < lines[k - 1].size <= _NOTE_SIZE * body:
            k -= 1
        if 0 < k < len(lines):
            notes.append(lines[k:])
            del lines[k:]
    return notes


#: A gap this many times the usual line spacing, or more, ends a paragraph: pdfminer
#: places every glyph of a font at the same height below its baseline, so the lines of
#: one paragraph are spaced alike, and a quarter of a line more is a paragraph's space.
_PARAGRAPH_GAP = 1.25


def _line_spacing(pages: list[list[_Line]]) -> float:
    """The document's usual distance from one line to the next within a paragraph: the
    lower quartile of the distances between consecutive lines, so that a page of short
    paragraphs with blank lines between them does not set it."""
    steps = sorted(a.y0 - b.y0 for lines in pages for a, b in zip(lines, lines[1:],
                                                                   strict=False)
                   if a.y0 > b.y0)
    if not steps:
        return 1.2 * statistics.median(l.height for lines in pages for l in lines)
    return steps[len(steps) // 4]


def _paragraphs(lines: list[_Line], spacing: float) -> list[list[_Line]]:
    """A page's lines grouped into paragraphs: a new one after a gap wider than the
    document's usual line spacing, or at a line indented from the left margin."""
    if not lines:
        return []
    widest = max(l.x1 - l.x0 for l in lines)
    # The left margin: where the full lines of the page begin.
    margin = min(l.x0 for l in lines if l.x1 - l.x0 >= 0.5 * widest)
    blocks = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        gap = previous.y0 - line.y0
        indented = line.x0 - margin > 0.8 * line.height
        if gap > _PARAGRAPH_GAP * spacing or gap < 0 or indented:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _runs_on(last_line: str, first: _Line) -> bool:
    """Whether the paragraph that ends a page with `last_line` goes on in `first`, the
    next page's first line."""
    return bool(last_line) and (not _ENDS_PARAGRAPH.search(last_line)
                                or first.text[:1].islower())


def _join(block: list[_Line], right: float, hyphens: _Hyphens) -> str:
    """The lines of one paragraph as its text; a line broken on purpose (the next line's
    first word would have fitted on it: a credits block, an address, verse) keeps its
    line break, as a line break inside a paragraph of a Word document does."""
    text = block[0].text
    for previous, line in zip(block, block[1:], strict=False):
        on_purpose = previous.x1 + line.first_word < right
        if on_purpose and previous.text[-1:] not in _HYPHENS:
            text = f"{text}\n{line.text}"
        else:
            text = hyphens.join(text, line.text)
    return text


_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_HEAD = re.compile(r"([^\W\d_]+)[-\u2010]$")
_TAIL = re.compile(r"^[^\W\d_]+")


class _Hyphens:
    """Joins the lines of a paragraph, deciding for each hyphen at a line end whether it
    breaks a word (``trans-`` / ``lation``) or belongs to it (``safe-`` / ``conduct``), by
    the document's own words: the word written whole elsewhere, or with its hyphen; with
    no such evidence, by what the document's other breaks show (a typesetter that
    hyphenates, or one that breaks lines only at spaces and hyphens); a hyphen before a
    capital stays (``Franco-`` / ``Prussian``)."""

    def __init__(self, pages: list[list[_Line]]) -> None:
        lines = [line.text for page in pages for line in page]
        self.words: set[str] = set()
        for before, text in zip(["", *lines[:-1]], lines, strict=True):
            found = [w.casefold() for w in _WORD.findall(text)]
            # The halves of a word broken at a line end are not words of the document.
            if text[-1:] in _HYPHENS and found:
                found.pop()
            if before[-1:] in _HYPHENS and found and text[:1].isalpha():
                found.pop(0)
            self.words.update(found)
        evidence = [self._evidence(a, b) for a, b in zip(lines, lines[1:], strict=False)]
        # Breaks of words the text writes whole, against hyphenated words it writes so.
        self.breaks_words = evidence.count("break") >= evidence.count("keep")

    def _evidence(self, text: str, more: str) -> str | None:
        head, tail = _HEAD.search(text), _TAIL.match(more)
        if not head or not tail:
            return None
        whole = (head.group(1) + tail.group()).casefold()
        hyphenated = f"{head.group(1)}-{tail.group()}".casefold()
        if whole in self.words and hyphenated not in self.words:
            return "break"
        if hyphenated in self.words and whole not in self.words:
            return "keep"
        return None

    def _two_words(self, text: str, more: str) -> bool:
        """Whether both halves are words the document writes on their own (``safe`` and
        ``conduct``), as the syllables of a hyphenated word seldom are (``transla``)."""
        head, tail = _HEAD.search(text), _TAIL.match(more)
        return bool(head and tail) and all(
            len(part) >= 3 and part.casefold() in self.words
            for part in (head.group(1), tail.group()))

    def join(self, text: str, more: str) -> str:
        """Two lines of one paragraph as one."""
        if text[-1:] == "\u00ad":  # a soft hyphen only ever breaks a word
            return text[:-1] + more
        if text[-1:] in _HYPHENS and text[-2:-1].isalpha() and more[:1].isalpha():
            evidence = self._evidence(text, more)
            if evidence is None:
                evidence = ("break" if more[:1].islower() and self.breaks_words
                            and not self._two_words(text, more) else "keep")
            return text[:-1] + more if evidence == "break" else text + more
        return f"{text} {more}"
