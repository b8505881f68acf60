"""The check protocol and the shared view of an alignment that every check reads.

A check is a module with two names:

- ``KINDS``: the finding kinds it can produce (`align.record.FINDING_KINDS`, or kinds of
  its own, which `ignore`, `fails` and `summarise` then know: `finding_kinds`);
- ``run(ctx: CheckContext) -> list[tuple[int, Finding]]``: its findings, each with
  the index of the link it belongs to.

Checks never modify the alignment; `align.checks.check_alignment` attaches what they
return.  Everything several checks need (the text of each side of each link, a map
from link text back to document offsets, the languages, the word alignment) is
computed once here and shared through `CheckContext`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple, Protocol

import numpy as np

from align.embedding_cache import TokenVectorCache
from align.record import Alignment, Finding, SideName, Span


class Check(Protocol):
    KINDS: tuple[str, ...]

    def run(self, ctx: CheckContext) -> list[tuple[int, Finding]]: ...


#: A word: letters or digits, with inner apostrophes or hyphens (``workers’``, ``safe-conduct``).
WORD = re.compile(r"[^\W_]+(?:[’'\-‐][^\W_]+)*[’']?", re.UNICODE)


class Word(NamedTuple):
    """A word and its character offsets ``[start, end)``: a named tuple, since a document
    has hundreds of thousands and the checks create them all."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[Word, ...]:
    """The words of `text` with their character offsets (punctuation left out).

    Cached: every check reads the words of the same link texts."""
    out = []
    for m in WORD.finditer(text):
        token = m.group()
        end = m.end()
        # A trailing apostrophe belongs to the word only as an English plural possessive.
        if token[-1] in "’'" and not token[:-1].lower().endswith("s"):
            token, end = token[:-1], end - 1
        out.append(Word(token, m.start(), end))
    return tuple(out)


