"""Word documents (DOCX) read as their body's text, as Word shows it.

The paragraphs of the body, its tables (a merged cell once), text boxes (once) and
content controls are read in document order, footnotes and endnotes after the body;
tracked deletions and the origin of a moved passage, hidden text, field codes and
generated indexes and page numbers are not; symbol-font characters are read as what they
show; code (a code style, or paragraphs set wholly in a monospace font) is written as
Markdown writes it, fenced blocks and inline spans, so that the checks read it as code
(docs/segmentation.md).
Offsets in the record refer to this text.
"""

from __future__ import annotations

import io
import re

from align import markup
from align.errors import InputError

DOCX = "a Word document (DOCX)"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What a paragraph's text is made of, in document order (deleted text is ``w:delText``
#: and field codes ``w:instrText``: neither is read).
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
             f"{_W}noBreakHyphen": "\u2011", f"{_W}softHyphen": "\u00ad"}
#: Where the text refers to a footnote or an endnote.
_NOTE_REFERENCE = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RUN, _RUN_PROPERTIES, _SYMBOL = f"{_W}r", f"{_W}rPr", f"{_W}sym"
_FIELD_CHAR, _FIELD_INSTRUCTION, _SIMPLE_FIELD = f"{_W}fldChar", f"{_W}instrText", f"{_W}fldSimple"
_ALTERNATE_CONTENT = f"{_MC}AlternateContent"
_VALUE, _RUN_STYLE, _VANISH = f"{_W}val", f"{_W}rStyle", f"{_W}vanish"
_FONTS, _THEME_FONT = f"{_W}rFonts", f"{_W}asciiTheme"
_ASCII_FONT, _OTHER_FONT = f"{_W}ascii", f"{_W}hAnsi"
#: What a run shows, unless it is hidden or a field's instruction or left-out result.
_SHOWN = frozenset((*_RUN_TEXT, *_NOTE_REFERENCE, _SYMBOL, f"{_W}txbxContent"))
#: What is not the text as it reads now: tracked deletions, and the place a moved passage
#: was moved from (its runs keep ``w:t``); and properties, which hold no text (a
#: paragraph's tab stops are ``w:tab`` too).
_NOT_READ = frozenset(f"{_W}{tag}" for tag in ("del", "moveFrom", "pPr", "rPr", "sdtPr"))
#: Fields whose results are generated and differ between a document and its translation:
#: indexes (a table of contents, an index, a table of authorities, a bibliography) and
#: page numbers.  Their cached results are left out; the text around them stays.
_GENERATED_FIELDS = frozenset(
    ("TOC", "INDEX", "TOA", "BIBLIOGRAPHY", "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF"))
#: The building blocks of a content control that is a generated index.
_GENERATED_GALLERIES = ("Table of Contents", "Bibliographies")
#: The styles of a table of contents' entries (Word's "toc 1" … "toc 9", and "table of
#: figures"), left out with it when its field is gone (the table "converted to text").
_INDEX_STYLE = re.compile(r"toc [1-9]|table of figures", re.I)
#: What the characters of the symbol fonts are (``w:sym``, Insert > Symbol): Word writes
#: them at U+F020-U+F0FF.  Symbol: its Greek letters, arrows and mathematical signs;
#: Wingdings: its arrows (those Word's AutoCorrect writes for ``-->``, ``==>`` …) and
#: check marks.  The rest of a symbol font is read as a space.
_SYMBOL_FONTS = {
    "symbol": {
        **dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True)),
        **dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True)),
        **{c: chr(c) for c in b"!#%&()+,./0123456789:;<=>?[]_{|}"},
        0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴",
        0x5E: "⊥", 0x7E: "∼", 0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←",
        0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥",
        0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡",
        0xBB: "≈", 0xBC: "…", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪", 0xCE: "∈", 0xCF: "∉",
        0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅",
        0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒",
        0xDF: "⇓", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF2: "∫",
    },
    "wingdings": {
        **dict.fromkeys((0xD8, 0xE0, 0xE8, 0xF0), "→"),
        **dict.fromkeys((0xD7, 0xDF, 0xE7, 0xEF), "←"),
        **dict.fromkeys((0xD9, 0xE1, 0xE9, 0xF1), "↑"),
        **dict.fromkeys((0xDA, 0xE2, 0xEA, 0xF2), "↓"),
        0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    },
}


