"""The ``align check`` report: a summary, then every finding worst first with both sides.

`report_dict` is the same report as plain data, for a program that calls it (``align check
-o report.json`` writes the record, which holds the same findings on their links);
`print_report` shows it with rich, the words a finding points at highlighted in
each side's text.  A run of several documents prints `document_heading` above each one's
report and `overall_line` at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from align.checks import summarise, worst_first
from align.checks.base import quote
from align.record import (
    SEVERITIES,
    Alignment,
    Finding,
    SideName,
    cue_label,
    link_place,
    origin_label,
)
from align.render.base import counted
from align.render.terminal import SEVERITY_STYLE, on_a_terminal, visible

_HIGHLIGHT = {"source": "bold black on bright_cyan", "translation": "bold black on yellow"}


def _side_text(alignment: Alignment, side: SideName, indices: list[int]) -> tuple[str, int]:
    """The link's sentences on `side` joined by spaces, and the document offset of the first."""
    sentences = [alignment.side(side).sentences[k] for k in indices]
    if not sentences:
        return "", 0
    return " ".join(s.text for s in sentences), sentences[0].start


def _highlighted(alignment: Alignment, side: SideName, indices: list[int],
                 finding: Finding) -> Text:
    sentences = [alignment.side(side).sentences[k] for k in indices]
    text = Text()
    for n, sentence in enumerate(sentences):
        if n:
            text.append(" ")
        # Control characters and bidi overrides of the text could command the terminal
        # or a CI log: shown as the view shows them (same length, so spans still fit).
        piece = Text(visible(sentence.text))
        for span in finding.spans:
            if span.side != side:
                continue
            start = max(span.start, sentence.start) - sentence.start
            end = min(span.end, sentence.end) - sentence.start
            if end > start:
                piece.stylize(_HIGHLIGHT[side], start, end)
        text.append_text(piece)
    return text if sentences else Text("(nothing)", style="dim italic")


def report_dict(alignment: Alignment) -> dict[str, Any]:
    """The summary and every finding, worst first, each with the link's two texts (and,
    for a link read from a file of pairs, its ``origin`` there)."""
    findings = []
    for i, f in worst_first(alignment):
        link = alignment.links[i]
        findings.append({
            "link": i,
            "kind": f.kind,
            "severity": f.severity,
            "reason": f.reason,
            "divergence": link.divergence,
            "source": _side_text(alignment, "source", link.source)[0],
            "translation": _side_text(alignment, "translation", link.translation)[0],
            "spans": [{"side": s.side, "start": s.start, "end": s.end, "text": s.text}
                      for s in f.spans],
        } | ({"origin": dict(link.origin)} if link.origin is not None else {}))
    return {"summary": summarise(alignment), "findings": findings}


