"""The terminal view: the two texts side by side, one row per link, with findings under the text.

Rows are numbered from 1.  The score column is coloured by how faithful the link
looks (its divergence once checked, its similarity before); a paragraph break on
either side starts a new section of the table; a side with no sentence shows a
dim marker.  `rich` wraps the table to the terminal's width and drops the
colours when the output is not a terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from align.record import DIVERGENCE_THRESHOLD, SEVERITIES, Alignment, Finding, Link, Side, SideName

GAP_MARKER = "— nothing —"
PARAGRAPH_MARK = " ¶ "

#: Faithfulness (1 - divergence, or similarity before checking) at or above which a
#: link is shown as good, and as doubtful; below the second it is shown as bad.
GOOD, DOUBTFUL = 0.7, 0.5

_SEVERITY_COLOUR = {"info": "blue", "minor": "yellow", "major": "red", "critical": "bold red"}

# Line breaks and tabs become spaces; control characters (which could move the
# cursor or ring the bell), bidirectional overrides (which could reorder what is
# shown) and lone surrogates become U+FFFD.  One character for one, so that span
# offsets still index the shown text.  Joiners, soft hyphens and marks stay.
_AS_SPACE = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """`text` safe to print, character for character (same length, same offsets)."""
    return _UNPRINTABLE.sub("\ufffd", text.translate(_AS_SPACE))


def print_alignment(
    alignment: Alignment,
    console: Console | None = None,
    *,
    only_findings: bool = False,
    limit: int | None = None,
) -> None:
    """Print `alignment` as a side-by-side table.

    `only_findings` keeps the links that have findings; `limit` shows at most that
    many rows and says how many were left out.
    """
    console = console or Console()
    console.print(_header(alignment))
    for warning in alignment.warnings:
        # Whole in a log, so that grep finds it; a terminal wraps it itself.
        console.print(Text("warning: ", style="yellow") + Text(visible(warning)),
                      soft_wrap=not console.is_terminal)

    shown = [
        (index, link)
        for index, link in enumerate(alignment.links)
        if link.findings or not only_findings
    ]
    left_out = 0
    if limit is not None and len(shown) > limit:
        left_out = len(shown) - limit
        shown = shown[:limit]
    if not shown:
        console.print(Text("no findings" if only_findings else "no links", style="dim"))
        return

    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column(visible(alignment.source.name) or "source", ratio=1, overflow="fold")
    table.add_column(visible(alignment.translation.name) or "translation", ratio=1, overflow="fold")
    table.add_column("score", justify="right", no_wrap=True)
    previous: tuple[int, Link] | None = None
    for index, link in shown:
        if previous is not None and _starts_section(alignment, previous, (index, link)):
            table.add_section()
        table.add_row(
            str(index + 1),
            _cell(alignment, link, "source"),
            _cell(alignment, link, "translation"),
            _score_cell(link),
        )
        previous = (index, link)
    console.print(table)
    if any(link.divergence is not None for _, link in shown):
        console.print(Text(
            "score: the link's similarity; div: its divergence, 0 = faithful, 1 = unrelated, "
            f"from {DIVERGENCE_THRESHOLD} on divergent", style="dim"))
    if left_out:
        console.print(Text(f"… {left_out} more links not shown", style="dim"))


def _header(alignment: Alignment) -> Text:
    def described(side: Side, fallback: str) -> Text:
        name = Text(visible(side.name or side.path or fallback), style="bold")
        language = f" ({visible(side.language)})" if side.language else ""
        return name + Text(f"{language}, {len(side.sentences)} sentences")

    header = (
        described(alignment.source, "source")
        + Text("  ⟷  ")
        + described(alignment.translation, "translation")
    )
    kinds = Counter(_link_type(link) for link in alignment.links)
    details = [f"{len(alignment.links)} links"]
    details += [
        f"{kinds[kind]} {kind}" for kind in ("one-to-one", "merged", "unmatched", "blank")
        if kinds[kind]
    ]
    findings = [finding for _, finding in alignment.findings()]
    severities = Counter(finding.severity for finding in findings)
    summary = ", ".join(f"{severities[s]} {s}" for s in reversed(SEVERITIES) if severities[s])
    details.append(f"{len(findings)} findings" + (f" ({summary})" if summary else ""))
    model = _model_label(alignment.signature)
    if model:
        details.insert(0, f"model {model}")
    return header + Text("\n" + " · ".join(details), style="dim")


def _link_type(link: Link) -> str:
    if not link.source and not link.translation:
        return "blank"  # a blank line between pairs of a file (--pairs): no text on either side
    if not link.source or not link.translation:
        return "unmatched"
    return "one-to-one" if link.kind == "1-1" else "merged"


def _model_label(signature: dict) -> str:
    model = signature.get("model")
    if isinstance(model, dict):
        model = model.get("id") or model.get("name")
    return visible(str(model)) if model else ""


def _starts_section(
    alignment: Alignment, previous: tuple[int, Link], current: tuple[int, Link]
) -> bool:
    """True if rows are not consecutive links, or a paragraph ends between them on either side."""
    (previous_index, previous_link), (index, link) = previous, current
    if index != previous_index + 1:
        return True
    for name in ("source", "translation"):
        side: Side = alignment.side(name)
        before, after = getattr(previous_link, name), getattr(link, name)
        if (
            before
            and after
            and side.sentences[before[-1]].paragraph != side.sentences[after[0]].paragraph
        ):
            return True
    return False


def _cell(alignment: Alignment, link: Link, name: SideName) -> Text:
    side = alignment.side(name)
    indices: Sequence[int] = getattr(link, name)
    cell = Text()
    if not indices:
        cell.append(GAP_MARKER, style="dim italic")
    for position, i in enumerate(indices):
        sentence = side.sentences[i]
        if position:
            paragraph_changed = (
                side.sentences[indices[position - 1]].paragraph != sentence.paragraph
            )
            cell.append(PARAGRAPH_MARK if paragraph_changed else " ", style="dim")
        offset = len(cell)
        cell.append(visible(sentence.text))
        for finding in link.findings:
            for span in finding.spans:
                start, end = max(span.start, sentence.start), min(span.end, sentence.end)
                if span.side == name and start < end:
                    cell.stylize(
                        f"underline {_SEVERITY_COLOUR.get(finding.severity, 'red')}",
                        offset + start - sentence.start,
                        offset + end - sentence.start,
                    )
    for finding in link.findings:
        if _finding_side(finding) == name:
            cell.append("\n")
            cell.append_text(_badge(finding))
    return cell


def _finding_side(finding: Finding) -> SideName:
    """The column a finding is listed in: the side of its first span, else the translation."""
    if finding.spans and finding.spans[0].side == "source":
        return "source"
    return "translation"


def _badge(finding: Finding) -> Text:
    colour = _SEVERITY_COLOUR.get(finding.severity, "red")
    badge = Text(f"[{visible(finding.kind)}]", style=f"bold {colour}")
    return badge + Text(" " + visible(finding.reason), style=colour)


def _score_cell(link: Link) -> Text:
    faithfulness = link.score if link.divergence is None else 1.0 - link.divergence
    colour = "green" if faithfulness >= GOOD else "yellow" if faithfulness >= DOUBTFUL else "red"
    cell = Text(f"{link.score:.2f}", style=colour)
    if link.divergence is not None:
        cell.append(f"\ndiv {link.divergence:.2f}", style=f"dim {colour}")
    return cell
