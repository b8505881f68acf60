"""Which words of a link have a counterpart on the other side, from the model's own tokens.

As in SimAlign (Jalili Sabet et al., 2020), words are aligned by the similarity of
their contextual vectors inside the multilingual encoder: each word's vector is
the mean of its subword tokens' vectors (from a middle layer, which carries more
lexical meaning than the last); two words are aligned when each is the other's
most similar word ("argmax"), and a second round ("itermax") aligns what is left:
a left-over word pairs with another left-over word, or joins a word already aligned
when it stands beside that word's partner (one word rendered by two).  A word the
model aligns with nothing, and whose best match is weak, has no counterpart: that
is what the omission, addition and meaning-shift checks highlight (the
unaligned-token view of semantic-difference detection in Vamvas and Sennrich, 2023).

A run of Han or kana letters is one word for `align.checks.base.words` (Chinese and
Japanese put no spaces between words), a clause that would pair with one English word at
most: the run is aligned piece by piece instead, each of the model's own tokens within it
a piece, and a word is aligned to every word one of its pieces is aligned to, as similar
as its most similar piece.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from align.checks.base import LinkText, Word, words
from align.checks.lexicon import FUNCTION_WORDS, NEGATION_WORDS, fold
from align.embedding_cache import TokenVectorCache, cached_token_embeddings
from align.encoders.base import TokenEmbeddings
from align.language import HAN_OR_KANA
from align.record import SideName

#: Hidden layer whose token vectors align words best (SimAlign's choice for 12-layer models).
LAYER = 8
#: An unaligned word whose best similarity reaches the document's `STRONG_QUANTILE` of
#: aligned-pair similarities is still taken as translated (the argmax rounds miss
#: words translated by two words); `STRONG_MATCH` stands in for documents with fewer
#: than `MIN_PAIRS` aligned pairs (the value for multilingual-e5-small).
STRONG_QUANTILE = 0.25
STRONG_MATCH = 0.55
MIN_PAIRS = 30
#: In the itermax round, a left-over word joining a word already aligned counts this
#: share of its similarity (SimAlign discounts such joins the same way) ...
ITERMAX_DISCOUNT = 0.75
#: ... and the join stands only within this many words of that word's partner.
JOIN_REACH = 1
_FUNCTION = frozenset().union(*FUNCTION_WORDS.values())


def is_content(word: Word) -> bool:
    """Whether `word` carries meaning of its own (not a function word, not a lone letter)."""
    return _is_content_text(word.text)


@lru_cache(maxsize=1 << 16)
def _is_content_text(text: str) -> bool:
    # Cached by text: the checks ask about the same words of the same links many times.
    key = fold(text).strip("'")
    return len(key) > 1 and key not in _FUNCTION


@lru_cache(maxsize=1 << 16)
def _written_alike(text: str) -> bool:
    """Whether a word written the same on the other side is its counterpart whatever the
    aligner paired: a name or a number (capitalised or holding a digit), not a function
    word (``Die`` is German *the* and English *die*)."""
    return (text[:1].isupper() or any(c.isdigit() for c in text)) and _is_content_text(text)


@lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    """A word as `_written_alike` compares it: folded, an English possessive left out
    (``Nin's`` is « Nin »)."""
    key = fold(text)
    for ending in ("'s", "'"):
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)]
    return key


@lru_cache(maxsize=1 << 16)
def _negates(text: str) -> bool:
    key = fold(text).strip("'")
    return key in NEGATION_WORDS or key.endswith("n't")