def print_report(alignment: Alignment, console: Console | None = None, *,
                 limit: int | None = None) -> None:
    """Print the summary and the findings, worst first (at most `limit` of them)."""
    console = console or Console(highlight=False)
    # In a log (not a terminal) each line stays whole, so that a finding or a warning can
    # be found with grep; a terminal wraps them itself.
    whole = not on_a_terminal(console)

    def say(*objects, **kwargs) -> None:
        console.print(*objects, soft_wrap=whole, **kwargs)

    summary = summarise(alignment)
    counts = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    kinds = ", ".join(f"{n} {k}" for k, n in summary["by_kind"].items())
    say(
        f"[bold]{counted(summary['links'], 'link')}[/], "
        f"agreement {summary['agreement']:.2f}, "
        f"{summary['divergent_links']} divergent (≥ {summary['divergence_threshold']}); "
        # The kinds after their own label: after the severities alone they read as a
        # breakdown of the last severity named.
        f"findings: {counts}" + (f"; by kind: {kinds}" if kinds else "")
    )
    baseline = alignment.signature.get("baseline")
    if baseline:
        count = baseline["accepted"]
        say(f"{counted(count, 'finding')} accepted in "
            f"{escape(visible(baseline['file']))} set aside", style="dim")
    # What reading and aligning noticed (an encoding guessed, a side in the wrong language,
    # text a PDF's running heads took) bears on the findings: as the run's view shows it.
    for warning in alignment.warnings:
        say(Text("warning: ", style="yellow") + Text(visible(warning)))
    items = worst_first(alignment)
    shown = items if limit is None else items[:limit]
    grouped = passages(alignment, shown)
    said_passages: set[int] = set()
    for i, f in shown:
        passage = grouped.get(i)
        if passage is not None:
            # A passage left out or added: once, where its worst finding stands.
            if passage[0] not in said_passages:
                said_passages.add(passage[0])
                say()
                _say_passage(alignment, passage, shown, say)
            continue
        link = alignment.links[i]
        style = SEVERITY_STYLE.get(f.severity, "")
        divergence = f"{link.divergence:.2f}" if link.divergence is not None else "–"
        say()
        # A link of a file of pairs says where it is in the file: "link 12, line 14"; of
        # subtitle files, its cue and when it is shown: "link 45, cue 28, 0:01:26".
        where = link_place(alignment, link)
        say(
            f"[{style}]{f.severity.upper()}[/] [bold]{f.kind}[/] · link {i + 1}"
            + (f", {escape(visible(where))}" if where else "")
            + (f" · {escape(visible(link.key))}" if link.key else "")
            + f" ({link.kind}, divergence {divergence}): {escape(visible(f.reason))}"
        )
        say(Text("  source:      ", style="dim")
                      + _highlighted(alignment, "source", link.source, f))
        say(Text("  translation: ", style="dim")
                      + _highlighted(alignment, "translation", link.translation, f))
    if limit is not None and len(items) > limit:
        say(f"\n… and {counted(len(items) - limit, 'more finding')}")


#: Consecutive links with nothing on one side from which the report shows them as one
#: passage (`passages`): a chapter left out reads as one finding, not as one per sentence.
PASSAGE_LINKS = 3


def passages(alignment: Alignment,
             items: Sequence[tuple[int, Finding]]) -> dict[int, list[int]]:
    """The links of `items` (findings with their link's index, as `worst_first` gives them)
    that lie in a passage left out or added, each mapped to its passage's links: a run of
    at least `PASSAGE_LINKS` consecutive links, each with nothing on the same side and
    holding a finding of the run's kind (an omission where the translation is empty, an
    addition where the source is), and no other finding of `items`.  The report shows the
    findings it prints so; the page (`align.render.html`) all of them."""
    kinds: dict[int, list[str]] = {}
    for i, f in items:
        kinds.setdefault(i, []).append(f.kind)

    def side_kind(i: int) -> str | None:
        link = alignment.links[i]
        kind = ("omission" if link.source and not link.translation else
                "addition" if link.translation and not link.source else None)
        return kind if kind is not None and set(kinds.get(i, ())) == {kind} else None

    out: dict[int, list[int]] = {}
    runs: list[list[int]] = []
    for i in sorted(kinds):
        kind = side_kind(i)
        if kind is None:
            continue
        if runs and runs[-1][-1] == i - 1 and side_kind(runs[-1][0]) == kind:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) >= PASSAGE_LINKS:
            out.update(dict.fromkeys(run, run))
    return out


def passage_words(alignment: Alignment, passage: list[int]) -> tuple[str, str]:
    """What a passage (`passages`) is, in words: ("passage left out", "4 source sentences
    with no counterpart in the translation"), or ("passage added", "3 sentences of the
    translation with no counterpart in the source"), for the report and the page alike."""
    omitted = not alignment.links[passage[0]].translation
    side: SideName = "source" if omitted else "translation"
    sentences = sum(len(getattr(alignment.links[i], side)) for i in passage)
    if omitted:
        return ("passage left out", f"{counted(sentences, 'source sentence')} with no "
                "counterpart in the translation")
    return ("passage added", f"{counted(sentences, 'sentence')} of the translation with no "
            "counterpart in the source")