@dataclass
class LinkText:
    """One side of one link: its sentences joined by single spaces, mapped back to the document.

    ``pieces`` holds, for every sentence, ``(offset in text, offset in document, length)``.
    """

    side: SideName
    text: str
    pieces: list[tuple[int, int, int]]

    def to_document(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets ``[start, end)`` of `text` as offsets into the side's document."""
        if not self.pieces:
            return 0, 0
        starts = [p[0] for p in self.pieces]

        def one(offset: int, is_end: bool) -> int:
            i = max(0, bisect_right(starts, offset - (1 if is_end else 0)) - 1)
            text_start, doc_start, length = self.pieces[i]
            return doc_start + min(max(offset - text_start, 0), length)

        return one(start, False), one(end, True)

    def __bool__(self) -> bool:
        return bool(self.text.strip())


def link_text(alignment: Alignment, side: SideName, indices: Sequence[int]) -> LinkText:
    sentences = alignment.side(side).sentences
    parts: list[str] = []
    pieces = []
    offset = 0
    for i in indices:
        s = sentences[i]
        if parts:
            parts.append(" ")
            offset += 1
        pieces.append((offset, s.start, len(s.text)))
        parts.append(s.text)
        offset += len(s.text)
    return LinkText(side, "".join(parts), pieces)


@dataclass
class CheckContext:
    """What the checks read: the alignment, each link's two texts, and lazily computed helpers."""

    alignment: Alignment
    encoder: Any | None = None
    source_vectors: np.ndarray | None = None
    translation_vectors: np.ndarray | None = None
    #: The glossary's terms for these two languages (`align.checks.glossary.Glossary`), or
    #: plain (source term, required translation) pairs.
    glossary: Any = ()
    source_text: str | None = None
    translation_text: str | None = None
    #: Whether sentence vectors embedded here may come from (and go to) the embedding cache.
    cache: bool = True
    #: The project's own rules (`align.checks.rules`), from ``--rules``.
    rules: Sequence[Any] = ()
    #: Where the word aligner's token vectors are kept between runs (None: not kept).
    token_cache: TokenVectorCache | None = None
    #: Per-link numbers other stages leave for later ones (e.g. the divergence features).
    notes: dict[str, Any] = field(default_factory=dict)
    #: What a check says of the document as a whole rather than of a link (a subtitle
    #: file timed apart from its source, `align.checks.timing`): `check_alignment` adds
    #: these to the record's warnings.
    warnings: list[str] = field(default_factory=list)
    #: Token vectors fetched for word alignment, by sentence text, while a check holds them
    #: (`holding_tokens`); None otherwise, so that they do not outlive the check that
    #: needed them (on a long document they run to hundreds of MiB).
    tokens: dict[str, Any] | None = None

    @cached_property
    def sources(self) -> list[LinkText]:
        return [link_text(self.alignment, "source", l.source) for l in self.alignment.links]

    @cached_property
    def translations(self) -> list[LinkText]:
        return [
            link_text(self.alignment, "translation", l.translation) for l in self.alignment.links
        ]

    def text(self, side: SideName) -> list[LinkText]:
        return self.sources if side == "source" else self.translations

    def paired(self) -> Iterator[tuple[int, LinkText, LinkText]]:
        """Each link with text on both sides: its index, its source and its translation."""
        for i, (source, translation) in enumerate(zip(self.sources, self.translations,
                                                      strict=True)):
            if source and translation:
                yield i, source, translation

    @property
    def pairs_input(self) -> bool:
        """Whether the links are pairs a file gave (``--pairs``): an empty side there is a
        string left untranslated, not a sentence the aligner found no counterpart for."""
        return self.alignment.signature.get("input") == "pairs"

    @cached_property
    def source_language(self) -> str | None:
        return side_language(self.alignment.source)

    @cached_property
    def translation_language(self) -> str | None:
        return side_language(self.alignment.translation)

    def language(self, side: SideName) -> str | None:
        return self.source_language if side == "source" else self.translation_language

    @cached_property
    def word_alignments(self):
        """Per link, the `align.checks.words.WordAlignment` of its sides.

        None without a model, and None for links that the word evidence could not
        make divergent: when the encoder did not keep the token vectors (embeddings
        read from the cache), word alignment runs the model again, so it is spent only
        where it can change the verdict (`may_diverge`).
        """
        from align.checks.words import align_links

        links = self.alignment.links
        out: list[Any] = [None] * len(links)
        if self.encoder is None:
            return out
        wanted = [i for i, worth in enumerate(self.may_diverge) if worth]
        if wanted:
            found = align_links(
                self.encoder,
                [self.sources[i] for i in wanted],
                [self.translations[i] for i in wanted],
                self.token_cache,
            )
            for i, alignment in zip(wanted, found, strict=True):
                out[i] = alignment
        return out

    def sentence_vectors(self, side: SideName) -> np.ndarray | None:
        """The unit embedding of every sentence of `side` (rows = sentences): the aligner's,
        when given, else embedded now (None without a model)."""
        given = self.source_vectors if side == "source" else self.translation_vectors
        if given is not None:
            return given
        key = f"sentence_vectors_{side}"
        if key not in self.notes:
            if self.encoder is None:
                return None
            from align.embedding_cache import embed

            self.notes[key] = embed(self.encoder, self.alignment.side(side).texts(),
                                    cache=self.cache)
        return self.notes[key]

    @contextmanager
    def holding_tokens(self) -> Iterator[None]:
        """Within the block, token vectors fetched for word alignment are kept
        (`tokens`), so that a check reading the words of many links asks the model or
        the cache once for all of them (`fetch_tokens`) rather than once per link."""
        self.tokens = {}
        try:
            yield
        finally:
            self.tokens = None

    def fetch_tokens(self, link_sides: Iterable[LinkText]) -> dict[str, Any]:
        """The token vectors of the sentences of `link_sides`, by text: those not held yet
        fetched in one call, and held with the others within `holding_tokens`."""
        from align.checks.words import link_tokens

        found = link_tokens(self.encoder, link_sides, self.token_cache, self.tokens)
        if self.tokens is not None:
            self.tokens = found
        return found

    def align_words(self, links: Iterable[int]) -> None:
        """Word-align each of `links` that `word_alignments` skipped, their token vectors
        fetched together: a call per link repeats the cache's per-call work (707 calls on
        a document of 4,088 sentences, where two serve)."""
        lacking = [i for i in links
                   if self.word_alignments[i] is None and self.sources[i] and self.translations[i]]
        if self.encoder is None or not lacking:
            return
        from align.checks.words import align_links

        tokens = self.fetch_tokens(
            side for i in lacking for side in (self.sources[i], self.translations[i])
        )
        for i in lacking:
            found = align_links(self.encoder, [self.sources[i]], [self.translations[i]],
                                self.token_cache, tokens)[0]
            # A link aligned alone has too few word pairs for a threshold of its own: it
            # takes that of the links aligned before it.
            found.strong = next(
                (wa.strong for wa in self.word_alignments if wa is not None), found.strong
            )
            self.word_alignments[i] = found

    def word_alignment(self, i: int):
        """The word alignment of link `i`, computed now if `word_alignments` skipped it."""
        self.align_words([i])
        return self.word_alignments[i]

    @cached_property
    def may_diverge(self) -> list[bool]:
        """Per link: are its sentence similarity and length in enough doubt for its words
        to be worth aligning?

        The divergence is a logistic function of the sentence similarity, the length
        and the share of unaligned words (`align.checks.divergence`).  A link is
        word-aligned when, by the score's first fit (`divergence.SUSPECT_WEIGHTS`, on the
        whole length deviation), its similarity and length could reach the threshold
        with every word unaligned; the others count no unaligned word (docs/checks.md
        gives what that costs).  A link where one side negates more than the other is
        word-aligned too: whether the extra negation has a counterpart decides between a
        reversal and a rephrasing (`meaning_shift`).
        """
        from align.checks import divergence, length
        from align.checks.meaning_shift import negation_counts_differ

        links = self.alignment.links
        sims = divergence.similarities(self)
        deviations = length.suspect_deviations(self)
        w = divergence.SUSPECT_WEIGHTS
        needed = math.log(divergence.THRESHOLD / (1 - divergence.THRESHOLD)) - w[3]
        out = []
        for i, link in enumerate(links):
            if not (link.source and link.translation):
                out.append(False)
                continue
            sim = sims[i] if sims[i] is not None else 0.0
            dev = min(abs(deviations[i]), 10.0) if deviations[i] is not None else 0.0
            out.append(
                w[0] + w[1] * (1.0 - sim) + w[2] * dev >= needed
                or negation_counts_differ(self, i)
            )
        return out

    def span(self, link_side: LinkText, start: int, end: int) -> Span:
        """A `Span` for characters ``[start, end)`` of `link_side`'s text."""
        doc_start, doc_end = link_side.to_document(start, end)
        document = self.source_text if link_side.side == "source" else self.translation_text
        if document is not None and doc_end <= len(document):
            text = document[doc_start:doc_end]
        else:
            text = link_side.text[start:end]
        return Span(link_side.side, doc_start, doc_end, text)

    def whole(self, link_side: LinkText) -> list[Span]:
        """Spans covering each sentence of `link_side`."""
        spans = []
        for text_start, _, length in link_side.pieces:
            spans.append(self.span(link_side, text_start, text_start + length))
        return spans


def side_language(side) -> str | None:
    """The language of `side` (an `align.record.Side`) as the checks' rules read it: its
    primary subtag (``fr`` for ``fr-FR``), as the side says, else detected."""
    from align.language import detect_language, primary_language

    if side.language:
        return primary_language(side.language)
    return detect_language(" ".join(side.texts())[:20000])


def quote(text: str, limit: int = 60) -> str:
    """`text` shortened for a one-line reason."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
