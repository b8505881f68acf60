"""Text that is already aligned (``align check --pairs``), one link per pair: TSV, TMX,
XLIFF or gettext PO, the files translation tools and localisation projects keep.

TSV: one ``source<TAB>translation`` per line; every line is a pair, in input order
(but a first line that clearly heads the columns, `_header_row`), and either side may
be empty (an empty side gives a link with no sentence on that side).  Columns after the
second (a score, or the divergence and findings of the ``.tsv`` that ``align`` writes)
are read past when every line has the same number of them.  A Moses pair
(``NAME.src.txt`` and ``NAME.tgt.txt``, either named): line *k* of each file is pair
*k*.  CSV (``.csv``): the same as TSV with two comma-separated columns, quoted as
spreadsheets write them.  Text files (TSV, CSV, Moses, PO without a declared charset)
are decoded as `align.reading` decodes a text: UTF-16 with or without its mark,
Windows-1252 …, the encoding in the side's ``encoding`` and, where reading reports it,
in the record's warnings.  An Excel
workbook (``.xlsx``): its first sheet, by the columns headed ``source`` and
``translation`` (or ``target``), so that a review spreadsheet ``align`` wrote reads
back, or by its first two columns.  TMX: every ``<tu>``
with at least two ``<tuv>``s, read by its ``<tuv>``s' languages whatever their order: the
source is the one in the file's source language (the one given, else the header's
``srclang``, else, ``*all*``, the one its units name or list first, said in a warning),
the translation the other one, or in a file of more than two languages the one in the
translation language given (`_read_tmx`); a language given that no unit holds is refused,
and a unit without the source language is left out, said in a warning; its inline codes
are written by their id (as for XLIFF, below).  XLIFF 1.2: every ``<trans-unit>`` (in
groups too) not marked ``translate="no"`` (nor a PO header that po2xliff wrote), its
``<source>`` and ``<target>``; a unit
segmented into ``<mrk mtype="seg">`` (as SDL Trados and memoQ write them) gives
one pair per segment.  XLIFF 2: every ``<segment>`` of every ``<unit>`` not marked
``translate="no"``, by itself or by its group or file.  A
missing target is an empty translation.  In both, inline codes (placeholders,
tags of the original format) are written by their id as translation tools show them,
``<1/>``, ``<2>`` … ``</2>``, so that the placeholder check finds a code the
translation lost.  PO, in the charset its header declares:
every entry but the header and obsolete ones, ``msgid`` with ``msgstr`` (a plural
entry gives each form the language has as a pair).  A gettext template (``.pot``) is read
as PO, but refused when it holds no translation, as templates do not.

A translation the file marks as not done is kept with its state (`Link.state`): a PO
entry flagged ``fuzzy``, an XLIFF 1.2 ``<target>`` whose ``state`` is ``new``,
``needs-translation``, ``needs-review-translation`` …, an XLIFF 2 ``<segment>`` in
state ``initial``; the untranslated check reports it.  The length limit an XLIFF file
sets on a unit (1.2's ``maxwidth`` in characters or bytes and ``maxbytes``; 2's
``slr:sizeRestriction`` and ``slr:storageRestriction``) is kept with the unit's length
(`Link.max_length`); the length check reports a translation over it.  Every pair keeps
where it is in its file (`Link.origin`), so that the report can point the user there: the
line of a TSV, CSV or Moses file (a header and blank lines counted), the line a PO entry
begins on, the row of a workbook, the ``<tu>`` of a TMX file or the unit (and segment) of
an XLIFF file, numbered among all the file's.

Each side becomes a *virtual document*: the pairs' texts joined with ``\\n``,
one line per pair (a pair's tabs, if any, become spaces, and its line breaks ``\\n``); the
sentences' offsets point into that document, and `document_text` rebuilds it.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from align.errors import InputError
from align.language import LANGUAGE_NAMES
from align.markup import XML_ENCODING
from align.markup import local_name as _local
from align.record import Alignment, Link, Sentence, Side

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Pair(NamedTuple):
    """A pair of strings as a file holds it (a plain ``(source, translation)`` tuple
    will do), with what the file says of it."""

    source: str
    translation: str
    #: The translation's state where it is not translated (`Link.state`).
    state: str | None = None
    #: The length limit the file sets (`Link.max_length`).
    max_length: dict | None = None
    #: The string's identifier in its file (`Link.key`).
    key: str | None = None
    #: Where the pair is in its file (`Link.origin`): ``{"line": 14}`` …
    origin: dict | None = None
#: XLIFF states of a translation that is final or at least translated: not recorded.
_DONE_STATES = frozenset({"translated", "signed-off", "final", "reviewed"})


def read_pairs(path: str | Path,
               languages: tuple[str | None, str | None] = (None, None)) -> Alignment:
    """The pairs of a TMX (``.tmx``), XLIFF (``.xlf``, ``.xliff``, ``.sdlxliff``,
    ``.mqxliff``, or any file whose root is ``<xliff>``), PO (``.po``, or a ``.pot``
    template that holds translations), CSV (``.csv``),
    Excel (``.xlsx``), Moses pair (``NAME.src.txt``) or else TSV file as an `Alignment`,
    one link each; an alignment record (``.json``) as it stands.  `languages`, the
    source and translation languages the user gave (``--source-lang``,
    ``--translation-lang``), choose the variants of a TMX file of more than two."""
    path = Path(path)
    if path.name.lower().endswith((".src.txt", ".tgt.txt")):
        return _read_moses(path)
    if path.suffix.lower() == ".json":
        # A record align wrote: its links as they stand, to be checked again.
        from align.outputs import load_record

        return load_record(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"{path} does not exist; give a TSV, CSV, XLSX, TMX, XLIFF or PO file of aligned pairs"
        ) from None
    except OSError as error:
        raise InputError(f"cannot read {path} ({error.strerror})") from None
    suffix = path.suffix.lower()
    decoded = None  # a text format's `_Decoded`
    warnings: list[str] = []  # what reading the file found to say
    if suffix == ".tmx":
        pairs, found, warnings = _read_tmx(path, data, languages)
    elif suffix in XLIFF_SUFFIXES or (suffix not in (".tsv", ".txt", ".po", ".pot", ".csv")
                                      and b"<xliff" in data[:2048]):
        pairs, found = _read_xliff(path, data)
    elif suffix in (".po", ".pot"):
        decoded = _decode_po(path, data)
        pairs, found = _read_po(path, decoded.text)
        if suffix == ".pot":
            _refuse_empty_template(path, pairs)
    elif suffix == ".xlsx":
        pairs, found = _read_xlsx(path, data)
    else:
        decoded = _decode(path, data)
        rows = _read_csv(path, decoded.text) if suffix == ".csv" else _read_tsv(path, decoded.text)
        rows, found = _header_row(rows)
        pairs = _lines_of_pairs(path, rows)
    record = pairs_alignment(pairs, name=path.name, path=str(path), languages=found)
    record.warnings[:0] = warnings
    if decoded is not None:
        record.source.encoding = record.translation.encoding = decoded.encoding
        record.warnings[:0] = decoded.warnings
    return record


def _lines_of_pairs(path: Path, pairs: list[Pair]) -> list[Pair]:
    """The pairs of a file of one pair per line, blank lines at its end left out (an editor
    adds them; a blank line between pairs stays, an empty link, so that link *k* is line
    *k*); a file with none is an error, as an empty text is: a CI check of an empty export
    must not pass."""
    pairs = list(pairs)
    while pairs and not pairs[-1][0].strip() and not pairs[-1][1].strip():
        pairs.pop()
    if not pairs:
        raise InputError(f"{path} holds no pairs: give one source<TAB>translation per line "
                         "(or per row)")
    return pairs


def pairs_alignment(
    pairs: Sequence[Pair | tuple[str, str]],
    *,
    name: str = "",
    path: str | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> Alignment:
    """An `Alignment` with one link per pair, in order: a `Pair`, or a plain
    ``(source, translation)`` tuple."""
    from align.reading import SURROGATES

    sides: list[list[Sentence]] = [[], []]
    links = []
    offsets = [0, 0]
    # The first pair, and the count, of each side's lone surrogates read as U+FFFD.
    surrogates: list[list[int]] = [[], []]
    for line, given in enumerate(pairs):
        pair = Pair(*given)
        indices: list[list[int]] = [[], []]
        for k in (0, 1):
            # A line break inside a string is kept (as "\n"): it ends a line of the
            # string, so the word after it opens one; a space there made "Check your
            # network" after "Could not connect" read as a name in mid-sentence.
            text = "\n".join(pair[k].splitlines()).replace("\t", " ")
            # A lone surrogate (a JSON resource file's "\ud800", an XLIFF <cp>) is no
            # character: U+FFFD, one for one, as a decoder shows a byte it cannot read.
            text, replaced = SURROGATES.subn("\ufffd", text)
            if replaced:
                surrogates[k] = surrogates[k] or [line + 1, 0]
                surrogates[k][1] += replaced
            if text.strip():
                indices[k].append(len(sides[k]))
                sides[k].append(Sentence(text, offsets[k], offsets[k] + len(text), line))
            offsets[k] += len(text) + 1
        links.append(Link(source=indices[0], translation=indices[1], state=pair.state,
                          max_length=pair.max_length, key=pair.key, origin=pair.origin))
    n = len(pairs)
    warnings = [
        f"{side} texts: {found[1]} lone surrogate{'s' if found[1] > 1 else ''} (first in "
        f"pair {found[0]}), no character: read as U+FFFD"
        for side, found in zip(("source", "translation"), surrogates, strict=True) if found
    ]
    return Alignment(
        source=Side(sides[0], name=name, path=path, language=languages[0], paragraphs=n),
        translation=Side(sides[1], name=name, path=path, language=languages[1], paragraphs=n),
        links=links,
        signature={"input": "pairs"},
        warnings=warnings,
    )


def document_text(side: Side) -> str:
    """The virtual document of a side read by `read_pairs`: one line per pair."""
    lines = [""] * side.paragraphs
    for s in side.sentences:
        lines[s.paragraph] = s.text
    return "\n".join(lines)


class _Decoded(NamedTuple):
    """A text file's characters, the encoding they were read in and what reading said."""

    text: str
    encoding: str
    warnings: list[str]