def _say_passage(alignment: Alignment, passage: list[int], shown: list[tuple[int, Finding]],
                 say) -> None:
    """One block for a passage left out or added (`passages`): its worst severity, its
    links and sentences, the findings it gathers by severity, its first and last sentences."""
    inside = set(passage)
    found = [f for i, f in shown if i in inside]
    counts = Counter(f.severity for f in found)
    worst = found[0]  # `shown` is worst first
    omitted = worst.kind == "omission"
    side: SideName = "source" if omitted else "translation"
    sentences = [k for i in passage for k in getattr(alignment.links[i], side)]
    first, last = (alignment.links[passage[0]], alignment.links[passage[-1]])
    where = [origin_label(first), origin_label(last)]
    style = SEVERITY_STYLE.get(worst.severity, "")
    said = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
    name, words = passage_words(alignment, passage)
    what = f"{words}: a {name}"
    say(f"[{style}]{worst.severity.upper()}[/] [bold]{worst.kind}[/] · links {passage[0] + 1}–"
        f"{passage[-1] + 1}" + (f", {escape(visible(where[0]))}–{escape(visible(where[1]))}"
                                if all(where) else "")
        + (f", {escape(visible(cues))}" if (cues := cue_label(alignment, [
            alignment.links[i] for i in passage])) else "")
        + f": {what} ({counted(len(found), 'finding')}: {said})")
    text = alignment.side(side).sentences
    ends = [text[sentences[0]].text, text[sentences[-1]].text]
    say(Text(f"  {side + ':':<13}", style="dim")
        + Text(visible(quote(ends[0], 120)), style=_HIGHLIGHT[side])
        + Text(" … ", style="dim")
        + Text(visible(quote(ends[1], 120)), style=_HIGHLIGHT[side]))
    other = "translation" if omitted else "source"
    say(Text(f"  {other + ':':<13}", style="dim") + Text("(nothing)", style="dim italic"))


@dataclass
class DocumentOutcome:
    """What a run of several documents keeps of each one for `overall_line`."""

    #: How the line names it (`align.batch.Document.label`).
    label: str
    #: Its findings by severity (`summarise`'s ``by_severity``); none if not checked.
    by_severity: dict[str, int] = field(default_factory=dict)
    #: Whether a finding reached ``--fail-on``.
    fails: bool = False
    #: Why it was not checked (an input error), or None.
    problem: str | None = None
    #: Why its outputs (``-o``) were not written, or None: checked all the same, its
    #: findings counted.
    unwritten: str | None = None
    #: Its two files (a file of pairs: `translation` None), its ``{name}`` and the files
    #: its outputs were written to, for `run_summary`.
    source: str = ""
    translation: str | None = None
    name: str | None = None
    written: list[str] = field(default_factory=list)
    #: `summarise` of its record; None if not checked.
    summary: dict[str, Any] | None = None


def document_pair(source: str | Path, translation: str | Path | None = None) -> str:
    """A document of a run of several: ``SOURCE → TRANSLATION``, or a file of pairs alone."""
    return visible(f"{source} → {translation}" if translation is not None else str(source))


def document_heading(index: int, total: int, source: str | Path,
                     translation: str | Path | None = None, note: str = "", *,
                     name: str | None = None) -> str:
    """The line above a document's report in a run of several: ``[2/5] SOURCE → TRANSLATION``
    (`document_pair`), then in brackets the document's `name` (what ``{name}`` stands for
    in its files, when they are named so) and `note`."""
    notes = [f"{{name}} = {name}" if name is not None else "", note]
    said = "; ".join(visible(n) for n in notes if n)
    return f"[{index}/{total}] {document_pair(source, translation)}" + (
        f" ({said})" if said else "")