@dataclass
class WordAlignment:
    """The words of both sides of one link and which of them have a counterpart."""

    source_words: list[Word]
    translation_words: list[Word]
    #: (source words, translation words) cosine similarity of the word vectors.
    similarity: np.ndarray
    #: Pairs (source word, translation word) aligned by argmax/itermax.
    pairs: list[tuple[int, int]]
    #: Similarity from which an unaligned word still counts as translated.
    strong: float = STRONG_MATCH

    def words_of(self, side: SideName) -> list[Word]:
        return self.source_words if side == "source" else self.translation_words

    def best(self, side: SideName) -> np.ndarray:
        """Per word of `side`, its best similarity to any word of the other side."""
        if self.similarity.size == 0:
            return np.zeros(len(self.words_of(side)))
        return self.similarity.max(axis=1 if side == "source" else 0)

    def aligned(self, side: SideName) -> np.ndarray:
        """Per word of `side`: aligned, matched strongly enough to count as translated, or a
        name or number the other side writes too (`_written_alike`), as many times as it
        writes it."""
        flags = np.zeros(len(self.words_of(side)), dtype=bool)
        column = 0 if side == "source" else 1
        for pair in self.pairs:
            flags[pair[column]] = True
        flags |= self.best(side) >= self.strong
        # A name or number the other side writes as often as this side's unmatched copies
        # need: "Paris" written once there answers one "Paris" here, not the two of a
        # clause left out.
        other = self.translation_words if side == "source" else self.source_words
        spare = Counter(_name_key(w.text) for w in other if _written_alike(w.text))
        mine = [(k, _name_key(w.text)) for k, w in enumerate(self.words_of(side))
                if _written_alike(w.text)]
        for k, key in mine:
            if flags[k]:
                spare[key] -= 1
        for k, key in mine:
            if not flags[k] and spare[key] > 0:
                flags[k] = True
                spare[key] -= 1
        return flags

    def unaligned(self, side: SideName) -> list[Word]:
        return [w for w, ok in zip(self.words_of(side), self.aligned(side), strict=True) if not ok]

    def unaligned_content_share(self, side: SideName) -> float:
        """Share of the content words of `side` with no counterpart (0 if it has none)."""
        ws = self.words_of(side)
        flags = self.aligned(side)
        content = [ok for w, ok in zip(ws, flags, strict=True) if is_content(w)]
        return (len(content) - sum(content)) / len(content) if content else 0.0

    def runs(self, side: SideName) -> list[tuple[int, int]]:
        """Maximal runs ``[first, last]`` (word indices) of words with no counterpart;
        function words between two unaligned words join the run."""
        flags = self.aligned(side)
        ws = self.words_of(side)
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(ws):
            if flags[i]:
                i += 1
                continue
            j = i
            k = i + 1
            while k < len(ws):
                if not flags[k]:
                    j = k
                elif is_content(ws[k]):
                    break
                k += 1
            out.append((i, j))
            i = j + 1
        return out

    def counterparts_without(self, side: SideName, dropped: np.ndarray) -> np.ndarray:
        """Per word of the other side: whether it has a counterpart among the words of
        `side` that `dropped` (a flag per word of `side`) leaves, aligned afresh (argmax)
        or matched strongly enough to count as translated."""
        sim = self.similarity if side == "source" else self.similarity.T
        other = len(self.words_of("translation" if side == "source" else "source"))
        rest = sim[~dropped] if sim.size else sim
        if rest.shape[0] == 0 or other == 0:
            return np.zeros(other, dtype=bool)
        return _mutual_argmax(rest).any(axis=0) | (rest.max(axis=0) >= self.strong)

    def confidently_aligned(self, side: SideName, start: int, end: int) -> bool:
        """Whether a word within characters ``[start, end)`` is aligned to a similar word."""
        ws = self.words_of(side)
        best = self.best(side)
        flags = self.aligned(side)
        return any(
            flags[k] and best[k] >= self.strong
            for k, w in enumerate(ws)
            if w.start < end and w.end > start
        )


def _word_vectors(text: str, offsets: list[tuple[int, int]], vectors: np.ndarray):
    """The words of `text` that have tokens, and the unit mean of each one's token vectors."""
    ws = words(text)
    dims = vectors.shape[1] if vectors.ndim == 2 else 1
    if not offsets or not ws:
        return [], np.zeros((0, dims), np.float32)
    # Tokens are in text order and do not overlap: a word's tokens are the run from the
    # first token ending after the word starts to the last one starting before it ends.
    starts = np.fromiter((s for s, _ in offsets), np.int64, len(offsets))
    ends = np.fromiter((e for _, e in offsets), np.int64, len(offsets))
    first = np.searchsorted(ends, [w.start for w in ws], side="right")
    last = np.searchsorted(starts, [w.end for w in ws], side="left")
    has = last > first
    # Each word's sum of its tokens' vectors as one product with a 0/1 (words x tokens)
    # matrix: about twice as fast as running sums for a sentence's few tokens.
    token = np.arange(len(vectors))
    member = (token >= first[has, None]) & (token < last[has, None])
    matrix = member.astype(np.float32) @ np.asarray(vectors, dtype=np.float32).reshape(-1, dims)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return [w for w, ok in zip(ws, has, strict=True) if ok], matrix


