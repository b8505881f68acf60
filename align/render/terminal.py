"""The terminal view: the two texts side by side, one row per link, with findings under the text.

Rows are numbered from 1.  The score column is coloured by how faithful the link
looks (its divergence once checked, its similarity before); a paragraph break on
either side starts a new section of the table; a side with no sentence shows a
dim marker; each finding is listed under its side's text with its severity, styled as
`align check`'s report styles it (`SEVERITY_STYLE`).  `rich` wraps the table to the
terminal's width and drops the colours when the output is not a terminal; there (a log,
a pipe) the lines above and below the table are printed whole, for grep, and the
table's lines without the spaces that pad them to the width.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from align.record import (
    DIVERGENCE_THRESHOLD,
    SEVERITIES,
    Alignment,
    Finding,
    Link,
    Side,
    SideName,
    cue_label,
    link_place,
    severity_rank,
)
from align.render.base import counted

GAP_MARKER = "— nothing —"
PARAGRAPH_MARK = " ¶ "

#: Faithfulness (1 - divergence, or similarity before checking) at or above which a
#: link is shown as good, and as doubtful; below the second it is shown as bad.
GOOD, DOUBTFUL = 0.7, 0.5

_SEVERITY_COLOUR = {"info": "blue", "minor": "yellow", "major": "red", "critical": "bold red"}
#: How a finding's severity is shown, in this view as in `align check`'s report
#: (`align.checks.report`): the worst stand out, information recedes.
SEVERITY_STYLE = {"critical": "bold white on red", "major": "bold red", "minor": "yellow",
                  "info": "dim"}

# Line breaks and tabs become spaces; control characters (which could move the
# cursor or ring the bell), bidirectional overrides (which could reorder what is
# shown) and lone surrogates become U+FFFD.  One character for one, so that span
# offsets still index the shown text.  Joiners, soft hyphens and marks stay.
_AS_SPACE = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


#: A file name's endings, which tell two files apart: ".fr.txt", ".txt".
_ENDINGS = re.compile(r"(?:\.[^.\s]{1,8}){1,2}$")


def visible(text: str) -> str:
    """`text` safe to print, character for character (same length, same offsets)."""
    return _UNPRINTABLE.sub("\ufffd", text.translate(_AS_SPACE))


def on_a_terminal(console: Console) -> bool:
    """Whether `console` writes to a real terminal, which wraps long lines itself.

    Not rich's ``is_terminal``: ``FORCE_COLOR`` (set by many CI systems) makes rich call a
    pipe or a log file a terminal; the colours it forces stay, but lines printed there
    must stay whole, for grep, as in any other file."""
    isatty = getattr(console.file, "isatty", None)
    try:
        return bool(console.is_terminal and isatty is not None and isatty())
    except ValueError:  # a closed file
        return False


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
    # Whole in a log, so that grep finds a line; a terminal wraps it itself.
    whole = not on_a_terminal(console)
    console.print(_header(alignment), soft_wrap=whole)
    for warning in alignment.warnings:
        console.print(Text("warning: ", style="yellow") + Text(visible(warning)), soft_wrap=whole)

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
    # A long word of the text is folded to fit its cell; a file name in the heading is
    # shortened in its middle instead, its language and ending kept ("….en.txt").
    table.add_column(_Name(visible(alignment.source.name) or "source"), ratio=1, overflow="fold")
    table.add_column(_Name(visible(alignment.translation.name) or "translation"), ratio=1,
                     overflow="fold")
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
    _print_trimmed(console, table)
    if any(link.divergence is not None for _, link in shown):
        console.print(Text(
            "score: the link's similarity; div: its divergence, 0 = faithful, 1 = unrelated, "
            f"from {DIVERGENCE_THRESHOLD} on divergent", style="dim"), soft_wrap=whole)
    if left_out:
        console.print(Text(f"… {counted(left_out, 'more link')} not shown", style="dim"),
                      soft_wrap=whole)


#: Most findings the recap under `align run`'s view lists, one a line (`print_recap`).
RECAP_FINDINGS = 20

#: Fewest cells of a reason the recap keeps on a terminal before it shortens where the
#: finding is (``link 6, p. 2 · key``) to the link's number (``#6``).
RECAP_REASON_ROOM = 20


def print_recap(alignment: Alignment, console: Console, *, more: str = "",
                limit: int = RECAP_FINDINGS) -> None:
    """What a reader of a long view must not miss, after it: the findings by severity,
    then those at minor or above one a line, worst first and a passage left out or added
    as one line, as `align check`'s report orders and groups them, each shortened to a
    terminal's width (whole in a file or a log); at most `limit` lines of them, then how
    many more and `more`, where to see them all.  Nothing for a record that was not checked."""
    if "checks" not in alignment.signature:
        return
    from align.checks import worst_first
    from align.checks.report import passage_words, passages

    whole = not on_a_terminal(console)
    findings = worst_first(alignment)
    by_severity = Counter(f.severity for _, f in findings)
    counts = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITIES) if by_severity[s])
    notable = [(i, f) for i, f in findings if severity_rank(f.severity) >= severity_rank("minor")]
    console.print()
    console.print(f"findings: {counts or 'none'}"
                  + ("; at minor or above, worst first:" if notable else ""),
                  markup=False, highlight=False, soft_wrap=whole)
    grouped = passages(alignment, findings)
    # Each line: where (in full, and as the view's # column numbers it), its worst finding,
    # what it says, how many findings it stands for.
    lines: list[tuple[str, str, Finding, str, int]] = []
    said: set[int] = set()
    for i, finding in notable:
        passage = grouped.get(i)
        if passage is None:
            link = alignment.links[i]
            where = ", ".join(filter(None, (f"link {i + 1}", link_place(alignment, link))))
            lines.append((where + (f" · {link.key}" if link.key else ""), f"#{i + 1}",
                          finding, finding.reason, 1))
        elif passage[0] not in said:  # once, where its worst finding stands
            said.add(passage[0])
            name, words = passage_words(alignment, passage)
            inside = set(passage)
            span = f"{passage[0] + 1}–{passage[-1] + 1}"
            cues = cue_label(alignment, [alignment.links[k] for k in passage])
            lines.append((", ".join(filter(None, (f"links {span}", cues))), f"#{span}", finding,
                          f"{words}: a {name}",
                          sum(k in inside for k, _ in notable)))
    for where, number, finding, what, _ in lines[:limit]:
        severity = (visible(finding.severity.upper()), SEVERITY_STYLE.get(finding.severity, ""))
        kind = (visible(finding.kind), "bold")
        line = Text.assemble("  ", severity, " ", kind, f" · {visible(where)}: ")
        if not whole and console.width - line.cell_len < RECAP_REASON_ROOM:
            # A narrow terminal: the link's number alone, for room to say what is wrong.
            line = Text.assemble(severity, " ", kind, f" {visible(number)}: ")
        reason = Text(visible(" ".join(what.split())))
        line += reason
        if not whole:  # one line a finding on a terminal; in a file or a log, all of it
            line.truncate(console.width, overflow="ellipsis")
        console.print(line, soft_wrap=True)
    left_out = sum(count for *_, count in lines[limit:])
    if left_out:
        console.print(f"  … and {counted(left_out, 'more finding')} at minor or above"
                      + (f": {more}" if more else ""), markup=False, highlight=False,
                      soft_wrap=whole)


def _print_trimmed(console: Console, renderable: RenderableType) -> None:
    """Print `renderable`; where the output is not a terminal, each of its lines without the
    spaces that pad it to the console's width (a terminal shows none of them anyway)."""
    if on_a_terminal(console):
        console.print(renderable)
        return
    lines = [
        Text.assemble(*((s.text, s.style) for s in line if not s.control))
        for line in console.render_lines(renderable, console.options, pad=False)
    ]
    for line in lines:
        line.rstrip()
    # Already as wide as the console at most: printed as they are, never wrapped again.
    console.print(Text("\n").join(lines), soft_wrap=True)


