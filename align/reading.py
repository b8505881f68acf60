"""Reading a document from disk: recognise what the file is, decode it, report surprises.

Offsets used everywhere else (sentence spans, finding spans) are character offsets
into `Document.text`: the decoded file with its byte-order mark dropped and its
line endings (CRLF, CR) turned into LF.  Nothing else is changed: odd spaces,
zero-width characters and control characters stay where they are.

Encoding rule (see docs/segmentation.md for the measurements behind it):

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 is UTF-8;
3. bytes that are mostly valid UTF-8 with a few broken sequences are an error that
   says where the first broken sequence is (decoding them as Windows-1252 would turn
   every accent of the file into mojibake);
4. UTF-16 without a mark is recognised by its NUL bytes (a few stray NULs in a long
   text are kept as control characters);
5. otherwise Western European text is read as Windows-1252, or as Latin-1 if it
   holds bytes Windows-1252 leaves undefined; text whose high bytes are mostly
   letters of another script is handed to ``charset-normalizer``.

Steps 2-5 other than UTF-8 are reported as a warning.
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# lxml is imported only when a page or package is read, pdfminer only when a PDF is.
from align import markup, pdf
from align.errors import InputError

#: Human names for the encodings this module reports.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
}


@dataclass
class Document:
    """A decoded text file.  ``text`` is what every offset refers to."""

    text: str
    encoding: str
    path: str
    warnings: list[str] = field(default_factory=list)


def read_document(path: str | Path) -> Document:
    """Read a plain-text file, or raise `InputError` saying why it cannot be used."""
    p = Path(path)
    name = p.name or str(p)
    if not p.exists():
        raise InputError(f"{p}: no such file: check the path")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not a file: give the path of a plain-text file")
    kind = _special_file(p)
    if kind is not None:
        # Reading a named pipe with no writer blocks forever, and a device such as
        # /dev/zero never ends: refuse them rather than hang.
        raise InputError(f"{p} is {kind}, not a regular file: save the text to a file and give "
                         "its path")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(
            f"{p} cannot be read (permission denied): check its permissions"
        ) from None
    except OSError as exc:
        raise InputError(f"{p} cannot be read ({exc.strerror or exc}): check the file") from None
    text, encoding, warnings = decode_bytes(data, name)
    return Document(text=text, encoding=encoding, path=str(p), warnings=warnings)


def _special_file(path: Path) -> str | None:
    """What `path` is if it is not a regular file (a pipe, a device, a socket), else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reading it will say what is wrong
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


# -- recognising files that are not plain text ---------------------------------------

_WORD_HINT = (
    "open it in a word processor and save it as plain text (.txt, UTF-8), "
    "or convert it (e.g. `pandoc {name} -t plain -o {stem}.txt`)"
)
_OLE_HINT = (
    "open it in a word processor and save it as plain text (.txt, UTF-8), "
    "or convert it (e.g. `libreoffice --headless --convert-to txt {name}`)"
)
_IMAGE_HINT = "it holds no text to align: run OCR on it first (e.g. `tesseract {name} {stem}`)"


