"""``.tmx``: a TMX 1.4b translation memory, one translation unit per two-sided link.

Links with an empty side (1-0, 0-1) have nothing to pair and are left out.
Each ``<tu>`` carries the link's score (``x-align-score``), its type
(``x-align-link``, e.g. ``1-2``) and, once checked, its divergence
(``x-align-divergence``) and its findings' kinds and severities (``x-align-findings``) as
``<prop>``s.  A side whose language is unknown is
tagged ``und`` (BCP 47 "undetermined"), and `written_warnings` says so.  Characters XML 1.0
cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped from the
segments; tabs and line breaks are spaces, as in the line-based formats.  DEL and the C1
controls, which XML 1.0 allows, are kept, as the line-based formats keep them (`NOT_XML`).

Inline codes: a link read from a TMX or XLIFF file (its `Link.origin` names a ``tu`` or a
``unit``) holds that file's inline codes as `align.checks.pairs` writes them, ``<1/>``,
``<1>`` … ``</1>``; they are written back as TMX's ``<ph>``, ``<bpt>``/``<ept>`` and, for a
code opened or closed alone, ``<it>`` (`_add_segment`), so that they read back as they were
(but for ids that are no number of TMX's, renumbered: `_code_numbers`).  Text that looks
like a code with an id of letters alone (``<b>``) stays text (`_codes`).  Anywhere else (a
text, a TSV …) ``<b>`` is text: no record says a code was there.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from align import __version__
from align.record import Alignment, Link, severity_rank
from align.render.base import NOT_XML, counted, line_text

EXTENSIONS: tuple[str, ...] = (".tmx",)

UNKNOWN_LANGUAGE = "und"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = NOT_XML


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    source_language = _xml_text(alignment.source.language or "") or UNKNOWN_LANGUAGE
    translation_language = _xml_text(alignment.translation.language or "") or UNKNOWN_LANGUAGE
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        root,
        "header",
        creationtool="align",
        creationtoolversion=__version__,
        segtype="sentence",
        adminlang="en",
        srclang=source_language,
        datatype="plaintext",
    )
    # Set apart: ``o-tmf`` is not a Python keyword argument.
    header.set("o-tmf", "align")
    created = _tmx_date(alignment.created)
    if created:
        header.set("creationdate", created)
    body = ET.SubElement(root, "body")
    segments: list[tuple[ET.Element, str, dict[str, int] | None]] = []
    for index, link, source, translation in _units(alignment):
        segments += _add_unit(
            body, index, link, (source_language, source), (translation_language, translation)
        )
    ET.indent(root, space=" ")
    # Filled once indented: `ET.indent` would put its spaces between a segment's codes.
    for seg, text, numbers in segments:
        _add_segment(seg, text, numbers)
    return {path: ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"}


def _add_unit(body: ET.Element, index: int, link: Link, *sides: tuple[str, str]
              ) -> list[tuple[ET.Element, str, dict[str, int] | None]]:
    """A ``<tu>`` for `link`; its ``<seg>``s empty, each returned with what to fill it with."""
    unit = ET.SubElement(body, "tu", tuid=str(index + 1))
    ET.SubElement(unit, "prop", type="x-align-score").text = f"{link.score:.3f}"
    ET.SubElement(unit, "prop", type="x-align-link").text = link.kind
    if link.divergence is not None:
        ET.SubElement(unit, "prop", type="x-align-divergence").text = f"{link.divergence:.3f}"
    if link.findings:
        # A memory is built from what it is fed: a unit whose translation was left in the
        # source language or lacks a sentence says so, for a CAT tool's import filter.
        ET.SubElement(unit, "prop", type="x-align-findings").text = findings_summary(link)
    # Codes only where the file read had them; each id its TMX number, the same both sides.
    codes = _CODE_ORIGINS & set(link.origin or {})
    numbers = _code_numbers([text for _, text in sides]) if codes else None
    segments = []
    for language, text in sides:
        variant = ET.SubElement(unit, "tuv", {_XML_LANG: language})
        segments.append((ET.SubElement(variant, "seg"), text, numbers))
    return segments


def findings_summary(link: Link) -> str:
    """`link`'s findings as ``kind:severity`` words, worst first, each pair once:
    ``untranslated:major omission:info``."""
    pairs = sorted({(f.kind, f.severity) for f in link.findings},
                   key=lambda pair: (-severity_rank(pair[1]), pair[0]))
    return " ".join(f"{kind}:{severity}" for kind, severity in pairs)


def _units(alignment: Alignment):
    """``(index, link, source text, translation text)`` of each link written as a unit."""
    for index, link in enumerate(alignment.links):
        source = line_text(alignment.source, link.source)
        translation = line_text(alignment.translation, link.translation)
        if source and translation:
            yield index, link, source, translation


def written_summary(alignment: Alignment) -> str:
    """What the ``wrote out.tmx`` line adds: how many links no unit holds ("" if none)."""
    left_out = len(alignment.links) - sum(1 for _ in _units(alignment))
    if not left_out:
        return ""
    return f"{counted(left_out, 'one-sided link')} (1-0, 0-1) left out: TMX has no unit for them"


def written_warnings(alignment: Alignment, path: Path) -> list[str]:
    """What a CAT tool cannot use in the file written to `path`: a side tagged ``und``."""
    unknown = [(side, option) for side, option, language in (
        ("source", "--source-lang", alignment.source.language),
        ("translation", "--translation-lang", alignment.translation.language))
        if not _xml_text(language or "")]
    if not unknown:
        return []
    if len(unknown) == 1:
        [(side, option)] = unknown
        return [f'{path}: the {side} language is unknown and written as "und", which a CAT '
                f"tool cannot use; give it with {option} CODE"]
    return [f'{path}: the source and translation languages are unknown and written as "und", '
            "which a CAT tool cannot use; give them with --source-lang CODE and "
            "--translation-lang CODE"]


#: The keys of `Link.origin` of a link read from a file with inline codes: a TMX ``<tu>``,
#: an XLIFF unit (`align.checks.pairs`).
_CODE_ORIGINS = frozenset({"tu", "unit"})
#: A code as `align.checks.pairs` writes it: ``<id/>`` (standalone), ``<id>``, ``</id>``;
#: its ids are letters, digits, ``-`` and ``_``, or ``?`` for a code that had none.
_CODE = re.compile(r"<(?:(/)([\w-]+|\?)|([\w-]+|\?)(/?))>")
_DIGIT = re.compile("[0-9]")


def _codes(text: str) -> list[re.Match[str]]:
    """The codes of `text`: what `_CODE` matches whose id holds a digit (``1``, ``01``,
    ``g7``, ``pt1``, as TMX's numbers and translation tools' ids do) or is ``?``.  The
    record cannot tell a code from text that looks like one (a segment's ``&lt;b&gt;``, a
    ``<ph>``'s own ``<br/>``, both read as that text); an id of letters alone (``b``,
    ``br``, ``span``) is the markup of a text far more often than an id: it stays text,
    which reads back the same, rather than an empty code that does not."""
    return [m for m in _CODE.finditer(text)
            if (m.group(2) or m.group(3)) == "?" or _DIGIT.search(m.group(2) or m.group(3))]


def _code_numbers(texts: list[str]) -> dict[str, int]:
    """Each code id of `texts` and the number TMX's ``x`` gives it: an id that is a number
    written as TMX writes it (``1``, ``12``), that number; any other (``01``, ``pt1``,
    ``g7``, ``?``), the next number free, so that two ids are never one number."""
    ids = [m.group(2) or m.group(3) for text in texts for m in _codes(text)]
    numbers = {code: int(code) for code in ids
               if code.isascii() and code.isdigit() and str(int(code)) == code}
    free = max(numbers.values(), default=0) + 1
    for code in ids:
        if code not in numbers:
            numbers[code], free = free, free + 1
    return numbers


def _add_segment(seg: ET.Element, text: str, numbers: dict[str, int] | None) -> None:
    """`text` into `seg`: as it is (`numbers` None), or with its codes as TMX inline elements
    (`numbers`: `_code_numbers`): ``<n/>`` a ``<ph x="n"/>``; ``<n>`` … ``</n>`` a
    ``<bpt i="k" x="n"/>`` … ``<ept i="k"/>`` (a closing code ends the latest one open with
    its id; the same id nested in itself is two ``<bpt>``s of one ``x``, told apart by
    ``i``); a code opened or closed alone an ``<it pos="begin"|"end" x="n"/>``.  Their
    native code is not known (the record keeps the id alone): the elements are empty."""
    codes = _codes(text) if numbers is not None else []
    if not codes:
        seg.text = text
        return
    pairs: dict[int, int] = {}  # opening code's position in `codes` -> its closing one's
    open_: list[int] = []
    for k, code in enumerate(codes):
        if code.group(1):
            match = next((j for j in reversed(open_) if codes[j].group(3) == code.group(2)),
                         None)
            if match is not None:
                open_.remove(match)
                pairs[match] = k
        elif not code.group(4):
            open_.append(k)
    closing = {k: j for j, k in pairs.items()}
    used: set[int] = set()
    i_of: dict[int, int] = {}  # an opening code's position -> its bpt's i
    seg.text = text[:codes[0].start()]
    for k, code in enumerate(codes):
        x = numbers[code.group(2) or code.group(3)]
        if k in pairs:
            i = x if x not in used else max(used | {x}) + 1
            used.add(i)
            i_of[k] = i
            element = ET.SubElement(seg, "bpt", i=str(i), x=str(x))
        elif k in closing:
            element = ET.SubElement(seg, "ept", i=str(i_of[closing[k]]))
        elif code.group(4):
            element = ET.SubElement(seg, "ph", x=str(x))
        else:
            element = ET.SubElement(seg, "it", pos="end" if code.group(1) else "begin", x=str(x))
        end = codes[k + 1].start() if k + 1 < len(codes) else len(text)
        element.tail = text[code.end():end]


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _tmx_date(created: str) -> str | None:
    """`created` (ISO 8601) in TMX's ``YYYYMMDDThhmmssZ`` form, or None if it is not a date."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return None
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
