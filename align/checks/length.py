"""Links whose length ratio is far from the document's own.

Translations run longer or shorter than their source by a fairly steady factor
(French ≈ 1.1–1.2 × English); what stands out is a link far from the factor of
*this* document.  As in Gale and Church's length model, the spread of the log
ratio shrinks with the length of the text, so the deviation is measured in
units of ``sigma / sqrt(length)``, with the centre and spread estimated robustly
(median and median absolute deviation) from the document's own links.

Strings of software also have absolute limits: a translation longer than the limit
its file sets on the unit (`Link.max_length`, read from XLIFF by `align.checks.pairs`)
is a major finding whatever the ratio.
"""

from __future__ import annotations

import math

import numpy as np

from align.checks.base import CheckContext
from align.language import DENSE_LETTER
from align.record import Finding

KINDS = ("length",)

#: Spread of ``log(ratio) * sqrt(chars)`` for faithful translations, used when the
#: document is too short to measure its own (measured on the development gold links).
PRIOR_SPREAD = 2.0
#: How many links' worth of evidence the prior spread counts for against a document's own.
PRIOR_WEIGHT = 30
_MIN_LINKS = 8
#: How many links' worth of evidence, in a document too short for a ratio of its own, the
#: prior ratio of 1 counts for against its links' median when deciding which links to look
#: at word by word (`suspect_deviations`): a single pair's own ratio is no evidence of what
#: is usual, and a pair whose translation renders one of its source's two sentences would
#: measure as long as it should be.
PRIOR_CENTRE_WEIGHT = 2


def copied_links(ctx: CheckContext) -> frozenset[int]:
    """The links whose two sides are the same text (case and spacing aside): code, commands,
    identifiers and names a technical document keeps as they are.  They are no translations,
    so they say nothing of the document's length ratio or of how similar its translations
    are: a help page whose code blocks and option names are a third of its links would
    otherwise measure its prose against a ratio of 1 and a cosine of 1."""
    if "copied" not in ctx.notes:
        def plain(text: str) -> str:
            return " ".join(text.casefold().split())

        ctx.notes["copied"] = frozenset(
            i for i, (s, t) in enumerate(zip(ctx.sources, ctx.translations, strict=True))
            if s and t and plain(s.text) == plain(t.text)
        )
    return ctx.notes["copied"]


def _dense(ctx: CheckContext) -> bool:
    """Whether either side writes a fifth of its letters or more in a dense script."""
    for texts in (ctx.sources, ctx.translations):
        text = "".join(t.text for t in texts if t)
        letters = sum(c.isalpha() for c in text)
        if letters and len(DENSE_LETTER.findall(text)) >= 0.2 * letters:
            return True
    return False


def deviations(ctx: CheckContext) -> list[float | None]:
    """Per link, how many spreads its length ratio lies from the document's (None if a side is
    empty).  Positive: the translation is longer than usual."""
    if "length" in ctx.notes:
        return ctx.notes["length"]
    raw: list[tuple[float, float] | None] = []
    for s, t in zip(ctx.sources, ctx.translations, strict=True):
        a, b = len(s.text.strip()), len(t.text.strip())
        if a == 0 or b == 0:
            raw.append(None)
        else:
            raw.append((math.log(b / a), math.sqrt(min(a, b))))
    copied = copied_links(ctx)
    known = [r for i, r in enumerate(raw) if r is not None and i not in copied]
    if len(known) < _MIN_LINKS:  # a document of copies mostly: measure it as it is
        known = [r for r in raw if r is not None]
    if len(known) >= _MIN_LINKS:
        logs = np.array([r[0] for r in known])
        centre = float(np.median(logs))
        scaled = np.array([(r[0] - centre) * r[1] for r in known])
        measured = 1.4826 * float(np.median(np.abs(scaled)))
        # A few dozen links measure the spread loosely, and a short literal text (a
        # report, a letter) measures it narrow: its one free rendering («Mitarbeiterinnen
        # und Mitarbeitern» as *employees*) would stand many spreads out.  The estimate
        # is drawn towards the prior as if the prior were PRIOR_WEIGHT links more.
        n = len(known)
        spread = max(math.sqrt((n * measured**2 + PRIOR_WEIGHT * PRIOR_SPREAD**2)
                               / (n + PRIOR_WEIGHT)), 0.5 * PRIOR_SPREAD)
    else:
        centre = float(np.median([r[0] for r in known])) if known else 0.0
        spread = PRIOR_SPREAD
    # A copy is as long as it should be, whatever the document's ratio.
    out = [None if r is None else 0.0 if i in copied else (r[0] - centre) * r[1] / spread
           for i, r in enumerate(raw)]
    ctx.notes["length"] = out
    ctx.notes["length_centre"] = centre
    suspect = out
    if 0 < len(known) < _MIN_LINKS and not _dense(ctx):
        drawn = centre * len(known) / (len(known) + PRIOR_CENTRE_WEIGHT)
        suspect = [None if r is None else 0.0 if i in copied else (r[0] - drawn) * r[1] / spread
                   for i, r in enumerate(raw)]
    ctx.notes["length_suspect"] = suspect
    return out


def suspect_deviations(ctx: CheckContext) -> list[float | None]:
    """`deviations`, but in a document of fewer than `_MIN_LINKS` links measured from its
    links' median ratio drawn towards 1 (`PRIOR_CENTRE_WEIGHT`): what decides which links
    are worth aligning word by word (`CheckContext.may_diverge`).  Not the score's length:
    a short string's ratio varies too much (``Sign in.`` is ``Войдите в свою учётную
    запись.``, 3.7 times as long) for a prior to call it divergent, but enough to look at
    its words, which tell a translation that renders half its source."""
    deviations(ctx)
    return ctx.notes["length_suspect"]


def _over_limit(ctx: CheckContext, i: int) -> Finding | None:
    """A translation longer than the limit its file sets (a button label, a field of
    fixed size: over it the string is cut or overflows)."""
    limit = ctx.alignment.links[i].max_length
    if not limit or limit["length"] <= limit["limit"]:
        return None
    return Finding(
        "length", "major",
        f"the translation is {limit['length']} {limit['unit']} long, over the limit of "
        f"{limit['limit']} its file sets",
        ctx.whole(ctx.translations[i]),
    )


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    for i in range(len(ctx.alignment.links)):
        over = _over_limit(ctx, i)
        if over is not None:
            out.append((i, over))
    centre = None
    for i, z in enumerate(deviations(ctx)):
        centre = ctx.notes["length_centre"]
        if z is None or abs(z) < 4:
            continue
        a, b = len(ctx.sources[i].text.strip()), len(ctx.translations[i].text.strip())
        factor = (b / a) / math.exp(centre)
        if max(a, b) < 30 or 1 / 1.8 < factor < 1.8:
            continue
        severity = "minor" if factor >= 2.5 or factor <= 1 / 2.5 else "info"
        if factor > 1:
            reason = f"the translation is {factor:.1f}× longer than usual for this document"
        else:
            reason = f"the translation is {1 / factor:.1f}× shorter than usual for this document"
        out.append((i, Finding(
            "length", severity, reason,
            ctx.whole(ctx.sources[i]) + ctx.whole(ctx.translations[i]),
        )))
    return out
