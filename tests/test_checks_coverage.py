"""The omission and addition check's word alignments, with the real default model."""

from __future__ import annotations

import numpy as np
from test_checks_model import FAITHFUL  # nine faithful pairs

from align.checks import coverage, divergence, length
from align.checks.base import CheckContext
from align.checks.pairs import document_text, pairs_alignment
from align.embedding_cache import TokenVectorCache
from align.record import Link

#: Links of two source sentences and one translation, the second sentence left out of it.
JOINED = [
    ("He sold his old house to pay his debts.",
     "The committee approved the new budget for the harbour next year.",
     "Il vendit sa vieille maison pour payer ses dettes."),
    ("The Provider shall not be liable for lost profits.",
     "This limitation shall not apply to damage caused intentionally.",
     "Le prestataire n'est pas responsable des pertes de bénéfices."),
    ("The doctor arrived late in the evening.",
     "The museum will be closed for repairs until the end of March.",
     "Le médecin arriva tard dans la soirée."),
]
#: The translation ends one sentence with what the source says at the start of the next.
MOVED = [
    ("Emma smiled and chatted as cheerfully as she could, to keep him from such thoughts.",
     "Emma sourit et bavarda aussi gaiement qu'elle put, pour le distraire de ces pensées. "
     "Pauvre Mlle Taylor !"),
    ('"Poor Miss Taylor! I wish she were here again."', "Que n'est-elle encore avec nous !"),
]


class _CountingTokens:
    """The real encoder, counting the calls that ask it for token vectors."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.id = inner.id
        self.signature = inner.signature
        self.calls = 0

    def encode(self, texts, *, progress=None):
        return self.inner.encode(texts, progress=progress)

    def token_embeddings(self, texts, *, layer=-1):
        self.calls += 1
        return self.inner.token_embeddings(texts, layer=layer)


def _context(encoder, store: TokenVectorCache | None = None) -> CheckContext:
    """A document with the `JOINED` links among faithful ones and a moved boundary, scored
    for divergence (which word-aligns the links it may call divergent); the token vectors
    kept in `store`, if given."""
    pairs = [*FAITHFUL[:3], *MOVED, *FAITHFUL[3:]]
    for first, _, translation in JOINED:
        pairs.append((first, translation))
    record = pairs_alignment([*pairs, *[(second, "") for _, second, _ in JOINED]])
    # Each left-out sentence joined to the link of the sentence before it.
    joined = [Link([len(pairs) - len(JOINED) + n, len(pairs) + n], [len(pairs) - len(JOINED) + n])
              for n in range(len(JOINED))]
    record.links[len(pairs) - len(JOINED):] = joined
    ctx = CheckContext(alignment=record, encoder=encoder, cache=False, token_cache=store,
                       source_text=document_text(record.source),
                       translation_text=document_text(record.translation))
    divergence.score(ctx)
    return ctx


def test_the_links_the_sentence_test_word_aligns_are_asked_for_in_one_call(default_encoder):
    counting = _CountingTokens(default_encoder)
    ctx = _context(counting)
    # As in a long document where the divergence score had no use for these links' words.
    ctx.word_alignments[:] = [None] * len(ctx.alignment.links)
    counting.calls = 0
    coverage.run(ctx)
    aligned = [i for i, wa in enumerate(ctx.word_alignments) if wa is not None]
    assert [i for i in aligned if len(ctx.alignment.links[i].source) == 2] == [
        i for i, link in enumerate(ctx.alignment.links) if len(link.source) == 2]
    assert counting.calls == 1


def test_the_moved_boundary_test_asks_for_its_words_in_one_call(default_encoder, monkeypatch):
    # The length spread of this document's own links alone, not drawn towards the prior's
    # (`length.PRIOR_WEIGHT`): its narrow spread keeps the moved boundary's findings above
    # info, so that the test this is about runs.
    monkeypatch.setattr(length, "PRIOR_WEIGHT", 0)
    counting = _CountingTokens(default_encoder)
    ctx = _context(counting)
    counting.calls = 0
    found = coverage.run(ctx)
    # The partial findings of both links of the moved boundary are tested (they are not
    # info); the test reads the words of these links and of their neighbours.
    assert {i for i, f in found if f.severity != "info" and "words of" in f.reason} == {3, 4}
    assert counting.calls == 1


def test_links_aligned_together_are_aligned_as_one_at_a_time(default_encoder, tmp_path):
    """The word alignments the check makes for many links at once are those that
    `CheckContext.word_alignment` makes for one link at a time from the same token vectors
    (computed once, kept in the token cache), the threshold included."""
    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        together = _context(default_encoder, store)
        alone = _context(default_encoder, store)
        together.word_alignments[:] = [None] * len(together.alignment.links)
        alone.word_alignments[:] = [None] * len(alone.alignment.links)
        coverage.run(together)
        aligned = [i for i, wa in enumerate(together.word_alignments) if wa is not None]
        assert len(aligned) >= len(JOINED)
        for i in aligned:
            mine, theirs = together.word_alignments[i], alone.word_alignment(i)
            assert mine.pairs == theirs.pairs and mine.strong == theirs.strong
            assert np.array_equal(mine.similarity, theirs.similarity)
