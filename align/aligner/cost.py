"""The cost model: what makes one link better than another.

A link (a source sentences, b target sentences) is scored in the units of the
document itself rather than in raw cosine, whose scale differs by model and by
document (multilingual-e5 puts unrelated sentences near 0.8, USE near 0.1):

    background(x) = mean cosine of x with a fixed random sample of the other side
    z             = (cos(X, Y) - background(X, Y)) / scale
    scale         = median, over sampled source sentences, of the gap between their
                    nearest neighbour on the other side and their background

where background(X, Y), for joined sentences, is the cosine their joined vectors
would have with unrelated text of the same shape (`kernels.link_background`), so
z ≈ 0 for an unrelated pair and z ≈ 1 for a typical translation pair of this
document.  A link scores ``z − length penalty − paragraph penalty − type penalty``,
once whatever its size; leaving one sentence unaligned scores ``skip``.  The
dynamic programme maximises the sum over the path.  See docs/algorithm.md.
"""

from __future__ import annotations

import bisect
import math
import numbers
from dataclasses import asdict, dataclass, field, fields

import numpy as np

from align.aligner import kernels


@dataclass(frozen=True)
class AlignSettings:
    """Everything that changes which links are chosen; recorded in the signature."""

    #: Most sentences on one side of a link.
    max_side: int = 5
    #: Most sentences in a link, both sides together (6 allows up to 3-3, 2-4, 1-5).
    max_link: int = 6
    #: Score of leaving one sentence unaligned, in units of z (see module doc).
    skip: float = -0.3
    #: Score of leaving unaligned one sentence of a side's head or tail that the other side
    #: lacks (a translation that stops early or starts late, or a source that does; see
    #: `corresponding_extent`): its missing part is left out as one block.
    end_skip: float = -0.05
    #: A sentence whose best z in its band is below this is probably unmatched...
    unmatched_below: float = 0.5
    #: ...and leaving it out scores up to this much more than `skip`.
    unmatched_gain: float = 0.15
    #: Weight of the squared log length-ratio penalty.
    length_weight: float = 0.8
    #: Characters added to both lengths before the ratio is taken (short lines vary a lot).
    length_smooth: float = 15.0
    #: Normalised similarity saturates towards this value (see kernels.link_score).
    z_cap: float = 1.2
    #: Penalty per paragraph boundary a link contradicts (0 turns paragraph evidence off).
    paragraph_weight: float = 0.1
    #: Penalty for a link that starts at a sentence continuing the one before it (begun in
    #: lower case) on one side only, or leaves such a sentence unaligned on its own.
    continuation_weight: float = 0.15
    #: Penalty for each extra sentence beyond one on either side of a link.
    merge_penalty: float = 0.0
    #: Half-width of the band searched around the first-pass path, in sentences.
    band: int = 8
    #: How much of the joined-vector correction `kernels.link_background` applies to the
    #: background of a link of several sentences (1: all of it; 0: the mean of its
    #: sentences' backgrounds).
    joined_background: float = 1.0
    #: Other-side sentences sampled per document for the background similarity.
    background_sample: int = 256
    #: Largest number of DP states searched at once before coarse-to-fine kicks in.
    full_search_limit: int = 250_000
    #: Re-embed joined sentences of candidate many-to-many links (exact instead of
    #: length-weighted sums of single-sentence embeddings), at most this many per sentence.
    refine_budget: float = 0.0

    def __post_init__(self) -> None:
        """Refuse, naming the field, a value the search cannot use; numbers of another
        type (``0`` for a float, numpy's) become the field's own, as the signature holds."""
        from align.errors import UsageError

        for spec in fields(self):
            value = getattr(self, spec.name)
            whole = spec.type == "int"
            wanted = "an int" if whole else "a number"
            if isinstance(value, bool) or not isinstance(
                    value, numbers.Integral if whole else numbers.Real):
                raise UsageError(f"AlignSettings({spec.name}={value!r}): {spec.name} must be "
                                 f"{wanted}")
            if not math.isfinite(value):
                raise UsageError(f"AlignSettings({spec.name}={value!r}): {spec.name} must be "
                                 "a finite number")
            object.__setattr__(self, spec.name, int(value) if whole else float(value))
            least = _AT_LEAST.get(spec.name)
            if least is not None and getattr(self, spec.name) < least:
                raise UsageError(f"AlignSettings({spec.name}={value!r}): {spec.name} must be "
                                 f"at least {least}")
            most = _AT_MOST.get(spec.name)
            if most is not None and getattr(self, spec.name) > most:
                raise UsageError(f"AlignSettings({spec.name}={value!r}): {spec.name} must be "
                                 f"at most {most}")
        if self.z_cap <= 0:
            raise UsageError(f"AlignSettings(z_cap={self.z_cap!r}): z_cap must be above 0")

    def link_types(self) -> np.ndarray:
        """(K, 2) array of allowed (a, b), one-to-one first."""
        types = [(1, 1), (1, 0), (0, 1)]
        for a in range(1, self.max_side + 1):
            for b in range(1, self.max_side + 1):
                if (a, b) != (1, 1) and a + b <= self.max_link:
                    types.append((a, b))
        return np.array(types, dtype=np.int64)

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