def _symbol(element) -> str:
    """The character a ``w:sym`` shows: a symbol font's (U+F0xx) as `_SYMBOL_FONTS` says,
    another code point as itself, and a space where that cannot be told (another symbol
    font, a private-use code point), so that the words around it stay apart."""
    try:
        code = int(element.get(f"{_W}char", ""), 16)
    except ValueError:
        return " "
    table = _SYMBOL_FONTS.get(element.get(f"{_W}font", "").strip().lower(), {})
    if 0xF000 <= code <= 0xF0FF or (code < 0x100 and table):
        return table.get(code & 0xFF, " ")
    try:
        char = chr(code)
    except (ValueError, OverflowError):
        return " "
    return char if char.isprintable() and not 0xE000 <= code <= 0xF8FF else " "


def _field_kind(instruction: str) -> str:
    """A field's kind, the first word of its instruction (``TOC`` of ``TOC \\o "1-3"``)."""
    words = instruction.split(None, 1)
    return words[0].upper() if words else ""


def _on(element) -> bool | None:
    """A toggle property (``w:vanish``): on, off (``w:val="0"``), or None when absent."""
    if element is None:
        return None
    return element.get(_VALUE, "true").lower() not in ("0", "false", "off")


class _WordStyles:
    """What a Word document's styles say about a run: hidden (``w:vanish``), or written in
    a monospace font or a code style; read along each style's ``w:basedOn`` chain."""

    def __init__(self, root) -> None:
        self.styles = {} if root is None else {
            style.get(f"{_W}styleId"): style for style in root.iter(f"{_W}style")}
        #: The paragraph style of paragraphs that name none ("Normal").
        self.default = next((key for key, style in self.styles.items()
                             if style.get(f"{_W}type") == "paragraph"
                             and style.get(f"{_W}default") in ("1", "true", "on")), None)
        self.defaults = None if root is None else root.find(
            f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.cache: dict[tuple, object] = {}

    def chain(self, style_id: str | None):
        """The style `style_id` and those it is based on, nearest first."""
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            based = style.find(f"{_W}basedOn")
            style_id = None if based is None else based.get(f"{_W}val")

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id)
        found = None if style is None else style.find(f"{_W}name")
        return (found.get(f"{_W}val", "") if found is not None else "") or style_id or ""

    def code_style(self, style_id: str | None) -> bool:
        return any(markup.code_style(self.name(style.get(f"{_W}styleId")))
                   for style in self.chain(style_id))

    def index_entry(self, style_id: str | None) -> bool:
        return style_id is not None and (_INDEX_STYLE.fullmatch(self.name(style_id)) is not None
                                         or re.fullmatch(r"TOC[1-9]", style_id) is not None)

    def _inherited(self, what: str, run_style: str | None, paragraph_style: str | None):
        """A run property (``vanish``, ``font``) from its character style, else its
        paragraph's style, else the document's defaults."""
        key = (what, run_style, paragraph_style)
        if key not in self.cache:
            found = None
            for style in (*self.chain(run_style), *self.chain(paragraph_style or self.default)):
                found = _run_property(style.find(f"{_W}rPr"), what)
                if found is not None:
                    break
            if found is None:
                found = _run_property(self.defaults, what)
            if what == "font":
                found = bool(found) or any(markup.code_style(self.name(s.get(f"{_W}styleId")))
                                           for s in self.chain(run_style))
            self.cache[key] = bool(found)
        return self.cache[key]

    def run(self, properties, paragraph_style: str | None) -> tuple[bool, bool]:
        """Whether a run of these properties (its ``w:rPr``) is hidden, and whether it is
        code (a monospace font, or a character style of code)."""
        if properties is None:
            return (self._inherited("vanish", None, paragraph_style),
                    self._inherited("font", None, paragraph_style))
        style = properties.find(_RUN_STYLE)
        style_id = None if style is None else style.get(_VALUE)
        hidden = _run_property(properties, "vanish")
        if hidden is None:
            hidden = self._inherited("vanish", style_id, paragraph_style)
        font = _run_property(properties, "font")
        code = font if font is not None else self._inherited("font", style_id, paragraph_style)
        return bool(hidden), bool(code)


