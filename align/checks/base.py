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
from align.language import CHARACTERS_PER_WORD
from align.record import Alignment, Finding, SideName, Span


class Check(Protocol):
    KINDS: tuple[str, ...]

    def run(self, ctx: CheckContext) -> list[tuple[int, Finding]]: ...


#: Every combining mark (Unicode categories Mn, Mc, Me), as a character class body: written
#: out once from the basic and supplementary multilingual planes and the variation
#: selectors of plane 14, which hold them all (`UNICODE_VERSION`), since reading the
#: categories cost 0.05 s at every start.  tests/test_word_count.py checks it against a
#: Python of that Unicode version (a later one adds marks of new scripts only).
UNICODE_VERSION = "14.0.0"
COMBINING_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4"
    "\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42"
    "\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8"
    "\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d"
    "\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    "\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    "\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    "\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734"
    "\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9"
    "\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace"
    "\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3"
    "\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\U000101fd\U000102e0\U00010376-\U0001037a"
    "\U00010a01-\U00010a03\U00010a05-\U00010a06\U00010a0c-\U00010a0f\U00010a38-\U00010a3a"
    "\U00010a3f\U00010ae5-\U00010ae6\U00010d24-\U00010d27\U00010eab-\U00010eac"
    "\U00010f46-\U00010f50\U00010f82-\U00010f85\U00011000-\U00011002\U00011038-\U00011046"
    "\U00011070\U00011073-\U00011074\U0001107f-\U00011082\U000110b0-\U000110ba\U000110c2"
    "\U00011100-\U00011102\U00011127-\U00011134\U00011145-\U00011146\U00011173"
    "\U00011180-\U00011182\U000111b3-\U000111c0\U000111c9-\U000111cc\U000111ce-\U000111cf"
    "\U0001122c-\U00011237\U0001123e\U000112df-\U000112ea\U00011300-\U00011303"
    "\U0001133b-\U0001133c\U0001133e-\U00011344\U00011347-\U00011348\U0001134b-\U0001134d"
    "\U00011357\U00011362-\U00011363\U00011366-\U0001136c\U00011370-\U00011374"
    "\U00011435-\U00011446\U0001145e\U000114b0-\U000114c3\U000115af-\U000115b5"
    "\U000115b8-\U000115c0\U000115dc-\U000115dd\U00011630-\U00011640\U000116ab-\U000116b7"
    "\U0001171d-\U0001172b\U0001182c-\U0001183a\U00011930-\U00011935\U00011937-\U00011938"
    "\U0001193b-\U0001193e\U00011940\U00011942-\U00011943\U000119d1-\U000119d7"
    "\U000119da-\U000119e0\U000119e4\U00011a01-\U00011a0a\U00011a33-\U00011a39"
    "\U00011a3b-\U00011a3e\U00011a47\U00011a51-\U00011a5b\U00011a8a-\U00011a99"
    "\U00011c2f-\U00011c36\U00011c38-\U00011c3f\U00011c92-\U00011ca7\U00011ca9-\U00011cb6"
    "\U00011d31-\U00011d36\U00011d3a\U00011d3c-\U00011d3d\U00011d3f-\U00011d45\U00011d47"
    "\U00011d8a-\U00011d8e\U00011d90-\U00011d91\U00011d93-\U00011d97\U00011ef3-\U00011ef6"
    "\U00016af0-\U00016af4\U00016b30-\U00016b36\U00016f4f\U00016f51-\U00016f87"
    "\U00016f8f-\U00016f92\U00016fe4\U00016ff0-\U00016ff1\U0001bc9d-\U0001bc9e"
    "\U0001cf00-\U0001cf2d\U0001cf30-\U0001cf46\U0001d165-\U0001d169\U0001d16d-\U0001d172"
    "\U0001d17b-\U0001d182\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244"
    "\U0001da00-\U0001da36\U0001da3b-\U0001da6c\U0001da75\U0001da84\U0001da9b-\U0001da9f"
    "\U0001daa1-\U0001daaf\U0001e000-\U0001e006\U0001e008-\U0001e018\U0001e01b-\U0001e021"
    "\U0001e023-\U0001e024\U0001e026-\U0001e02a\U0001e130-\U0001e136\U0001e2ae"
    "\U0001e2ec-\U0001e2ef\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a\U000e0100-\U000e01ef"
)
#: A run of a word's letters or digits, with the combining marks inside or after it, which
#: ``\w`` leaves out though they are part of the word: the vowel signs of Devanagari and the
#: other Indic scripts (``हिन्दी`` was three words, ``ह न द``) and of Thai, and the accents
#: of text in decomposed form (NFD ``café`` was ``cafe`` and a stray accent).  Marks are
#: looked for only where a letter run stops, which keeps Latin text on the fast path.
_LETTERS = rf"[^\W_]+(?:[{COMBINING_MARKS}]+[^\W_]*)*"
#: A word: letters or digits, with inner apostrophes or hyphens (``workers’``, ``safe-conduct``).
WORD = re.compile(rf"{_LETTERS}(?:[’'\-‐]{_LETTERS})*[’']?", re.UNICODE)


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


def word_weight(token: str) -> int:
    """How many words one word of `words` counts for the severities that count words: a run
    of a script written without spaces (`align.language.CHARACTERS_PER_WORD`), which `words`
    takes as one word however long (``应收账款周转天数由去年的``), a word per so many of its
    characters (Han and kana two, Thai and Lao four), rounded up; any other word one."""
    return max(1, sum(math.ceil(len(pattern.findall(token)) / per_word)
                      for pattern, per_word in CHARACTERS_PER_WORD))


def word_count(text: str) -> int:
    """How many words `text` holds, for the severities that count words (`word_weight`)."""
    return sum(word_weight(word.text) for word in words(text))


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