#: The least value of the fields that have one: a link holds a sentence, and sizes, counts,
#: weights and budgets are not negative.
_AT_LEAST = {"max_side": 1, "max_link": 2, "band": 0, "background_sample": 1,
             "full_search_limit": 1, "length_weight": 0, "length_smooth": 0,
             "paragraph_weight": 0, "continuation_weight": 0, "refine_budget": 0}
#: Leaving a sentence out is never a gain: above 0, every sentence would be.
_AT_MOST = {"skip": 0, "end_skip": 0}


@dataclass
class DocumentStats:
    """Per-document normalisation, computed once from the single-sentence embeddings."""

    src_background: np.ndarray  # (n,) float64
    tgt_background: np.ndarray  # (m,) float64
    scale: float
    length_ratio: float
    use_paragraphs: bool
    extras: dict[str, float] = field(default_factory=dict)
    #: (i0, i1, j0, j1): the sentences of each side that the other side has
    #: (`corresponding_extent`); None: all of them.
    extent: tuple[int, int, int, int] | None = None


def background(vecs: np.ndarray, other: np.ndarray, sample: int, seed: int) -> np.ndarray:
    """Mean cosine of each row of `vecs` with a fixed random sample of rows of `other`."""
    rng = np.random.default_rng(seed)
    k = min(sample, len(other))
    if k == 0:
        return np.zeros(len(vecs))
    idx = rng.choice(len(other), size=k, replace=False)
    return (vecs @ other[idx].T).mean(axis=1).astype(np.float64)


def document_stats(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_lengths: np.ndarray,
    tgt_lengths: np.ndarray,
    src_paragraphs: np.ndarray,
    tgt_paragraphs: np.ndarray,
    settings: AlignSettings,
) -> DocumentStats:
    bg_s = background(src_vecs, tgt_vecs, settings.background_sample, seed=1)
    bg_t = background(tgt_vecs, src_vecs, settings.background_sample, seed=2)
    # Typical gap between a sentence's best match and its background: the scale of
    # "a real translation" in this document with this model.
    rng = np.random.default_rng(3)
    probe = rng.choice(len(src_vecs), size=min(300, len(src_vecs)), replace=False)
    sims = src_vecs[probe] @ tgt_vecs.T if len(tgt_vecs) else np.zeros((len(probe), 1))
    nearest = np.argmax(sims, axis=1)
    best = sims[np.arange(len(probe)), nearest]
    del sims
    # Both measures hold only where the two texts translate each other: a translation that
    # stops halfway (or starts late, or a source that does) leaves the rest of the other
    # side without counterpart, which would halve the length ratio and lower the scale.
    i0, i1, j0, j1 = corresponding_extent(src_vecs, tgt_vecs, src_lengths, tgt_lengths,
                                          probe, nearest)
    inside = (probe >= i0) & (probe < i1)
    gaps = (best - bg_s[probe])[inside]
    scale = float(np.median(gaps)) if len(gaps) else 1.0
    scale = max(scale, 1e-3)
    ratio = float(tgt_lengths[j0:j1].sum() + 1) / float(src_lengths[i0:i1].sum() + 1)
    # Paragraphs are evidence only when both sides have a comparable paragraph
    # structure; one paragraph per side (pre-split input) says nothing.
    ps, pt = len(set(src_paragraphs.tolist())), len(set(tgt_paragraphs.tolist()))
    use_par = ps > 1 and pt > 1 and min(ps, pt) / max(ps, pt) > 0.7
    return DocumentStats(bg_s, bg_t, scale, ratio, use_par, {"paragraphs": (ps + pt) / 2},
                         (i0, i1, j0, j1))