def _decode(path: Path, data: bytes) -> _Decoded:
    """A text file of pairs (TSV, CSV, Moses, PO) decoded as `align.reading` decodes a
    text: its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else UTF-16 without a
    mark, else the legacy code page it reads most plausibly in (Windows-1252 …), with a
    warning naming it; UTF-8 with a few broken sequences is an error saying where.  Line
    endings are left as they are (a CSV field may hold a CRLF)."""
    from align.reading import decode_text

    warnings: list[str] = []
    text, encoding = decode_text(data, str(path), warnings)
    return _Decoded(text, encoding, warnings)


def _read_tsv(path: Path, text: str) -> list[Pair]:
    """Tab-separated pairs: the first two columns of every line.  A file of more columns
    (the ``.tsv`` that ``align`` writes: source, translation, score, divergence, kinds;
    bitext with a score column) is read when every line has as many as the first one
    does, so that a tab inside a sentence of a two-column file is still an error, never
    a silently shifted pair."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    pairs = []
    width = None  # fields per line, as the first line with a tab has them
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\r")
        if "\t" not in line:
            if line.strip():
                raise InputError(
                    f"{path}, line {number}: no tab; each line must be source<TAB>translation"
                )
            pairs.append(Pair("", "", origin={"line": number}))
            continue
        fields = line.split("\t")
        if width is None:
            width, first = len(fields), number
        elif len(fields) != width:
            problem = ("more than one tab" if width == 2
                       else f"{len(fields)} columns where line {first} has {width}")
            raise InputError(
                f"{path}, line {number}: {problem}; each line must be source<TAB>translation"
                ", with the same columns after them as every other line (a tab inside a "
                "sentence splits it)"
            )
        pairs.append(Pair(fields[0], fields[1], origin={"line": number}))
    return pairs


def _read_moses(path: Path) -> Alignment:
    """A Moses pair, ``NAME.src.txt`` and ``NAME.tgt.txt`` (either named): line *k* of each
    is pair *k*, as ``align`` writes them (an empty line is an empty side)."""
    from align.render.moses import output_files

    paths = output_files(path)
    sides, decoded = [], []
    for side in paths:
        try:
            data = side.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{side} does not exist: a Moses pair is two files, "
                             "NAME.src.txt and NAME.tgt.txt, one line per pair") from None
        except OSError as error:
            raise InputError(f"cannot read {side} ({error.strerror})") from None
        decoded.append(_decode(side, data))
        lines = decoded[-1].text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the newline that ends the last line
        sides.append([line.removesuffix("\r") for line in lines])
    source, translation = sides
    if len(source) != len(translation):
        raise InputError(f"{paths[0]} has {len(source)} lines and {paths[1]} {len(translation)}: "
                         "the two files of a Moses pair have one line per pair each")
    pairs = _lines_of_pairs(path, [
        Pair(mine, theirs, origin={"line": number})
        for number, (mine, theirs) in enumerate(zip(source, translation, strict=True), 1)])
    record = pairs_alignment(pairs, name=path.name, path=str(path), languages=(None, None))
    record.source.encoding, record.translation.encoding = (d.encoding for d in decoded)
    record.warnings[:0] = decoded[0].warnings + decoded[1].warnings
    return record


def _read_csv(path: Path, text: str) -> list[Pair]:
    """Comma-separated pairs as a spreadsheet saves them: two columns, fields quoted when
    they hold commas, quotes or line breaks; a row of one field is an error.  (A header
    row is `_header_row`'s to leave out.)  Each pair's origin is the line its row begins
    on (a quoted field may hold line breaks)."""
    import csv

    rows = csv.reader(io.StringIO(text, newline=""))
    pairs = []
    try:
        begins = 1  # the line the next row begins on
        for number, row in enumerate(rows, start=1):
            origin, begins = {"line": begins}, rows.line_num + 1
            if not row or not any(field.strip() for field in row):
                pairs.append(Pair("", "", origin=origin))
                continue
            if len(row) < 2 or any(field.strip() for field in row[2:]):
                raise InputError(
                    f"{path}, row {number}: {len(row)} field(s); each row must be "
                    "source,translation"
                )
            pairs.append(Pair(row[0], row[1], origin=origin))
    except csv.Error as error:
        raise InputError(f"{path}, row {rows.line_num}: not CSV ({error})") from None
    return pairs


Languages = tuple[str | None, str | None]


#: Column headings that name the source and the translation column of a workbook.
_SOURCE_HEADINGS = frozenset({"source", "source text", "original", "src"})
_TRANSLATION_HEADINGS = frozenset({"translation", "target", "target text", "tgt"})
#: ... and the column of the strings' keys, where there is one.
_KEY_HEADINGS = frozenset({"key", "id", "string id", "resource key"})
#: A language tag with its region ("en-US", "fr_FR"), as localisation sheets head their
#: columns; a bare code is not taken for one ("It" | "Es" is a German UI string).
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}[-_](?:[a-z]{2}|\d{3}|[a-z]{4})$", re.I)


#: Words that head the source and the translation column of a CSV or TSV file, in a few
#: languages (XLSX's headings among them).
_SOURCE_WORDS = _SOURCE_HEADINGS | frozenset({
    "source language", "original text", "source string", "source term", "term",
    "texte source", "texte original",
    "originale", "quelle", "quelltext", "ausgangstext", "ausgangssprache", "origen", "fuente",
    "texto original", "texto de origen", "texto origem", "texto de origem", "origem",
    "testo originale", "testo di origine", "sorgente", "bron", "brontekst", "oryginał",
    "tekst źródłowy", "źródło", "источник", "оригинал", "исходный текст", "原文", "源文本",
})
_TRANSLATION_WORDS = _TRANSLATION_HEADINGS | frozenset({
    "target language", "translated text", "translation text", "target term", "traduction", "cible",
    "texte cible", "texte traduit", "übersetzung", "ziel", "zieltext", "zielsprache",
    "traducción", "traduccion", "destino", "texto de destino", "texto traducido",
    "traduzione", "testo tradotto", "destinazione", "tradução", "traducao", "vertaling",
    "doel", "doeltekst", "tłumaczenie", "tekst docelowy", "перевод", "译文", "翻译", "翻訳",
    "訳文",
})
#: Codes a column may be headed by alone (``en`` | ``fr``).
_LANGUAGE_CODES = frozenset(LANGUAGE_NAMES.values()) | {"no", "nn"}
#: A heading's note in brackets: ``English (US)``, ``Source (en)``.
_HEADING_NOTE = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


def _heading_language(cell: str) -> str | None:
    """The language a column heading names, as a tag: a language's name (``English``,
    ``Français``), a tag with its region (``en-US``), or a code alone all in one case
    (``en``, ``FR``: ``It`` and ``Es`` are words); None for anything else."""
    cell = cell.strip()
    bare = _HEADING_NOTE.sub("", cell).strip().lower()
    if bare in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[bare]
    if _LANGUAGE_TAG.match(cell):
        return _language(cell)
    if (cell.islower() or cell.isupper()) and cell.lower() in _LANGUAGE_CODES:
        return cell.lower()
    return None


def _header_row(rows: list[Pair]) -> tuple[list[Pair], Languages]:
    """The rows of a CSV or TSV file without its first if that one is clearly a header
    (`column_heading`), and the languages it names."""
    if not rows:
        return rows, (None, None)
    heading, languages = column_heading(rows[0])
    return (rows[1:], languages) if heading else (rows, (None, None))


def column_heading(cells: Sequence[str]) -> tuple[bool, Languages]:
    """Whether a first row (of a CSV, TSV or workbook) clearly heads its first two
    columns, and the languages it names: ``source`` and ``translation`` (or ``target``,
    ``original`` …, in a few languages: `_SOURCE_WORDS`, `_TRANSLATION_WORDS`), or two
    different languages (``English`` | ``Français``, ``en`` | ``fr``, ``en-US`` |
    ``fr-FR``).  A row that may be a pair is none: ``Translation`` | ``Traduction``,
    ``English`` | ``Anglais`` (one language), ``It`` | ``Es``."""
    if len(cells) < 2:
        return False, (None, None)
    first = [_HEADING_NOTE.sub("", cell).strip().lower() for cell in cells[:2]]
    if first[0] in _SOURCE_WORDS and first[1] in _TRANSLATION_WORDS:
        return True, (None, None)
    languages = (_heading_language(cells[0]), _heading_language(cells[1]))
    if all(languages) and _primary(languages[0]) != _primary(languages[1]):
        return True, languages
    return False, (None, None)


def _primary(tag: str | None) -> str | None:
    from align.language import primary_language

    return primary_language(tag)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, data: bytes) -> tuple[list[Pair], Languages]:
    """The pairs of a workbook's first sheet (``align view -o review.xlsx`` writes its
    *alignment* sheet first): the columns headed ``source`` and ``translation`` (or
    ``target``), or else columns A and B, under a first row that heads them as a CSV's
    would (`column_heading`: ``Quelltext`` | ``Übersetzung``, ``English`` | ``Français``,
    ``en-US`` | ``fr-FR``) or with no header.  Trailing empty rows
    are dropped."""
    from openpyxl import load_workbook

    from align.markup import open_package

    open_package(data, path.name, "an Excel workbook")  # refuses a "zip bomb" first
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(
            values_only=True)]
    except Exception:  # openpyxl's errors for a damaged workbook have many types
        raise InputError(f"{path} is not a readable Excel workbook (.xlsx): open it in a "
                         "spreadsheet program and save it again") from None
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise InputError(f"{path} holds no pairs: its first sheet is empty")
    heading = [cell.strip().lower() for cell in rows[0]]
    first = 1  # the sheet's number of the first row that holds a pair
    columns, languages, key_column, state_column = (0, 1), (None, None), None, None
    named = ([k for k, h in enumerate(heading) if h in _SOURCE_HEADINGS],
             [k for k, h in enumerate(heading) if h in _TRANSLATION_HEADINGS])
    if named[0] and named[1]:
        columns, rows, first = (named[0][0], named[1][0]), rows[1:], 2
        key_column = next((k for k, h in enumerate(heading) if h in _KEY_HEADINGS), None)
        state_column = next((k for k, h in enumerate(heading) if h == "state"), None)
        # The review sheet `align … -o review.xlsx` writes names the languages in its
        # "about" sheet.
        languages = _about_languages(book) or languages
    else:
        headed, languages = column_heading(rows[0])
        rows, first = (rows[1:], 2) if headed else (rows, 1)

    def cell(row: list[str], column: int | None) -> str:
        return row[column] if column is not None and column < len(row) else ""

    return [Pair(cell(row, columns[0]), cell(row, columns[1]),
                 cell(row, state_column).strip() or None,
                 key=cell(row, key_column).strip() or None, origin={"row": number})
            for number, row in enumerate(rows, first)], languages


def _about_languages(book) -> Languages | None:
    """The languages the *about* sheet of align's review workbook names, if it has one."""
    try:
        facts = {_cell(row[0]).strip(): _cell(row[1]).strip()
                 for row in book["about"].iter_rows(values_only=True) if len(row) >= 2}
    except (KeyError, IndexError):  # no such sheet, or not the one align writes
        return None
    found = (_language(facts.get("source language") or None),
             _language(facts.get("translation language") or None))
    return found if any(found) else None


