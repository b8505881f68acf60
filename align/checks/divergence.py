"""The calibrated divergence score of a link: 0 = faithful, 1 = unrelated.

Raw cosine similarity cannot be compared across models or documents: with
multilingual-e5 true translations score about 0.94 and unrelated sentences about
0.79, other models spread differently, and short or formulaic text shifts both.
So each link is described by features that are relative to its own document:

- ``similarity``: the link's cosine placed on the document's own scale,
  ``(cos - background) / (typical - background)``, where *background* is the mean
  similarity of non-matching sentence pairs of the document (as Vecalign
  normalises) and *typical* the median similarity of its links; 1 ≈ a typical
  link of this document, 0 ≈ two unrelated sentences;
- ``length``: how far the link's length ratio lies from the document's beyond one
  spread (`align.checks.length`; `length_excess`): two faithful links in three lie
  within one spread, where the ratio says nothing;
- ``unaligned``: the larger share, over the two sides, of content words the word
  aligner finds no counterpart for (`align.checks.words`).

A logistic function turns them into the score.  Its four weights were fitted on
*synthetic* divergences made from real parallel text (the development gold
alignments: unrelated sentences, a neighbouring sentence, a dropped clause, an
appended foreign sentence, against the faithful gold links), not on human
judgements, which serve only to measure it (``benchmarks/bench_divergence.py``).

Reading the score: 0 means the link looks like this document's faithful links;
0.5 (`THRESHOLD`) is the decision point, above which a link is more likely
divergent than not; 1 means the two sides look unrelated.  Links with an empty
side score 1.  Documents of fewer than `MIN_LINKS` links have no scale of their
own and use the prior below.
"""

from __future__ import annotations

import math

import numpy as np

from align.checks import length
from align.checks.base import CheckContext
from align.record import DIVERGENCE_THRESHOLD, Finding

#: Above this a link is called divergent (the F1 in docs/checks.md is measured here).
THRESHOLD = DIVERGENCE_THRESHOLD
MIN_LINKS = 8
#: Scale used when the document is too small to have its own: typical and background
#: cosine of multilingual-e5-small (docs/offline-model.md); only the ratio matters.
PRIOR_TYPICAL, PRIOR_BACKGROUND = 0.92, 0.79
#: Logistic weights: intercept, (1 - similarity), length beyond one spread, unaligned share.
WEIGHTS = (-1.94, 2.45, 2.92, 2.42)
#: Length deviations (in spreads) that faithful translations reach: no evidence of divergence.
LENGTH_SLACK = 1.0
#: Which links are worth word-aligning (`CheckContext.may_diverge`) is a rule of its own,
#: not the score's weights: the score's first fit, on the whole length deviation.  Tied to
#: `WEIGHTS`, every refit changed which links are word-aligned, and with them the
#: document's strong word similarity (`align.checks.words.WordAlignment.strong`, measured
#: on the aligned links' word pairs) that the omission, addition and moved-boundary tests
#: read.
SUSPECT_WEIGHTS = (-2.77, 2.52, 1.83, 1.84)
FEATURES = ("similarity", "length", "unaligned")


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.maximum(np.linalg.norm(rows, axis=-1, keepdims=True), 1e-12)


def _side_vectors(ctx: CheckContext) -> tuple[np.ndarray | None, np.ndarray | None]:
    """One unit vector per link and side (None when neither vectors nor a model are at hand)."""
    links = ctx.alignment.links
    if ctx.source_vectors is not None and ctx.translation_vectors is not None:
        dims = ctx.source_vectors.shape[1]
        src = np.zeros((len(links), dims), np.float32)
        tgt = np.zeros((len(links), dims), np.float32)
        for i, link in enumerate(links):
            if link.source:
                src[i] = ctx.source_vectors[link.source].sum(axis=0)
            if link.translation:
                tgt[i] = ctx.translation_vectors[link.translation].sum(axis=0)
        return _unit(src), _unit(tgt)
    if ctx.encoder is None:
        return None, None
    from align.embedding_cache import embed

    texts = sorted({t.text for t in ctx.sources + ctx.translations if t})
    vectors = (dict(zip(texts, embed(ctx.encoder, texts, cache=ctx.cache), strict=True))
               if texts else {})
    dims = len(next(iter(vectors.values()))) if vectors else 1
    zero = np.zeros(dims, np.float32)
    src = np.array([vectors[t.text] if t else zero for t in ctx.sources], np.float32)
    tgt = np.array([vectors[t.text] if t else zero for t in ctx.translations], np.float32)
    return src.reshape(len(links), dims), tgt.reshape(len(links), dims)