def corresponding_extent(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_lengths: np.ndarray,
    tgt_lengths: np.ndarray,
    probe: np.ndarray,
    probe_best: np.ndarray,
    least: int = 4,
) -> tuple[int, int, int, int]:
    """The sentence ranges ``[i0, i1)`` and ``[j0, j1)`` of the two sides that translate
    each other: the whole of both, unless one side runs on where the other has stopped
    (or begins before the other starts).

    Anchors are sampled source sentences and their nearest target sentences that are
    nearest to each other (mutual nearest neighbours), and the longest chain of them in
    the order of both texts; the chain spans the middle of the corresponding part.  Past
    its ends, each side's head (and tail) corresponds only as far as the other side's
    head (tail) reaches, in characters at the length ratio of the middle: the longer one
    is cut to the shorter one's length.  With fewer than `least` anchors, both sides whole.
    """
    n, m = len(src_vecs), len(tgt_vecs)
    if len(probe) < least or m < least:
        return 0, n, 0, m
    back = np.argmax(tgt_vecs[probe_best] @ src_vecs.T, axis=1)
    mutual = back == probe
    pairs = sorted(zip(probe[mutual].tolist(), probe_best[mutual].tolist(), strict=True))
    chain = _longest_chain(pairs)
    # A chance pair of unrelated sentences can extend the chain by one long jump: an end
    # anchor farther than a few sampling steps from the next one on either side is dropped.
    near = 4.0 * max(n, m) / len(probe) + 12.0

    def apart(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return abs(a[0] - b[0]) > near or abs(a[1] - b[1]) > near

    while len(chain) >= 2 and apart(chain[0], chain[1]):
        chain.pop(0)
    while len(chain) >= 2 and apart(chain[-1], chain[-2]):
        chain.pop()
    if len(chain) < least:
        return 0, n, 0, m
    (ia, ja), (ib, jb) = chain[0], chain[-1]
    src_cum = np.concatenate([[0.0], np.cumsum(src_lengths, dtype=np.float64)])
    tgt_cum = np.concatenate([[0.0], np.cumsum(tgt_lengths, dtype=np.float64)])
    middle_src, middle_tgt = src_cum[ib + 1] - src_cum[ia], tgt_cum[jb + 1] - tgt_cum[ja]
    if middle_src <= 0 or middle_tgt <= 0:
        return 0, n, 0, m
    rho = middle_tgt / middle_src
    # Heads: the characters before the first anchor on each side, in source characters.
    head = min(src_cum[ia], tgt_cum[ja] / rho)
    tail = min(src_cum[n] - src_cum[ib + 1], (tgt_cum[m] - tgt_cum[jb + 1]) / rho)
    i0 = int(np.searchsorted(src_cum, src_cum[ia] - head, side="right")) - 1
    j0 = int(np.searchsorted(tgt_cum, tgt_cum[ja] - head * rho, side="right")) - 1
    i1 = int(np.searchsorted(src_cum, src_cum[ib + 1] + tail, side="left"))
    j1 = int(np.searchsorted(tgt_cum, tgt_cum[jb + 1] + tail * rho, side="left"))
    return max(0, i0), min(n, i1), max(0, j0), min(m, j1)


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs (sorted by i, each i and each j once) whose
    j increase."""
    tails: list[int] = []  # tails[k]: the least j that ends a chain of k + 1 pairs...
    tail_at: list[int] = []  # ...and the index of its pair in `pairs`
    previous = [-1] * len(pairs)
    for index, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[k] = j
            tail_at[k] = index
        previous[index] = tail_at[k - 1] if k else -1
    chain = []
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def kernel_params(settings: AlignSettings, stats: DocumentStats, types: np.ndarray) -> np.ndarray:
    """The flat parameter vector the kernels read (indices in `kernels.P_*`)."""
    params = np.zeros(kernels.P_LINK_PENALTY + len(types), dtype=np.float64)
    params[kernels.P_SCALE] = stats.scale
    params[kernels.P_LEN_WEIGHT] = settings.length_weight
    params[kernels.P_LEN_RATIO] = stats.length_ratio
    params[kernels.P_LEN_SMOOTH] = settings.length_smooth
    params[kernels.P_Z_CAP] = settings.z_cap
    params[kernels.P_PAR_WEIGHT] = settings.paragraph_weight if stats.use_paragraphs else 0.0
    params[kernels.P_JOINED_BACKGROUND] = settings.joined_background
    params[kernels.P_CONT_WEIGHT] = settings.continuation_weight
    for k, (a, b) in enumerate(types):
        params[kernels.P_LINK_PENALTY + k] = settings.merge_penalty * max(0, a + b - 2)
    return params
