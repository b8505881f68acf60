"""Timing: a line of a translated subtitle file shown at the wrong time.

Where both sides were read from subtitle files with timings (`align.record.Side.cues`),
a link's source and translation are each held by cues, and a faithful translation shows
its line while the source's is shown.  A link whose translation cues are not on screen
together with its source cues (their spans in time overlap by less than `OVERLAP_SHARE`
of the shorter) renders the right text at the wrong time: a translation put in the cue
before or after its own, a file out of sync from some cue on.  The content aligns, so no
other check sees it; the line is on screen while another is spoken, a ``major``
``timing`` finding (a kind of its own, so that ``--ignore mechanical`` leaves it).

A translation may be timed apart from its source as a whole: cut for another release
(shifted by a constant), or converted to another frame rate (drifting at a constant
rate).  The translation's timing is first estimated against the source's from the
links' first cues (`_timing`): as the source's, shifted by the median of the start
times' differences, or on the line through them (Theil–Sen: the median slope between
links half the file apart).  Either replaces "as the source's" only where that leaves
more than half of the links apart and it brings together more than half, so that cues out
of place (the file out of sync from some cue on) are not taken for the file's timing, and
the half that is right is not moved; with fewer than `MIN_LINKS` links it is not
estimated.
A timing that moves a cue by more than `SHIFT_WARNING` seconds is said once, as a
warning of the record (`CheckContext.warnings`: a file's timing belongs to no link), and
each link is checked against it instead of being reported one by one.

A cue merged into its neighbour (one translation cue rendering two source cues, timed as
one of them) or split across two is not this finding: a link is left alone where each
cue of one of its sides is shown together with a cue of the other side it is linked
with, in this link or another.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median

from align.checks.base import CheckContext
from align.record import Cue, Finding, cue_name, cue_time, link_cues

KINDS = ("timing",)

#: Shown together: two spans in time that overlap by at least this share of the shorter
#: (a cue re-spotted by a few frames still overlaps its source's by most of its length; a
#: cue put in its neighbour's place overlaps the source's by nothing, or by the few
#: frames two cues share).
OVERLAP_SHARE = 0.2
#: A translation whose estimated timing moves a cue by more than this many seconds from
#: the source's is said to be timed apart (a warning); below it, a re-spotting.
SHIFT_WARNING = 1.0
#: Fewer links with cues on both sides than this: no timing of the file's own is estimated.
MIN_LINKS = 5
#: Pairs of links less than this many seconds apart give no slope (`_timing`).
_MIN_SPREAD = 1.0

#: The translation's timing against the source's: translation time = offset + rate × source time.
_Timing = tuple[float, float]
_AS_SOURCE: _Timing = (0.0, 1.0)


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    alignment = ctx.alignment
    source, translation = alignment.source, alignment.translation
    if not (source.cues and translation.cues):
        return []
    timed: list[tuple[int, list[Cue], list[Cue]]] = []
    for i, link in enumerate(alignment.links):
        cues = (link_cues(alignment, [link], "source"),
                link_cues(alignment, [link], "translation"))
        if cues[0] and cues[1]:
            timed.append((i, *cues))
    if not timed:
        return []
    timing = _timing(timed)
    warning = _timing_warning(timing, timed, source.cues, translation.name, source.name)
    if warning:
        ctx.warnings.append(warning)
    # Which cues of the other side each cue is linked with, for merged and split cues.
    partners: dict[tuple[str, int], list[Cue]] = defaultdict(list)
    for _, source_cues, translation_cues in timed:
        for cue in source_cues:
            partners["source", id(cue)].extend(translation_cues)
        for cue in translation_cues:
            partners["translation", id(cue)].extend(source_cues)
    found = []
    for i, source_cues, translation_cues in timed:
        if _together(source_cues, translation_cues, timing):
            continue
        during = _shown_during(translation_cues, source.cues, timing)
        if during is not None and any(during is cue for cue in source_cues):
            # On screen with no source cue more than with its own: a short cue re-timed
            # (a "No." of 0.6 s whose translation is held for the second a reader needs).
            continue
        merged = all(any(_together([s], [cue], timing) for s in partners["translation", id(cue)])
                     for cue in translation_cues)
        split = all(any(_together([cue], [t], timing) for t in partners["source", id(cue)])
                    for cue in source_cues)
        if merged or split:
            continue
        spans = ctx.whole(ctx.sources[i]) + ctx.whole(ctx.translations[i])
        found.append((i, Finding("timing", "major",
                                 _reason(source_cues, translation_cues, during, timing),
                                 spans)))
    return found


def _span(cues: list[Cue], timing: _Timing = _AS_SOURCE) -> tuple[float, float]:
    """When `cues` (consecutive) are on screen, on the source's clock: a translation's
    times taken back through `timing`."""
    offset, rate = timing
    return (min(c.start for c in cues) - offset) / rate, (max(c.end for c in cues) - offset) / rate


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _together(source_cues: list[Cue], translation_cues: list[Cue], timing: _Timing) -> bool:
    """Whether the translation's cues are on screen with the source's (`OVERLAP_SHARE`)."""
    shown, rendered = _span(source_cues), _span(translation_cues, timing)
    shorter = min(shown[1] - shown[0], rendered[1] - rendered[0])
    overlap = _overlap(shown, rendered)
    # A cue of no length (a timing error) is together with what is on screen at its time.
    return overlap >= OVERLAP_SHARE * shorter if shorter > 0 else overlap >= 0


def _timing(timed: list[tuple[int, list[Cue], list[Cue]]]) -> _Timing:
    """The translation's timing against the source's (see the module's docstring)."""
    def together(timing: _Timing) -> int:
        return sum(_together(s, t, timing) for _, s, t in timed)

    most = together(_AS_SOURCE)
    if len(timed) < MIN_LINKS or 2 * most >= len(timed):
        # Half the links or more shown with their source: the file is timed as the source,
        # the others out of place (a fit through all would move the half that is right).
        return _AS_SOURCE
    points = sorted((s[0].start, t[0].start) for _, s, t in timed)
    candidates = [_AS_SOURCE, (median(t - s for s, t in points), 1.0)]
    half = len(points) // 2
    slopes = [(points[k + half][1] - points[k][1]) / (points[k + half][0] - points[k][0])
              for k in range(len(points) - half)
              if points[k + half][0] - points[k][0] >= _MIN_SPREAD]
    if slopes:
        rate = median(slopes)
        if rate > 0:
            candidates.append((median(t - rate * s for s, t in points), rate))

    best = _AS_SOURCE
    for candidate in candidates[1:]:
        count = together(candidate)
        if count > most and 2 * count > len(timed):
            best, most = candidate, count
    return best


def _moves(timing: _Timing, cues: list[Cue]) -> tuple[float, float]:
    """How far `timing` moves the source's first and last cues' start, in seconds."""
    offset, rate = timing
    return tuple(offset + (rate - 1) * t for t in (cues[0].start, cues[-1].start))


def _timing_warning(timing: _Timing, timed: list, source_cues: list[Cue],
                    translation_name: str, source_name: str) -> str | None:
    """The warning that the translation is timed apart from its source, or None."""
    first, last = _moves(timing, source_cues)
    if max(abs(first), abs(last)) <= SHIFT_WARNING:
        return None

    def moved(seconds: float) -> str:
        return f"{abs(seconds):.1f} s {'later' if seconds > 0 else 'earlier'}"

    if timing[1] == 1.0:
        how = f"are shown {moved(first)} than {source_name}'s throughout"
    else:
        how = (f"drift from {source_name}'s, {moved(first)} at its first cue and {moved(last)} "
               "at its last, as a file converted to another frame rate does")
    return (f"{translation_name}: its cues {how} (estimated from {len(timed)} linked cues): "
            "its timing is checked against the source's so moved, a line reported only where "
            "it is shown at the wrong time even then")


def _shown_during(translation_cues: list[Cue], all_source: list[Cue],
                  timing: _Timing) -> Cue | None:
    """The source's cue on screen longest while `translation_cues` are (None: none is)."""
    rendered = _span(translation_cues, timing)
    overlap, cue = max(((_overlap(_span([c]), rendered), c) for c in all_source),
                       key=lambda pair: pair[0], default=(0.0, None))
    return cue if overlap > 0 else None


def _reason(source_cues: list[Cue], translation_cues: list[Cue], during: Cue | None,
            timing: _Timing) -> str:
    """What the finding says; `during` is the source's cue on screen with the translation's
    (`_shown_during`)."""
    def times(cues: list[Cue]) -> str:
        return f"{cue_time(cues[0].start, True)}–{cue_time(cues[-1].end, True)}"

    shown = (f"is shown during the source's {cue_name([during])}" if during is not None
             else "is shown while no cue of the source is")
    allowed = "" if timing == _AS_SOURCE else " (the translation's own timing allowed for)"
    return (f"shown at the wrong time: the translation's {cue_name(translation_cues)} "
            f"({times(translation_cues)}) renders the source's {cue_name(source_cues)} "
            f"({times(source_cues)}) but {shown}{allowed}")