def similarities(ctx: CheckContext) -> list[float | None]:
    """Per link, its similarity on the document's scale (None if a side is empty or no model)."""
    if "similarity" in ctx.notes:
        return ctx.notes["similarity"]
    src, tgt = _side_vectors(ctx)
    links = ctx.alignment.links
    both = [i for i, l in enumerate(links) if l.source and l.translation]
    if src is None or tgt is None or not both:
        ctx.notes["similarity"] = [None] * len(links)
        ctx.notes["cosine"] = [None] * len(links)
        return ctx.notes["similarity"]
    cos = np.einsum("ij,ij->i", src, tgt)
    copied = length.copied_links(ctx)
    translated = [i for i in both if i not in copied]
    if len(both) >= MIN_LINKS:
        # Non-matching pairs: each link's source against other links' translations.  The
        # scale is that of the document's translations: text kept as it is (code, names)
        # would set its typical cosine near 1.
        rng = np.random.default_rng(0)
        a = np.array(translated if len(translated) >= MIN_LINKS else both)
        shifted = np.roll(a, rng.integers(1, len(a)))
        others = np.einsum("ij,ij->i", src[a], tgt[shifted])
        others2 = np.einsum("ij,ij->i", src[np.roll(a, len(a) // 2)], tgt[a])
        background = float(np.mean(np.concatenate([others, others2])))
        typical = float(np.median(cos[a]))
        if typical - background < 0.25 * (PRIOR_TYPICAL - PRIOR_BACKGROUND) * (1 - background):
            # A document that is divergent throughout has no faithful scale of its own.
            typical = background + (PRIOR_TYPICAL - PRIOR_BACKGROUND) * (1 - background) / (
                1 - PRIOR_BACKGROUND
            )
    else:
        background, typical = PRIOR_BACKGROUND, PRIOR_TYPICAL
    scale = max(typical - background, 1e-6)
    ctx.notes["cosine"] = [float(c) if l.source and l.translation else None
                           for c, l in zip(cos, links, strict=True)]
    ctx.notes["scale"] = (background, typical)
    out = [None] * len(links)
    for i in both:
        out[i] = float((cos[i] - background) / scale)
    ctx.notes["similarity"] = out
    return out


def link_scores(ctx: CheckContext) -> list[float]:
    """Per link, its `score` as the record keeps it (format.md): its similarity on the
    document's scale (`similarities`; the prior's for a document too small for a scale of
    its own) clipped to [0, 1] and rounded, 0 where a side is empty or no model is at
    hand.  The score of pairs a file gave (`align.checks.check_alignment`), and of aligned
    text whose side has a single sentence (`align.pipeline.align_sides`), where the
    aligner's own background is the link itself."""
    return [round(min(1.0, max(0.0, similarity)), 4) if similarity is not None else 0.0
            for similarity in similarities(ctx)]


def length_excess(deviation: float | None) -> float:
    """How many spreads a link's length deviation (`align.checks.length.deviations`) lies
    beyond `LENGTH_SLACK`, at most 10: 0 for the two faithful links in three that lie
    within one spread, so that only a length out of the ordinary counts."""
    return min(max(abs(deviation) - LENGTH_SLACK, 0.0), 10.0) if deviation is not None else 0.0


def features(ctx: CheckContext) -> list[tuple[float, float, float] | None]:
    """Per link with two sides: ``(similarity, length_excess, unaligned share)``."""
    sims = similarities(ctx)
    lengths = length.deviations(ctx)
    alignments = ctx.word_alignments
    out: list[tuple[float, float, float] | None] = []
    for i, link in enumerate(ctx.alignment.links):
        if not (link.source and link.translation) or not ctx.sources[i] or not ctx.translations[i]:
            out.append(None)
            continue
        sim = sims[i] if sims[i] is not None else 1.0
        dev = length_excess(lengths[i])
        wa = alignments[i]
        unaligned = (
            max(wa.unaligned_content_share("source"), wa.unaligned_content_share("translation"))
            if wa is not None
            else 0.0
        )
        out.append((float(sim), float(dev), float(unaligned)))
    return out


def combine(feature: tuple[float, float, float], weights=WEIGHTS) -> float:
    sim, dev, unaligned = feature
    z = weights[0] + weights[1] * (1.0 - sim) + weights[2] * dev + weights[3] * unaligned
    return 1.0 / (1.0 + math.exp(-z))


def score(ctx: CheckContext) -> list[float]:
    """The divergence of every link (1 for links with one empty side)."""
    out = []
    for i, f in enumerate(features(ctx)):
        if f is not None:
            out.append(combine(f))
        else:  # one side empty: all divergent; both empty (a blank pair): nothing to compare
            out.append(1.0 if ctx.sources[i] or ctx.translations[i] else 0.0)
    ctx.notes["divergence"] = out
    return out


#: A finding this severe makes its link at least this divergent.
_FLOOR = {"major": 0.6, "critical": 0.8}
_CONTENT_KINDS = frozenset({"number", "name", "untranslated", "meaning-shift", "omission",
                            "addition"})


def adjust(score: float, findings: list[Finding]) -> float:
    """`score` raised to the floor set by the link's severe content findings."""
    for f in findings:
        if f.kind in _CONTENT_KINDS:
            score = max(score, _FLOOR.get(f.severity, 0.0))
    return score