def _piece_vectors(text: str, offsets: list[tuple[int, int]], vectors: np.ndarray):
    """The words of `text` that have tokens (as `_word_vectors`), the pieces the aligner
    pairs, the word each piece belongs to, and the unit vector of each piece.

    A piece is a word, or one token of a word holding Han or kana letters: the tokenizer
    already cuts such a run into the units the model reads, each with its offsets, so
    that 应收账款周转天数由去年的85天缩短至72天 can pair with the ten English words that
    render it rather than with one."""
    ws = words(text)
    dims = vectors.shape[1] if vectors.ndim == 2 else 1
    if not offsets or not ws:
        return [], [], np.zeros(0, np.int64), np.zeros((0, dims), np.float32)
    starts = np.fromiter((s for s, _ in offsets), np.int64, len(offsets))
    ends = np.fromiter((e for _, e in offsets), np.int64, len(offsets))
    first = np.searchsorted(ends, [w.start for w in ws], side="right")
    last = np.searchsorted(starts, [w.end for w in ws], side="left")
    kept, pieces, owner, ranges = [], [], [], []
    for w, a, b in zip(ws, first.tolist(), last.tolist(), strict=True):
        if b <= a:
            continue
        if b - a > 1 and HAN_OR_KANA.search(w.text):
            for k in range(a, b):
                # A token may take the space before it: the piece is its part of the word.
                start, end = max(int(starts[k]), w.start), min(int(ends[k]), w.end)
                if end > start:
                    pieces.append(Word(text[start:end], start, end))
                    owner.append(len(kept))
                    ranges.append((k, k + 1))
        else:
            pieces.append(w)
            owner.append(len(kept))
            ranges.append((a, b))
        kept.append(w)
    span = np.array(ranges, np.int64).reshape(-1, 2)
    token = np.arange(len(vectors))
    member = (token >= span[:, :1]) & (token < span[:, 1:])
    matrix = member.astype(np.float32) @ np.asarray(vectors, dtype=np.float32).reshape(-1, dims)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return kept, pieces, np.array(owner, np.int64), matrix


def _by_word(wa: WordAlignment, source_words: list[Word], source_owner: np.ndarray,
             translation_words: list[Word], translation_owner: np.ndarray) -> WordAlignment:
    """The alignment of pieces `wa` as one of words: two words are aligned when a piece of
    one is aligned to a piece of the other, and as similar as their most similar pieces."""
    if len(source_words) == len(wa.source_words) and (
            len(translation_words) == len(wa.translation_words)):
        return wa  # no word was cut into pieces
    sim = wa.similarity
    if sim.size:
        # A word's pieces are neighbours: each word's rows (columns) start where its
        # owner index first appears.
        rows = np.flatnonzero(np.r_[True, np.diff(source_owner) > 0])
        cols = np.flatnonzero(np.r_[True, np.diff(translation_owner) > 0])
        sim = np.maximum.reduceat(np.maximum.reduceat(sim, rows, axis=0), cols, axis=1)
    pairs = sorted({(int(source_owner[a]), int(translation_owner[b])) for a, b in wa.pairs})
    return WordAlignment(source_words, translation_words, sim, pairs, wa.strong)


def _mutual_argmax(sim: np.ndarray) -> np.ndarray:
    return (sim == sim.max(axis=1, keepdims=True)) & (sim == sim.max(axis=0, keepdims=True))


def align_words(
    source_words: list[Word],
    source_vectors: np.ndarray,
    translation_words: list[Word],
    translation_vectors: np.ndarray,
) -> WordAlignment:
    """Argmax alignment plus one itermax round over unit word vectors (rows = words)."""
    if not source_words or not translation_words:
        return WordAlignment(source_words, translation_words, np.zeros((0, 0)), [])
    sim = source_vectors @ translation_vectors.T
    first = _mutual_argmax(sim)
    row_free = ~first.any(axis=1, keepdims=True)
    col_free = ~first.any(axis=0, keepdims=True)
    second = np.zeros_like(first)
    if row_free.any() and col_free.any():
        # SimAlign's itermax round: a word left over may pair with another left-over word
        # or join one already aligned, at a discount.  Ranking the joins too keeps a
        # left-over word from pairing with another left-over word when it resembles an
        # aligned word more: it is then a word the other side lacks, not a translation.
        both_free = row_free & col_free
        candidates = row_free | col_free
        rest = np.where(candidates, sim * np.where(both_free, 1.0, ITERMAX_DISCOUNT), -np.inf)
        second = _mutual_argmax(rest) & candidates
        # A join is kept only beside its word's partner: a word rendered by several is
        # rendered by neighbouring words ("he said" for «dit-il»).
        beside = np.zeros_like(first)
        rows, cols = np.nonzero(first)
        for step in range(-JOIN_REACH, JOIN_REACH + 1):
            beside[np.clip(rows + step, 0, len(source_words) - 1), cols] = True
            beside[rows, np.clip(cols + step, 0, len(translation_words) - 1)] = True
        second &= both_free | beside
        if second.any():
            # A negation is never part of the rendering of a word that does not negate:
            # "pas" beside "est" in « n'est pas » does not join the "is" of "It is …".
            source_neg = np.array([_negates(w.text) for w in source_words])
            translation_neg = np.array([_negates(w.text) for w in translation_words])
            join = second & ~both_free
            second &= ~(join & (source_neg[:, None] != translation_neg[None, :]))
    pairs = [tuple(map(int, p)) for p in np.argwhere(first | second)]
    return WordAlignment(source_words, translation_words, sim, pairs)