def _run_property(properties, what: str) -> bool | None:
    """Of run properties (a ``w:rPr``): whether they hide the run (``what="vanish"``) or
    set a monospace font (``"font"``); None if they say nothing of it."""
    if properties is None:
        return None
    if what == "vanish":
        return _on(properties.find(_VANISH))
    fonts = properties.find(_FONTS)
    if fonts is None:
        return None
    if fonts.get(_THEME_FONT) is not None:
        return False  # a theme's font: a document's body or heading font
    name = fonts.get(_ASCII_FONT) or fonts.get(_OTHER_FONT)
    return None if name is None else markup.monospace_font(name)


class _Fields:
    """The complex fields open at a point of a story (``w:fldChar`` begin, the instruction,
    separate, the cached result, end; they nest and cross paragraphs), to tell whether
    text there is shown: not a field's instruction, nor the result of a field whose
    results are left out (`_GENERATED_FIELDS`).  In a story whose fields do not all
    close (a damaged document) every result is shown, rather than all that follows."""

    def __init__(self, story) -> None:
        kinds = [char.get(f"{_W}fldCharType") for char in story.iter(f"{_W}fldChar")]
        self.balanced = kinds.count("begin") == kinds.count("end")
        self.open: list[list] = []  # [instruction pieces, showing its result, left out]

    def char(self, element) -> None:
        kind = element.get(f"{_W}fldCharType")
        if kind == "begin":
            self.open.append([[], False, False])
        elif self.open and kind == "separate":
            field = self.open[-1]
            field[1:] = True, _field_kind("".join(field[0])) in _GENERATED_FIELDS
        elif self.open and kind == "end":
            self.open.pop()

    def instruction(self, text: str) -> None:
        if self.open and not self.open[-1][1]:
            self.open[-1][0].append(text)

    def shown(self) -> bool:
        return not self.open or not self.balanced or all(
            result and not left_out for _, result, left_out in self.open)


def _children(element, tag: str):
    """The ``tag`` children of ``element``, and those inside content controls and custom
    markup around them (a table row inside ``w:sdt``)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _children(child, tag)


def _generated_control(sdt) -> bool:
    """Whether a content control (``w:sdt``) holds a generated index (its building block's
    gallery: "Table of Contents", "Bibliographies")."""
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and gallery.get(f"{_W}val", "").startswith(_GENERATED_GALLERIES)


def _mark_removed(properties, styles: _WordStyles, style_id: str | None) -> bool:
    """Whether a paragraph's mark (its ``w:pPr``) is deleted, moved away or hidden, so that
    Word shows its text run into the next paragraph's."""
    mark = None if properties is None else properties.find(f"{_W}rPr")
    if mark is not None and (mark.find(f"{_W}del") is not None
                             or mark.find(f"{_W}moveFrom") is not None):
        return True
    hidden = _run_property(mark, "vanish")
    return styles.run(mark, style_id)[0] if hidden is None else hidden


def _prose(pieces: list[tuple[str, bool]]) -> str:
    """A paragraph's text from its (text, code) pieces, each run of code pieces an inline
    code span (the spaces around it outside)."""
    out: list[str] = []
    code: list[str] = []
    for text, is_code in (*pieces, ("", False)):
        if is_code:
            code.append(text)
            continue
        if code:
            joined = "".join(code)
            inner = joined.strip()
            out.append(joined if not inner else joined[:len(joined) - len(joined.lstrip())]
                       + markup.code_span(inner) + joined[len(joined.rstrip()):])
            code = []
        out.append(text)
    return "".join(out)