def _parse_xml(path: Path, data: bytes, what: str) -> ET.Element:
    """A TMX or XLIFF file's root element; `InputError` for a file that is empty, or not
    well-formed, saying so when its bytes are not in the encoding it declares (or, with
    no declaration, UTF-8, in which XML reads it): Latin-1 bytes in a file that says
    UTF-8 are an invalid token to the parser."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        article = "an" if what == "XLIFF" else "a"
        raise InputError(f"{path} is empty: give {article} {what} file of translation units")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        problem = f"{path} is not well-formed {what} ({error})"
    raise InputError(problem + _not_declared_encoding(data)) from None


def _not_declared_encoding(data: bytes) -> str:
    """What to add to a parse error when the file's bytes are not in the encoding it
    declares: ``; its bytes are not UTF-8, …`` with where the first such byte is; "" when
    they are, or the encoding is told by a byte-order mark or unknown."""
    import codecs

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in data[:4]:
        return ""  # UTF-16 or UTF-32: the parser reads the mark and the NULs
    declared = XML_ENCODING.match(data.removeprefix(codecs.BOM_UTF8))
    name = declared.group(1).decode("ascii") if declared else "UTF-8"
    try:
        data.decode(codecs.lookup(name).name)
    except LookupError:
        return ""
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        where = ("the encoding its XML declaration names" if declared
                 else "the encoding XML reads when none is declared")
        return (f"; its bytes are not {name}, {where} (line {line}, column {column}: "
                f"{data[error.start:error.start + 1]!r}): declare the encoding it is written "
                f"in, or save it as {name}")
    return ""


def _srclang(element: ET.Element | None) -> str | None:
    """The ``srclang`` of a TMX header or ``<tu>``; None for none or ``*all*`` (any
    variant may be the source)."""
    value = (element.get("srclang") or "").strip() if element is not None else ""
    return value if value and value.lower() != "*all*" else None


def _variant(variants: list[tuple[str, ET.Element | None]], language: str | None,
             other: int | None = None) -> int | None:
    """Which of a unit's `variants` is in `language` (never `other`): the one tagged so,
    case and ``_`` aside (``zh-TW`` among ``zh-CN`` and ``zh-TW``), else the first of its
    primary language (``fr`` for ``FR-CA``); None if none is."""
    from align.language import primary_language

    if not language:
        return None
    candidates = [k for k in range(len(variants)) if k != other]
    tag = language.replace("_", "-").lower()
    exact = [k for k in candidates if variants[k][0].replace("_", "-").lower() == tag]
    primary = primary_language(language)
    return next(iter(exact + [k for k in candidates
                              if primary_language(variants[k][0]) == primary]), None)


def _read_tmx(path: Path, data: bytes,
              asked: Languages = (None, None)) -> tuple[list[Pair], Languages, list[str]]:
    """The pairs of a TMX file, one per ``<tu>`` of two ``<tuv>``s or more (a unit of one
    is no pair), the languages of its sides and its warnings: that the source language is
    a guess (`_tmx_source`), that units were left out.  One source language for the whole
    file (the record has one a side), and each unit read by its variants' tags, whatever their
    order: the source is its variant in that language, the translation in a file of two
    languages the other variant, in a file of more (a memory of English, German and
    French) the one in the translation language the user gave.  A language the user gave
    must be among the file's, if its variants name any.  A unit without the translation
    language has an empty translation (the untranslated check reports it); a unit of
    tagged variants without the source language holds nothing to check and is left out,
    counted in a warning.  A unit whose variants are not tagged is read in their order."""
    from collections import Counter

    from align.language import primary_language

    root = _parse_xml(path, data, "TMX")
    # Each unit with its number among all the file's <tu>s, those of one variant too.
    units = [(number, tu, [(tuv.get(_XML_LANG) or tuv.get("lang") or "", tuv.find("seg"))
                           for tuv in tu.findall("tuv")])
             for number, tu in enumerate(root.iter("tu"), 1)]
    units = [unit for unit in units if len(unit[2]) >= 2]
    found: dict[str, str] = {}  # primary language -> the first tag the file writes for it
    for _, _, variants in units:
        for tag, _ in variants:
            if primary_language(tag):
                found.setdefault(primary_language(tag) or "", tag)
    target = asked[1]
    listed = ", ".join(found.values())
    if len(found) > 2 and not target:
        raise InputError(f"{path} holds {len(found)} languages ({listed}): say which one "
                         "to check as the translation with --translation-lang")
    # A language given that no unit holds would name another language's text (the record,
    # and the TMX written back, call French "es"); a file whose variants name no language
    # at all has only the ones given to go by.
    for side, language, option in (("source", asked[0], "--source-lang"),
                                   ("translation", target, "--translation-lang")):
        if found and language and primary_language(language) not in found:
            raise InputError(f"{path} holds no {side} in {language}: its languages are "
                             f"{listed}; give one of them with {option}")
    source_language, warnings = _tmx_source(path, root, units, found, (asked[0], target))
    pairs: list[Pair] = []
    chosen: list[tuple[str, str]] = []
    left_out: list[str] = []  # the units without the source language, as the user finds them
    for number, tu, variants in units:
        translation = _variant(variants, target)
        source = _variant(variants, source_language, translation)
        if source is None:
            if source_language and all(tag for tag, _ in variants):
                left_out.append(f'tuid "{tu.get("tuid")}"' if tu.get("tuid") else f"tu {number}")
                continue
            source = next(k for k in range(len(variants)) if k != translation)
        if translation is None and len(found) <= 2:
            # The other variant, of another language than the source's where there is one.
            others = [k for k in range(len(variants)) if k != source]
            translation = next((k for k in others if primary_language(variants[k][0])
                                != primary_language(variants[source][0])), others[0])
        text = _inline_text(variants[translation][1]) if translation is not None else ""
        origin = {"tu": number} | ({"tuid": tu.get("tuid")} if tu.get("tuid") else {})
        pairs.append(Pair(_inline_text(variants[source][1]), text, key=tu.get("tuid"),
                          origin=origin))
        chosen.append((variants[source][0],
                       variants[translation][0] if translation is not None else ""))
    if not pairs:
        raise InputError(f"{path} holds no translation unit with two languages")
    if left_out:
        these = "1 unit has" if len(left_out) == 1 else f"{len(left_out)} units have"
        named = ", ".join(left_out[:3]) + (", …" if len(left_out) > 3 else "")
        warnings.append(f"{path}: {these} no {found[primary_language(source_language)]} "
                        f"variant and {'was' if len(left_out) == 1 else 'were'} left out "
                        f"({named})")
    # The record has one language a side: the tag most units have, the source's on a tie.
    counts = [Counter(filter(None, side)) for side in zip(*chosen, strict=True)]
    tags = [max(count, key=lambda tag, count=count: (count[tag], tag == source_language),
                default=None)
            for count in counts]
    return pairs, (_language(tags[0]), _language(tags[1])), warnings


def _tmx_source(path: Path, root: ET.Element, units: list, found: dict[str, str],
                asked: Languages) -> tuple[str | None, list[str]]:
    """The source language of a whole TMX file (a tag of it, None if its variants have
    none), and a warning when it is a guess.  The one the user gave, if a unit holds it;
    in a file of two languages, the one other than the translation language given; the
    header's ``srclang``, if a unit holds it; else (``*all*``: any variant may be the
    source) the one most units name as theirs (``<tu srclang>``), a guess if they differ,
    or most list first, a guess."""
    from collections import Counter

    from align.language import language_tag, primary_language

    def held(language: str | None) -> bool:
        return any(_variant(variants, language) is not None for _, _, variants in units)

    source, translation = asked
    if held(source):
        return source, []
    others = [tag for primary, tag in found.items() if primary != primary_language(translation)]
    if translation and len(found) == 2 and len(others) == 1:
        return others[0], []
    header = root.find("header")
    if held(_srclang(header)):
        return _srclang(header), []
    # What each unit says its source is, or what it lists first (not in the translation
    # language given): a tag, counted by its language.
    named = [tag for _, tu, variants in units if (tag := _srclang(tu))
             and _variant(variants, tag) is not None]
    listed = [next((tag for tag, _ in variants if tag and primary_language(tag)
                    != primary_language(translation)), "") for _, _, variants in units]
    votes = named or [tag for tag in listed if tag]
    if not votes:
        return None, []
    def spelt(tag: str) -> str:
        return tag.replace("_", "-").lower()

    # Counted by language (en-US and en-GB are both English), but in a file of one language
    # (en-US and en-GB), by tag, whatever the case.
    key = spelt if len(found) == 1 else primary_language
    count = Counter(key(tag) for tag in votes)
    (chosen, most), *_ = count.most_common()
    # The tag most of them write for it.
    spellings = Counter(spelt(tag) for tag in votes if key(tag) == chosen)
    tag = next(tag for tag in votes if spelt(tag) == spellings.most_common()[0][0])
    # What the warning calls it: its language where its units write it several ways.
    shown = (language_tag(tag) or tag) if len(spellings) == 1 else chosen
    if named and len(count) == 1:
        return tag, []
    value = (header.get("srclang") or "").strip() if header is not None else ""
    why = (f'its header\'s srclang is "{value}" (any language may be the source)'
           if value.lower() == "*all*" else
           f'no unit holds the source language its header names ("{value}")' if value else
           "its header names no source language")
    if len(votes) == 1:
        how = "which its one unit lists first"
    else:
        how = (f"as {most} of the {len(votes)} units that name their own srclang do" if named
               else f"which {most} of its {len(votes)} units list first")
    return tag, [f"{path}: {why}: read {shown} as the source language of "
                 f"every unit, {how}; give it with --source-lang CODE if it is another"]


XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
#: XLIFF and TMX inline codes (the original's tags and placeholders) and how the text
#: shows them, as translation tools do, by their id: ``<1/>`` a standalone code, ``<1>``
#: … ``</1>`` a pair (XLIFF's ``<g>`` and ``<pc>`` hold text between; ``bx``/``ex``,
#: ``bpt``/``ept``, ``sc``/``ec`` open and close, and so does an isolated ``<it>`` whose
#: other end is in another segment: TMX's ``pos="begin"``/``"end"``, XLIFF 1.2's
#: ``"open"``/``"close"``).  A translation must keep them all
#: (`align.checks.placeholders`); annotations (XLIFF's ``mrk``, ``sm``/``em``, TMX's
#: ``hi``) are not codes.
_OPENING = {"bx", "bpt", "sc"}
_CLOSING = {"ex", "ept", "ec"}
_STANDALONE = {"x", "ph", "it", "ut"}
_ANNOTATION = {"sm", "em"}
_ISOLATED = {"begin", "end", "open", "close"}


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _code_id(element: ET.Element, paired: dict[str, str] | None = None) -> str:
    # XLIFF 1.2 ends pairs by "rid" or "id", XLIFF 2 by "startRef"; "?" when none is given.
    # A TMX pair is the code its <bpt>'s "x" names, carried to its <ept> by "i" (`paired`),
    # which only matches the two: a code nested in itself is two pairs of one "x".
    given = [element.get(attribute) for attribute in ("rid", "startRef", "id", "i", "x")]
    if _local(element.tag) in ("bpt", "ept"):
        given.insert(0, element.get("x") or (paired or {}).get(element.get("i") or ""))
    for value in given:
        code = "".join(c for c in value or "" if c.isalnum() or c in "-_")
        if code:
            return code
    return "?"


def _paired_codes(element: ET.Element) -> dict[str, str]:
    """The ``x`` of each TMX ``<bpt>`` of `element` that has one, by its ``i``."""
    return {bpt.get("i", ""): bpt.get("x", "") for bpt in element.iter()
            if _local(bpt.tag) == "bpt" and bpt.get("i") and bpt.get("x")}


def _code_point(hex_digits: str) -> str:
    """The character of an XLIFF 2 ``<cp hex="…"/>``: a control character XML cannot
    carry (``0007``) as itself; U+FFFD for what is no character a text may hold (a
    surrogate, which no UTF-8 output can write and the tokenizer refuses, U+FFFE, U+FFFF,
    beyond U+10FFFF) or no code point at all."""
    try:
        code = int(hex_digits, 16)
    except ValueError:
        return "\ufffd"
    if not 0 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return chr(code)


def _inline_text(element: ET.Element | None, codes: bool = True,
                 paired: dict[str, str] | None = None) -> str:
    """The text of an XLIFF ``<source>``, ``<target>`` or ``<mrk>``, or of a TMX ``<seg>``,
    its inline codes written as ``<id/>``, ``<id>`` and ``</id>`` (a ``<ph>`` that holds
    its original code, as that code: ``{0}``); without `codes`, the
    text as it will be shown, the codes left out (they stand for the original's tags and
    placeholders, whose size a length limit does not count).  `paired`: `_paired_codes`
    of the whole segment, for the parts of it read on their own."""
    if element is None:
        return ""
    paired = _paired_codes(element) if paired is None else paired
    parts = [element.text or ""]
    for child in element:
        name = _local(child.tag)
        if name == "cp":  # XLIFF 2 writes characters XML cannot hold as <cp hex="…"/>
            parts.append(_code_point(child.get("hex", "")))
        elif name in ("g", "pc"):
            inner = _inline_text(child, codes, paired)
            parts.append(f"<{_code_id(child)}>{inner}</{_code_id(child)}>" if codes else inner)
        elif name in _OPENING | _CLOSING | _STANDALONE:
            native = "".join(child.itertext()) if name == "ph" else ""
            if codes and native.strip():
                # A placeholder's own code (`<ph id="1">{0}</ph>`), compared as written: a
                # target whose `<ph id="1">` holds `{1}` where the source's holds `{0}` has
                # lost one placeholder and doubled another.  (Paired codes keep their ids:
                # tools write their content on one side only as often as on both.)
                parts.append(native)
            elif codes:
                # An isolated code opens or closes one whose other end is in another
                # segment (TMX 1.4b's pos="begin"/"end", XLIFF 1.2's "open"/"close").
                isolated = name == "it" and child.get("pos") in _ISOLATED
                closes = isolated and child.get("pos") in ("end", "close")
                slash = "/" if name in _CLOSING or closes else ""
                end = "/" if name in _STANDALONE and not isolated else ""
                parts.append(f"<{slash}{_code_id(child, paired)}{end}>")
        elif name not in _ANNOTATION:
            parts.append(_inline_text(child, codes, paired))
        parts.append(child.tail or "")
    return "".join(parts)


def _segments(element: ET.Element | None) -> dict[str, ET.Element]:
    """The ``<mrk mtype="seg">`` segments of an XLIFF 1.2 element, by ``mid``."""
    if element is None:
        return {}
    return {m.get("mid", ""): m for m in element.iter()
            if _local(m.tag) == "mrk" and m.get("mtype") == "seg"}


def _language(code: str | None) -> str | None:
    """A file's language code as a BCP 47 tag, region kept for the outputs (the checks read
    its primary subtag); a code not shaped like a tag by its primary subtag alone."""
    from align.language import language_tag, primary_language

    return (language_tag(code) or primary_language(code)) if code else None


def _xliff_state(element: ET.Element | None) -> str | None:
    """The ``state`` of an XLIFF ``<target>`` (1.2) or ``<segment>`` (2), where it says
    the translation is not done (``new``, ``needs-translation``, ``needs-review-…``,
    2.0's ``initial``); None where it is done or not marked."""
    state = element.get("state") if element is not None else None
    return state if state and state not in _DONE_STATES else None


_SLR = "{urn:oasis:names:tc:xliff:sizerestriction:2.0}"
#: XLIFF 2 storage profiles and the bytes they take per character.
_STORAGE_CODECS = {"xliff:utf8": "utf-8", "xliff:utf16": "utf-16-le", "xliff:utf32": "utf-32-le"}


def _limit(text: str, maximum: str | None, unit: str, codec: str = "utf-8") -> dict | None:
    """``{"limit", "unit", "length"}`` for a size attribute's value (``"30"``, or XLIFF
    2's ``"min,max"``), None when it sets no usable maximum."""
    try:
        limit = int((maximum or "").split(",")[-1])
    except ValueError:
        return None
    if limit <= 0:
        return None
    length = len(text) if unit == "characters" else len(text.encode(codec))
    return {"limit": limit, "unit": unit, "length": length}


def _limit_12(unit: ET.Element, target: ET.Element | None) -> dict | None:
    """XLIFF 1.2: ``maxbytes``, or ``maxwidth`` counted in ``size-unit="char"`` or
    ``"byte"`` (the default unit, pixels, needs the font and is not checked)."""
    text = _inline_text(target, codes=False)
    if unit.get("maxbytes"):
        return _limit(text, unit.get("maxbytes"), "bytes")
    size_unit = unit.get("size-unit", "pixel")
    if unit.get("maxwidth") and size_unit in ("char", "byte"):
        return _limit(text, unit.get("maxwidth"), "characters" if size_unit == "char" else "bytes")
    return None


def _limit_2(unit: ET.Element, profiles: tuple[str | None, str | None]) -> dict | None:
    """XLIFF 2's Size and Length Restriction module: ``slr:sizeRestriction`` in code
    points (the ``xliff:codepoints`` general profile, or none declared, as most tools
    write it), else ``slr:storageRestriction`` in bytes of the declared storage profile."""
    text = "".join(_inline_text(next(iter(_children(segment, "target")), None), codes=False)
                   for segment in _children(unit, "segment"))
    general, storage = profiles
    if unit.get(_SLR + "sizeRestriction") and general in (None, "xliff:codepoints"):
        return _limit(text, unit.get(_SLR + "sizeRestriction"), "characters")
    if unit.get(_SLR + "storageRestriction") and storage in _STORAGE_CODECS:
        return _limit(text, unit.get(_SLR + "storageRestriction"), "bytes",
                      _STORAGE_CODECS[storage])
    return None


def _segment_key(unit: str | None, segment: str | None) -> str | None:
    """A segment's key: its unit's id and its own, ``"intro#2"``."""
    return f"{unit}#{segment}" if unit else None


def _unit_origin(numbers: dict[int, int], unit: ET.Element, segment: int | None) -> dict:
    """A pair's `Link.origin` in an XLIFF file: its unit's number among all the file's,
    the unit's ``id`` where it has one, and the segment's number where the unit holds
    several."""
    return ({"unit": numbers[id(unit)]} | ({"id": unit.get("id")} if unit.get("id") else {})
            | ({"segment": segment} if segment is not None else {}))


def _xliff_units(element: ET.Element, pairs: list[Pair],
                 profiles: tuple[str | None, str | None] = (None, None),
                 translate: bool = True, numbers: dict[int, int] | None = None) -> None:
    """Append the pairs of the translation units under `element`, in document order; a
    file, group or unit marked ``translate="no"`` is skipped with all it holds (but a unit
    inside it marked ``"yes"``), and so is the header of a PO file that po2xliff wrote as a
    unit (``restype="x-gettext-domain-header"``).  A unit's length limit goes with its
    first pair (it bounds the unit's whole translation).  `numbers`: each unit's number
    among all the file's (`_unit_origin`), by the element's ``id()``."""
    numbers = numbers if numbers is not None else _unit_numbers(element)
    declared = next(iter(_children(element, "profiles")), None)
    if declared is not None and declared.tag == _SLR + "profiles":
        profiles = (declared.get("generalProfile"), declared.get("storageProfile"))
    for child in element:
        name = _local(child.tag)
        # An element without its own translate flag has its parent's (XLIFF 2's
        # inheritance): a unit marked "yes" in a group marked "no" is read.
        flag = child.get("translate")
        translatable = translate if flag not in ("yes", "no") else flag == "yes"
        if name in ("trans-unit", "unit") and not translatable:
            continue
        if name == "trans-unit" and child.get("restype") == "x-gettext-domain-header":
            continue  # a PO file's header, which po2xliff writes as a unit: no string
        if name == "trans-unit":  # XLIFF 1.2
            source = next(iter(_children(child, "source")), None)
            target = next(iter(_children(child, "target")), None)
            state, limit = _xliff_state(target), _limit_12(child, target)
            marked = _segments(next(iter(_children(child, "seg-source")), None))
            unit_id = child.get("id")
            if marked:
                targets = _segments(target)
                several = len(marked) > 1
                pairs += [Pair(_inline_text(m), _inline_text(targets.get(mid)), state,
                               limit if k == 0 else None, _segment_key(unit_id, mid),
                               _unit_origin(numbers, child, k + 1 if several else None))
                          for k, (mid, m) in enumerate(marked.items())]
            else:
                pairs.append(Pair(_inline_text(source), _inline_text(target), state, limit,
                                  unit_id, _unit_origin(numbers, child, None)))
        elif name == "unit":  # XLIFF 2: the unit's segments, in order
            limit = _limit_2(child, profiles)
            segments = _children(child, "segment")
            for k, segment in enumerate(segments):
                pairs.append(Pair(
                    _inline_text(next(iter(_children(segment, "source")), None)),
                    _inline_text(next(iter(_children(segment, "target")), None)),
                    _xliff_state(segment),
                    limit if k == 0 else None,
                    child.get("id") if len(segments) == 1 else _segment_key(
                        child.get("id"), segment.get("id") or str(k + 1)),
                    _unit_origin(numbers, child, k + 1 if len(segments) > 1 else None),
                ))
        else:
            _xliff_units(child, pairs, profiles, translatable, numbers)


def _unit_numbers(root: ET.Element) -> dict[int, int]:
    """Every translation unit under `root` (``<trans-unit>``, ``<unit>``), those not to be
    translated too, numbered from 1 in document order, by its element's ``id()``."""
    units = (e for e in root.iter() if _local(e.tag) in ("trans-unit", "unit"))
    return {id(unit): number for number, unit in enumerate(units, 1)}


def _read_xliff(path: Path, data: bytes) -> tuple[list[Pair], Languages]:
    root = _parse_xml(path, data, "XLIFF")
    if _local(root.tag) != "xliff":
        raise InputError(f"{path} is not XLIFF: its root element is <{_local(root.tag)}>")
    pairs: list[Pair] = []
    numbers = _unit_numbers(root)
    languages: Languages = (_language(root.get("srcLang")), _language(root.get("trgLang")))
    for file in _children(root, "file"):
        if file.get("source-language"):  # XLIFF 1.2 names the languages per file
            languages = (_language(file.get("source-language")),
                         _language(file.get("target-language")))
        _xliff_units(file, pairs, translate=file.get("translate") != "no", numbers=numbers)
    if not pairs:
        raise InputError(f"{path} holds no translation unit")
    return pairs, languages


#: A PO file's header, the entry of ``msgid ""``: its ``msgstr`` lines.
_PO_HEADER = re.compile(rb'^msgid[ \t]+""[ \t]*\r?\nmsgstr[ \t]+((?:"[^\n]*"\s*)+)', re.M)
#: The charset it declares: ``"Content-Type: text/plain; charset=ISO-8859-1\n"``.
_PO_CHARSET = re.compile(rb'Content-Type:[^"\n]*?charset=\s*([A-Za-z0-9_.:-]+)', re.I)


def _decode_po(path: Path, data: bytes) -> _Decoded:
    """A PO file's text in the charset its header declares, as gettext reads it (the
    header itself is ASCII, in any charset a PO file may have); where it declares none or
    the template's placeholder ``CHARSET``, as a text file of pairs is read (`_decode`)."""
    import codecs

    header = _PO_HEADER.search(data)
    declared = _PO_CHARSET.search(header.group(1)) if header else None
    charset = declared.group(1).decode("ascii") if declared else "CHARSET"
    if charset.upper() == "CHARSET":
        return _decode(path, data)
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise InputError(f"{path} declares charset {charset}, which is unknown; convert it to "
                         "UTF-8 and declare charset=UTF-8") from None
    if codec == "utf-8":
        codec = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return _Decoded(data.decode(codec), codec, [])
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not {charset} text, the charset its header declares (byte "
                         f"{error.start + 1}); declare the charset it is written in, or "
                         "convert it to UTF-8") from None


def _refuse_empty_template(path: Path, pairs: list[Pair]) -> None:
    """Refuse a gettext template (``.pot``) that holds no translation, as xgettext writes
    one: every link would be reported untranslated, where the user meant to check a
    catalogue made from it.  A template that holds some is read as a PO file is."""
    if not any(pair.translation for pair in pairs):
        raise InputError(f"{path} is a gettext template: it holds no translation (every "
                         "msgstr is empty); check a .po catalogue made from it (msginit, "
                         "msgmerge)")


#: A line of a PO file that holds a string: a keyword (``msgid``, ``msgid_plural``,
#: ``msgctxt``, ``msgstr``, ``msgstr[1]``) and what follows it.
_PO_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?![\w\[])[ \t]*(.*)")
#: A string in double quotes, ``\"`` and ``\\`` inside it escaped, and the rest of its line.
_PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t]*(.*)')
#: The escapes polib reads as gettext does: ``\n \t \r \v \b \f \" \\``.
_PO_ESCAPES = frozenset('ntrvbf\\"')
#: An escape in a PO string: a backslash and an octal byte (1 to 3 digits), a hexadecimal
#: one (``x`` and 1 or more digits), or any one character.
_PO_ESCAPE = re.compile(r"\\([0-7]{1,3}|x[0-9A-Fa-f]+|.)")


