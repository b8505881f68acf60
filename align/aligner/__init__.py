"""Monotone sentence alignment by embedding similarity.

The recipe, in the order it runs (`align_sentences`):

1. **Normalise** — per-document background similarity and scale (`cost.document_stats`),
   so scores mean the same thing whatever the model.
2. **Find the band** — a first pass over one-to-one, one-to-zero and zero-to-one links,
   coarse-to-fine: halve both documents (averaging neighbouring embeddings) until a full
   search is cheap, align there, then project the path down one level at a time and
   search only a band around it (`band.first_pass`).  Time and memory grow linearly.
3. **Align** — the full dynamic programme over all link types (1-1, 1-2, 2-1, 2-2, 1-3,
   3-1, 1-0, 0-1 by default) in a band around the first-pass path; joined sentences are
   represented by the length-weighted sum of their embeddings.
4. **Refine** — embed the joined text of the many-to-many links the path could use
   (around every link that is not one-to-one, and every gap), up to a budget, and run
   step 3 again with those exact similarities.

Kernels are in `align.aligner.kernels`, the cost model in `align.aligner.cost`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from align.aligner import band as band_search
from align.aligner import kernels
from align.aligner.cost import AlignSettings, DocumentStats, document_stats, kernel_params

__all__ = ["AlignSettings", "AlignedLink", "align_sentences"]

#: Embeds a list of texts into (n, d) L2-normalised rows (used only for joined sentences).
EmbedFn = Callable[[Sequence[str]], np.ndarray]


@dataclass
class AlignedLink:
    """One link of the result: sentence index ranges and a similarity in [0, 1]."""

    source: list[int]
    translation: list[int]
    #: Normalised similarity: 0 = as similar as unrelated sentences of this document,
    #: 1 = as similar as a typical translation pair of it (clipped to [0, 1]).
    score: float


@dataclass
class AlignmentResult:
    links: list[AlignedLink]
    stats: DocumentStats
    #: For each source sentence, [j, z] for translation sentences near the path.
    neighbourhood: list[list[list[float]]]
    joined_embedded: int


class _Problem:
    """The arrays one document pair needs, built once and shared by every pass."""

    def __init__(
        self,
        src_vecs: np.ndarray,
        tgt_vecs: np.ndarray,
        src_lengths: np.ndarray,
        tgt_lengths: np.ndarray,
        src_paragraphs: np.ndarray,
        tgt_paragraphs: np.ndarray,
        settings: AlignSettings,
        src_continues: Sequence[bool] | None = None,
        tgt_continues: Sequence[bool] | None = None,
    ) -> None:
        self.settings = settings
        self.src = np.ascontiguousarray(src_vecs, dtype=np.float32)
        self.tgt = np.ascontiguousarray(tgt_vecs, dtype=np.float32)
        self.n, self.m = len(self.src), len(self.tgt)
        self.src_len = np.asarray(src_lengths, dtype=np.float64)
        self.tgt_len = np.asarray(tgt_lengths, dtype=np.float64)
        self.stats = document_stats(
            self.src, self.tgt, self.src_len, self.tgt_len,
            np.asarray(src_paragraphs), np.asarray(tgt_paragraphs), settings,
        )
        self.src_w = _weights(self.src_len)
        self.tgt_w = _weights(self.tgt_len)
        self.src_self = _self_dots(self.src, settings.max_side)
        self.tgt_self = _self_dots(self.tgt, settings.max_side)
        self.src_bg_cum = np.concatenate([[0.0], np.cumsum(self.stats.src_background)])
        self.tgt_bg_cum = np.concatenate([[0.0], np.cumsum(self.stats.tgt_background)])
        self.src_len_cum = np.concatenate([[0.0], np.cumsum(self.src_len)])
        self.tgt_len_cum = np.concatenate([[0.0], np.cumsum(self.tgt_len)])
        self.src_par_start = _paragraph_starts(np.asarray(src_paragraphs), self.n)
        self.tgt_par_start = _paragraph_starts(np.asarray(tgt_paragraphs), self.m)
        self.src_cont = _flags(src_continues, self.n)
        self.tgt_cont = _flags(tgt_continues, self.m)

    def search(
        self, lo: np.ndarray, hi: np.ndarray, types: np.ndarray,
        override: np.ndarray | None = None,
        skips: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> np.ndarray:
        """Best path in the band; (L, 4) rows of (i0, i1, j0, j1)."""
        params = kernel_params(self.settings, self.stats, types)
        if skips is None:
            skips = self.plain_skips()
        g, g_lo = _pair_band(lo, hi, self.n, self.m, self.settings.max_side)
        _fill_pair_band(g, g_lo, self.src, self.tgt)
        if override is None:
            override = np.full((1, 1, len(types)), np.nan, dtype=np.float32)
            override_lo = np.full(self.n + 1, 1 << 40, dtype=np.int64)
        else:
            override_lo = lo
        back, _ = interruptible(
            kernels.band_dp,
            lo, hi, types, self.src, self.tgt, self.src_w, self.tgt_w,
            self.src_self, self.tgt_self, self.src_bg_cum, self.tgt_bg_cum,
            self.src_len_cum, self.tgt_len_cum, self.src_par_start, self.tgt_par_start,
            params, g, g_lo, override, override_lo, skips[0], skips[1],
            self.src_cont, self.tgt_cont,
        )
        path = kernels.backtrack(back, lo, types, self.m)
        if len(path) == 0 and (self.n or self.m):
            raise RuntimeError("no path through the alignment band")  # a bug, not user error
        return path

    def plain_skips(self) -> tuple[np.ndarray, np.ndarray]:
        """The score of leaving each sentence unaligned: `skip`, or `end_skip` in a head or
        tail the other side lacks (`with_end_skip`)."""
        return self.with_end_skip(np.full(self.n, self.settings.skip),
                                  np.full(self.m, self.settings.skip))

    def with_end_skip(self, src: np.ndarray, tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`src` and `tgt`, per-sentence scores of leaving a sentence unaligned, with
        `end_skip` in a head or tail the other side lacks (outside `stats.extent`): such a
        block is one gap, whatever its length; at `skip` a sentence, every sentence of it
        absorbed into some link would be worth as much, and the last translated sentences
        would be spread over it."""
        i0, i1, j0, j1 = self.stats.extent or (0, self.n, 0, self.m)
        end = self.settings.end_skip
        src[:i0], src[i1:], tgt[:j0], tgt[j1:] = end, end, end, end
        return src, tgt

    def cosine(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cosine of a link from the length-weighted sum of its sentence embeddings."""
        g = np.full((1, 1), np.nan, dtype=np.float32)
        g_lo = np.zeros(self.n + 1, dtype=np.int64) - (1 << 40)
        return float(kernels.link_cosine(
            g, g_lo, self.src, self.tgt, self.src_w, self.tgt_w,
            self.src_self, self.tgt_self, i0, i1, j0, j1,
        ))

    def z(self, cos: float, i0: int, i1: int, j0: int, j1: int) -> float:
        bg = kernels.link_background(
            self.src_w, self.tgt_w, self.src_self, self.tgt_self, self.src_bg_cum,
            self.tgt_bg_cum, i0, i1, j0, j1, self.settings.joined_background,
        )
        return (cos - bg) / self.stats.scale


def warm_up() -> None:
    """Load the compiled search kernels (from numba's on-disk cache) by aligning a tiny
    pair: a third of a second on first use, which a caller can spend while the model loads."""
    vectors = np.eye(4, 8, dtype=np.float32)
    try:
        align_sentences(vectors, vectors, [10] * 4, [10] * 4)
    except Exception:  # noqa: BLE001 - the real search reports any failure itself
        pass


def align_sentences(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_lengths: Sequence[float] | np.ndarray,
    tgt_lengths: Sequence[float] | np.ndarray,
    src_paragraphs: Sequence[int] | np.ndarray | None = None,
    tgt_paragraphs: Sequence[int] | np.ndarray | None = None,
    *,
    settings: AlignSettings | None = None,
    embed_joined: Callable[[list[tuple[str, int, int]]], np.ndarray] | None = None,
    src_continues: Sequence[bool] | None = None,
    tgt_continues: Sequence[bool] | None = None,
) -> AlignmentResult:
    """Align two documents given the embeddings of their sentences.

    `embed_joined`, when given, receives ``("source" | "translation", start, end)``
    spans of consecutive sentences and returns their joined embeddings (rows in the
    same order); it is called once, for the refinement step.  `src_continues` and
    `tgt_continues` mark the sentences that continue the one before them
    (`align.segment.continues_previous`): a link rarely starts at one on one side only.
    """
    settings = settings or AlignSettings()
    n, m = len(src_vecs), len(tgt_vecs)
    if n == 0 or m == 0:
        links = [AlignedLink([i], [], 0.0) for i in range(n)]
        links += [AlignedLink([], [j], 0.0) for j in range(m)]
        stats = DocumentStats(np.zeros(n), np.zeros(m), 1.0, 1.0, False)
        return AlignmentResult(links, stats, [[] for _ in range(n)], 0)
    src_par = np.zeros(n, dtype=np.int64) if src_paragraphs is None else np.asarray(src_paragraphs)
    tgt_par = np.zeros(m, dtype=np.int64) if tgt_paragraphs is None else np.asarray(tgt_paragraphs)
    problem = _Problem(src_vecs, tgt_vecs, src_lengths, tgt_lengths, src_par, tgt_par, settings,
                       src_continues, tgt_continues)
    types = settings.link_types()

    first = band_search.first_pass(problem)
    lo, hi = band_search.band_around(first, n, m, settings.band)
    skips = _skip_scores(problem, lo, hi)
    path = problem.search(lo, hi, types, skips=skips)

    joined = 0
    override = None
    if embed_joined is not None and settings.refine_budget > 0:
        override, joined = _refine(problem, path, lo, hi, types, embed_joined)
        if joined:
            path = problem.search(lo, hi, types, override, skips)

    links = []
    for i0, i1, j0, j1 in path:
        if i1 > i0 and j1 > j0:
            cos = _override_cos(override, lo, types, i0, i1, j0, j1)
            if cos is None:
                cos = problem.cosine(i0, i1, j0, j1)
            score = float(np.clip(problem.z(cos, i0, i1, j0, j1), 0.0, 1.0))
        else:
            score = 0.0
        links.append(AlignedLink(list(range(i0, i1)), list(range(j0, j1)), score))
    return AlignmentResult(links, problem.stats, _neighbourhood(problem, path), joined)


def _refine(
    problem: _Problem,
    path: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    types: np.ndarray,
    embed_joined: Callable[[list[tuple[str, int, int]]], np.ndarray],
) -> tuple[np.ndarray, int]:
    """Exact cosines for the many-to-many links near uncertain parts of the path.

    Uncertain: every link that is not one-to-one, and the one-to-one links next to
    them.  Candidates are all multi-sentence links of any allowed type whose span
    touches such a place.  Returns the override array for `band_dp` and how many
    joined texts were embedded.
    """
    n, m = problem.n, problem.m
    uncertain = np.zeros(len(path), dtype=bool)
    for k, (i0, i1, j0, j1) in enumerate(path):
        if (i1 - i0, j1 - j0) != (1, 1):
            uncertain[max(0, k - 1): k + 2] = True
    candidates: set[tuple[int, int, int, int, int]] = set()
    max_side = problem.settings.max_side
    for k in np.flatnonzero(uncertain):
        i0, i1, j0, j1 = path[k]
        for t, (a, b) in enumerate(types):
            if a == 0 or b == 0 or (a == 1 and b == 1):
                continue
            # links of type (a, b) ending near (i1, j1) that overlap this link
            for di in range(-max_side + 1, max_side):
                for dj in range(-max_side + 1, max_side):
                    ie, je = i1 + di, j1 + dj
                    if ie - a < 0 or je - b < 0 or ie > n or je > m:
                        continue
                    if ie - a >= i1 or ie <= i0 or je - b >= j1 or je <= j0:
                        continue
                    if not (lo[ie] <= je <= hi[ie]):
                        continue
                    candidates.add((ie - a, ie, je - b, je, t))
    budget = int(problem.settings.refine_budget * (n + m))
    spans: dict[tuple[str, int, int], int] = {}
    ordered = sorted(candidates, key=lambda c: (c[1] - c[0]) + (c[3] - c[2]))
    chosen = []
    for c in ordered:
        need = [s for s in (("source", c[0], c[1]), ("translation", c[2], c[3])) if s[2] - s[1] > 1]
        new = [s for s in need if s not in spans]
        if len(spans) + len(new) > budget:
            continue
        for s in new:
            spans[s] = len(spans)
        chosen.append(c)
    width = int((hi - lo).max()) + 1
    override = np.full((n + 1, width, len(types)), np.nan, dtype=np.float32)
    if not spans:
        return override, 0
    span_list = list(spans)
    vecs = np.asarray(embed_joined(span_list), dtype=np.float32)
    for i0, i1, j0, j1, t in chosen:
        sv = vecs[spans[("source", i0, i1)]] if i1 - i0 > 1 else problem.src[i0]
        tv = vecs[spans[("translation", j0, j1)]] if j1 - j0 > 1 else problem.tgt[j0]
        override[i1, j1 - lo[i1], t] = float(sv @ tv)
    return override, len(span_list)


def _override_cos(override, lo, types, i0, i1, j0, j1) -> float | None:
    if override is None:
        return None
    for t, (a, b) in enumerate(types):
        if a == i1 - i0 and b == j1 - j0:
            col = j1 - lo[i1]
            if 0 <= col < override.shape[1] and not np.isnan(override[i1, col, t]):
                return float(override[i1, col, t])
    return None


def _skip_scores(problem: _Problem, lo: np.ndarray, hi: np.ndarray):
    """Per-sentence score of leaving it unaligned.

    A sentence that resembles nothing in its band on the other side (a caption, a
    page number, a passage the translator added) is cheaper to leave out than one
    with a good candidate: its skip score rises from `skip` towards `skip + gain`
    as its best z in the band falls from `unmatched_below` to 0.
    """
    settings = problem.settings
    src_best = np.full(problem.n, -np.inf)
    tgt_best = np.full(problem.m, -np.inf)
    for i in range(problem.n):
        j0 = lo[i]
        j1 = min(problem.m, max(hi[i], hi[min(i + 1, problem.n)]) + 1)
        if j1 <= j0:
            continue
        cos = problem.tgt[j0:j1] @ problem.src[i]
        bg = 0.5 * (problem.stats.src_background[i] + problem.stats.tgt_background[j0:j1])
        z = (cos - bg) / problem.stats.scale
        src_best[i] = z.max()
        np.maximum.at(tgt_best, np.arange(j0, j1), z)

    def skip(best: np.ndarray) -> np.ndarray:
        deficit = np.clip(settings.unmatched_below - best, 0.0, settings.unmatched_below)
        return settings.skip + settings.unmatched_gain * deficit / settings.unmatched_below
    return problem.with_end_skip(skip(src_best), skip(tgt_best))


def _neighbourhood(problem: _Problem, path: np.ndarray, radius: int = 3) -> list[list[list[float]]]:
    """For the alignment map: z of each source sentence with targets near the path."""
    centre = np.zeros(problem.n, dtype=np.int64)
    for i0, i1, j0, _j1 in path:
        centre[i0:i1] = j0
    out: list[list[list[float]]] = []
    for i in range(problem.n):
        js = np.arange(max(0, centre[i] - radius), min(problem.m, centre[i] + radius + 1))
        cos = problem.tgt[js] @ problem.src[i]
        bg = 0.5 * (problem.stats.src_background[i] + problem.stats.tgt_background[js])
        z = np.clip((cos - bg) / problem.stats.scale, 0.0, 1.0)
        out.append([[int(j), round(float(v), 3)] for j, v in zip(js, z, strict=True)])
    return out


def interruptible(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` run in a worker thread, so that Ctrl-C stops the wait at once.

    Compiled code (the numba kernels release the GIL) does not see a KeyboardInterrupt
    until it returns, which takes seconds on a long book; the main thread waits in short
    steps instead and can leave.  The worker is a daemon: an abandoned search does not
    keep the process alive.
    """
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # handed to the waiting thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="align-search", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _weights(lengths: np.ndarray) -> np.ndarray:
    # Joined embeddings weight each sentence by its length (a proxy for its token
    # count in mean pooling); the square root damps very long sentences.
    return np.sqrt(np.maximum(lengths, 1.0)).astype(np.float32)


def _self_dots(vecs: np.ndarray, max_side: int) -> np.ndarray:
    n = len(vecs)
    out = np.zeros((n, max(1, max_side - 1)), dtype=np.float32)
    for k in range(1, max_side):
        if n > k:
            out[: n - k, k - 1] = np.einsum("ij,ij->i", vecs[: n - k], vecs[k:])
    return out


def _flags(flags: Sequence[bool] | None, n: int) -> np.ndarray:
    """(n+1,) float64 of 0/1 per sentence (the last entry, past the end, 0)."""
    out = np.zeros(n + 1, dtype=np.float64)
    if flags is not None:
        out[:n] = np.asarray(flags, dtype=np.float64)[:n]
    return out


def _paragraph_starts(paragraphs: np.ndarray, n: int) -> np.ndarray:
    starts = np.zeros(n + 1, dtype=np.bool_)
    if n:
        starts[0] = True
        starts[1:n] = paragraphs[1:] != paragraphs[:-1]
    return starts


def _pair_band(lo: np.ndarray, hi: np.ndarray, n: int, m: int, max_side: int):
    """Memo band for sentence-pair cosines: source row s may pair with these targets."""
    g_lo = np.empty(n + 1, dtype=np.int64)
    g_hi = np.empty(n + 1, dtype=np.int64)
    for s in range(n):
        g_lo[s] = max(0, lo[s] - max_side)
        g_hi[s] = min(m, hi[min(n, s + max_side)] + 1)
    g_lo[n] = g_lo[n - 1] if n else 0
    g_hi[n] = g_hi[n - 1] if n else 0
    width = int((g_hi - g_lo).max()) + 1 if n else 1
    g = np.full((n + 1, width), np.nan, dtype=np.float32)
    return g, g_lo


def _fill_pair_band(g: np.ndarray, g_lo: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                    rows: int = 128) -> None:
    """Fill the memo band with every sentence-pair cosine it holds, block by block.

    The search reads nearly every pair of its band; one matrix product per block of
    rows computes them many times faster than the kernels' pair-by-pair dot products.
    """
    n, width = len(src), g.shape[1]
    for r0 in range(0, n, rows):
        r1 = min(n, r0 + rows)
        c0 = int(g_lo[r0])
        c1 = int(min(len(tgt), g_lo[r1 - 1] + width))
        if c1 <= c0:
            continue
        block = src[r0:r1] @ tgt[c0:c1].T
        for s in range(r0, r1):
            a = int(g_lo[s]) - c0
            count = min(width, c1 - c0 - a)
            if count > 0:
                g[s, :count] = block[s - r0, a : a + count]