class _Name:
    """A column's heading: a file name, whole where it fits, else shortened in the middle
    ("poe_the_pu…er.en.txt"), so that it is never broken over two lines and its
    ending, which often tells the two files apart, stays."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = cell_len(self.name)
        return Measurement(min(width, 8), width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(shortened(self.name, options.max_width), no_wrap=True, overflow="ellipsis")


def shortened(name: str, width: int) -> str:
    """`name` in at most `width` cells: whole if it fits, else its start and its end about
    an ellipsis, the end at least its endings (".fr.txt") where they leave room for more."""
    if cell_len(name) <= width:
        return name
    if width <= 1:
        return "…"[:max(width, 0)]
    room = width - 1
    ending = _ENDINGS.search(name)
    kept = cell_len(ending.group()) if ending else 0
    tail_room = max(room // 2, kept if kept < room else 0)
    head, tail = "", ""
    for character in reversed(name):
        if cell_len(character + tail) > tail_room:
            break
        tail = character + tail
    for character in name:
        if cell_len(head + character + tail) > room:
            break
        head += character
    return head + "…" + tail


def _header(alignment: Alignment) -> Text:
    def described(side: Side, fallback: str) -> Text:
        name = Text(visible(side.name or side.path or fallback), style="bold")
        language = f" ({visible(side.language)})" if side.language else ""
        return name + Text(f"{language}, {counted(len(side.sentences), 'sentence')}")

    header = (
        described(alignment.source, "source")
        + Text("  ⟷  ")
        + described(alignment.translation, "translation")
    )
    kinds = Counter(_link_type(link) for link in alignment.links)
    details = [counted(len(alignment.links), "link")]
    details += [
        f"{kinds[kind]} {kind}" for kind in ("one-to-one", "merged", "unmatched", "blank")
        if kinds[kind]
    ]
    findings = [finding for _, finding in alignment.findings()]
    severities = Counter(finding.severity for finding in findings)
    summary = ", ".join(f"{severities[s]} {s}" for s in reversed(SEVERITIES) if severities[s])
    details.append(counted(len(findings), "finding") + (f" ({summary})" if summary else ""))
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
    """``MAJOR omission · reason``: the severity as the report shows it, then the kind."""
    colour = _SEVERITY_COLOUR.get(finding.severity, "red")
    return Text.assemble(
        (visible(finding.severity.upper()), SEVERITY_STYLE.get(finding.severity, "")),
        " ",
        (visible(finding.kind), f"bold {colour}"),
        (" · " + visible(finding.reason), colour),
    )


def _score_cell(link: Link) -> Text:
    faithfulness = link.score if link.divergence is None else 1.0 - link.divergence
    colour = "green" if faithfulness >= GOOD else "yellow" if faithfulness >= DOUBTFUL else "red"
    cell = Text(f"{link.score:.2f}", style=colour)
    if link.divergence is not None:
        cell.append(f"\ndiv {link.divergence:.2f}", style=f"dim {colour}")
    return cell