def _sniff_binary(data: bytes) -> tuple[str, str] | None:
    """What kind of non-text file ``data`` is, and what to do about it; None if it may be text."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return pdf.PDF, ""
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head[:100]:
            return markup.EPUB, ""
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:120]:
            return markup.ODT, ""
        if b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            return _DOCX, _WORD_HINT
        return "a zip archive", "unpack it and give the plain-text file inside"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "a legacy Microsoft Office document (DOC)", _OLE_HINT
    if head.startswith(b"{\\rtf"):
        return "an RTF document", _WORD_HINT
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "a PNG image", _IMAGE_HINT
    if head.startswith(b"\xff\xd8\xff"):
        return "a JPEG image", _IMAGE_HINT
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image", _IMAGE_HINT
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image", _IMAGE_HINT
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "a TIFF image", _IMAGE_HINT
    if head.startswith(b"\x1f\x8b"):
        return "a gzip-compressed file", "decompress it first (e.g. `gunzip {name}`)"
    return None


# -- Word documents ------------------------------------------------------------------

_DOCX = "a Word document (DOCX)"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What a paragraph's text is made of, in document order (deleted text is ``w:delText``
#: and field codes ``w:instrText``: neither is read).
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
             f"{_W}noBreakHyphen": "\u2011", f"{_W}softHyphen": "\u00ad"}
#: Where the text refers to a footnote or an endnote.
_NOTE_REFERENCE = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}


def docx_text(data: bytes, name: str) -> str:
    """The text of a Word document as plain text: one paragraph per block, blank lines
    between them, a line break inside a paragraph kept as one.

    Tables are read cell by cell, row by row (a merged cell once).  The text is the
    document as it reads now: tracked insertions in, tracked deletions out.  Footnotes
    and endnotes follow the body, in the order the body refers to them, each marked
    ``[1]``, ``[2]`` … where the body refers to it and before its own text (as pandoc
    writes notes in plain text), so that the notes of a source and of its translation
    align with each other.  Headers, footers and comments are left out.  Offsets in the
    record refer to this text."""
    import docx  # python-docx: finds the main document part through the package's parts
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.table import Table

    markup.open_package(data, name, _DOCX)  # refuses a "zip bomb" before anything is unpacked
    paragraphs: list[str] = []
    #: The notes' paragraphs by (kind, id), and the marks 1, 2 … of those the body refers
    #: to, in the order it first does.
    notes: dict[tuple[str, str], list[str]] = {}
    referred: dict[tuple[str, str], int] = {}

    def text_of(paragraph) -> str:
        # From the XML: python-docx's `Paragraph.text` skips runs inside tracked
        # insertions (``w:ins``).
        parts = []
        for el in paragraph.iter(*_RUN_TEXT, *_NOTE_REFERENCE):
            if el.tag in _NOTE_REFERENCE:
                key = (_NOTE_REFERENCE[el.tag], el.get(f"{_W}id", ""))
                if notes.get(key):
                    parts.append(f"[{referred.setdefault(key, len(referred) + 1)}]")
            else:
                mark = _RUN_TEXT[el.tag]
                parts.append((el.text or "") if mark is None else mark)
        return "".join(parts)

    def read(container) -> None:
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # a merged cell repeats along its row
                            seen.add(id(cell._tc))
                            read(cell)
            else:
                paragraphs.append(text_of(block._p))

    def read_notes(document) -> None:
        kinds = {RELATIONSHIP_TYPE.FOOTNOTES: "footnote", RELATIONSHIP_TYPE.ENDNOTES: "endnote"}
        for rel in document.part.rels.values():
            kind = kinds.get(rel.reltype)
            if kind is None or rel.is_external:
                continue
            for note in markup.parse_xml(rel.target_part.blob).iter(f"{_W}{kind}"):
                if note.get(f"{_W}type") is None:  # not a separator line
                    texts = [text_of(p).strip() for p in note.iter(f"{_W}p")]
                    notes[(kind, note.get(f"{_W}id", ""))] = [t for t in texts if t]

    try:
        document = docx.Document(io.BytesIO(data))
        read_notes(document)
        read(document)
        for key, mark in referred.items():
            first, *rest = notes[key]
            paragraphs += [f"[{mark}] {first}", *rest]
    except Exception:  # a zip that is not a well-formed Word package (many kinds of error)
        raise InputError(
            f"{name} looks like a Word document (DOCX) but cannot be read as one: open it "
            "in a word processor and save it again as .docx, or as plain text (.txt, UTF-8)"
        ) from None
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


# -- decoding ------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: A well-formed UTF-8 sequence of two to four bytes.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
#: Bytes that Windows-1252 leaves undefined (Latin-1 maps them to C1 controls).
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_LINE_ENDINGS = re.compile(r"\r\n?")
_ASCII_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123))
#: Bytes 0xC0-0xFF: letters in every ISO-8859 / Windows Latin code page.
_HIGH_LETTER_BYTES = bytes(range(0xC0, 0x100))
#: C0 and C1 control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: ``(text, encoding, warnings)``; `InputError` if they are not text.

    ``name`` is how messages refer to the file.  The text has its byte-order mark
    dropped and its line endings normalised to LF.
    """
    stem = Path(name).stem or name
    kind = _sniff_binary(data)
    warnings: list[str] = []
    if kind is not None and kind[0] == pdf.PDF:
        text, encoding = pdf.pdf_text(data, name, warnings), "pdf"
    elif kind is not None and kind[0] in _MARKUP_READERS:
        reader, encoding = _MARKUP_READERS[kind[0]]
        text = reader(data, name)
    elif kind is None and markup.looks_like_html(data):
        text = markup.html_text(_decode_html(data, name, warnings))
        encoding = "html"
    elif kind is not None:
        what, hint = kind
        raise InputError(
            f"{name} is {what}, not plain text: {hint.format(name=name, stem=stem)}"
        )
    else:
        text, encoding = _decode(data, name, warnings)
    if not text.strip():
        raise InputError(f"{name} is empty: give a file with the text to align")
    text = _LINE_ENDINGS.sub("\n", text)
    _warn_about_controls(text, name, warnings)
    return text, encoding, warnings


