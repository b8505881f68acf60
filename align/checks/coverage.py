"""Omissions and additions: whole sentences with no counterpart, and partial ones inside a link.

A link with an empty side is a whole omission (source only) or addition
(translation only).  Inside a link with two sides, the word aligner
(`align.checks.words`) shows which words have no counterpart; a run of them
(function words between unaligned words join the run) is a partial omission on
the source side or a partial addition on the translation side.

Severity follows how much is missing and how sure we are: a sentence, a run
covering most of one sentence of a multi-sentence link, or half the content words
of a divergent link (two fifths in a nearly unrelated one) is *major*; a run of three
or more content words in a link the divergence score also calls divergent is
*minor*; anything smaller is *info* (literary translations legitimately
restructure, and small unaligned runs are often just that).
"""

from __future__ import annotations

from align.checks.base import CheckContext, LinkText, quote, words
from align.checks.divergence import THRESHOLD
from align.checks.words import WordAlignment, is_content
from align.record import Finding, SideName

KINDS = ("omission", "addition")

_KIND = {"source": "omission", "translation": "addition"}
#: From this divergence on, a link is suspect as a whole and less unaligned text suffices.
NEARLY_UNRELATED = 0.8
_WHOLE_REASON = {
    "source": "source text with no counterpart in the translation",
    "translation": "translation text with no counterpart in the source",
}
_PARTIAL_REASON = {
    "source": "words of the source with no counterpart in the translation",
    "translation": "words of the translation with no counterpart in the source",
}


def _whole_severity(text: str) -> str:
    ws = words(text)
    content = sum(is_content(w) for w in ws)
    if len(ws) >= 5 and content >= 2:
        return "major"
    return "minor" if content >= 1 and len(ws) >= 2 else "info"


def _sentence_share(side: LinkText, first: int, last: int, ws) -> float:
    """The largest share of one sentence's words that the run ``ws[first..last]`` covers."""
    best = 0.0
    for text_start, _, length in side.pieces:
        inside = [k for k, w in enumerate(ws) if text_start <= w.start < text_start + length]
        if inside:
            covered = sum(first <= k <= last for k in inside)
            best = max(best, covered / len(inside))
    return best


def _partial(
    ctx: CheckContext, i: int, side: SideName, wa: WordAlignment, divergence: float
) -> Finding | None:
    link_side = ctx.sources[i] if side == "source" else ctx.translations[i]
    ws = wa.words_of(side)
    runs = [(a, b) for a, b in wa.runs(side) if any(is_content(w) for w in ws[a : b + 1])]
    if not runs or not ws:
        return None
    sizes = [(b - a + 1, sum(is_content(w) for w in ws[a : b + 1])) for a, b in runs]
    largest = max(range(len(runs)), key=lambda k: sizes[k])
    n_words, n_content = sizes[largest]
    first, last = runs[largest]
    multi = len(link_side.pieces) > 1
    if multi and n_words >= 4 and _sentence_share(link_side, first, last, ws) >= 0.8:
        severity = "major"
    elif (
        divergence >= THRESHOLD
        and wa.unaligned_content_share(side) >= (0.5 if divergence < NEARLY_UNRELATED else 0.4)
        and sum(c for _, c in sizes) >= 4
    ):
        severity = "major"
    elif n_content >= 3 and divergence >= THRESHOLD:
        severity = "minor"
    elif divergence >= THRESHOLD or n_content >= 3:
        severity = "info"
    else:
        return None
    spans = [ctx.span(link_side, ws[a].start, ws[b].end) for a, b in runs]
    shown = link_side.text[ws[first].start : ws[last].end]
    return Finding(_KIND[side], severity, f"{_PARTIAL_REASON[side]}: «{quote(shown)}»", spans)


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    scores = ctx.notes.get("divergence") or [0.0] * len(ctx.alignment.links)
    for i in range(len(ctx.alignment.links)):
        source, translation = ctx.sources[i], ctx.translations[i]
        if not source and not translation:
            continue
        if not source or not translation:
            side: SideName = "source" if source else "translation"
            present = source if source else translation
            out.append((i, Finding(
                _KIND[side], _whole_severity(present.text),
                f"{_WHOLE_REASON[side]}: «{quote(present.text)}»", ctx.whole(present),
            )))
            continue
        wa = ctx.word_alignments[i]
        if wa is None:
            continue
        for side in ("source", "translation"):
            finding = _partial(ctx, i, side, wa, scores[i])
            if finding is not None:
                out.append((i, finding))
    return out
