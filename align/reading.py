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
   every accent of the file into mojibake), unless a legacy code page reads them as
   more plausible text (a short GBK file pairs its bytes as UTF-8 does);
4. UTF-16 without a mark is recognised by its NUL bytes (a few stray NULs in a long
   text are kept as control characters);
5. otherwise Latin-script text is read in the Latin code page in which it reads most
   plausibly, Windows-1252 on a tie (Latin-1 if it holds bytes Windows-1252 leaves
   undefined); text whose high bytes are mostly letters of another script is decoded in
   each legacy code page it may be in (and in ``charset-normalizer``'s guess), and the
   most plausible text wins (`_implausibility`).

Steps 2-5 other than UTF-8 are reported as a warning.
"""

from __future__ import annotations

import codecs
import functools
import io
import math
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# lxml is imported only when a page or package is read, pdfminer only when a PDF is.
from align import markup, pdf, subtitles, word
from align.errors import InputError
from align.record import Cue
from align.segment import BLANK

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
    "cp1251": "Windows-1251",
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "cp866": "DOS Cyrillic (CP866)",
    "iso8859-5": "ISO-8859-5",
    "cp1250": "Windows-1250",
    "iso8859-2": "ISO-8859-2",
    "cp1254": "Windows-1254",
    "cp1257": "Windows-1257",
    "cp1253": "Windows-1253",
    "iso8859-7": "ISO-8859-7",
    "cp1255": "Windows-1255",
    "iso8859-8": "ISO-8859-8",
    "cp1256": "Windows-1256",
    "cp874": "Thai (Windows-874, TIS-620)",
    "tis-620": "TIS-620",
    "gb18030": "GB18030",
    "big5": "Big5",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS (Windows, CP932)",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
}


#: The documents `read_document` is made for, by extension (in any case): plain text
#: (Markdown, reStructuredText and AsciiDoc are plain text to it), web pages, Word, PDF,
#: EPUB, OpenDocument and subtitle files.  A file named on the command line is read by
#: its content whatever its name; these are the files a folder of documents is checked
#: for (``align check SRC_DIR TGT_DIR``, `align.batch.pair_folders`).
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".adoc", ".html", ".htm", ".xhtml",
            ".xht", ".docx", ".pdf", ".epub", ".odt", ".srt", ".vtt", ".ass", ".ssa")


@dataclass
class Document:
    """A decoded text file.  ``text`` is what every offset refers to."""

    text: str
    encoding: str
    path: str
    warnings: list[str] = field(default_factory=list)
    #: A subtitle file's cues, each tied to its paragraph of ``text``
    #: (`align.subtitles.read_subtitles`); None for any other file.
    cues: list[Cue] | None = None


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
    pairs = pairs_format(data, name)
    if pairs is not None:
        # Read as prose, its markup or its second column would be "text" to align.
        raise InputError(
            f"{p} is a file of aligned pairs ({pairs}), not a text: check its pairs with "
            f"`align check --pairs {p}` (in Python, align.check_pairs)"
        )
    cues: list[Cue] = []
    text, encoding, warnings = decode_bytes(data, name, cues)
    return Document(text=text, encoding=encoding, path=str(p), warnings=warnings,
                    cues=cues or None)


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

#: The root element of an XML document: its first tag, after the byte-order mark, the XML
#: declaration, comments and the document type (a text that mentions `<xliff>` is a text).
_XML_ROOT = re.compile(rb"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<\?xml[^>]*\?>\s*)?"
                       rb"(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?([\w.-]+)", re.S)
_PO_ENTRY = re.compile(rb"^msgid[ \t]+\"", re.M)
_PO_STRING = re.compile(rb"^msgstr(?:\[\d+\])?[ \t]+\"", re.M)
#: Extensions of tab-separated files, which are pairs when most lines hold a tab.
_TABLE_SUFFIXES = (".tsv", ".tab")


def pairs_format(data: bytes, name: str) -> str | None:
    """The format of a file of aligned pairs (``"TMX"``, ``"XLIFF"``, ``"XLSX"``, ``"PO"``,
    ``"TSV"``), which `align.checks.pairs` reads, None for any other file: a text to align
    must not be one (its markup, or its translation column, would be read as its text).

    A TSV is a ``.tsv`` or ``.tab`` file at least half of whose lines hold a tab between
    two texts; a file of another name is a text, whatever tabs it holds (a play's
    ``HAMLET<TAB>speech``, a poem indented with tabs, lines a PDF left a tab after): the
    name decides, as it does for `--pairs`."""
    suffix = Path(name).suffix.lower()
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            names = []
        return "XLSX" if "xl/workbook.xml" in names else None
    if b"<" in head:
        root = _XML_ROOT.match(head.replace(b"\x00", b""))
        if root is not None and root.group(1).lower() in (b"tmx", b"xliff"):
            return "TMX" if root.group(1).lower() == b"tmx" else "XLIFF"
    if _PO_ENTRY.search(data) and _PO_STRING.search(data):
        first = next((line for line in data.splitlines()
                      if line.strip() and not line.startswith(b"#")), b"")
        if suffix in (".po", ".pot") or first.startswith((b"msgid ", b"msgctxt ")):
            return "PO"
    if suffix in _TABLE_SUFFIXES and b"\t" in data:
        # A tab between two texts; not one that indents a line or trails after it.
        lines = [line.strip() for line in data.replace(b"\x00", b"").splitlines()
                 if line.strip()]
        if sum(b"\t" in line for line in lines) * 2 >= len(lines):
            return "TSV"
    return None

_WORD_HINT = (
    "open it in a word processor and save it as plain text (.txt, UTF-8), "
    "or convert it (e.g. `pandoc {name} -t plain -o {stem}.txt`)"
)
_OLE_HINT = (
    "open it in a word processor and save it as plain text (.txt, UTF-8), "
    "or convert it (e.g. `libreoffice --headless --convert-to txt {name}`)"
)
_ENCRYPTED_HINT = (
    "open it in a word processor with its password, and save it without one as .docx or as "
    "plain text (.txt, UTF-8)"
)
_IMAGE_HINT = "it holds no text to align: run OCR on it first (e.g. `tesseract {name} {stem}`)"


def _package_kind(data: bytes, name: str) -> tuple[str, str] | None:
    """An EPUB or ODT whose ``mimetype`` entry is not the archive's first, stored one (as
    the standards want, and as the literal test above reads it): the entry itself says,
    else its parts (``META-INF/container.xml``, ``content.xml``) and the file's name.
    None if the archive is neither.  A damaged archive is what its name says, so that
    the message says it is damaged."""
    import zipfile

    suffix = Path(name).suffix.lower()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = {info.filename: info for info in archive.infolist()}
        entry = entries.get("mimetype")
        mimetype = (archive.read(entry).strip() if entry is not None and entry.file_size < 200
                    else b"")
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return {".epub": (markup.EPUB, ""), ".odt": (markup.ODT, ""),
                ".docx": (word.DOCX, _WORD_HINT)}.get(suffix)
    if mimetype == b"application/epub+zip" or (
            not mimetype and "META-INF/container.xml" in entries and suffix == ".epub"):
        return markup.EPUB, ""
    if mimetype == b"application/vnd.oasis.opendocument.text" or (
            not mimetype and "content.xml" in entries and suffix == ".odt"):
        return markup.ODT, ""
    return None


def _sniff_binary(data: bytes, name: str = "") -> tuple[str, str] | None:
    """What kind of non-text file ``data`` is, and what to do about it; None if it may be text.
    ``name`` (the file's) tells packages apart whose content does not."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return pdf.PDF, ""
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head[:100]:
            return markup.EPUB, ""
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:120]:
            return markup.ODT, ""
        package = _package_kind(data, name)
        if package is not None:
            return package
        if b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            return word.DOCX, _WORD_HINT
        return "a zip archive", "unpack it and give the plain-text file inside"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # Office encrypts a DOCX into an OLE container holding an "EncryptedPackage"
        # stream (its directory names the stream in UTF-16).
        # Without that stream it is an old .doc, whatever its name says.
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "a password-protected Word document", _ENCRYPTED_HINT
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
_ASCII_LETTERS = _ASCII_LETTER_BYTES.decode("ascii")
#: C0 and C1 control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, name: str,
                 cues: list[Cue] | None = None) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: ``(text, encoding, warnings)``; `InputError` if they are not text.

    ``name`` is how messages refer to the file.  The text has its byte-order mark
    dropped and its line endings normalised to LF.  A subtitle file's cues are appended
    to `cues`, if given (`align.subtitles.read_subtitles`).
    """
    stem = Path(name).stem or name
    kind = _sniff_binary(data, name)
    warnings: list[str] = []
    if kind is not None and kind[0] == pdf.PDF:
        text, encoding = pdf.pdf_text(data, name, warnings), "pdf"
    elif kind is not None and kind[0] in _MARKUP_READERS:
        reader, encoding = _MARKUP_READERS[kind[0]]
        text = reader(data, name)
    elif kind is None and markup.looks_like_html(data, name):
        text = markup.html_text(_decode_html(data, name, warnings))
        encoding = "html"
    elif kind is not None:
        what, hint = kind
        raise InputError(
            f"{name} is {what}, not plain text: {hint.format(name=name, stem=stem)}"
        )
    else:
        text, encoding = decode_text(data, name, warnings)
        # A subtitle file is its cues' text; `encoding` stays the characters' encoding.
        text = subtitles.read_subtitles(text, name, warnings, cues)
    if is_blank(text):
        raise InputError(f"{name} is empty: give a file with the text to align")
    # The decoder has dropped the byte-order mark its encoding has; a second U+FEFF is
    # text (a zero-width no-break space), kept as the rest is.
    text = normalise_line_endings(text)
    _warn_about_controls(text, name, warnings)
    return text, encoding, warnings


def normalise_line_endings(text: str) -> str:
    """`text` with its line endings (``\\r\\n``, ``\\r``) made ``\\n``: the text a record's
    offsets count in (format.md)."""
    return _LINE_ENDINGS.sub("\n", text)


def normalise_text(text: str) -> str:
    """A text given in memory (`align.align_texts`) as a file holding it is read: a
    leading byte-order mark dropped (as decoding the file drops it) and line endings made
    ``\\n``, so that the same text has the same offsets either way."""
    return normalise_line_endings(text.removeprefix("\ufeff"))


#: A lone surrogate: no character, though a Python string (JSON's ``"\ud800"``) can hold
#: one; no UTF-8 output can write it and the tokenizer refuses it.
SURROGATES = re.compile("[\ud800-\udfff]")


def read_string(text: str, name: str, given_as: str | None = None) -> tuple[str, list[str]]:
    """A text given in memory (`align.align_texts`), read as a file holding it is read:
    `normalise_text`; refused (`InputError`) where it is NUL characters beyond a stray few,
    as a binary file is; a lone surrogate read as U+FFFD, one for one so that offsets hold,
    as a decoder shows a byte it cannot read; control characters said.  Returns the text
    and the warnings for the record, which call it `name`; the error calls it `given_as`
    (the parameter that passed it), if given."""
    text = normalise_text(text)
    warnings: list[str] = []
    if "\0" in text and not _stray_nuls(text):
        raise InputError(f"{given_as or name} does not look like text (it holds NUL "
                         "characters): give the text decoded, or the file to align_files, "
                         "which detects its encoding")
    found = SURROGATES.search(text)
    if found:
        count = len(SURROGATES.findall(text))
        line, column = _line_and_column(text, found.start())
        warnings.append(
            f"{name}: {count} lone surrogate{'s' if count > 1 else ''} (U+{ord(found.group()):04X}"
            f" at line {line}, column {column}{', the first' if count > 1 else ''}), no "
            "character: read as U+FFFD")
        text = SURROGATES.sub("\ufffd", text)
    _warn_about_controls(text, name, warnings)
    return text, warnings


def is_blank(text: str) -> bool:
    """Whether `text` holds nothing to align: whitespace, zero-width spaces and byte-order
    marks alone are as empty as nothing (an empty file, an empty text: `InputError`)."""
    return not text.strip(BLANK)


def _decode_html(data: bytes, name: str, warnings: list[str]) -> str:
    """An HTML file's text: in the encoding its ``<meta>`` declares when its bytes are
    valid in it (and no byte-order mark says otherwise), else as any text file."""
    declared = markup.declared_charset(data)
    if declared and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: the bytes decide, as for plain text
    return decode_text(data, name, warnings)[0]


#: Packaged documents read as text, and the record's `encoding` for each.
_MARKUP_READERS = {word.DOCX: (word.docx_text, "docx"), markup.EPUB: (markup.epub_text, "epub"),
                   markup.ODT: (markup.odt_text, "odt")}


def decode_text(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    """The characters of a text file's bytes and the encoding read (a byte-order mark, UTF-8,
    UTF-16 without a mark, else the most plausible legacy code page); what the reader
    should know, such as a guessed code page, is appended to `warnings`.  Files of pairs
    (`align.checks.pairs`) are decoded by it too."""
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
        # Unless a legacy code page reads the bytes as more plausible text than UTF-8
        # with its broken sequences replaced: two-byte CJK encodings (GBK, Big5,
        # Shift-JIS, EUC-KR) often pair bytes as UTF-8 does, and a short file of them
        # looks like UTF-8 to the count above.
        encoding = _most_plausible_encoding(data, candidates=_AGAINST_UTF8_CANDIDATES,
                                            guess=False, against_utf8=True)
        if encoding is None:
            raise _undecodable(data, utf8_error, name)
    else:
        encoding = _legacy_encoding(data)
    text = _strict(data, encoding, name)
    warnings.append(f"{name}: not UTF-8; read as {ENCODING_NAMES.get(encoding, encoding)}")
    return text, encoding


def _legacy_encoding(data: bytes) -> str:
    """The code page in which the text reads most plausibly (`_implausibility`):
    Windows-1252 (or Latin-1) for Western European text, and on a tie."""
    # High bytes are letters, and a few punctuation marks, in every legacy code page.
    high = len(_HIGH_BYTE.findall(data))
    letters = high + len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    if letters and high / letters > 0.3:
        # Not a Latin-script text with a few accents: Cyrillic, Greek, CJK, ...
        guess = _most_plausible_encoding(data)
    else:
        # Latin-script text: which Latin code page (Polish, Czech or Turkish letters
        # read as Windows-1252 are mojibake: ``przyjecha³a``, ``Iþýk``).
        # Another one must read the text better by more than one foreign letter: a
        # text citing Spanish and French names is not Polish for its ``ñ`` and ``ù``.
        guess = _most_plausible_encoding(data, candidates=_LATIN_CANDIDATES, guess=False,
                                         margin=_FOREIGN_LETTER_COST)
    return guess or _western(data)


def _western(data: bytes) -> str:
    """Windows-1252, or Latin-1 if the bytes hold one that Windows-1252 leaves undefined."""
    return "latin-1" if _CP1252_UNDEFINED.search(data) else "cp1252"


#: The legacy code pages every such file is read in, besides ``charset-normalizer``'s
#: guess, in the order that settles a tie (two code pages that read the bytes alike:
#: KOI8-U reads Russian as KOI8-R does, Windows-1250 German as Windows-1252 does).
#: Windows-1252 stands for Latin-1 when it cannot decode the bytes.  Other code pages
#: (EUC-JP, EUC-KR, Big5 ...) come only from the guess: EUC-JP, EUC-KR and GB 2312 put
#: their everyday characters at the same byte values, which the costs below cannot
#: weigh without the languages' character frequencies.
LEGACY_CANDIDATES = (
    "cp1252", "cp1250", "iso8859-2", "cp1254", "cp1257",
    "cp1251", "koi8-r", "koi8-u", "cp866", "iso8859-5",
    "cp1253", "iso8859-7",
    "cp1255", "iso8859-8", "cp1256", "cp874",
    "gb18030", "shift_jis",
)
#: Those of Latin-script text, weighed alone when high bytes are few (other scripts'
#: code pages read a few accents as plausibly as the right one: ``J№rg``, ``Enttنuschung``).
_LATIN_CANDIDATES = LEGACY_CANDIDATES[:5]
#: Weighed against UTF-8 when bytes that are not UTF-8 pair as UTF-8 does (two-byte CJK
#: encodings, Thai).
_AGAINST_UTF8_CANDIDATES = (*LEGACY_CANDIDATES, "big5", "euc_kr")
#: How many bytes of each reading are weighed (the same bytes for every code page, so
#: that the costs compare): enough to tell, fast on a book.
_SAMPLE_BYTES = 20000


def _most_plausible_encoding(data: bytes, *, candidates: tuple[str, ...] = LEGACY_CANDIDATES,
                             guess: bool = True, against_utf8: bool = False,
                             margin: float = 0.0) -> str | None:
    """The code page of ``candidates`` (or ``charset-normalizer``'s guess, with ``guess``)
    whose reading of ``data`` is the most plausible text; None if none decodes it or,
    with ``against_utf8``, if none reads more plausibly than UTF-8 with its broken
    sequences replaced (the file is damaged UTF-8).  A candidate after the first must
    be more plausible than it by more than ``margin`` bits.

    ``charset-normalizer`` alone is made for long documents: on a line or two of Russian
    in KOI8-R it answered Shift-JIS (half-width katakana and rare ideographs)."""
    candidates = list(candidates)
    if candidates[0] == "cp1252":
        candidates[0] = _western(data)
    found = _charset_normalizer_guess(data) if guess else None
    # A code page of these scripts keeps ASCII as ASCII (not EBCDIC, not UTF-16).
    if (found is not None and codecs.lookup(found).name not in candidates
            and _ASCII_LETTER_BYTES.decode(found, errors="replace") == _ASCII_LETTERS):
        candidates.append(found)
    sample = data[:_SAMPLE_BYTES]
    best: tuple[float, str | None] | None = None
    if against_utf8:
        # A character cut in two at the sample's end is left out, as below.
        utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample)
        best = (_implausibility(utf8), None)
    for encoding in candidates:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        cost = _implausibility(sample.decode(encoding, errors="ignore"))
        if best is None:
            cost -= margin  # the first candidate's lead
        if best is None or cost < best[0]:
            best = (cost, encoding)
    return best[1] if best else None


#: Share of each letter among the Cyrillic letters of Russian prose (Ukrainian's own
#: letters at their Ukrainian rates).  The code pages a Cyrillic file is confused with
#: give Cyrillic letters too, but other ones (KOI8-R read as Windows-1251 turns о into
#: П), so how usual the letters are tells the right reading from the wrong ones.
_CYRILLIC_FREQUENCY = {
    "о": 0.1097, "е": 0.0845, "а": 0.0801, "и": 0.0735, "н": 0.0670, "т": 0.0626,
    "с": 0.0547, "р": 0.0473, "в": 0.0454, "л": 0.0440, "к": 0.0349, "м": 0.0321,
    "д": 0.0298, "п": 0.0281, "у": 0.0262, "я": 0.0201, "ы": 0.0190, "ь": 0.0174,
    "г": 0.0170, "з": 0.0165, "б": 0.0159, "ч": 0.0144, "й": 0.0121, "х": 0.0097,
    "ж": 0.0094, "ш": 0.0073, "ю": 0.0064, "ц": 0.0048, "щ": 0.0036, "э": 0.0032,
    "ф": 0.0026, "ъ": 0.0004, "ё": 0.0004, "і": 0.0500, "ї": 0.0060, "є": 0.0040,
    "ґ": 0.0010,
}
#: The same for Greek (modern Greek prose, accented vowels apart, final sigma apart)
#: and Hebrew (final forms apart).  Hebrew in Windows-1255 read as Windows-1253 is
#: lower-case Greek too, but with ΰ for א, ϊ for ת and ς inside words.
_GREEK_FREQUENCY = {
    "α": 0.095, "ο": 0.080, "ι": 0.065, "ε": 0.068, "τ": 0.077, "σ": 0.046, "ς": 0.025,
    "ν": 0.066, "η": 0.038, "υ": 0.035, "ρ": 0.046, "π": 0.041, "κ": 0.039, "μ": 0.034,
    "λ": 0.027, "ω": 0.011, "δ": 0.017, "γ": 0.018, "χ": 0.012, "θ": 0.012, "φ": 0.008,
    "β": 0.006, "ξ": 0.004, "ζ": 0.004, "ψ": 0.0015, "ά": 0.018, "έ": 0.014, "ή": 0.009,
    "ί": 0.016, "ό": 0.014, "ύ": 0.006, "ώ": 0.005, "ϊ": 0.0005, "ϋ": 0.0002,
    "ΐ": 0.0001, "ΰ": 0.00005,
}
_HEBREW_FREQUENCY = {
    "י": 0.111, "ו": 0.105, "ה": 0.087, "ל": 0.070, "א": 0.062, "מ": 0.053, "ם": 0.023,
    "ת": 0.052, "ב": 0.047, "ש": 0.042, "ר": 0.056, "נ": 0.029, "ן": 0.013, "ד": 0.026,
    "כ": 0.027, "ך": 0.006, "ע": 0.032, "ח": 0.023, "ק": 0.019, "פ": 0.016, "ף": 0.002,
    "ס": 0.010, "ז": 0.008, "ג": 0.012, "ט": 0.013, "צ": 0.011, "ץ": 0.002,
}
_ARABIC_FREQUENCY = {
    "ا": 0.125, "ل": 0.110, "ي": 0.080, "م": 0.062, "و": 0.060, "ن": 0.060, "ه": 0.025,
    "ة": 0.025, "ر": 0.048, "ب": 0.043, "ت": 0.037, "ع": 0.037, "ف": 0.029, "ق": 0.025,
    "د": 0.035, "س": 0.026, "ك": 0.023, "ح": 0.021, "أ": 0.030, "إ": 0.010, "ج": 0.013,
    "ط": 0.010, "ص": 0.010, "ش": 0.010, "خ": 0.009, "ز": 0.005, "ث": 0.008, "ض": 0.006,
    "ذ": 0.009, "غ": 0.004, "ظ": 0.002, "ء": 0.005, "ى": 0.015, "آ": 0.002, "ؤ": 0.002,
    "ئ": 0.004,
}
#: Thai letters, vowel signs and tone marks, in Thai prose.
_THAI_FREQUENCY = dict(zip(
    "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลวศษสหฬอฮฯะัาำิีึืุูเแโใไๆ็่้๊๋์",
    (0.050, 0.013, 0.022, 0.0002, 0.040, 0.015, 0.0015, 0.009, 0.004, 0.0001, 0.003,
     0.0002, 0.0005, 0.001, 0.0005, 0.0005, 0.004, 0.030, 0.025, 0.005, 0.028, 0.004,
     0.070, 0.018, 0.015, 0.004, 0.001, 0.013, 0.002, 0.003, 0.038, 0.028, 0.055, 0.001,
     0.026, 0.030, 0.004, 0.003, 0.023, 0.022, 0.0002, 0.045, 0.0005, 0.0005, 0.015,
     0.030, 0.075, 0.009, 0.030, 0.025, 0.007, 0.008, 0.014, 0.008, 0.040, 0.015, 0.007,
     0.012, 0.013, 0.002, 0.010, 0.045, 0.030, 0.001, 0.0005, 0.008), strict=True))
_LETTER_FREQUENCY = {**_CYRILLIC_FREQUENCY, **_GREEK_FREQUENCY, **_HEBREW_FREQUENCY,
                     **_ARABIC_FREQUENCY, **_THAI_FREQUENCY}
#: Thai tone marks and the thanthakhat, which may follow a vowel sign on its letter.
_THAI_TONE_MARKS = frozenset("่้๊๋์")
#: Thai signs that are obsolete or rare (ฃ ฅ, the lakkhangyao, the phinthu, the
#: nikhahit …): Arabic in Windows-1256 read as Windows-874 is full of them.
_RARE_THAI = frozenset("\u0e03\u0e05\u0e45\u0e3a\u0e4d\u0e4e\u0e4f\u0e5a\u0e5b\u0e3f")
#: Letters written only at the end of a word (Greek final sigma, Hebrew final forms).
_FINAL_LETTERS = frozenset("ςךםןףץ")
#: The accented letters of the languages written in the Latin code pages (Windows-1250,
#: -1252, -1254, -1257).  A wrong code page gives letters that no one language writes
#: together: Polish in Windows-1252 gives ê œ æ ñ beside ó (and ³ ¹ ¿ inside words),
#: French in Windows-1250 č ŕ ę beside é and ç.
_LATIN_ALPHABETS = tuple(frozenset(letters) for letters in (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áàâãçéêíóôõúü",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áéíóúàèëïöü",  # Dutch
    "åäöéæø",  # Swedish, Danish, Norwegian
    "áðéíóúýþæö",  # Icelandic, Faroese
    "äöåšžõü",  # Finnish, Estonian
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "čćđšžé",  # Croatian, Serbian, Bosnian, Slovenian
    "áéíóöőúüű",  # Hungarian
    "ăâîşţșț",  # Romanian
    "çğıöşüâîû",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "çë",  # Albanian
))
#: Added for an accented Latin letter that the language whose letters the text holds
#: most does not write, and for a symbol between two letters (``przyjecha³a``).
_FOREIGN_LETTER_COST = 6.0
_INNER_SYMBOL_COST = 6.0
_MISPLACED_FINAL_COST = 8.0  # a final letter inside a word (``δβιςδ``)
#: Costs in bits, roughly -log2 of how often each kind of character turns up in real
#: text.  A character that real text in a legacy code page almost never holds (a
#: control, a private-use or unassigned code point, a half-width katakana, a box-drawing
#: piece, a rare ideograph) costs the most.
_RARE_COST = 12.0
_LETTER_COST = 5.0  # a letter of an alphabet of some 30 letters
_LATIN_LETTER_COST = 7.0  # an accented Latin letter: a few in a hundred letters
_KANA_COST = 5.0
_EVERYDAY_IDEOGRAPH_COST = 10.0  # Chinese text holds some 9.6 bits a character
_HANGUL_COST = 9.0
_PUNCTUATION_COST = 6.0  # « » — … „ “ ” № and the no-break space
_SYMBOL_COST = 9.0  # ™ † ‰ ¤ § © ¶ ...
#: Added for a letter of another script than most of the text's letters or than a
#: letter next to it (``Lйtй``: French read as Windows-1251), and for a capital inside a
#: word (``лПЫЛБ``: KOI8-R read as Windows-1251), much less in a text that writes only
#: capitals (a heading), where the letters' frequencies must decide.
_MIXED_SCRIPT_COST = 6.0
_INNER_CAPITAL_COST = 5.0
_INNER_CAPITAL_COST_ALL_CAPS = 0.5
_CYRILLIC_FLOOR = 0.001  # Serbian, Macedonian, Belarusian letters (ђ љ ѓ ў ...)
_COMMON_PUNCTUATION = frozenset("\u00a0«»‹›—–…„“”‘’‚№·")
#: Those of them that do not stand between two letters (apostrophes, dashes, the
#: Catalan middle dot and the no-break space may).
_OUTSIDE_WORDS = frozenset("«»‹›…„“”‚№")


def _implausibility(text: str) -> float:
    """How unlike real text ``text`` is: the cost in bits of its non-ASCII characters.

    Real text is mostly letters of one script, in the usual proportions, with capitals
    only at the start of words; a wrong code page gives letters of several scripts,
    rare letters and ideographs, capitals inside words, symbols and controls.  Every
    reading is weighed on the same bytes, so the totals compare."""
    scripts: dict[str, int] = {}
    cases = [False, False]  # lower, upper
    for c in text:
        if c.isalpha():
            script = _script(c)
            scripts[script] = scripts.get(script, 0) + 1
            if c.islower():
                cases[0] = True
            elif c.isupper():
                cases[1] = True
    main = max(scripts, key=scripts.__getitem__) if scripts else ""
    inner_capital = _INNER_CAPITAL_COST if all(cases) else _INNER_CAPITAL_COST_ALL_CAPS
    japanese = _KANA.search(text) is not None
    latin: dict[str, int] = {}  # accented Latin letters, in lower case, and how often
    cost = 0.0
    for i, c in enumerate(text):
        if c < "\x80":
            continue
        previous, following = text[i - 1:i], text[i + 1:i + 2]
        if c.isalpha():
            cost += _letter_cost(c, japanese)
            script = _script(c)
            if script != main or any(n.isalpha() and _script(n) != script
                                     for n in (previous, following)):
                cost += _MIXED_SCRIPT_COST
            if c.isupper() and previous.isalpha():
                cost += inner_capital
            if c in _FINAL_LETTERS and following.isalpha():
                cost += _MISPLACED_FINAL_COST
            if script == "LATIN":
                lower = "ı" if c == "İ" else c.lower()
                latin[lower] = latin.get(lower, 0) + 1
        elif c in _COMMON_PUNCTUATION or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e":
            cost += _PUNCTUATION_COST
            if c in _OUTSIDE_WORDS and previous.isalpha() and following.isalpha():
                cost += _INNER_SYMBOL_COST  # ``J№rg``: German in CP866
        elif (unicodedata.category(c) == "Mn" and previous and not _rare(c)
              and (previous.isalpha() or unicodedata.category(previous) == "Mn")
              and _script(previous) == _script(c)):
            # A Thai vowel sign on its consonant is a letter of its own (a tone mark
            # may follow it); Arabic vowel signs and Hebrew points are rare in running
            # text.
            if not "\u0e00" <= c <= "\u0e7f":
                cost += _PUNCTUATION_COST
            elif previous.isalpha() or c in _THAI_TONE_MARKS:
                cost += -math.log2(_LETTER_FREQUENCY.get(c, _CYRILLIC_FLOOR))
            else:
                cost += _RARE_COST
        elif unicodedata.category(c)[0] in "PSNZM" and not _rare(c):
            cost += _SYMBOL_COST
            if previous.isalpha() and following.isalpha():
                cost += _INNER_SYMBOL_COST
        else:
            cost += _RARE_COST
    if latin:
        written = max(sum(n for c, n in latin.items() if c in alphabet)
                      for alphabet in _LATIN_ALPHABETS)
        cost += _FOREIGN_LETTER_COST * (sum(latin.values()) - written)
    return cost


def _letter_cost(c: str, japanese: bool) -> float:
    """What letter ``c`` costs; ``japanese``: the text holds kana, so its ideographs
    should be everyday Japanese ones."""
    if _rare(c) or japanese and _is_ideograph(c) and not _everyday_kanji(c):
        return _RARE_COST
    if "\u0370" <= c <= "\u04ff" or "\u05d0" <= c <= "\u06ff" or "\u0e00" <= c <= "\u0e7f":
        return -math.log2(_LETTER_FREQUENCY.get(c.lower(), _CYRILLIC_FLOOR))
    if "\u3040" <= c <= "\u30ff":
        return _KANA_COST
    if _is_ideograph(c):
        return _EVERYDAY_IDEOGRAPH_COST
    if "\uac00" <= c <= "\ud7a3":
        return _HANGUL_COST
    if c < "\u0250":
        return _LATIN_LETTER_COST
    return _LETTER_COST


def _rare(c: str) -> bool:
    """A character that text in a legacy code page hardly ever holds."""
    if c >= "\U00010000" or "\uff61" <= c <= "\uff9f" or "\u2500" <= c <= "\u259f":
        return True  # beyond the BMP, half-width katakana, box drawing and blocks
    if "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff":
        return True  # Arabic presentation forms (Urdu CP1006 gives them)
    if unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") or c in _RARE_THAI or c == "\ufffd":
        return True
    if _is_ideograph(c) or "\uf900" <= c <= "\ufaff":
        return not _everyday_ideograph(c)
    if "\uac00" <= c <= "\ud7a3":
        return not _encodes(c, "euc_kr")  # outside the 2,350 syllables of KS X 1001
    return False


_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")


def _is_ideograph(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


@functools.lru_cache(maxsize=8192)
def _everyday_ideograph(c: str) -> bool:
    """Whether ``c`` is among the most used ideographs of Chinese or Japanese: level 1 of
    GB 2312 (3,755 simplified), the frequent characters of Big5 (5,401 traditional) or
    level 1 of JIS X 0208 (2,965 kanji), as those encodings order them."""
    try:
        if 0xB0 <= c.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        if 0xA440 <= int.from_bytes(c.encode("big5")) <= 0xC67E:
            return True
    except UnicodeEncodeError:
        pass
    return _everyday_kanji(c)


@functools.lru_cache(maxsize=8192)
def _everyday_kanji(c: str) -> bool:
    """Whether ``c`` is in level 1 of JIS X 0208 (2,965 kanji)."""
    try:
        return 0x889F <= int.from_bytes(c.encode("shift_jis")) <= 0x9872
    except UnicodeEncodeError:
        return False


def _encodes(c: str, encoding: str) -> bool:
    try:
        c.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _script(c: str) -> str:
    """The script of letter ``c``, with the kana and ideographs of Japanese as one."""
    if "\u3040" <= c <= "\u30ff" or _is_ideograph(c) or "\uf900" <= c <= "\ufaff":
        return "CJK"
    name = unicodedata.name(c, "")
    return name.split(" ", 1)[0]


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding


def _stray_nuls(data: bytes | str) -> bool:
    """A few NULs in a long text (a damaged scan or export), not a binary or UTF-16 file:
    its bytes, or the characters of a text given in memory.

    Binary files and UTF-16 text are full of NULs; one in a thousand bytes or fewer is
    kept as a control character (reported, and neutralised in the views) rather than
    refusing a whole book for it.
    """
    nuls = data.count(0) if isinstance(data, bytes) else data.count("\0")
    return len(data) >= 1000 and nuls * 1000 <= len(data)


def _line_and_column(text: str, at: int) -> tuple[int, int]:
    """The line and column (both from 1) of offset `at` of `text`, as messages name them."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


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
    line, column = _line_and_column(prefix, len(prefix))
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
    line, column = _line_and_column(text, first.start())
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
        "…": "...",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_FRENCH_SPACING = re.compile(r"[«‹]\s+|\s+[»›;:!?]")


def typographic(text: str) -> str:
    """`text` with its typography smoothed, case and letters kept: NFC; invisible
    characters dropped; no space inside guillemets or before ``; : ! ?`` (French
    typography puts them there); one kind of apostrophe, quote and dash; ``…`` as
    ``...``; every kind and run of space one space, none at the ends.  The same read once
    or twice (the invisible characters go first: a space before one is a space before the
    mark).  The baseline compares accepted findings' texts through it."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = _FRENCH_SPACING.sub(lambda m: m.group().strip(), text)
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip()


def normalise_for_comparison(text: str) -> str:
    """A comparison key: NFKC, `typographic`, casefolded.

    Use it to compare texts (checks, tests); never show it to the user.
    """
    return typographic(unicodedata.normalize("NFKC", text)).casefold()
