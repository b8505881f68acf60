"""Coarse-to-fine search for the band the full alignment is searched in.

Searching every (source, target) pair costs n·m: fine for a letter, not for a
novel.  As Vecalign does, both documents are halved (each pair of neighbouring
sentences becomes one, its embedding the normalised mean) until a full search is
cheap; the path found there is projected onto the level below and only a band of
`settings.band` sentences around it is searched, and so on down to the sentences
themselves.  Each level costs O((n + m) · band), so the whole is linear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from align.aligner import _Problem

#: The first pass only needs the rough course of the path.
FIRST_PASS_TYPES = np.array([(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)], dtype=np.int64)


def first_pass(problem: _Problem) -> np.ndarray:
    """A rough path, (L, 4) rows of (i0, i1, j0, j1) over the full-resolution documents."""
    n, m = problem.n, problem.m
    limit = problem.settings.full_search_limit
    if (n + 1) * (m + 1) <= limit or n < 4 or m < 4:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
        return problem.search(lo, hi, FIRST_PASS_TYPES)
    coarse = _halve(problem)
    coarse_path = first_pass(coarse)
    lo, hi = _project(coarse_path, n, m, problem.settings.band)
    return problem.search(lo, hi, FIRST_PASS_TYPES)


def band_around(path: np.ndarray, n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """lo/hi (n+1,) of the states within `width` of the path, monotone and connected."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in path:
        for i in range(i0, i1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
    return _widen(lo, hi, n, m, width)


def _widen(lo: np.ndarray, hi: np.ndarray, n: int, m: int, width: int):
    lo = np.clip(lo - width, 0, m)
    hi = np.clip(hi + width, 0, m)
    # lo must not decrease and hi must not decrease along the rows; taking the running
    # minimum from the end and the running maximum from the start only widens the band.
    lo = np.minimum.accumulate(lo[::-1])[::-1].copy()
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[n] = m
    return lo.astype(np.int64), hi.astype(np.int64)


def _project(coarse_path: np.ndarray, n: int, m: int, width: int):
    """Band over the fine states covered by a path found on halved documents."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in coarse_path:
        f_i0, f_i1 = 2 * i0, min(n, 2 * i1)
        f_j0, f_j1 = 2 * j0, min(m, 2 * j1)
        for i in range(f_i0, f_i1 + 1):
            lo[i] = min(lo[i], f_j0)
            hi[i] = max(hi[i], f_j1)
    return _widen(lo, hi, n, m, width)


def _halve(problem: _Problem) -> _Problem:
    from align.aligner import _Problem

    def pairs(vecs: np.ndarray) -> np.ndarray:
        if len(vecs) % 2:
            vecs = np.vstack([vecs, vecs[-1:]])
        merged = vecs[0::2] + vecs[1::2]
        return merged / np.maximum(np.linalg.norm(merged, axis=1, keepdims=True), 1e-9)

    def sums(lengths: np.ndarray) -> np.ndarray:
        if len(lengths) % 2:
            lengths = np.concatenate([lengths, [0.0]])
        return lengths[0::2] + lengths[1::2]

    src, tgt = pairs(problem.src), pairs(problem.tgt)
    return _Problem(
        src, tgt, sums(problem.src_len), sums(problem.tgt_len),
        np.zeros(len(src), dtype=np.int64), np.zeros(len(tgt), dtype=np.int64),
        problem.settings,
    )
