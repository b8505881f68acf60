"""Text that is already aligned (``align check --pairs``): a TSV or TMX file, one link per pair.

TSV: one ``source<TAB>translation`` per line, no header; every line is a pair,
in input order, and either side may be empty (an empty side gives a link with
no sentence on that side: an omission or an addition).  TMX: every ``<tu>``
with at least two ``<tuv>``s; the source is the ``<tuv>`` in the header's
``srclang`` (the first one when the header names none or ``*all*``), the
translation the first other one.

Each side becomes a *virtual document*: the pairs' texts joined with ``\\n``,
one line per pair (a pair's line breaks and tabs, if any, become spaces); the
sentences' offsets point into that document, and `document_text` rebuilds it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from align.errors import InputError
from align.record import Alignment, Link, Sentence, Side

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Inline TMX elements whose content is the original's markup, not text.
_CODE_ELEMENTS = {"bpt", "ept", "ph", "it", "ut"}


def read_pairs(path: str | Path) -> Alignment:
    """The pairs of a TSV (any name but ``.tmx``) or TMX file as an `Alignment`, one link each."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"{path} does not exist; give a TSV or TMX file of aligned pairs"
        ) from None
    except OSError as error:
        raise InputError(f"cannot read {path} ({error.strerror})") from None
    if path.suffix.lower() == ".tmx":
        pairs, languages = _read_tmx(path, data)
    else:
        pairs, languages = _read_tsv(path, data), (None, None)
    return pairs_alignment(pairs, name=path.name, path=str(path), languages=languages)


def pairs_alignment(
    pairs: Sequence[tuple[str, str]],
    *,
    name: str = "",
    path: str | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> Alignment:
    """An `Alignment` with one link per ``(source, translation)`` pair, in order."""
    sides: list[list[Sentence]] = [[], []]
    links = []
    offsets = [0, 0]
    for line, pair in enumerate(pairs):
        indices: list[list[int]] = [[], []]
        for k in (0, 1):
            text = " ".join(pair[k].splitlines()).replace("\t", " ")
            if text.strip():
                indices[k].append(len(sides[k]))
                sides[k].append(Sentence(text, offsets[k], offsets[k] + len(text), line))
            offsets[k] += len(text) + 1
        links.append(Link(source=indices[0], translation=indices[1]))
    n = len(pairs)
    return Alignment(
        source=Side(sides[0], name=name, path=path, language=languages[0], paragraphs=n),
        translation=Side(sides[1], name=name, path=path, language=languages[1], paragraphs=n),
        links=links,
        signature={"input": "pairs"},
    )


def document_text(side: Side) -> str:
    """The virtual document of a side read by `read_pairs`: one line per pair."""
    lines = [""] * side.paragraphs
    for s in side.sentences:
        lines[s.paragraph] = s.text
    return "\n".join(lines)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; convert it to UTF-8 first") from None


def _read_tsv(path: Path, data: bytes) -> list[tuple[str, str]]:
    text = _decode(path, data)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    pairs = []
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\r")
        if "\t" not in line:
            if line.strip():
                raise InputError(
                    f"{path}, line {number}: no tab; each line must be source<TAB>translation"
                )
            pairs.append(("", ""))
            continue
        source, translation = line.split("\t", 1)
        if "\t" in translation:
            raise InputError(
                f"{path}, line {number}: more than one tab; each line must be "
                "source<TAB>translation"
            )
        pairs.append((source, translation))
    return pairs


def _segment_text(seg: ET.Element) -> str:
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in _CODE_ELEMENTS:
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


Languages = tuple[str | None, str | None]


def _read_tmx(path: Path, data: bytes) -> tuple[list[tuple[str, str]], Languages]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"{path} is not well-formed TMX ({error})") from None
    header = root.find("header")
    srclang = header.get("srclang") if header is not None else None
    if srclang and srclang.lower() == "*all*":
        srclang = None
    pairs = []
    languages: Languages = (None, None)
    for tu in root.iter("tu"):
        variants = [
            (tuv.get(_XML_LANG) or tuv.get("lang") or "", tuv.find("seg"))
            for tuv in tu.findall("tuv")
        ]
        if len(variants) < 2:
            continue
        first = 0
        if srclang:
            wanted = srclang.lower().split("-")[0]
            matching = [k for k, (lang, _) in enumerate(variants)
                        if lang.lower().split("-")[0] == wanted]
            first = matching[0] if matching else 0
        second = next(k for k in range(len(variants)) if k != first)
        (lang_a, seg_a), (lang_b, seg_b) = variants[first], variants[second]
        pairs.append((
            _segment_text(seg_a) if seg_a is not None else "",
            _segment_text(seg_b) if seg_b is not None else "",
        ))
        languages = (lang_a.split("-")[0].lower() or None, lang_b.split("-")[0].lower() or None)
    if not pairs:
        raise InputError(f"{path} holds no translation unit with two languages")
    return pairs, languages
