"""The divergence score's features and which links it has word-aligned."""

from __future__ import annotations

from test_checks_model import FAITHFUL, UNRELATED

from align.checks import divergence, length
from align.checks.base import CheckContext
from align.checks.pairs import document_text, pairs_alignment


def _context(pairs, encoder=None) -> CheckContext:
    record = pairs_alignment(pairs)
    return CheckContext(alignment=record, encoder=encoder, cache=False,
                        source_text=document_text(record.source),
                        translation_text=document_text(record.translation))


def test_a_length_within_one_spread_of_the_documents_ratio_adds_nothing_to_the_divergence():
    """Two faithful links in three lie within one spread of the document's length ratio:
    there the ratio is no evidence, and only the distance beyond it counts."""
    words = "mot " * 12
    # Translations from 0.6 to 1.9 times their sources' length: some links within one
    # spread of the document's ratio, some beyond it.
    pairs = [(words.strip(), ("x" * round(len(words) * factor / 10) + " ") * 10)
             for factor in (0.6, 0.8, 0.9, 0.95, 1.0, 1.0, 1.05, 1.1, 1.2, 1.4, 1.9)]
    ctx = _context(pairs)  # no model: every link as similar as the typical one
    deviations = length.deviations(ctx)
    scores = divergence.score(ctx)
    within = {round(s, 9) for s, d in zip(scores, deviations, strict=True) if abs(d) <= 1}
    beyond = [(abs(d), s) for s, d in zip(scores, deviations, strict=True) if abs(d) > 1]
    assert len(within) == 1 and beyond, deviations
    assert all(s > next(iter(within)) for _, s in beyond)
    # Beyond it, the further the more divergent.
    beyond.sort()
    assert [s for _, s in beyond] == sorted(s for _, s in beyond)


def test_which_links_are_word_aligned_does_not_follow_the_scores_weights(
    default_encoder, monkeypatch,
):
    """A refit of the score's weights leaves the links it word-aligns as they were: the
    document's strong word similarity, measured on their word pairs, stays put."""
    pairs = [*FAITHFUL, UNRELATED,
             ("He sold the house in the spring.", "Il vendit la maison au printemps dernier, "
              "après de longues hésitations et bien des disputes avec sa sœur.")]
    chosen = _context(pairs, default_encoder).may_diverge
    assert any(chosen) and not all(chosen)
    monkeypatch.setattr(divergence, "WEIGHTS", (-5.0, 1.0, 1.0, 1.0))
    assert _context(pairs, default_encoder).may_diverge == chosen


def test_a_single_pair_rendering_one_of_its_two_sentences_is_a_major_omission():
    """A pair alone has no length ratio of its own to be measured against: its own ratio
    made any length look usual, so a translation of one of its source's two sentences went
    unaligned at the word level and scored as faithful."""
    from align import check_pairs

    source = ("La police surveille toujours l'imprimerie de la rue Mouffetard depuis le "
              "printemps. Transmettez mes amitiés à Françoise Lefèvre.")
    record = check_pairs([(source, "Give my regards to Françoise Lefèvre.")],
                         source_language="fr",
                         translation_language="en")
    link = record.links[0]
    assert link.divergence >= divergence.THRESHOLD
    omissions = [f for f in link.findings if f.kind == "omission"]
    assert [f.severity for f in omissions] == ["major"]
    assert "La police" in omissions[0].reason


def test_a_single_faithful_pair_stays_below_the_threshold(default_encoder):
    """The prior ratio of 1 does not make a faithful pair of ordinary lengths divergent."""
    from align import check_pairs

    record = check_pairs([("Nous partirons pour Perpignan le 20 septembre 1936.",
                           "We shall leave for Perpignan on 20 September 1936.")])
    assert record.links[0].divergence < divergence.THRESHOLD
    assert not record.links[0].findings


def test_a_single_pair_in_a_dense_script_is_measured_against_its_own_ratio():
    """Which links are word-aligned reads a single pair's length against a ratio of 1;
    Chinese says in one character what English says in three or four: the prior ratio
    holds for alphabets, not for it.  The score's own length feature keeps the pair's own
    ratio: a short string's varies too much for a prior to call it divergent."""
    chinese = _context([("我们将于一九三六年九月二十日前往佩皮尼昂。",
                         "We shall leave for Perpignan on 20 September 1936.")])
    french = _context([("Nous partirons le 20 septembre 1936.",
                        "We shall leave for Perpignan on 20 September 1936, by the night "
                        "train from Paris, with the children and the papers.")])
    assert length.suspect_deviations(chinese) == [0.0]
    assert length.suspect_deviations(french)[0] > 1.5
    assert length.deviations(french) == [0.0]
