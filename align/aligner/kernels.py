"""Compiled inner loops of the aligner: the banded dynamic programme and its back-track.

Shapes used throughout (n source sentences, m target sentences, d dimensions):

* ``src_vecs`` (n, d) float32, ``tgt_vecs`` (m, d) float32: L2-normalised embeddings.
* A *state* ``(i, j)`` means "the first i source and j target sentences are consumed";
  states run over i in [0, n] and, for row i, j in [lo[i], hi[i]] (``lo``/``hi``: (n+1,)
  int64, both non-decreasing).  Row i of a state array stores column j at j - lo[i].
* ``types`` (K, 2) int64: the link types (a, b) allowed, e.g. (1, 1), (1, 0), (2, 1).
* ``weights`` (n,) / (m,) float32: how much each sentence counts when sentences are
  joined (their length: a mean-pooled embedding of a joined text is close to the
  length-weighted sum of its parts' embeddings).
* ``self_dots`` (n, A) float32: ``self_dots[s, k-1] = src_vecs[s] @ src_vecs[s+k]``.

Nothing here knows what the scores mean; `align.aligner.cost` decides that and
passes the numbers in.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# Column index into the `params` vector handed to the kernels (see cost.CostModel.kernel_params).
P_SCALE = 0  # divide (cos - background) by this to get the normalised similarity z
P_LEN_WEIGHT = 1  # weight of the squared log length-ratio penalty
P_LEN_RATIO = 2  # the document's target/source length ratio
P_LEN_SMOOTH = 3  # characters added to both lengths before taking the ratio
P_PAR_WEIGHT = 4  # penalty for a link that crosses or contradicts a paragraph boundary
P_Z_CAP = 5  # z saturates here: a long joined link is not surer than a typical pair
P_JOINED_BACKGROUND = 6  # 1: a joined link's background as joined vectors have it; 0: the mean
P_CONT_WEIGHT = 7  # penalty for a link that starts at a continuation on one side only
P_LINK_PENALTY = 8  # first of K per-type penalties (prior against many-to-many links)


@njit(cache=True, nogil=True)
def _pair_dot(g, g_lo, src_vecs, tgt_vecs, s, t):
    """Cosine of source sentence s and target sentence t, memoised in the band `g`."""
    col = t - g_lo[s]
    if col < 0 or col >= g.shape[1]:
        acc = 0.0
        for k in range(src_vecs.shape[1]):
            acc += src_vecs[s, k] * tgt_vecs[t, k]
        return acc
    val = g[s, col]
    if np.isnan(val):
        acc = 0.0
        for k in range(src_vecs.shape[1]):
            acc += src_vecs[s, k] * tgt_vecs[t, k]
        g[s, col] = acc
        val = acc
    return val


@njit(cache=True, nogil=True)
def _span_norm(weights, self_dots, s0, s1):
    """Norm of the length-weighted sum of the unit vectors of sentences s0..s1-1."""
    total = 0.0
    for s in range(s0, s1):
        total += weights[s] * weights[s]
        for k in range(1, s1 - s):
            total += 2.0 * weights[s] * weights[s + k] * self_dots[s, k - 1]
    if total <= 1e-12:
        return 1e-6
    return np.sqrt(total)


@njit(cache=True, nogil=True)
def link_cosine(g, g_lo, src_vecs, tgt_vecs, src_w, tgt_w, src_self, tgt_self, i0, i1, j0, j1):
    """Cosine between the joined source span [i0, i1) and target span [j0, j1)."""
    if i1 - i0 == 1 and j1 - j0 == 1:
        return _pair_dot(g, g_lo, src_vecs, tgt_vecs, i0, j0)
    return _joined_cosine(
        g, g_lo, src_vecs, tgt_vecs, src_w, tgt_w, i0, i1, j0, j1,
        _span_norm(src_w, src_self, i0, i1), _span_norm(tgt_w, tgt_self, j0, j1),
    )


@njit(cache=True, nogil=True)
def _joined_cosine(g, g_lo, src_vecs, tgt_vecs, src_w, tgt_w, i0, i1, j0, j1, src_norm,
                   tgt_norm):
    dot = 0.0
    for s in range(i0, i1):
        for t in range(j0, j1):
            dot += src_w[s] * tgt_w[t] * _pair_dot(g, g_lo, src_vecs, tgt_vecs, s, t)
    return dot / (src_norm * tgt_norm)


@njit(cache=True, nogil=True)
def link_background(src_w, tgt_w, src_self, tgt_self, src_bg_cum, tgt_bg_cum, i0, i1, j0, j1,
                    joined):
    """The cosine the link's joined spans would have with unrelated text of the same shape.

    A sentence's background is its mean cosine with the other side's sentences.  A
    span X of several sentences (the length-weighted sum of their vectors) has cosine
    ``sum_s w_s bg_s / |X|`` with one unrelated sentence, and with an unrelated span Y
    of the same shape that times ``sum_t w_t / |Y|``: joined vectors sit closer to
    the document's mean direction than single ones, so their cosine with anything
    grows.  Without this correction, joining sentences would look like evidence.
    `joined` (0 to 1) is how much of this correction applies; 0 gives the plain mean of
    the sentences' backgrounds.
    """
    src_norm = 1.0
    tgt_norm = 1.0
    if joined != 0.0 and (i1 - i0 > 1 or j1 - j0 > 1):
        src_norm = _span_norm(src_w, src_self, i0, i1)
        tgt_norm = _span_norm(tgt_w, tgt_self, j0, j1)
    return _joined_background(src_w, tgt_w, src_bg_cum, tgt_bg_cum, i0, i1, j0, j1, joined,
                              src_norm, tgt_norm)


@njit(cache=True, nogil=True)
def _joined_background(src_w, tgt_w, src_bg_cum, tgt_bg_cum, i0, i1, j0, j1, joined,
                       src_norm, tgt_norm):
    a = i1 - i0
    b = j1 - j0
    mean = 0.5 * ((src_bg_cum[i1] - src_bg_cum[i0]) / a + (tgt_bg_cum[j1] - tgt_bg_cum[j0]) / b)
    if joined == 0.0 or (a == 1 and b == 1):
        return mean
    src_sum = 0.0
    src_bgw = 0.0
    for s in range(i0, i1):
        src_sum += src_w[s]
        src_bgw += src_w[s] * (src_bg_cum[s + 1] - src_bg_cum[s])
    tgt_sum = 0.0
    tgt_bgw = 0.0
    for t in range(j0, j1):
        tgt_sum += tgt_w[t]
        tgt_bgw += tgt_w[t] * (tgt_bg_cum[t + 1] - tgt_bg_cum[t])
    full = 0.5 * (src_bgw / src_norm * tgt_sum / tgt_norm + tgt_bgw / tgt_norm * src_sum / src_norm)
    return mean + joined * (full - mean)


@njit(cache=True, nogil=True)
def link_score(
    cos, bg, i0, i1, j0, j1, k, src_len_cum, tgt_len_cum,
    src_par_start, tgt_par_start, params,
):
    """Score of one many-to-many link (both sides non-empty) given its cosine.

    score = z - length penalty - paragraph penalty - type penalty,
    z = (cos - bg) / scale, `bg` from `link_background`.  A link scores once whatever
    its size, so two good one-to-one links always beat the two-to-two link that joins
    them, and a many-to-many link wins only where its sentences cannot be paired one
    by one.
    """
    z = (cos - bg) / params[P_SCALE]
    cap = params[P_Z_CAP]
    if z > 0.0:
        z = cap * np.tanh(z / cap)
    ls = src_len_cum[i1] - src_len_cum[i0]
    lt = tgt_len_cum[j1] - tgt_len_cum[j0]
    smooth = params[P_LEN_SMOOTH]
    r = np.log((lt + smooth) / (params[P_LEN_RATIO] * ls + smooth))
    q = z - params[P_LEN_WEIGHT] * r * r
    # Paragraph evidence: a link that starts a paragraph on one side only, or runs
    # across a paragraph boundary on one side, is less likely.
    par = 0.0
    if src_par_start[i0] != tgt_par_start[j0]:
        par += 1.0
    for s in range(i0 + 1, i1):
        if src_par_start[s]:
            par += 1.0
    for t in range(j0 + 1, j1):
        if tgt_par_start[t]:
            par += 1.0
    q -= params[P_PAR_WEIGHT] * par
    return q - params[P_LINK_PENALTY + k]


@njit(cache=True, nogil=True)
def band_dp(
    lo, hi, types, src_vecs, tgt_vecs, src_w, tgt_w, src_self, tgt_self,
    src_bg_cum, tgt_bg_cum, src_len_cum, tgt_len_cum, src_par_start, tgt_par_start,
    params, g, g_lo, override, override_lo, src_skip, tgt_skip, src_cont, tgt_cont,
):
    """Best-scoring monotone path through the band; returns the back-pointer array.

    ``src_skip`` (n,) / ``tgt_skip`` (m,) float64: the score of leaving each sentence
    unaligned.  ``src_cont`` (n+1,) / ``tgt_cont`` (m+1,) float64: 1 where a sentence
    continues the one before it (it begins in lower case); a link that starts at such a
    sentence on one side only, or leaves one unaligned on its own, loses
    ``params[P_CONT_WEIGHT]``.

    ``override`` (n+1, W, K) float32 holds exact cosines (from embeddings of the
    joined text) for some links, NaN elsewhere; row i, column j - override_lo[i].
    Returns ``back`` (n+1, width) int8: the type index of the best link ending in
    each state, -1 where unreachable; and the total score of state (n, hi[n]).
    """
    n = lo.shape[0] - 1
    width = 0
    for i in range(n + 1):
        if hi[i] - lo[i] + 1 > width:
            width = hi[i] - lo[i] + 1
    score = np.full((n + 1, width), -np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    if lo[0] == 0:
        score[0, 0] = 0.0
    n_types = types.shape[0]
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            best = score[i, j - lo[i]]
            best_k = back[i, j - lo[i]]
            for k in range(n_types):
                a = types[k, 0]
                b = types[k, 1]
                pi = i - a
                pj = j - b
                if pi < 0 or pj < 0 or (a == 0 and b == 0):
                    continue
                if pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = score[pi, pj - lo[pi]]
                if prev == -np.inf:
                    continue
                if a == 0:
                    val = prev - params[P_CONT_WEIGHT] * tgt_cont[pj]
                    for t in range(pj, j):
                        val += tgt_skip[t]
                elif b == 0:
                    val = prev - params[P_CONT_WEIGHT] * src_cont[pi]
                    for s in range(pi, i):
                        val += src_skip[s]
                else:
                    cos = np.nan
                    oc = j - override_lo[i]
                    if oc >= 0 and oc < override.shape[1]:
                        cos = override[i, oc, k]
                    # The joined spans' norms serve both the cosine and the background.
                    src_norm = 1.0
                    tgt_norm = 1.0
                    if a > 1 or b > 1:
                        src_norm = _span_norm(src_w, src_self, pi, i)
                        tgt_norm = _span_norm(tgt_w, tgt_self, pj, j)
                    if np.isnan(cos):
                        if a == 1 and b == 1:
                            cos = _pair_dot(g, g_lo, src_vecs, tgt_vecs, pi, pj)
                        else:
                            cos = _joined_cosine(g, g_lo, src_vecs, tgt_vecs, src_w, tgt_w,
                                                 pi, i, pj, j, src_norm, tgt_norm)
                    bg = _joined_background(
                        src_w, tgt_w, src_bg_cum, tgt_bg_cum, pi, i, pj, j,
                        params[P_JOINED_BACKGROUND], src_norm, tgt_norm,
                    )
                    val = prev + link_score(
                        cos, bg, pi, i, pj, j, k, src_len_cum,
                        tgt_len_cum, src_par_start, tgt_par_start, params,
                    ) - params[P_CONT_WEIGHT] * abs(src_cont[pi] - tgt_cont[pj])
                if val > best:
                    best = val
                    best_k = k
            score[i, j - lo[i]] = best
            back[i, j - lo[i]] = best_k
    return back, score[n, hi[n] - lo[n]]


@njit(cache=True, nogil=True)
def backtrack(back, lo, types, m):
    """Follow back-pointers from (n, m) to (0, 0); returns (L, 4) rows (i0, i1, j0, j1)."""
    n = lo.shape[0] - 1
    out = np.empty((n + m + 1, 4), dtype=np.int64)
    count = 0
    i = n
    j = m
    while i > 0 or j > 0:
        k = back[i, j - lo[i]]
        if k < 0:
            return out[:0]
        a = types[k, 0]
        b = types[k, 1]
        out[count, 0] = i - a
        out[count, 1] = i
        out[count, 2] = j - b
        out[count, 3] = j
        count += 1
        i -= a
        j -= b
    return out[:count][::-1]