def _decode_html(data: bytes, name: str, warnings: list[str]) -> str:
    """An HTML file's text: in the encoding its ``<meta>`` declares when its bytes are
    valid in it (and no byte-order mark says otherwise), else as any text file."""
    declared = markup.declared_charset(data)
    if declared and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: the bytes decide, as for plain text
    return _decode(data, name, warnings)[0]


#: Packaged documents read as text, and the record's `encoding` for each.
_MARKUP_READERS = {_DOCX: (docx_text, "docx"), markup.EPUB: (markup.epub_text, "epub"),
                   markup.ODT: (markup.odt_text, "odt")}


def _decode(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data and not _stray_nuls(data):
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(
                f"{name} does not look like a text file (it contains NUL bytes): "
                "give a plain-text file (.txt)"
            )
        warnings.append(
            f"{name}: UTF-16 without a byte-order mark; read as {ENCODING_NAMES[encoding]}"
        )
        return _strict(data, encoding, name), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = len(_HIGH_BYTE.findall(data))
    well_formed = len(_UTF8_MULTIBYTE.findall(data))
    # Each well-formed sequence accounts for 2-4 high bytes; if most high bytes sit in
    # such sequences, the file is UTF-8 with damage, not a legacy encoding.
    if well_formed and well_formed * 2 >= high / 2:
        raise _undecodable(data, utf8_error, name)
    encoding = _legacy_encoding(data)
    text = _strict(data, encoding, name)
    warnings.append(f"{name}: not UTF-8; read as {ENCODING_NAMES.get(encoding, encoding)}")
    return text, encoding


def _legacy_encoding(data: bytes) -> str:
    """Windows-1252 or Latin-1 for Western European text, else charset-normalizer's guess."""
    high_letters = len(data) - len(data.translate(None, _HIGH_LETTER_BYTES))
    letters = high_letters + len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    if letters and high_letters / letters > 0.3:
        # Not a Latin-script text with a few accents: Cyrillic, Greek, CJK, ...
        guess = _charset_normalizer_guess(data)
        if guess is not None:
            return guess
    if _CP1252_UNDEFINED.search(data):
        return "latin-1"
    return "cp1252"


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding


def _stray_nuls(data: bytes) -> bool:
    """A few NUL bytes in a long text (a damaged scan or export), not a binary or UTF-16 file.

    Binary files and UTF-16 text are full of NULs; one in a thousand bytes or fewer is
    kept as a control character (reported, and neutralised in the views) rather than
    refusing a whole book for it.
    """
    return len(data) >= 1000 and data.count(0) * 1000 <= len(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16LE/BE if NULs sit at every other byte, as in mostly-ASCII UTF-16 text."""
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if odd_nuls > 0.4 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.4 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, name) from None


def _undecodable(data: bytes, exc: UnicodeDecodeError, name: str) -> InputError:
    """An error naming the line, column and byte offset of the first bad byte."""
    offset = exc.start
    prefix = data[:offset].decode(exc.encoding, errors="replace")
    prefix = _LINE_ENDINGS.sub("\n", prefix)
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    encoding = ENCODING_NAMES.get(exc.encoding.replace("_", "-"), exc.encoding)
    return InputError(
        f"{name}: invalid {encoding} at line {line}, column {column} (byte {offset}: "
        f"{data[offset:offset + 4]!r}); the file may mix encodings or be damaged: "
        "re-save it as UTF-8"
    )


def _warn_about_controls(text: str, name: str, warnings: list[str]) -> None:
    found = _CONTROL.findall(text)
    if not found:
        return
    first = _CONTROL.search(text)
    assert first is not None
    line = text.count("\n", 0, first.start()) + 1
    column = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
    warnings.append(
        f"{name}: {len(found)} control character{'s' if len(found) > 1 else ''} "
        f"(first U+{ord(first.group()):04X} at line {line}, column {column}); "
        "they are kept in the text"
    )


# -- comparison ------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
        **dict.fromkeys("“”„‟″«»‹›", '"'),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_FRENCH_SPACING = re.compile(r"[«‹]\s+|\s+[»›;:!?]")


def normalise_for_comparison(text: str) -> str:
    """A comparison key: NFKC, one kind of quote/apostrophe/dash/space, casefolded.

    Use it to compare texts (checks, tests); never show it to the user.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    # French typography puts spaces inside guillemets and before ; : ! ?
    text = _FRENCH_SPACING.sub(lambda m: m.group().strip(), text)
    text = text.translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()