def overall_line(outcomes: Sequence[DocumentOutcome], gates: Sequence[str], *,
                 unmatched: Sequence[str] = (), excluded: int = 0) -> str:
    """The last line of a run of several documents: how many (as many as the headings'
    ``[i/N]``), how many were checked, their findings by severity, those that fail the gates
    (``--fail-on``), those not checked and those checked whose outputs could not be
    written, each named; then the files of two folders
    `unmatched` (no counterpart, so no document and no heading), each named, and how many
    paths ``--exclude`` left out (`excluded`)."""
    checked = [o for o in outcomes if o.problem is None]
    total: Counter[str] = Counter()
    for outcome in outcomes:
        total.update(outcome.by_severity)
    counts = ", ".join(f"{total[s]} {s}" for s in reversed(SEVERITIES) if total[s]) or "none"
    failing = [o.label for o in outcomes if o.fails]
    unchecked = [o.label for o in outcomes if o.problem is not None]
    unwritten = [o.label for o in outcomes if o.unwritten is not None]
    gate = " --fail-on ".join(gates)

    def listed(labels: Sequence[str]) -> str:
        return f"{len(labels)} ({', '.join(labels)})" if labels else "none"

    line = (f"overall: {counted(len(outcomes), 'document')}, "
            f"{len(checked)} checked; findings: {counts}; failing --fail-on {gate}: "
            f"{listed(failing)}")
    if unchecked:
        line += f"; not checked: {listed(unchecked)}"
    if unwritten:
        line += f"; not written: {listed(unwritten)}"
    if unmatched:
        line += f"; without counterpart: {listed(unmatched)}"
    if excluded:
        line += f"; excluded by --exclude: {excluded}"
    return visible(line)


def run_verdict(incomplete: bool, failing: bool) -> str:
    """A run's verdict over its documents: ``"incomplete"`` when a file has no counterpart or
    a document could not be checked or written, else ``"fail"`` when a finding reaches a
    gate, else ``"pass"`` (`run_summary`, and `align.batch.DocumentsCheck.verdict`)."""
    return "incomplete" if incomplete else "fail" if failing else "pass"


def run_summary(outcomes: Sequence[DocumentOutcome], gates: Sequence[str], exit_code: int, *,
                unmatched: Sequence[dict[str, str]] = (), skipped: Sequence[str] = (),
                excluded: int = 0) -> dict[str, Any]:
    """The result of one ``align check`` run as plain data (``--summary run.json``), for a
    CI job to read rather than parse the overall line: the ``verdict`` (``"incomplete"``
    when a document could not be checked or its outputs written, or a file has no
    counterpart, else ``"fail"`` when a finding reaches a gate, else ``"pass"``), the
    `exit_code` it goes with, the gates, the findings by severity over all documents, and
    each document with its files, its summary (`summarise`: its own verdict) and what
    went wrong with it; `unmatched`, the files of two folders without a counterpart, each
    ``{"present": path, "missing": path}``."""
    from datetime import datetime

    from align import __version__

    total: Counter[str] = Counter()
    for outcome in outcomes:
        total.update(outcome.by_severity)
    verdict = run_verdict(
        bool(unmatched) or any(o.problem is not None or o.unwritten is not None
                               for o in outcomes),
        any(o.fails for o in outcomes))
    return {
        "format": "align/check-run",
        "format_version": 1,
        "tool": "align",
        "version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "verdict": verdict,
        "exit_code": exit_code,
        "fail_on": list(dict.fromkeys(gates)),
        "by_severity": {s: total[s] for s in reversed(SEVERITIES) if total[s]},
        "documents": [
            {"source": o.source, "translation": o.translation, "name": o.name,
             "fails": o.fails, "summary": o.summary, "outputs": list(o.written),
             "problem": o.problem, "unwritten": o.unwritten}
            for o in outcomes],
        "without_counterpart": list(unmatched),
        "skipped": list(skipped),
        "excluded": excluded,
    }