def token_embeddings(encoder, texts: Sequence[str], store: TokenVectorCache | None = None):
    """The encoder's token vectors from `LAYER` (its last layer if it cannot choose), taken
    from `store` where it has them."""

    def compute(missing: list[str]) -> list[TokenEmbeddings]:
        try:
            return encoder.token_embeddings(missing, layer=LAYER)
        except TypeError:
            return encoder.token_embeddings(missing)

    if store is None:
        return compute(list(texts))
    return cached_token_embeddings({**encoder.signature, "token_layer": LAYER}, texts, compute,
                                   store)


def _link_tokens(link: LinkText, tokens: dict[str, TokenEmbeddings]) -> TokenEmbeddings:
    """The tokens of a link side: each sentence's tokens, shifted to its place in the text."""
    spans: list[tuple[int, int]] = []
    rows = []
    for start, _, length in link.pieces:
        sentence_spans, vectors = tokens[link.text[start : start + length]]
        spans += [(a + start, b + start) for a, b in sentence_spans]
        rows.append(vectors)
    return spans, np.concatenate(rows) if rows else np.zeros((0, 1), np.float32)


def link_tokens(
    encoder,
    links: Iterable[LinkText],
    store: TokenVectorCache | None = None,
    have: dict[str, TokenEmbeddings] | None = None,
) -> dict[str, TokenEmbeddings]:
    """The token vectors of every sentence of `links`, by its text: `have`'s, and those it
    lacks asked for in one call (`have` itself when it lacks none)."""
    have = have or {}
    texts = sorted(
        {link.text[start : start + length] for link in links for start, _, length in link.pieces}
        - have.keys()
    )
    if not texts:
        return have
    return {**have, **dict(zip(texts, token_embeddings(encoder, texts, store), strict=True))}


def link_word_vectors(
    encoder,
    link: LinkText,
    store: TokenVectorCache | None = None,
    tokens: dict[str, TokenEmbeddings] | None = None,
) -> tuple[list[Word], np.ndarray]:
    """The words of one link side and their unit vectors (rows), as `align_links` has them;
    `tokens` holds token vectors already fetched (`link_tokens`)."""
    tokens = link_tokens(encoder, [link], store, tokens)
    return _word_vectors(link.text, *_link_tokens(link, tokens))


def align_links(
    encoder,
    sources: Sequence[LinkText],
    translations: Sequence[LinkText],
    store: TokenVectorCache | None = None,
    tokens: dict[str, TokenEmbeddings] | None = None,
) -> list[WordAlignment | None]:
    """The word alignment of every link with two non-empty sides (None for the others).

    Token vectors are those of each sentence in its own context, as the model embedded
    it for the alignment, so a link of several sentences costs no extra model pass;
    `store` keeps them on disk for the next run, `tokens` holds those already fetched
    (`link_tokens`).
    """
    wanted = [i for i, (s, t) in enumerate(zip(sources, translations, strict=True)) if s and t]
    tokens = link_tokens(
        encoder, [link for i in wanted for link in (sources[i], translations[i])], store, tokens
    )
    out: list[WordAlignment | None] = [None] * len(sources)
    for i in wanted:
        s_words, s_pieces, s_owner, s_vecs = _piece_vectors(
            sources[i].text, *_link_tokens(sources[i], tokens))
        t_words, t_pieces, t_owner, t_vecs = _piece_vectors(
            translations[i].text, *_link_tokens(translations[i], tokens))
        out[i] = _by_word(align_words(s_pieces, s_vecs, t_pieces, t_vecs),
                          s_words, s_owner, t_words, t_owner)
    aligned = [wa.similarity[a, b] for wa in out if wa is not None for a, b in wa.pairs]
    if len(aligned) >= MIN_PAIRS:
        strong = float(np.quantile(aligned, STRONG_QUANTILE))
        for wa in out:
            if wa is not None:
                wa.strong = strong
    return out
