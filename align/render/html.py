"""The side-by-side page: one self-contained HTML file to read a translation against its source.

The whole alignment is a static table (source left, translation right, one row per
link), so the page reads and prints without JavaScript; the inline script in
``assets/page.js`` only adds navigation, filters, search, the overview strip, and the
marking of findings as accepted, saved as a baseline for ``align check --baseline``
(``align.checks.baseline``).
Nothing is fetched: the Content-Security-Policy allows no network at all and runs
only the page's own script and stylesheet (by hash), so even text that slipped
past escaping could not execute.

Every string from the record is escaped here and nowhere else; the data the
script needs goes into one ``application/json`` block whose ``<``, ``>`` and
``&`` are written as ``\\u003c`` etc., so no input can end that block early.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from align.record import (
    DIVERGENCE_THRESHOLD,
    FINDING_KINDS,
    SEVERITIES,
    Alignment,
    Finding,
    Link,
    Sentence,
    Side,
    finding_key,
    link_place,
    link_texts,
    normal_text,
    severity_rank,
)
from align.render.base import counted
from align.render.svg_map import link_divergence, render_svg

EXTENSIONS: tuple[str, ...] = (".html", ".htm")

_ASSETS = Path(__file__).with_name("assets")

#: Lower bounds of the divergence bands that colour rows, the overview strip and the legend;
#: a band runs from its bound up to the next one's (the last one to 1.0, included).
#: "divergent" begins where `align check` counts a link divergent (`DIVERGENCE_THRESHOLD`,
#: the summary's ``divergence_threshold``), and "loose" halfway from "close" to it.
DIVERGENCE_BANDS: tuple[float, ...] = (
    0.0, 0.2, round((0.2 + DIVERGENCE_THRESHOLD) / 2, 2), DIVERGENCE_THRESHOLD, 0.8)
_BAND_LABELS = ("faithful", "close", "loose", "divergent", "unrelated")

#: Finding kinds whose spans mark words that have no counterpart on the other side.
_NO_COUNTERPART_KINDS = frozenset({"omission", "addition", "meaning-shift"})
#: Finding kinds whose spans mark a mismatched number or name.
_MISMATCH_KINDS = frozenset({"number", "name"})
#: Highlight classes by precedence when spans overlap: mismatch, no counterpart, other.
_MARK_PRECEDENCE = ("nm", "nc", "ot")
#: A rough measure of a text column at common window widths (see `_estimated_lines`).
_CHARACTERS_PER_LINE = 62
#: Heights in rem of a line of text, of a row's padding and of a paragraph's extra space,
#: as page.css sets them; used to estimate the height of rows not yet laid out.
_LINE_REM, _ROW_PADDING_REM, _PARAGRAPH_REM = 1.55, 0.75, 0.8
#: Rows per <tbody>: the unit the browser skips when it is off screen.
_ROWS_PER_GROUP = 40

# Characters that must not reach the page raw: C0/C1 controls (HTML parse errors,
# invisible) and lone surrogates (not encodable).  Each is replaced one for one, so
# span offsets stay valid.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
#: The links a warning names, numbered as the rows are ("links #72–86", "link #5").
_WARNING_LINKS = re.compile(r"\blinks? #(\d+)(?:–\d+)?")
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"}
)


# Marks the page as scripted before the body is parsed, so that the styles that depend
# on it apply from the first layout instead of forcing a second one over the whole table.
_SCRIPT_FLAG = 'document.documentElement.classList.add("js")'


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    """The page as one UTF-8 file at `path`."""
    return {path: render_html(alignment).encode("utf-8")}


def render_html(alignment: Alignment) -> str:
    """The whole page as a string: header, table of links, alignment map and script."""
    css, js = _asset("page.css"), _asset("page.js")
    policy = (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; "
        f"script-src '{_sha256(_SCRIPT_FLAG)}' '{_sha256(js)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    shared = _shared_file(alignment)
    grouped = _passages(alignment)
    title = (
        f"{shared}: source · translation" if shared else
        f"{_side_title(alignment.source, 'Source')} · "
        f"{_side_title(alignment.translation, 'Translation')}"
    )
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en"><head><meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light dark">\n',
        f"<title>{_text(title)}</title>\n",
        f"<style>{css}</style>\n",
        f"<script>{_SCRIPT_FLAG}</script>\n",
        "</head>\n<body>\n",
        '<a class="skip" href="#links">Skip to the text</a>\n',
        _header(alignment, grouped),
        _toolbar(alignment),
        # The whole text at a glance.  Its drawing is hidden from assistive technology (the
        # table says it all); page.js adds its marks, the flagged and the divergent links,
        # as one tab stop whose arrows move from mark to mark and Enter goes to the link.
        '<nav class="strip" id="strip" aria-label="Overview" title="The whole text: '
        "divergence left, findings right; click to go there, or Tab to it, then the arrows "
        'and Enter (also j, k, Home, End from the text)" hidden>'
        '<canvas aria-hidden="true"></canvas><div class="view" aria-hidden="true"></div>'
        '<div class="marks" role="toolbar" aria-orientation="vertical" '
        'aria-label="Flagged and divergent links"></div></nav>\n',
        "<main>\n",
        _table(alignment, grouped),
        # What the script says when the filters leave no row to show.
        '<p class="empty" id="empty" role="status"></p>\n'
        "</main>\n",
        '<script type="application/json" id="align-data">'
        f"{_json_for_script(_script_data(alignment))}</script>\n",
        f"<script>{js}</script>\n",
        "</body></html>\n",
    ]
    return "".join(parts)


# -- pieces of the page ------------------------------------------------------------------


def _header(alignment: Alignment, grouped: dict[int, list[int]]) -> str:
    source, translation = alignment.source, alignment.translation
    links = alignment.links
    parts = ['<header class="top">\n<div class="intro">\n']
    shared = _shared_file(alignment)
    if shared:  # strings paired in one file (check --pairs): its name once, then the sides
        parts.append(
            f'<h1><span class="side-name">{_text(shared)}</span> '
            f'<span class="sides">source{_language_badge(source)} '
            '<span class="arrow" aria-hidden="true">→</span>'
            '<span class="vh"> translated as </span> '
            f"translation{_language_badge(translation)}</span></h1>\n"
        )
    else:
        parts.append(
            f'<h1><span class="side-name">{_text(_side_title(source, "Source"))}</span>'
            f'{_language_badge(source)} <span class="arrow" aria-hidden="true">→</span>'
            '<span class="vh"> translated as </span> '
            f'<span class="side-name">{_text(_side_title(translation, "Translation"))}</span>'
            f"{_language_badge(translation)}</h1>\n"
        )
    parts.append(_provenance(alignment))
    parts.append(_summary(alignment, grouped))
    parts.append(_legend(links))
    if alignment.warnings:
        items = "".join(f"<li>{_warning(w, len(links))}</li>" for w in alignment.warnings)
        parts.append(
            f'<section class="warnings" aria-label="Warnings"><ul>{items}</ul></section>\n'
        )
    parts.append("</div>\n")
    parts.append(
        '<figure class="map" id="map"><figcaption>Alignment map'
        '<span class="hint"> · click to jump</span></figcaption>'
        f"{render_svg(alignment, width=300, height=330, standalone=False)}</figure>\n"
    )
    parts.append("</header>\n")
    return "".join(parts)


def _warning(warning: str, count: int) -> str:
    """A warning as HTML: the links it names ("links #72–86" of a missing passage) a link to
    the first of their rows, when there is such a row."""
    out, end = [], 0
    for match in _WARNING_LINKS.finditer(warning):
        first = int(match.group(1))
        if not 1 <= first <= count:
            continue
        out.append(_text(warning[end:match.start()]))
        out.append(f'<a href="#L{first}">{_text(match.group())}</a>')
        end = match.end()
    out.append(_text(warning[end:]))
    return "".join(out)


def _provenance(alignment: Alignment) -> str:
    """Model, signature and date, with every signature field in a disclosure."""
    signature = alignment.signature or {}
    bits = []
    model = _model_name(signature)
    if model:
        bits.append(f'<span class="meta-item">Model <b>{_text(model)}</b></span>')
    if alignment.created:
        bits.append(
            f'<span class="meta-item">Aligned <time datetime="{_attr(alignment.created)}">'
            f"{_text(_readable_date(alignment.created))}</time></span>"
        )
    line = f'<p class="meta">{" · ".join(bits)}</p>\n' if bits else ""
    if not signature:
        return line
    summary = signature.get("string")
    rows = "".join(
        f"<dt>{_text(str(key))}</dt><dd>{_text(_plain(value))}</dd>"
        for key, value in signature.items()
        if key != "string"
    )
    shown = f"<code>{_text(str(summary))}</code>" if summary else "Signature"
    return (
        f'{line}<details class="signature"><summary>{shown}</summary><dl>{rows}</dl></details>\n'
    )


def _summary(alignment: Alignment, grouped: dict[int, list[int]]) -> str:
    links = alignment.links
    kinds = Counter(link.kind for link in links)
    kind_text = ", ".join(
        f"{count:,} × {_text(kind)}"
        for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    )
    findings = [f for link in links for f in link.findings]
    by_kind = Counter(f.kind for f in findings)
    flagged = sum(1 for link in links if link.findings)
    agreement = _agreement(alignment)
    # The toolbar counts a passage once: the header says how many links they gather.
    starts = {passage[0] for passage in grouped.values()}
    gathered = (f' <span class="sub">{counted(len(grouped), "link")} in '
                f'{counted(len(starts), "passage")}</span>' if grouped else "")
    cells = [
        f'<div><dt>Links</dt><dd><b>{len(links):,}</b> <span class="sub">{kind_text}</span>'
        "</dd></div>",
        f"<div><dt>Agreement</dt><dd><b>{agreement}</b></dd></div>",
        f"<div><dt>Flagged links</dt><dd><b>{flagged:,}</b>{gathered}</dd></div>",
    ]
    ended = alignment.verdict()
    if ended:  # checked as CI checks it (`align check --fail-on`): how that check ended
        verdict = ended["verdict"]
        cells.append(
            f'<div class="verdict {verdict}"><dt>Verdict</dt><dd><b>{verdict}</b> '
            f'<span class="sub">--fail-on {_text(" ".join(ended["fail_on"]))}: '
            f"{counted(ended['failing'], 'finding')}</span></dd></div>")
    finding_items = "".join(
        f'<li class="k-{_kind_class(kind)}"><b>{count:,}</b> {_text(kind)}</li>'
        for kind, count in sorted(by_kind.items(), key=lambda item: _kind_order(item[0]))
    )
    # By severity too, worst first: a reader weighs "3 major" before the kinds.  On the
    # heading's line, which has room for it: the header, and the rows under it, stay put.
    by_severity = Counter(f.severity for f in findings)
    severities = " · ".join(
        f"<b>{by_severity[s]:,}</b> {_text(s)}"
        for s in sorted(by_severity, key=lambda s: (-severity_rank(s), s))
    )
    if severities:
        severities = f' <span class="severities">{severities}</span>'
    findings_block = (
        f'<ul class="kinds">{finding_items}</ul>' if finding_items else '<p class="sub">none</p>'
    )
    accepted = sum(len(link.accepted) for link in links)
    set_aside = f", {accepted:,} accepted" if accepted else ""
    return (
        f'<dl class="summary">{"".join(cells)}</dl>\n'
        f'<div class="findings-summary"><h2>Findings <span class="sub">{len(findings):,}'
        f"{set_aside}</span>{severities}</h2>{findings_block}</div>\n"
    )


def _legend(links: Sequence[Link]) -> str:
    counts = Counter(_band(link) for link in links)
    items = []
    highs = (*DIVERGENCE_BANDS[1:], 1.0)
    for band, (low, high, label) in enumerate(zip(DIVERGENCE_BANDS, highs, _BAND_LABELS,
                                                  strict=True)):
        items.append(
            f'<li><span class="sw d{band}" aria-hidden="true"></span>'
            f'<span class="lg-label">{label}</span> '
            f'<span class="sub">{low:.2f}–{high:.2f} · {counts.get(band, 0):,}</span></li>'
        )
    return (
        '<div class="legend"><h2>Divergence <span class="sub">row colour, left of the '
        f'translation</span></h2><ul>{"".join(items)}</ul></div>\n'
    )


def _toolbar(alignment: Alignment) -> str:
    """Controls for the script; hidden (and useless) when JavaScript is off.

    The filters offer every kind and severity of the page's badges, those of the findings a
    baseline set aside included: un-accepted, they count as any other."""
    findings = [f for link in alignment.links for f in link.findings + link.accepted]
    kinds = sorted(Counter(f.kind for f in findings).items(), key=lambda kv: _kind_order(kv[0]))
    severities = Counter(f.severity for f in findings)
    known = [s for s in SEVERITIES if s in severities]
    others = sorted(s for s in severities if s not in SEVERITIES)
    kind_boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{_attr(kind)}" checked> '
        f'{_text(kind)} <span class="sub">{count:,}</span></label>'
        for kind, count in kinds
    )
    severity_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{_attr(s)}" checked> '
        f'{_text(s)} <span class="sub">{severities[s]:,}</span></label>'
        for s in known + others
    )
    filters = (
        '<details class="filters"><summary>Filter</summary><div class="panel">'
        f'<fieldset><legend>Kind</legend>{kind_boxes or "<p class=sub>no findings</p>"}'
        "</fieldset>"
        f'<fieldset><legend>Severity</legend>{severity_boxes or "<p class=sub>—</p>"}'
        "</fieldset>"
        '<fieldset><legend>Accepted</legend><label><input type="checkbox" id="hide-accepted" '
        "checked> Hide accepted</label></fieldset></div></details>"
    )
    return (
        '<nav class="toolbar" id="toolbar" aria-label="Findings and search" hidden>'
        '<div class="group">'
        '<button type="button" id="prev" aria-keyshortcuts="k" title="Previous flagged link (k)">'
        '<span aria-hidden="true">↑</span> Previous</button>'
        '<button type="button" id="next" aria-keyshortcuts="j" title="Next flagged link (j)">'
        '<span aria-hidden="true">↓</span> Next</button>'
        '<span class="status" id="status" role="status" aria-live="polite"></span></div>'
        '<div class="group">'
        f"{filters}"
        '<label class="only"><input type="checkbox" id="only"> Show only findings</label></div>'
        '<div class="group">'
        '<span class="status" id="accepted" role="status" aria-live="polite"></span>'
        '<button type="button" id="save" title="Save the accepted findings as a baseline '
        'for align check --baseline (NAME.accepted.json)">Save accepted</button></div>'
        '<div class="group search">'
        '<label for="q" class="vh">Search both texts</label>'
        '<input type="search" id="q" placeholder="Search both texts  /" autocomplete="off" '
        'aria-keyshortcuts="/" spellcheck="false">'
        '<span class="status" id="hits" aria-live="polite"></span></div>'
        '<details class="keys"><summary aria-keyshortcuts="?">Keys</summary><div class="panel">'
        "<dl><dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous flagged link</dd>"
        "<dt><kbd>↓</kbd> / <kbd>↑</kbd></dt><dd>next / previous link (from a selected row)</dd>"
        "<dt><kbd>a</kbd></dt><dd>accept the focused finding, or the selected link's "
        "(all of a passage's, in a passage left out or added; again to undo; a click on a "
        "finding shows its reason, whose Accept accepts it alone)</dd>"
        "<dt><kbd>/</kbd></dt><dd>search</dd>"
        "<dt><kbd>↓</kbd> / <kbd>↑</kbd>, <kbd>Enter</kbd></dt><dd>in the overview strip "
        "(Tab to it): next / previous flagged or divergent link, go there</dd>"
        "<dt><kbd>Home</kbd> / <kbd>End</kbd></dt><dd>top / end of the page</dd>"
        "<dt><kbd>Enter</kbd> / <kbd>Shift+Enter</kbd></dt>"
        "<dd>next / previous match, in the search box</dd>"
        "<dt><kbd>Esc</kbd></dt><dd>clear search, close panels</dd>"
        "<dt><kbd>?</kbd></dt><dd>this list</dd></dl>"
        # WCAG 2.1.4: the keys that act wherever the focus is can be turned off.
        '<label class="single"><input type="checkbox" id="single-keys" checked> '
        "Single-key shortcuts (<kbd>j</kbd>, <kbd>k</kbd>, <kbd>/</kbd>, <kbd>?</kbd>)"
        "</label></div></details>"
        "</nav>\n"
    )


def _table(alignment: Alignment, grouped: dict[int, list[int]]) -> str:
    """The links as a table, in groups of `_ROWS_PER_GROUP` rows (one <tbody> each).

    The page lays out only the groups near the screen; each announces its estimated
    height (``data-h``, in rem) so that the rest of the page can be sized without it.
    Each row of a passage left out or added (`grouped`, `_passages`) names it by the
    number of its first row (``data-p``), whose empty side says what the passage is.
    """
    source, translation = alignment.source, alignment.translation
    source_lang, translation_lang = _cell_language(source), _cell_language(translation)
    # Strings paired in one file name both sides after it: the columns say which is which.
    shared = _shared_file(alignment)
    between = (
        f"the source and the translation of {_text(shared)}" if shared else
        f"{_text(_side_title(source, 'the source'))} and "
        f"{_text(_side_title(translation, 'the translation'))}"
    )
    source_head = "Source" if shared else _side_title(source, "Source")
    translation_head = "Translation" if shared else _side_title(translation, "Translation")
    out = [
        '<table class="links" id="links">'
        f"<caption class=\"vh\">{counted(len(alignment.links), 'link')} between {between}"
        "</caption>"
        '<colgroup><col class="c-n"><col class="c-s"><col class="c-t"><col class="c-f"></colgroup>'
        '<thead><tr><th scope="col"><span class="vh">Link</span>#</th>'
        f'<th scope="col">{_text(source_head)}{_language_badge(source)}</th>'
        f'<th scope="col">{_text(translation_head)}'
        f"{_language_badge(translation)}</th>"
        '<th scope="col">Findings</th></tr></thead>\n'
    ]
    previous = {"source": -1, "translation": -1}
    group: list[str] = []
    group_height = 0.0
    for number, link in enumerate(alignment.links, start=1):
        marks = _marks(link)
        passage = grouped.get(number - 1)
        head = _passage_head(alignment, passage) if passage and passage[0] == number - 1 else ""
        source_cell, source_starts = _cell(
            source, link.source, marks["source"], previous, "source", source_lang, head
        )
        translation_cell, translation_starts = _cell(
            translation, link.translation, marks["translation"], previous, "translation",
            translation_lang, head,
        )
        lines = _estimated_lines(source, link.source, translation, link.translation)
        if head:  # its label, in a smaller type
            lines = max(lines, min(9, -(-len(head) // _CHARACTERS_PER_LINE)))
        row_class = f"d{_band(link)} h{lines}"
        group_height += lines * _LINE_REM + _ROW_PADDING_REM
        if source_starts or translation_starts:
            row_class += " p"
            group_height += _PARAGRAPH_REM
        if link.findings or link.accepted:
            # Findings a baseline set aside are shown, as accepted: "Hide accepted", on at
            # first, leaves a row of them alone unflagged.
            worst = max(severity_rank(f.severity) for f in link.findings or link.accepted)
            row_class += f" f v{worst}" if link.findings else f" f v{worst} off"
        badges = "".join(_badge(f) for f in link.findings) + "".join(
            _badge(f, accepted=True) for f in link.accepted)
        in_passage = f' data-p="{passage[0] + 1}"' if passage else ""
        group.append(
            f'<tr id="L{number}" class="{row_class}"{in_passage}>'
            f"<th{_key_title(alignment, link)}>{number}{_divergence_text(link)}</th>"
            f"{source_cell}{translation_cell}<td>{badges}</td></tr>\n"
        )
        if len(group) == _ROWS_PER_GROUP or number == len(alignment.links):
            out.append(f'<tbody data-h="{group_height:.0f}">\n{"".join(group)}</tbody>\n')
            group, group_height = [], 0.0
    if not alignment.links:
        out.append("<tbody></tbody>")
    out.append("</table>\n")
    return "".join(out)


def _cell(
    side: Side,
    indices: Sequence[int],
    marks: list[tuple[int, int, str, int, int]],
    previous: dict[str, int],
    side_name: str,
    language: str,
    head: str = "",
) -> tuple[str, bool]:
    """One side of a link: its sentences, or a marked gap when it has none, labelled
    `head` when the link begins a passage (`_passage_head`).

    Also tells whether the cell begins a new paragraph of its side.
    """
    if not indices:
        if head:
            return (f'<td class="gap"{language}><span class="gap-label ph" lang="en" dir="ltr">'
                    f"{_text(head)}</span></td>"), False
        label = "not translated" if side_name == "translation" else "no source"
        # The page's words, in the page's language, inside a cell of the side's.
        return (f'<td class="gap"{language}><span class="gap-label" lang="en" dir="ltr">'
                f"{label}</span></td>"), False
    sentences = []
    classes = []
    last_paragraph = previous[side_name]
    for position, index in enumerate(indices):
        if not 0 <= index < len(side.sentences):
            sentences.append(("s missing", "[sentence missing from the record]"))
            continue
        sentence = side.sentences[index]
        new_paragraph = last_paragraph != -1 and sentence.paragraph != last_paragraph
        if new_paragraph and position == 0:
            classes.append("p")
        css = "s pb" if new_paragraph and position > 0 else "s"
        sentences.append((css, _marked(sentence, marks)))
        last_paragraph = sentence.paragraph
    previous[side_name] = last_paragraph
    cls = f' class="{" ".join(classes)}"' if classes else ""
    if len(sentences) == 1:  # the cell is the sentence: one element less per row
        return f"<td{cls}{language}>{sentences[0][1]}</td>", bool(classes)
    inner = " ".join(f'<span class="{css}">{text}</span>' for css, text in sentences)
    return f"<td{cls}{language}>{inner}</td>", bool(classes)


def _marked(sentence: Sentence, marks: list[tuple[int, int, str, int, int]]) -> str:
    """The sentence's text, escaped, with the marked spans that fall inside it as <mark>s.

    Each <mark> says how it is highlighted (its class by `_MARK_PRECEDENCE`), the worst
    severity of the findings it belongs to (``v0``–``v3``: page.css shows info quietly) and
    which of its row's badges those findings are (``data-b``, their places among the row's
    badges), by which page.js hides it while the filters of kind and severity set all of
    them aside (an accepted finding's words stay marked)."""
    text = sentence.text
    local = []
    for start, end, css, rank, badge in marks:
        low = max(0, start - sentence.start)
        high = min(len(text), end - sentence.start)
        if low < high:
            local.append((low, high, css, rank, badge))
    if not local:
        return _text(text)
    cuts = sorted({0, len(text), *(x for low, high, *_ in local for x in (low, high))})
    # (look, text), neighbours of one look merged; a look is (class, rank, badges) or None
    pieces: list[tuple[tuple[str, int, tuple[int, ...]] | None, str]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        present = [m for m in local if m[0] <= a and b <= m[1]]
        css = next((c for c in _MARK_PRECEDENCE if any(m[2] == c for m in present)), "")
        look = (css, max(m[3] for m in present),
                tuple(sorted({m[4] for m in present}))) if css else None
        if pieces and pieces[-1][0] == look:
            pieces[-1] = (look, pieces[-1][1] + text[a:b])
        else:
            pieces.append((look, text[a:b]))
    return "".join(_mark(look, piece) if look else _text(piece) for look, piece in pieces)


def _mark(look: tuple[str, int, tuple[int, ...]], text: str) -> str:
    css, rank, badges = look
    return (f'<mark class="{css} v{rank}" data-b="{" ".join(map(str, badges))}">'
            f"{_text(text)}</mark>")


def _marks(link: Link) -> dict[str, list[tuple[int, int, str, int, int]]]:
    """The link's finding spans by side, as (start, end, highlight class, severity rank,
    badge): the finding's badge, by its place among the row's badges."""
    marks: dict[str, list[tuple[int, int, str, int, int]]] = {"source": [], "translation": []}
    for badge, finding in enumerate(link.findings + link.accepted):
        if finding.kind in _MISMATCH_KINDS:
            css = "nm"
        elif finding.kind in _NO_COUNTERPART_KINDS:
            css = "nc"
        else:
            css = "ot"
        rank = severity_rank(finding.severity)
        for span in finding.spans:
            if span.side in marks and isinstance(span.start, int) and isinstance(span.end, int):
                marks[span.side].append((span.start, span.end, css, rank, badge))
    return marks


def _passages(alignment: Alignment) -> dict[int, list[int]]:
    """The links of passages left out or added, each mapped to its passage's links, as
    ``align check`` reports them (`align.checks.report.passages`) over all the findings."""
    if not any(link.findings for link in alignment.links):
        return {}  # nothing to group: the checks need not be imported
    from align.checks import worst_first
    from align.checks.report import passages

    return passages(alignment, worst_first(alignment))


def _passage_head(alignment: Alignment, passage: list[int]) -> str:
    """What the terminal report says of a passage in its head line: "Passage left out:
    links 12–37, 26 source sentences with no counterpart in the translation"."""
    from align.checks.report import passage_words

    name, words = passage_words(alignment, passage)
    return f"{name[0].upper()}{name[1:]}: links {passage[0] + 1}–{passage[-1] + 1}, {words}"


def _divergence_text(link: Link) -> str:
    """The divergence the row's bar shows as a colour, in words for assistive technology
    (the row header reads "12 divergence 0.60, divergent"); page.js shows it as the bar's
    tooltip.  The space before it is inside the hidden span, so that the header's text,
    copied or read, is "12 divergence …" and not "12divergence …", while on screen the
    number stands alone.  The number is cut, not rounded, to two decimals, so that it
    falls in its band's range as the legend gives it (0.4999 is "0.49, loose", not
    "0.50, loose")."""
    shown = math.floor(link_divergence(link) * 100 + 1e-9) / 100
    return (f'<span class="vh"> divergence {shown:.2f}, '
            f"{_BAND_LABELS[_band(link)]}</span>")


def _key_title(alignment: Alignment, link: Link) -> str:
    """The string's key and where it is in its file, as the row number's tooltip (files of
    pairs): ``menu.save · unit 4``, ``line 14``; for subtitle files, its cue and when it is
    shown: ``cue 28, 0:01:26``."""
    title = " · ".join(filter(None, (link.key, link_place(alignment, link))))
    return f' title="{_attr(title)}"' if title else ""


def _badge(finding: Finding, accepted: bool = False) -> str:
    rank = severity_rank(finding.severity)
    state = " ok off" if accepted else ""
    return (
        f'<button type="button" class="b v{rank} k-{_kind_class(finding.kind)}{state}" '
        f'data-k="{_attr(finding.kind)}" data-v="{_attr(finding.severity)}" '
        # a toggle button from the start: accepted or not (page.js keeps it so)
        f'aria-pressed="{"true" if accepted else "false"}">'
        f"{_text(finding.kind)}"
        f'<span class="r"><span class="r-sev">{_text(finding.severity)}</span> '
        f"{_text(finding.reason)}</span></button>"
    )


def _script_data(alignment: Alignment) -> dict[str, Any]:
    """What the script needs beyond the table: where each link starts on the map, the
    heights (rem) from which `_table` estimates a row's, to size groups while filtering, and
    what it needs to save accepted findings (`_accepting`)."""
    xs, ys, x, y = [], [], 0, 0
    for link in alignment.links:
        xs.append(min(link.source) if link.source else x)
        ys.append(min(link.translation) if link.translation else y)
        x = max(link.source) + 1 if link.source else x
        y = max(link.translation) + 1 if link.translation else y
    rem = {"line": _LINE_REM, "row": _ROW_PADDING_REM, "paragraph": _PARAGRAPH_REM}
    return {"x": xs, "y": ys, "rem": rem, **_accepting(alignment)}


def _accepting(alignment: Alignment) -> dict[str, Any]:
    """What page.js needs to write each finding as an entry of a baseline file
    (`align.checks.baseline`: its kind, its link's two texts, its spans' texts), beyond
    what the table shows, and the scope under which the browser keeps the marks.

    ``f``: one item a badge, in page order: its spans, ``"S"`` or ``"T"`` for a span that
    is the whole of its side of the link (an omission's, an addition's: the script takes
    the link's text), else ``"s"`` or ``"t"`` followed by the span's text.  The script reads
    a link's texts from its cells, except where a cell shows the text otherwise (a control
    character shown as U+FFFD): ``raw`` holds those links' texts, by link index.

    ``k``: one item a badge, what its finding is, as `--baseline` matches it (a digest of
    its `finding_key`: kind, both texts of its link, its spans' texts), under which the
    browser keeps its mark; ``pair`` names the two documents (a digest of their paths as
    the record holds them, or, for a side with no path, of its name as the page's title
    shows it), under which the browser keeps the marks of every page of that pair together:
    a page made again from edited texts finds the marks of the findings still in it.
    ``sig`` is the record's signature string, ``name`` the file name to save under when the
    page's own gives none."""
    codes: list[list[str]] = []
    keys: list[str] = []
    raw: dict[str, list[str]] = {}
    for i, link in enumerate(alignment.links):
        if not (link.findings or link.accepted):
            continue
        texts = [
            " ".join(side.sentences[k].text for k in indices)
            for side, indices in ((alignment.source, link.source),
                                  (alignment.translation, link.translation))
        ]
        if any(_UNPRINTABLE.search(text) for text in texts):
            raw[str(i)] = texts
        whole = link_texts(alignment, link)
        for finding in link.findings + link.accepted:
            spans = []
            for span in finding.spans:
                side = 0 if span.side == "source" else 1
                letter = "st"[side]
                spans.append(letter.upper() if normal_text(span.text) == whole[side]
                             else letter + span.text)
            codes.append(spans)
            keys.append(_digest(finding_key(alignment, i, finding, whole), 9))
    # Paths tell apart the pages of a folder run, whose documents share names (index.md).
    documents = [side.path or _side_title(side, fallback) for side, fallback in (
        (alignment.source, "Source"), (alignment.translation, "Translation"))]
    signature = alignment.signature or {}
    return {
        "pair": _digest(documents, 12),
        "sig": signature.get("string"),
        "name": Path(_side_title(alignment.translation, "align")).stem or "align",
        "f": codes,
        "k": keys,
        "raw": raw,
    }


def _digest(value: Any, size: int) -> str:
    """`size` bytes of the SHA-256 of `value` as JSON, in URL-safe base64: a name a few
    characters long for what `value` is."""
    text = json.dumps(value, ensure_ascii=False).encode("utf-8", "replace")
    return base64.urlsafe_b64encode(hashlib.sha256(text).digest()[:size]).decode("ascii")


# -- small helpers -------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _text(value: str) -> str:
    """`value` safe as HTML text or attribute content."""
    return escape(_UNPRINTABLE.sub("\ufffd", str(value)), quote=True)


_attr = _text


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever it contains."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _shared_file(alignment: Alignment) -> str:
    """The name of the one file both sides come from (strings paired in a file of pairs,
    `check --pairs`), else ``""``."""
    path = alignment.source.path
    if not path or str(path) != str(alignment.translation.path):
        return ""
    return _side_title(alignment.source, "")


def _side_title(side: Side, fallback: str) -> str:
    if side.name:
        return side.name
    if side.path:
        return Path(side.path).name
    return fallback


def _language_badge(side: Side) -> str:
    if not side.language:
        return ""
    return f' <span class="lang">{_text(side.language)}</span>'


def _cell_language(side: Side) -> str:
    """` lang=… dir=…` for the cells of `side`, when its language is a well-formed tag."""
    if not side.language or not _LANGUAGE_TAG.fullmatch(side.language):
        return ""
    attributes = f' lang="{side.language}"'
    if side.language.split("-")[0].lower() in _RTL_LANGUAGES:
        attributes += ' dir="rtl"'
    return attributes


def _model_name(signature: dict[str, Any]) -> str:
    model = signature.get("model")
    if isinstance(model, dict):
        model = model.get("id") or model.get("name")
    model = model or signature.get("model_id") or signature.get("encoder")
    return str(model) if model else ""


def _readable_date(created: str) -> str:
    """An ISO timestamp as ``2024-05-01 14:03`` (left as is when it is something else)."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d).*", created)
    return f"{match[1]} {match[2]}" if match else created


def _estimated_lines(
    source: Side,
    source_indices: Sequence[int],
    translation: Side,
    translation_indices: Sequence[int],
) -> int:
    """Lines the row will take in a column of about `_CHARACTERS_PER_LINE`, at most 9."""
    def lines(side: Side, indices: Sequence[int]) -> int:
        chars = sum(len(side.sentences[i].text) for i in indices if 0 <= i < len(side.sentences))
        return -(-chars // _CHARACTERS_PER_LINE)

    longest = max(lines(source, source_indices), lines(translation, translation_indices))
    return max(1, min(9, longest))


def _band(link: Link) -> int:
    divergence = link_divergence(link)
    return max(k for k, low in enumerate(DIVERGENCE_BANDS) if divergence >= low)


def _agreement(alignment: Alignment) -> str:
    """The record's agreement (`Alignment.agreement`), as a percentage."""
    value = alignment.agreement()
    if not alignment.links or math.isnan(value):
        return "—"
    return f"{100 * value:.0f}%"


def _kind_class(kind: str) -> str:
    return kind if kind in FINDING_KINDS else "other"


def _kind_order(kind: str) -> tuple[int, str]:
    return (FINDING_KINDS.index(kind) if kind in FINDING_KINDS else len(FINDING_KINDS), kind)