def docx_text(data: bytes, name: str) -> str:
    """The text of a Word document as plain text: one paragraph per block, blank lines
    between them, a line break inside a paragraph kept as one.

    Tables are read cell by cell, row by row (a merged cell once).  The text is the
    document as it reads now: tracked insertions and a move's new place in, tracked
    deletions and a move's old place out, and hidden text out (``w:vanish``); a paragraph
    whose mark alone is deleted or hidden runs into the next one.  A symbol (``w:sym``)
    is the character it shows (`_symbol`).  Generated indexes (a table of contents …)
    and page numbers are left out (`_GENERATED_FIELDS`).  Code is written as Markdown
    writes it: consecutive paragraphs in a code style or all in a monospace font as a
    fenced block, monospace runs in a paragraph as inline code (`markup.code_block`,
    `markup.code_span`), unless that is a manuscript set in Courier
    (`markup.prose_in_code`).  Footnotes and endnotes follow the body, in the order the body
    refers to them, each marked ``¹``, ``²`` … (`markup.note_mark`) where the body refers to
    it, as the page shows it, and before its own text, so that the notes of a source and of
    its translation align with each other, while no check reads the mark as a number of
    the sentence and the segmenter ends a sentence after ``POUM.¹``.  Headers, footers and
    comments are left out.  Offsets in the record refer to this text."""
    import docx  # python-docx: finds the main document part through the package's parts
    from docx.opc.constants import RELATIONSHIP_TYPE

    markup.open_package(data, name, DOCX)  # refuses a "zip bomb" before anything is unpacked
    #: The notes' paragraphs by (kind, id), and the marks 1, 2 … of those the body refers
    #: to, in the order it first does.
    notes: dict[tuple[str, str], list[str]] = {}
    referred: dict[tuple[str, str], int] = {}
    styles = _WordStyles(None)
    fields: list[_Fields] = []  # the story being read's, last
    read_code = True  # false in a document of prose in a code font (`markup.prose_in_code`)
    code_chars = 0  # in code blocks
    code_lines: list[str] = []

    def text_of(element, parts: list[tuple[str, bool]], boxes: list, style: str | None,
                run: tuple[bool, bool] = (False, False)) -> None:
        # From the XML: python-docx's `Paragraph.text` skips runs inside tracked
        # insertions (``w:ins``).  `parts` gets (text, whether it is code); `run` is the
        # run being read's (hidden, code).  A text box's content goes to ``boxes``, to be
        # read as paragraphs of its own; of the alternatives of ``mc:AlternateContent`` (a
        # text box drawn as DrawingML, and again as VML for older programs) only the first.
        for el in element:
            tag = el.tag
            if tag in _NOT_READ:
                continue
            if tag == _RUN:
                text_of(el, parts, boxes, style, styles.run(el.find(_RUN_PROPERTIES), style))
            elif tag in _SHOWN:
                if run[0] or not fields[-1].shown():
                    continue  # hidden, or not what a field shows
                mark = _RUN_TEXT.get(tag, "")
                if mark is None:
                    parts.append((el.text or "", run[1]))
                elif mark:
                    parts.append((mark, run[1]))
                elif tag in _NOTE_REFERENCE:
                    key = (_NOTE_REFERENCE[tag], el.get(f"{_W}id", ""))
                    if notes.get(key):
                        mark = referred.setdefault(key, len(referred) + 1)
                        parts.append((markup.note_mark(str(mark)), False))
                elif tag == _SYMBOL:
                    parts.append((_symbol(el), run[1]))
                else:
                    boxes.append(el)
            elif tag == _FIELD_CHAR:
                fields[-1].char(el)
            elif tag == _FIELD_INSTRUCTION:
                fields[-1].instruction(el.text or "")
            elif tag == _SIMPLE_FIELD:
                if _field_kind(el.get(f"{_W}instr", "")) not in _GENERATED_FIELDS:
                    text_of(el, parts, boxes, style, run)
            elif tag == _ALTERNATE_CONTENT:
                if len(el):
                    text_of(el[0], parts, boxes, style, run)
            elif isinstance(tag, str):
                text_of(el, parts, boxes, style, run)

    def read(container, out: list[str]) -> None:
        lines: list[str] = []  # consecutive paragraphs of code (and blank ones among them)
        carried: list[tuple[str, bool]] = []  # a paragraph whose mark is removed

        def end_code() -> None:
            nonlocal code_chars
            if len(lines) == 1 and container.tag == f"{_W}tc" and lines[0].strip() == lines[0]:
                out.append(markup.code_span(lines[0]))  # an option's name in a table
            elif lines:
                out.append(markup.code_block(lines))
                code_chars += len(out[-1])
                code_lines.extend(lines)
            lines.clear()

        def paragraph(parts: list[tuple[str, bool]], style: str | None) -> None:
            text = "".join(text for text, _ in parts)
            if read_code and (styles.code_style(style) or (
                    text.strip() and all(code for text, code in parts if text.strip()))):
                lines.append(text)
            elif not text.strip():
                if lines:
                    lines.append("")  # a blank line of a block, unless the block ends here
            else:
                end_code()
                out.append(_prose(parts) if read_code else text)

        for block in container:
            tag = block.tag
            if tag == f"{_W}p":
                properties = block.find(f"{_W}pPr")
                found = None if properties is None else properties.find(f"{_W}pStyle")
                style = None if found is None else found.get(f"{_W}val")
                parts: list[tuple[str, bool]] = []
                boxes: list = []
                text_of(block, parts, boxes, style)
                if styles.index_entry(style):
                    continue  # an entry of a table of contents whose field is gone
                if _mark_removed(properties, styles, style):
                    carried += parts
                else:
                    paragraph([*carried, *parts], style)
                    carried = []
                for box in boxes:
                    end_code()
                    read(box, out)
                continue
            end_code()
            if tag == f"{_W}tbl":
                for row in _children(block, f"{_W}tr"):
                    for cell in _children(row, f"{_W}tc"):
                        merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                        # A cell merged with the one above it repeats it: read it once.
                        if merge is None or merge.get(f"{_W}val") == "restart":
                            read(cell, out)
            elif tag == f"{_W}sdt" and _generated_control(block):
                continue  # a table of contents, its title too
            elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                read(block, out)  # a content control, custom markup: their content
        if carried:
            paragraph(carried, None)
        end_code()

    def read_notes(document) -> None:
        kinds = {RELATIONSHIP_TYPE.FOOTNOTES: "footnote", RELATIONSHIP_TYPE.ENDNOTES: "endnote"}
        for rel in document.part.rels.values():
            kind = kinds.get(rel.reltype)
            if kind is None or rel.is_external:
                continue
            for note in markup.parse_xml(rel.target_part.blob).iter(f"{_W}{kind}"):
                if note.get(f"{_W}type") is None:  # not a separator line
                    texts: list[str] = []
                    fields.append(_Fields(note))
                    read(note, texts)
                    fields.pop()
                    notes[(kind, note.get(f"{_W}id", ""))] = [
                        t.strip() for t in texts if t.strip()]

    def whole(document) -> str:
        nonlocal code_chars
        code_chars = 0
        code_lines.clear()
        notes.clear()
        referred.clear()
        read_notes(document)
        paragraphs: list[str] = []
        fields[:] = [_Fields(document.element.body)]
        read(document.element.body, paragraphs)
        for key, mark in referred.items():
            first, *rest = notes[key]
            paragraphs += [f"{markup.note_mark(str(mark))} {first}", *rest]
        return "\n\n".join(p.strip() for p in paragraphs if p.strip())

    try:
        document = docx.Document(io.BytesIO(data))
        styles = _WordStyles(document.styles.element)
        text = whole(document)
        if markup.prose_in_code(code_chars, code_lines, text):  # a manuscript in Courier
            read_code = False
            text = whole(document)
    except Exception:  # a zip that is not a well-formed Word package (many kinds of error)
        raise InputError(
            f"{name} looks like a Word document (DOCX) but cannot be read as one: open it "
            "in a word processor and save it again as .docx, or as plain text (.txt, UTF-8)"
        ) from None
    return text


