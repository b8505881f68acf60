"""The aligner: its invariants on any input, and what it recovers on real sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.aligner import AlignSettings, align_sentences

FIXTURES = Path(__file__).parent / "fixtures"


def assert_monotone_and_complete(links, n: int, m: int, settings: AlignSettings) -> None:
    """Every sentence of each side is used exactly once, in order, by allowed link types."""
    src = [i for link in links for i in link.source]
    tgt = [j for link in links for j in link.translation]
    assert src == list(range(n))
    assert tgt == list(range(m))
    allowed = {tuple(t) for t in settings.link_types().tolist()}
    for link in links:
        assert (len(link.source), len(link.translation)) in allowed
        assert link.source == sorted(link.source)
        assert link.translation == sorted(link.translation)
        assert 0.0 <= link.score <= 1.0


def random_unit(rng: np.random.Generator, n: int, d: int = 16) -> np.ndarray:
    v = rng.normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(0, 30),
    m=st.integers(0, 30),
    seed=st.integers(0, 2**32 - 1),
    max_link=st.integers(2, 5),
    paragraphs=st.booleans(),
)
def test_any_input_gives_a_monotone_complete_alignment(n, m, seed, max_link, paragraphs):
    rng = np.random.default_rng(seed)
    config = AlignSettings(max_link=max_link, max_side=max(1, max_link - 1))
    src, tgt = random_unit(rng, n), random_unit(rng, m)
    src_par = np.sort(rng.integers(0, 4, size=n)) if paragraphs else None
    tgt_par = np.sort(rng.integers(0, 4, size=m)) if paragraphs else None
    result = align_sentences(
        src, tgt, rng.integers(1, 200, size=n), rng.integers(1, 200, size=m),
        src_par, tgt_par, settings=config,
    )
    assert_monotone_and_complete(result.links, n, m, config)


def test_coarse_to_fine_search_follows_a_long_diagonal_with_a_gap():
    """3,000 × 2,950 sentences, 50 target sentences missing in the middle: the
    coarse-to-fine band search (forced by a small full-search limit) must find
    the one-to-one links on both sides of the gap and the 1-0 links inside it."""
    rng = np.random.default_rng(7)
    n, d = 3000, 32
    src = random_unit(rng, n, d)
    keep = np.r_[0:1500, 1550:n]
    noise = rng.normal(scale=0.35, size=(len(keep), d)).astype(np.float32)
    tgt = src[keep] + noise
    tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
    config = AlignSettings(full_search_limit=20_000)
    lengths = np.full(n, 80)
    result = align_sentences(src, tgt, lengths, lengths[keep], settings=config)
    assert_monotone_and_complete(result.links, n, len(keep), config)
    pairs = {(link.source[0], link.translation[0]) for link in result.links
             if len(link.source) == 1 and len(link.translation) == 1}
    expected = {(int(i), k) for k, i in enumerate(keep)}
    assert len(pairs & expected) >= 0.99 * len(expected)
    deleted = {link.source[0] for link in result.links if not link.translation}
    assert len(deleted & set(range(1500, 1550))) >= 45


# -- planted links on real sentences ----------------------------------------------------


@pytest.fixture(scope="module")
def story(default_encoder):
    fr = (FIXTURES / "story.fr.txt").read_text(encoding="utf-8").splitlines()
    en = (FIXTURES / "story.en.txt").read_text(encoding="utf-8").splitlines()
    assert len(fr) == len(en) == 14
    return fr, en, default_encoder


def align_lists(encoder, src: list[str], tgt: list[str], **overrides):
    config = replace(AlignSettings(), **overrides)
    vecs = encoder.encode(src + tgt)
    result = align_sentences(
        vecs[: len(src)], vecs[len(src):], [len(s) for s in src], [len(t) for t in tgt],
        settings=config,
    )
    assert_monotone_and_complete(result.links, len(src), len(tgt), config)
    return [(link.source, link.translation) for link in result.links]


def test_pair_band_holds_every_sentence_pair_cosine_of_its_band():
    """The band the search reads is filled by block matrix products before the search:
    each entry must be the cosine of its source row and target column, whatever the
    band's shape (here a band wider at the end than at the start, and rows beyond
    the last block boundary)."""
    from align.aligner import _fill_pair_band, _pair_band

    rng = np.random.default_rng(3)
    n, m = 300, 260
    src, tgt = random_unit(rng, n, 16), random_unit(rng, m, 16)
    rows = np.arange(n + 1)
    lo = np.clip(rows * m // n - 5 - rows // 30, 0, m).astype(np.int64)
    hi = np.clip(rows * m // n + 5, 0, m).astype(np.int64)
    g, g_lo = _pair_band(lo, hi, n, m, max_side=5)
    _fill_pair_band(g, g_lo, src, tgt, rows=64)
    full = src @ tgt.T
    checked = 0
    for s in range(n):
        for col in range(g.shape[1]):
            t = g_lo[s] + col
            if t < m:
                assert g[s, col] == pytest.approx(full[s, t], abs=1e-5)
                checked += 1
    assert checked > n * 10


def one_to_one(n: int, skip_src: int | None = None) -> list[tuple[list[int], list[int]]]:
    return [([i], [i]) for i in range(n)]


def test_faithful_translation_is_all_one_to_one(story):
    fr, en, encoder = story
    assert align_lists(encoder, fr, en) == one_to_one(14)


def test_a_deleted_sentence_becomes_a_one_to_zero_link(story):
    fr, en, encoder = story
    en_missing = en[:6] + en[7:]  # "At dawn, they caught sight of the first mountains" dropped
    links = align_lists(encoder, fr, en_missing)
    assert ([6], []) in links
    assert links == [([i], [i]) for i in range(6)] + [([6], [])] + [
        ([i], [i - 1]) for i in range(7, 14)
    ]


def test_an_inserted_sentence_becomes_a_zero_to_one_link(story):
    fr, en, encoder = story
    foreign = "The quarterly report on fertiliser imports was delayed by the printers' strike."
    en_added = en[:9] + [foreign] + en[9:]
    links = align_lists(encoder, fr, en_added)
    assert ([], [9]) in links
    assert ([8], [8]) in links and ([9], [10]) in links


def test_two_sentences_translated_as_one_become_a_two_to_one_link(story):
    fr, en, encoder = story
    en_joined = en[:7] + [en[7] + " " + en[8]] + en[9:]
    links = align_lists(encoder, fr, en_joined)
    assert ([7, 8], [7]) in links
    assert ([6], [6]) in links and ([9], [8]) in links


def test_one_sentence_translated_as_two_becomes_a_one_to_two_link(story):
    fr, en, encoder = story
    fr_joined = fr[:3] + [fr[3] + " " + fr[4]] + fr[5:]
    links = align_lists(encoder, fr_joined, en)
    assert ([3], [3, 4]) in links
    assert ([2], [2]) in links and ([4], [5]) in links


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("size", [3, 6])
def test_two_sentences_translated_as_one_join_in_a_short_text_too(story, where, size):
    """A text of a few sentences, where each sentence's background holds its own
    translation among a few others: two sentences rendered as one still join."""
    fr, en, encoder = story
    at = {"start": 0, "middle": size // 2 - 1, "end": size - 2}[where]
    source = fr[5:5 + size]
    translation = en[5:5 + at] + [en[5 + at] + " " + en[6 + at]] + en[7 + at:5 + size]
    links = align_lists(encoder, source, translation)
    assert links == [([i], [i]) for i in range(at)] + [([at, at + 1], [at])] + [
        ([i], [i - 1]) for i in range(at + 2, size)]


@pytest.mark.parametrize(("source_part", "translation_part"), [
    (slice(None), slice(0, 7)),  # a translation in progress: its second half missing
    (slice(None), slice(0, 4)),  # only its first few sentences
    (slice(None), slice(7, None)),  # a translation that starts halfway
    (slice(0, 7), slice(None)),  # a source that stops halfway
], ids=["translation-stops-at-half", "translation-stops-early", "translation-starts-late",
        "source-stops-at-half"])
def test_a_side_that_stops_early_or_starts_late_leaves_the_rest_unaligned_as_one_block(
        story, source_part, translation_part):
    """What one side lacks at an end is missing as a block: the sentences both sides have
    keep their one-to-one counterparts, and the other side's remainder is unaligned,
    rather than spread over many-to-one links (the document's length ratio and scale are
    measured on the part both sides have, and leaving out what the other lacks costs little)."""
    fr, en, encoder = story
    src, tgt = list(range(14))[source_part], list(range(14))[translation_part]
    links = align_lists(encoder, fr[source_part], en[translation_part])
    shared = sorted(set(src) & set(tgt))
    expected = (
        [([src.index(k)], []) for k in src if k < shared[0]]
        + [([], [tgt.index(k)]) for k in tgt if k < shared[0]]
        + [([src.index(k)], [tgt.index(k)]) for k in shared]
        + [([src.index(k)], []) for k in src if k > shared[-1]]
        + [([], [tgt.index(k)]) for k in tgt if k > shared[-1]]
    )
    assert links == expected


def test_refinement_embeds_joined_text_and_keeps_the_planted_merge(story):
    fr, en, encoder = story
    en_joined = en[:7] + [en[7] + " " + en[8]] + en[9:]
    seen: list[tuple[str, int, int]] = []

    def embed_joined(spans):
        seen.extend(spans)
        texts = [" ".join((fr if side == "source" else en_joined)[a:b]) for side, a, b in spans]
        return encoder.encode(texts)

    vecs = encoder.encode(fr + en_joined)
    result = align_sentences(
        vecs[:14], vecs[14:], [len(s) for s in fr], [len(t) for t in en_joined],
        settings=AlignSettings(refine_budget=0.5), embed_joined=embed_joined,
    )
    assert ("source", 7, 9) in seen
    assert ([7, 8], [7]) in [(link.source, link.translation) for link in result.links]


def test_a_speaker_tag_on_a_line_of_its_own_joins_the_line_it_continues(default_encoder):
    """Pre-split French dialogue may put the speaker's tag (`me répondit-on.`) on a line of
    its own, where the English keeps one sentence; begun in lower case, it belongs to the
    link of the line before it, not to the next link or to none."""
    from align.pipeline import align_texts

    en = ['"Tell me: what do you want, Mister Paul?" was the reply.',
          '"I want you to come over here," and settling into a chair by the fire, he beckoned '
          'me to step forward and stand in front of him.',
          '"What were you hiding behind the door?" he asked.', '"A letter."']
    fr = ["-- Dites-moi : « Que voulez-vous, monsieur Paul ? »", "me répondit-on.",
          "« Je veux que vous veniez par ici ! »",
          "Et, s'installant dans un fauteuil près du feu, il me fit signe d'avancer et de me "
          "tenir devant lui.", "« Que cachiez-vous derrière la porte ? »", "me demanda-t-il.",
          "-- Une lettre."]

    def links(**overrides):
        record = align_texts("\n".join(en), "\n".join(fr), split="lines", check=False,
                             cache=False, settings=replace(AlignSettings(), **overrides))
        return [(link.source, link.translation) for link in record.links]

    assert links() == [([0], [0, 1]), ([1], [2, 3]), ([2], [4, 5]), ([3], [6])]
    # Without the evidence the model alone puts the first tag in the next link and leaves
    # the second unaligned.
    without = links(continuation_weight=0.0)
    assert ([0], [0, 1]) not in without and ([2], [4, 5]) not in without


def test_joined_link_background_is_what_unrelated_spans_of_its_shape_score():
    """Vectors that share a common direction (as sentence embeddings do): the cosine of a
    joined span with unrelated spans of the same shape is higher than the mean background
    of its sentences, and `link_background` predicts it."""
    from align.aligner import _Problem as Problem
    from align.aligner import kernels

    rng = np.random.default_rng(3)
    d, n = 64, 400
    common = rng.normal(size=d)

    def side():
        v = common + rng.normal(scale=1.3, size=(n, d))
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    src, tgt = side(), side()
    lengths = rng.integers(20, 200, size=n).astype(float)
    problem = Problem(src, tgt, lengths, lengths, np.zeros(n, int), np.zeros(n, int),
                      AlignSettings())
    i0, i1, j0, j1 = 10, 12, 50, 53  # a 2-3 link
    predicted = kernels.link_background(
        problem.src_w, problem.tgt_w, problem.src_self, problem.tgt_self,
        problem.src_bg_cum, problem.tgt_bg_cum, i0, i1, j0, j1, 1.0)
    mean = kernels.link_background(
        problem.src_w, problem.tgt_w, problem.src_self, problem.tgt_self,
        problem.src_bg_cum, problem.tgt_bg_cum, i0, i1, j0, j1, 0.0)

    def joined(vecs, w, a, b):
        v = (w[a:b, None] * vecs[a:b]).sum(axis=0)
        return v / np.linalg.norm(v)

    x, y = joined(src, problem.src_w, i0, i1), joined(tgt, problem.tgt_w, j0, j1)
    starts = range(100, n - 3, 2)
    empirical = 0.5 * (
        np.mean([x @ joined(tgt, problem.tgt_w, s, s + 3) for s in starts])
        + np.mean([y @ joined(src, problem.src_w, s, s + 2) for s in starts])
    )
    assert mean < empirical - 0.05  # the uncorrected background is far too low
    assert abs(predicted - empirical) < 0.03


def test_ctrl_c_leaves_a_search_that_is_still_running():
    """The compiled search runs in a worker thread: Ctrl-C does not wait for it."""
    import _thread
    import signal
    import threading

    from align.aligner import interruptible

    release = threading.Event()
    # A shell without job control starts a background job with SIGINT ignored, and then
    # interrupt_main does nothing: the test would wait for ever.  Python's own handler, as
    # an interactive run has it.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Timer(0.2, _thread.interrupt_main).start()
        with pytest.raises(KeyboardInterrupt):
            interruptible(release.wait)  # blocks until released
    finally:
        signal.signal(signal.SIGINT, before)
    assert not release.is_set()  # left while the work was still going on
    release.set()
    assert interruptible(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        interruptible(divmod, 1, 0)
