"""``.tmx``: a TMX 1.4b translation memory, one translation unit per two-sided link.

Links with an empty side (1-0, 0-1) have nothing to pair and are left out.
Each ``<tu>`` carries the link's score (``x-align-score``), its type
(``x-align-link``, e.g. ``1-2``) and, once checked, its divergence
(``x-align-divergence``) as ``<prop>``s.  A side whose language is unknown is
tagged ``und`` (BCP 47 "undetermined").  Characters XML 1.0 cannot carry (most
C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped from the segments.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from align import __version__
from align.record import Alignment, Link
from align.render.base import NOT_XML, link_text

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
    for index, link in enumerate(alignment.links):
        source = _xml_text(link_text(alignment.source, link.source))
        translation = _xml_text(link_text(alignment.translation, link.translation))
        if source and translation:
            _add_unit(
                body, index, link, (source_language, source), (translation_language, translation)
            )
    ET.indent(root, space=" ")
    return {path: ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"}


def _add_unit(body: ET.Element, index: int, link: Link, *sides: tuple[str, str]) -> None:
    unit = ET.SubElement(body, "tu", tuid=str(index + 1))
    ET.SubElement(unit, "prop", type="x-align-score").text = f"{link.score:.3f}"
    ET.SubElement(unit, "prop", type="x-align-link").text = link.kind
    if link.divergence is not None:
        ET.SubElement(unit, "prop", type="x-align-divergence").text = f"{link.divergence:.3f}"
    for language, text in sides:
        variant = ET.SubElement(unit, "tuv", {_XML_LANG: language})
        ET.SubElement(variant, "seg").text = text


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _tmx_date(created: str) -> str | None:
    """`created` (ISO 8601) in TMX's ``YYYYMMDDThhmmssZ`` form, or None if it is not a date."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return None
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
