"""``.xlsx``: a spreadsheet for review, the way translators and editors pass bitext around.

Three sheets, written with openpyxl:

- **alignment**: one row per link, in order: link number, source, translation, link
  type (``1-2``), score, divergence, the worst finding's severity, and the findings'
  reasons one per line.  Rows with a finding at *minor* or above are shaded by
  severity; the header stays in view and has filters, so a reviewer can sort by
  divergence or keep only the major findings;
- **findings**: one row per finding, worst first (as ``align check`` lists them);
- **about**: the record's signature (tool version, model, settings), its creation
  time and warnings, so the file says what made it.

Every text cell is written as text, never as a formula (a sentence may begin with
``=``), with the characters a spreadsheet cannot hold (C0 controls, U+FFFE, U+FFFF, lone
surrogates) replaced by U+FFFD and longer texts than a cell holds cut, saying so.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from align.record import SEVERITIES, Alignment
from align.render.base import NOT_XML, link_text

EXTENSIONS: tuple[str, ...] = (".xlsx",)

#: Most characters a cell holds (Excel's limit).
CELL_LIMIT = 32_767
_FILLS = {"critical": "F4B6B6", "major": "F8CBAD", "minor": "FFE699"}
_HEADER = ("link", "source", "translation", "type", "score", "divergence", "worst finding",
           "findings")


#: What a cell cannot hold: a workbook is XML (openpyxl's own ILLEGAL_CHARACTERS_RE knows
#: only the controls; U+FFFE, U+FFFF or a lone surrogate fail the whole workbook).
_NOT_IN_A_CELL = NOT_XML


def _text(value: str) -> str:
    value = _NOT_IN_A_CELL.sub("\ufffd", value)
    if len(value) > CELL_LIMIT:
        note = " […cut: longer than a spreadsheet cell holds]"
        value = value[: CELL_LIMIT - len(note)] + note
    return value


def _put(sheet, row: int, column: int, value: Any, wrap: bool = False):
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"  # a sentence beginning with "=" is text, not a formula
    else:
        cell.value = value
    if wrap:
        from openpyxl.styles import Alignment as CellAlignment

        cell.alignment = CellAlignment(wrap_text=True, vertical="top")
    return cell


def _table(sheet, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for column, (name, width) in enumerate(zip(header, widths, strict=True), start=1):
        _put(sheet, 1, column, name).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    from align.checks import worst_first

    book = Workbook()
    links = book.active
    links.title = "alignment"
    # Strings read from a file keep their keys, in a last column ("menu.save").
    keyed = any(link.key for link in alignment.links)
    # ... and their state where the file marks one (fuzzy, needs-translation, obsolete),
    # so that the sheet, checked again with --pairs, says what the file said.
    stated = any(link.state for link in alignment.links)
    header = _HEADER + (("key",) if keyed else ()) + (("state",) if stated else ())
    _table(links, header, (6, 60, 60, 6, 7, 10, 12, 60) + ((24,) if keyed else ())
           + ((18,) if stated else ()))
    for number, link in enumerate(alignment.links, start=1):
        worst = max((f.severity for f in link.findings), key=SEVERITIES.index, default="")
        row = number + 1
        values = (
            number,
            link_text(alignment.source, link.source),
            link_text(alignment.translation, link.translation),
            link.kind,
            round(link.score, 4),
            link.divergence,
            worst,
            "\n".join(f"{f.severity} {f.kind}: {f.reason}" for f in link.findings),
        ) + ((link.key or "",) if keyed else ()) + ((link.state or "",) if stated else ())
        for column, value in enumerate(values, start=1):
            cell = _put(links, row, column, value, wrap=column in (2, 3, 8))
            if worst in _FILLS:
                cell.fill = PatternFill("solid", fgColor=_FILLS[worst])
    links.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(alignment.links) + 1}"

    findings = book.create_sheet("findings")
    header = ("link", "severity", "kind", "reason", "source", "translation")
    header += ("key",) if keyed else ()
    _table(findings, header, (6, 9, 14, 60, 50, 50, 24)[: len(header)])
    for row, (i, finding) in enumerate(worst_first(alignment), start=2):
        link = alignment.links[i]
        values = (i + 1, finding.severity, finding.kind, finding.reason,
                  link_text(alignment.source, link.source),
                  link_text(alignment.translation, link.translation))
        values += (link.key or "",) if keyed else ()
        for column, value in enumerate(values, start=1):
            _put(findings, row, column, value, wrap=4 <= column <= 6)
    findings.auto_filter.ref = (
        f"A1:{get_column_letter(len(header))}{len(alignment.findings()) + 1}")

    about = book.create_sheet("about")
    _table(about, ("field", "value"), (24, 100))
    facts = [("source", alignment.source.path or alignment.source.name),
             ("translation", alignment.translation.path or alignment.translation.name),
             ("source language", alignment.source.language),
             ("translation language", alignment.translation.language),
             ("created", alignment.created)]
    facts += [(key, value if isinstance(value, str) else json.dumps(value, sort_keys=True))
              for key, value in sorted(alignment.signature.items())]
    facts += [("warning", warning) for warning in alignment.warnings]
    for row, (key, value) in enumerate(facts, start=2):
        _put(about, row, 1, key)
        _put(about, row, 2, str(value or ""), wrap=True)

    out = io.BytesIO()
    book.save(out)
    return {path: out.getvalue()}