def _po_lines(text: str) -> list[str]:
    """A PO file's lines as polib reading a file counts them (universal newlines): split
    at line feeds, CRLF and a lone CR (old Mac files end lines so) and nowhere else, so a
    form feed, U+0085 or U+2028 written as itself inside a string stays in it
    (`str.splitlines` would split there)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class _PoText(str):
    """A PO file's text that polib splits into lines as `_po_lines` does: given text, not a
    path, polib reads ``text.splitlines()``, which would end a line inside a string at a
    form feed, U+0085 or U+2028 and refuse a file gettext reads."""

    def splitlines(self, keepends: bool = False) -> list[str]:  # noqa: ARG002 - polib's call
        return _po_lines(self)


def _check_po_strings(path: Path, text: str) -> None:
    """Refuse a PO file whose strings gettext's ``msgfmt --check`` refuses, naming the
    line: polib reads each line's string as the characters between its first and last,
    so that a string left open (``msgstr "Enregistrer``, a stray ``"``, a last ``\"``)
    lost a character or a quote, and text after the closing quote, or a keyword with no
    quotes at all (``msgstr Bonjour``, read as ``onjou``), came into the translation."""
    for number, line in enumerate(_po_lines(text), start=1):
        line = line.strip()
        if line.startswith("#~") and not line.startswith("#~|"):
            line = line[2:].lstrip()  # an obsolete entry: msgfmt reads it too
        keyword = _PO_KEYWORD.match(line)
        if keyword:
            rest = keyword.group(2)
            if not rest.startswith('"'):
                raise InputError(f"{path}, line {number}: {keyword.group(1)} without a string "
                                 f'in double quotes; write it as {keyword.group(1)} "…"')
        elif line.startswith('"'):
            rest = line
        else:
            continue
        string = _PO_STRING.match(rest)
        if string is None:
            raise InputError(
                f'{path}, line {number}: unterminated string: no closing " on its line (a " '
                'inside a string is written \\"); gettext refuses the file too'
            )
        if string.group(2):
            raise InputError(
                f"{path}, line {number}: text after the string's closing quote "
                f"({string.group(2)[:20]!r}); a \" inside a string is written \\\"; "
                "gettext refuses the file too"
            )
        for escape in _PO_ESCAPE.finditer(string.group(1)):
            # msgfmt also reads \a, octal (\033) and hexadecimal (\x41) bytes, which polib
            # leaves in the text as typed: the checks then see the same characters on both
            # sides of a pair where they would have seen the one byte, so they are let be.
            # What msgfmt refuses ("invalid control sequence") is refused: \', \?, \e, \u,
            # \8, a \x with no hexadecimal digit after it.
            typed = escape.group(1)  # longer than one character: an octal or hex byte
            if len(typed) == 1 and typed not in _PO_ESCAPES and typed not in "a01234567":
                raise InputError(f"{path}, line {number}: escape \\{typed}, which gettext "
                                 "refuses too (it reads \\n, \\t, \\r, \\v, \\b, \\f, \\a, "
                                 "\\\", \\\\, octal \\033 and hexadecimal \\x1b); write the "
                                 "character itself")


def _read_po(path: Path, text: str) -> tuple[list[Pair], Languages]:
    import polib  # gettext catalogues: escapes, multi-line strings, plurals, obsolete entries

    _check_po_strings(path, text)
    try:
        catalogue = polib.pofile(_PoText(text))  # lines as `_check_po_strings` counts
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is not a well-formed PO file ({error})") from None
    pairs: list[Pair] = []
    declared = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    plurals = int(declared.group(1)) if declared else 2

    def origin(entry) -> dict | None:
        # The line the entry begins on, its comments first, as polib counts it: the lines
        # of `_po_lines`, from 1.
        line = getattr(entry, "linenum", None)
        return {"line": line} if isinstance(line, int) and line >= 1 else None

    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        # gettext leaves a fuzzy translation out of the compiled catalogue: until someone
        # removes the mark, users see the source string.
        state = "fuzzy" if entry.fuzzy else None
        # A message is known by its context, else by where the program uses it.
        where = entry.msgctxt or (":".join(filter(None, entry.occurrences[0]))
                                  if entry.occurrences else None)
        if entry.msgid_plural:
            # Every form the language has (Polish and Russian have three, Arabic six), each
            # a link: form 0 translates the singular, the others the plural.  Their keys
            # name the forms of one string, which are translated several ways by design.
            forms = entry.msgstr_plural
            count = max([plurals, *(k + 1 for k in forms)])
            name = where or entry.msgid
            pairs += [Pair(entry.msgid if k == 0 else entry.msgid_plural, forms.get(k, ""),
                           state, None, f"{name}[{k}]", origin(entry)) for k in range(count)]
        else:
            pairs.append(Pair(entry.msgid, entry.msgstr, state, None, where, origin(entry)))
    if not pairs:
        raise InputError(f"{path} holds no message")
    return pairs, (None, _language(catalogue.metadata.get("Language")))
