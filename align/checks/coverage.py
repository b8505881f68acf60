"""Omissions and additions: whole sentences with no counterpart, and partial ones inside a link.

A link with an empty side is a whole omission (source only) or addition
(translation only); in pairs a file gave (``--pairs``), an empty translation is a
string not translated yet, which `align.checks.untranslated` reports.  Inside a link
with two sides, the word aligner (`align.checks.words`) shows which words have no
counterpart; a run of them (function words between unaligned words join the run) is a
partial omission on the source side or a partial addition on the translation side.

In a link that joins several sentences on one side, a sentence that brings the
link no closer to the other side (the other side is as similar, or more, without
it, each span measured against unrelated text of its shape), that is itself
little more similar to the other side than unrelated text, and most of whose
content words the word aligner leaves unmatched, is a whole sentence with no
counterpart: the aligner may attach a sentence whose translation was left out to
its neighbour's link, or an added sentence to the link beside it.
A sentence on the subject of its neighbour shares words with the other side, so its
words are not unmatched; it has no counterpart all the same when it brings the link no
closer, is less similar to the other side than a typical link, and the rest of the link
leaves no more than one more content word of the other side without a counterpart
(`REDUNDANT_COVER`): it adds nothing the other side says (the second sentence of a
contract clause whose translation renders only the first).  A sentence that one clause
of the other side translates is neither: a long sentence may hold the translation of a
short one, whose words the aligner gave to its neighbour's.

Words that a link lacks are often in the neighbouring link: the translation moved a
sentence boundary ("Pauvre Mlle Taylor" ends one French sentence, "Poor Miss Taylor!"
opens the next English one).  A partial omission whose unmatched words the word
aligner finds, unmatched too, on the other side of the link before or after it (and
likewise a partial addition) is a moved boundary, not a loss: it is kept as *info*
and says where the words went.

A list item (a paragraph of its own that opens with a list label or ends with a
semicolon, beside another) is a whole unit however short: left out whole, or joined to
the item before it, it is tested and reported as a sentence of five words is.  Words are
counted as `align.checks.base.word_count` counts them, a run of Han or kana letters a
word per two letters; and since the word aligner counts such a run as matched when any
of its pieces is (`align.checks.words`), a sentence of them is judged unrelated by its
vectors and clauses alone.

Severity follows how much is missing and how sure we are: a sentence, a run
covering most (four words and 80 %) of one sentence of a multi-sentence link that the
sentence vectors do not find close to the other side (in strings given already
paired, of one of the sentences a string holds, counting all its unmatched runs), or
half the content words of a divergent link (two fifths in a nearly unrelated one)
that the sentence vectors put nearer unrelated text than a typical link, is *major*
(the words and the vectors agree); half the content words where the vectors disagree
is *minor*; a run of three
or more content words in a link the divergence score also calls divergent is
*minor*; anything smaller is *info* (literary translations legitimately
restructure, and small unaligned runs are often just that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from align.checks.base import CheckContext, LinkText, quote, word_weight, words
from align.checks.divergence import THRESHOLD
from align.checks.placeholders import blank_markup, readable_links
from align.checks.words import (
    WordAlignment,
    is_content,
    link_word_vectors,
)
from align.language import HAN_OR_KANA
from align.record import Finding, SideName
from align.segment import sentence_spans

KINDS = ("omission", "addition")

_KIND = {"source": "omission", "translation": "addition"}
#: From this divergence on, a link is suspect as a whole and less unaligned text suffices.
NEARLY_UNRELATED = 0.8
_WHOLE_REASON = {
    "source": "source text with no counterpart in the translation",
    "translation": "translation text with no counterpart in the source",
}
_PARTIAL_REASON = {
    "source": "words of the source with no counterpart in the translation",
    "translation": "words of the translation with no counterpart in the source",
}


@dataclass
class _ProseAlignment(WordAlignment):
    """A link's word alignment read as prose: the words of its code, placeholders, tags,
    addresses and paths (what `align.checks.placeholders.blank_markup` blanks, and the
    pieces of a code block, `readable_links`) count as matched and are not counted, since
    the placeholder check compares those (a code block whose comments were translated is
    no omission).  They still serve as counterparts of the words of the other side."""

    #: Per side, which of its words are markup.
    markup: dict[str, np.ndarray] = field(default_factory=dict)

    def aligned(self, side: SideName) -> np.ndarray:
        return super().aligned(side) | self.markup[side]

    def unaligned_content_share(self, side: SideName) -> float:
        content = [ok for w, ok, markup in zip(self.words_of(side), self.aligned(side),
                                               self.markup[side], strict=True)
                   if is_content(w) and not markup]
        return (len(content) - sum(content)) / len(content) if content else 0.0


def _prose(ctx: CheckContext, i: int, wa: WordAlignment | None) -> WordAlignment | None:
    """`wa`, link `i`'s word alignment, read as prose (`_ProseAlignment`); `wa` itself
    where the link holds no markup."""
    if wa is None:
        return None
    markup = {}
    for side in ("source", "translation"):
        visible = blank_markup(readable_links(ctx, side)[i].text)
        markup[side] = np.array([not visible[w.start:w.end].strip() for w in wa.words_of(side)],
                                dtype=bool)
    if not any(flags.any() for flags in markup.values()):
        return wa
    return _ProseAlignment(wa.source_words, wa.translation_words, wa.similarity, wa.pairs,
                           wa.strong, markup)


def _whole_severity(text: str, item: bool = False) -> str:
    """The severity of `text` left out or added whole: major from five words two of which
    carry meaning, or for a list item (`_list_item`, as short as a list's items run) from
    those two alone."""
    ws = words(text)
    # Counted as `word_count` counts them: a Chinese sentence is one regex word.
    content = sum(word_weight(w.text) for w in ws if is_content(w))
    total = sum(word_weight(w.text) for w in ws)
    if content >= 2 and (total >= 5 or item):
        return "major"
    return "minor" if content >= 1 and total >= 2 else "info"


#: What opens a list item: a number or letter label, ``2.``, ``(c)``, ``iv)``, or a bullet.
#: Not a dash, which opens a line of dialogue as often («— Me v'là.»).
_LIST_LABEL = re.compile(r"\s*(?:\(?\d{1,3}[.)]|\(?(?:[A-Za-z]|[ivx]{1,4})\)|[•*·▪‣◦])\s")


def _list_item(sentences, k: int) -> bool:
    """Whether sentence `k` of `sentences` is an item of a list: a paragraph of its own
    that opens with a list label or ends with a semicolon (a contract's enumerations, whose
    items are no sentences), next to another such item.  An item is a whole unit however
    short, and its neighbours share its form and subject, which the tests by length and by
    unrelated words take for a fragment of them."""

    def item(n: int) -> bool:
        if not 0 <= n < len(sentences):
            return False
        own = sentences[n].paragraph
        alone = all(not 0 <= m < len(sentences) or sentences[m].paragraph != own
                    for m in (n - 1, n + 1))
        text = sentences[n].text.rstrip()
        return alone and bool(_LIST_LABEL.match(text) or text.endswith((";", "；")))

    return item(k) and (item(k - 1) or item(k + 1))


#: A sentence at most this similar to the other side, on the document's scale (0 = as
#: unrelated sentences, 1 = as a typical link), is unrelated to it.
STRAY_SIMILARITY = 0.35
#: ... and at least this share of its content words have no counterpart there.
STRAY_UNALIGNED = 0.6
#: ... and no clause of the other side is at least this similar to it (on the same scale):
#: halfway from unrelated text to a typical link.
STRAY_CLAUSE = 0.5
#: ... and for a sentence on the subject of its link (below), nearly as similar as a typical
#: link: such a sentence is more than halfway to a clause that shares its subject and not
#: its sense («Le loyer, payé par le locataire» against "The rent shall be paid by bank
#: transfer.", 0.57; in *Emma*, «très attachée aux deux jeunes filles» against the
#: untranslated "Between them it was more the intimacy of sisters.", 0.62, and 0.78 for
#: "His father had no apprehension of it."), while the clauses that rendered one on the
#: development and literary texts reached 0.93–1.44.
REDUNDANT_CLAUSE = 0.8
#: Or: a sentence less similar to the other side than a typical link is, without which the
#: rest of the link still gives a counterpart to as many content words of the other side
#: but one, and to at least this share of them, adds nothing the other side says (unless a
#: clause of the other side translates it, as for the unrelated sentence above).
REDUNDANT_COVER = 0.8
#: Where a sentence breaks into clauses: commas, colons, brackets, quotes, dashes, and
#: exclamation and question marks inside it ("Et la pêche ? hein ! quel bon souvenir !").
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:«»“”\"()\[\]—–]|--|[!?…](?=\s))\s*")


def _mean_vector(ctx: CheckContext, side: SideName, vectors: np.ndarray) -> np.ndarray:
    """The mean of `vectors`, the sentence vectors of `side` (computed once per side)."""
    key = f"mean_vector_{side}"
    if key not in ctx.notes:
        ctx.notes[key] = vectors.mean(axis=0)
    return ctx.notes[key]


def _stray_candidates(ctx: CheckContext, i: int, side: SideName) -> list[tuple[int, float]]:
    """The sentences of link `i`'s `side` that the sentence vectors call strays: each with
    how similar it is alone to the other side (`_stray_words` asks the word aligner)."""
    link = ctx.alignment.links[i]
    own, other = (link.source, link.translation) if side == "source" else (
        link.translation, link.source)
    scale = ctx.notes.get("scale")
    if len(own) < 2 or not other or scale is None:
        return []
    other_side: SideName = "translation" if side == "source" else "source"
    mine = ctx.sentence_vectors(side)
    theirs = ctx.sentence_vectors(other_side)
    if mine is None or theirs is None:
        return []
    background, typical = scale
    unit = max(typical - background, 1e-6)
    # A sum of sentence vectors leans towards the document's mean direction, so its
    # cosine with anything grows with the number of sentences summed: each span is
    # measured against what unrelated text scores with a span of its shape (as the
    # aligner does, `align.aligner.kernels.link_background`).
    mine_mean = _mean_vector(ctx, side, mine)
    theirs_mean = _mean_vector(ctx, other_side, theirs)
    target_sum = theirs[other].sum(axis=0)
    target_norm = max(float(np.linalg.norm(target_sum)), 1e-12)
    target = target_sum / target_norm
    target_lean = len(other) / target_norm

    def z(span: np.ndarray, count: int) -> float:
        norm = max(float(np.linalg.norm(span)), 1e-12)
        expected = 0.5 * (float(span @ theirs_mean) / norm * target_lean
                          + float(target @ mine_mean) * count / norm)
        return (float(span @ target) / norm - expected) / unit

    whole = mine[own].sum(axis=0)
    whole_z = z(whole, len(own))
    found = []
    sentences = ctx.alignment.side(side).sentences
    for k in own:
        if _whole_severity(sentences[k].text, _list_item(sentences, k)) != "major":
            continue  # too short to tell from its neighbours
        alone = (float(mine[k] @ target) - background) / unit
        if z(whole - mine[k], len(own) - 1) >= whole_z and alone < 1.0:
            found.append((k, alone))
    return found


def _stray_words(ctx: CheckContext, i: int, side: SideName, found: list[tuple[int, float]]
                 ) -> tuple[list[int], list[int]]:
    """Of the stray candidates `found` (`_stray_candidates`), those the word aligner calls
    strays too, before the clause test of `_unmatched_by_clauses`: those unrelated to the
    other side, and those the rest of the link makes redundant."""
    if not found:
        return [], []
    link = ctx.alignment.links[i]
    own = link.source if side == "source" else link.translation
    other_side: SideName = "translation" if side == "source" else "source"
    wa = _prose(ctx, i, ctx.word_alignment(i))
    if wa is None:
        return [], []
    link_side = ctx.sources[i] if side == "source" else ctx.translations[i]
    flags = wa.aligned(side)
    ws = wa.words_of(side)
    other_content = np.array([is_content(w) for w in wa.words_of(other_side)], dtype=bool)
    covered = int((wa.counterparts_without(side, np.zeros(len(ws), dtype=bool))
                   & other_content).sum())
    unrelated, redundant = [], []
    for k, alone in found:
        start, _, length = link_side.pieces[own.index(k)]
        inside = np.array([start <= w.start < start + length for w in ws], dtype=bool)
        # The sentence vectors say "unrelated"; the words must agree: most content words
        # of the sentence have no counterpart (a short sentence translating part of a
        # long one is also dissimilar to it as a whole, but its words are aligned).
        # A run of Han or kana letters, a clause that is one word, is aligned piece by
        # piece but matched as a whole when any piece is, and a sentence added in Chinese
        # has a piece loosely like some word of the other side: such words do not tell,
        # and a sentence of them is left to the sentence vectors and the clause test.
        content = [ok for w, ok, here in zip(ws, flags, inside, strict=True)
                   if here and is_content(w) and not HAN_OR_KANA.search(w.text)]
        spaced = any(here and not HAN_OR_KANA.search(w.text) for w, here in zip(ws, inside,
                                                                          strict=True))
        if alone <= STRAY_SIMILARITY and (
                (content and sum(not ok for ok in content) >= STRAY_UNALIGNED * len(content))
                or not spaced):
            unrelated.append(k)
        elif inside.any() and not inside.all() and other_content.sum() >= 3:
            # A sentence whose translation was left out, joined to a neighbour on a
            # related subject, can share enough words with the other side to pass for
            # part of it; but the other side is as well covered without it.
            rest = int((wa.counterparts_without(side, inside) & other_content).sum())
            if rest >= covered - 1 and rest >= REDUNDANT_COVER * other_content.sum():
                redundant.append(k)
    return unrelated, redundant


def _clauses(link_side: LinkText) -> list[str]:
    """The clauses of each sentence of `link_side` (two words or more), and each two
    neighbouring clauses together."""
    out = []
    for text_start, _, length in link_side.pieces:
        parts = [c for c in _CLAUSE_BREAK.split(link_side.text[text_start:text_start + length])
                 if len(c.split()) >= 2]
        out += parts + [f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False)]
    return out


def _other_clauses(ctx: CheckContext, i: int, side: SideName) -> list[str]:
    return _clauses(ctx.translations[i] if side == "source" else ctx.sources[i])


def _clause_vectors(ctx: CheckContext, clause_lists: list[list[str]]) -> dict[str, np.ndarray]:
    """Unit vectors of the clauses, embedded in one pass (and kept in the embedding cache
    as the run's sentences are)."""
    from align.embedding_cache import embed

    texts = sorted({c for clauses in clause_lists for c in clauses})
    if ctx.encoder is None or not texts:
        return {}
    return dict(zip(texts, embed(ctx.encoder, texts, cache=ctx.cache), strict=True))


def _unmatched_by_clauses(ctx: CheckContext, i: int, side: SideName, candidates: list[int],
                          vectors: dict[str, np.ndarray], rivals: bool = False) -> list[int]:
    """The `candidates` that no clause of the other side translates.

    A sentence rendered inside a long sentence of the other side ("“What good times we
    used to have!”" in « Et la pêche ? hein ! quel bon souvenir ! ») is dissimilar to
    that sentence as a whole, and its words can lose the word aligner's competition to the
    other sentences of the link; one clause of it is as similar as a translation.  The
    clauses are embedded only for the few sentences that reach this test (`vectors`).
    With `rivals` (a candidate on the subject of its link, which the rest of the link
    makes redundant), a clause counts only if it is no more similar to another sentence
    of the link's side than to the candidate, and at least `REDUNDANT_CLAUSE` similar."""
    clauses = [vectors[c] for c in _other_clauses(ctx, i, side) if c in vectors]
    scale = ctx.notes.get("scale")
    if not clauses or scale is None or not candidates:
        return candidates
    background, typical = scale
    unit = max(typical - background, 1e-6)
    own = ctx.alignment.links[i].source if side == "source" else (
        ctx.alignment.links[i].translation)
    similarity = np.stack(clauses) @ ctx.sentence_vectors(side)[own].T  # clauses × sentences
    out = []
    for k in candidates:
        column = similarity[:, own.index(k)]
        if rivals:
            column = np.where(column >= similarity.max(axis=1), column, -np.inf)
        if (float(column.max()) - background) / unit < (REDUNDANT_CLAUSE if rivals
                                                       else STRAY_CLAUSE):
            out.append(k)
    return out


def _stray_finding(ctx: CheckContext, i: int, side: SideName, k: int) -> Finding:
    sentence = ctx.alignment.side(side).sentences[k]
    link_side = ctx.sources[i] if side == "source" else ctx.translations[i]
    position = ctx.alignment.links[i].source if side == "source" else (
        ctx.alignment.links[i].translation)
    text_start = link_side.pieces[position.index(k)][0]
    span = ctx.span(link_side, text_start, text_start + len(sentence.text))
    return Finding(_KIND[side], "major", f"{_WHOLE_REASON[side]}: «{quote(sentence.text)}»",
                   [span])


def stray_sentences(alignment) -> dict[str, set[int]]:
    """Per side, the sentences that a link joins with others and that the checks found
    to have no counterpart as a whole (`_stray_finding`)."""
    out: dict[str, set[int]] = {"source": set(), "translation": set()}
    for link in alignment.links:
        for finding in link.findings:
            for side, reason in _WHOLE_REASON.items():
                own = link.source if side == "source" else link.translation
                if finding.kind != _KIND[side] or not finding.reason.startswith(reason):
                    continue
                sentences = alignment.side(side).sentences
                out[side].update(k for k in own for span in finding.spans
                                 if (sentences[k].start, sentences[k].end)
                                 == (span.start, span.end))
    return out


def _sentence_pieces(ctx: CheckContext, side: LinkText) -> list[tuple[int, int]]:
    """(offset in the link side's text, length) of each of its sentences: the sentences
    the link joins, or, in strings given already paired (``--pairs``), the sentences the
    string holds (a segment may hold several, and one of them may be all added)."""
    if not ctx.pairs_input:
        return [(text_start, length) for text_start, _, length in side.pieces]
    language = (ctx.source_language if side.side == "source" else ctx.translation_language)
    # A stray closing quote the splitter leaves on its own ("then ? '") is no sentence.
    return [(a, b - a) for a, b in sentence_spans(side.text, language)
            if any(c.isalnum() for c in side.text[a:b])]


def _unmatched_sentences(pieces: list[tuple[int, int]], runs: list[tuple[int, int]],
                         ws) -> list[int]:
    """The sentences (indices into `pieces`) of the side that have at least four words and
    at least 80 % of them in the runs of unmatched words: as a whole, they have no
    counterpart (a word the word aligner happens to match inside one does not save it)."""
    found = []
    for n, (text_start, length) in enumerate(pieces):
        inside = [k for k, w in enumerate(ws) if text_start <= w.start < text_start + length]
        loose = sum(word_weight(ws[k].text) for k in inside if any(a <= k <= b for a, b in runs))
        if loose >= 4 and loose >= 0.8 * sum(word_weight(ws[k].text) for k in inside):
            found.append(n)
    return found


def _alone_similarity(ctx: CheckContext, i: int, side: SideName, k: int) -> float | None:
    """How similar sentence `k` of link `i`'s `side` is, alone, to the link's other side,
    on the document's scale (0 = as unrelated sentences, 1 = as a typical link); None
    without sentence vectors."""
    link = ctx.alignment.links[i]
    other_side: SideName = "translation" if side == "source" else "source"
    other = link.translation if side == "source" else link.source
    mine, theirs = ctx.sentence_vectors(side), ctx.sentence_vectors(other_side)
    scale = ctx.notes.get("scale")
    if mine is None or theirs is None or scale is None or not other:
        return None
    background, typical = scale
    target = theirs[other].sum(axis=0)
    target = target / max(float(np.linalg.norm(target)), 1e-12)
    return (float(mine[k] @ target) - background) / max(typical - background, 1e-6)


def _unmatched_sentence(ctx: CheckContext, i: int, side: SideName, pieces, runs, ws) -> bool:
    """Whether a sentence of the link side has no counterpart by its words
    (`_unmatched_sentences`) and, where sentence vectors can tell, by its meaning too.
    An idiom or an exclamation rendered freely ("Qu'as-tu ? qu'as-tu ?" as "What's the
    matter? What's the matter?” he answered") leaves most of its words unmatched while
    the sentence itself is as close to the other side as a translation."""
    found = _unmatched_sentences(pieces, runs, ws)
    if not found or ctx.pairs_input:
        # In strings given already paired, no sentence vectors measure a sentence inside a
        # segment: the words are the evidence.
        return bool(found)
    own = ctx.alignment.links[i].source if side == "source" else (
        ctx.alignment.links[i].translation)
    for n in found:
        similarity = _alone_similarity(ctx, i, side, own[n]) if n < len(own) else None
        if similarity is None or similarity <= STRAY_SIMILARITY:
            return True
    return False


def _partial(
    ctx: CheckContext, i: int, side: SideName, wa: WordAlignment, divergence: float
) -> tuple[Finding, tuple[int, int]] | None:
    """The partial omission or addition of link `i`'s `side`, with the word run it shows."""
    link_side = ctx.sources[i] if side == "source" else ctx.translations[i]
    ws = wa.words_of(side)
    runs = [(a, b) for a, b in wa.runs(side) if any(is_content(w) for w in ws[a : b + 1])]
    if not runs or not ws:
        return None
    # Words counted as `word_count` counts them: a run of Han letters is several words.
    sizes = [(sum(word_weight(w.text) for w in ws[a : b + 1]),
              sum(word_weight(w.text) for w in ws[a : b + 1] if is_content(w))) for a, b in runs]
    largest = max(range(len(runs)), key=lambda k: sizes[k])
    n_words, n_content = sizes[largest]
    first, last = runs[largest]
    pieces = _sentence_pieces(ctx, link_side)
    # In strings given already paired, no sentence vectors measure a sentence inside a
    # segment (the stray-sentence test, above, works on the sentences a link joins): the
    # words are the evidence, so all of its unmatched runs count, not the largest alone.
    if len(pieces) > 1 and _unmatched_sentence(
            ctx, i, side, pieces, runs if ctx.pairs_input else [(first, last)], ws):
        severity = "major"
    elif (
        divergence >= THRESHOLD
        and wa.unaligned_content_share(side) >= (0.5 if divergence < NEARLY_UNRELATED else 0.4)
        and sum(c for _, c in sizes) >= 4
    ):
        # Half the content words unmatched is major when the sentence vectors agree that
        # the link is far from a translation; where they put it nearer a typical link
        # than unrelated text, the words alone speak, and free renderings of literary
        # prose leave many unmatched ("s'estimer" as "appreciate each other").
        similarity = (ctx.notes.get("similarity") or [None] * (i + 1))[i]
        severity = "major" if similarity is None or similarity < STRAY_CLAUSE else "minor"
    elif n_content >= 3 and divergence >= THRESHOLD:
        severity = "minor"
    elif divergence >= THRESHOLD or n_content >= 3:
        severity = "info"
    else:
        return None
    spans = [ctx.span(link_side, ws[a].start, ws[b].end) for a, b in runs]
    shown = _quoted_runs(link_side.text, ws, runs, sizes)
    finding = Finding(_KIND[side], severity, f"{_PARTIAL_REASON[side]}: {shown}", spans)
    return finding, (first, last)


#: How many runs of unmatched words a reason quotes.
QUOTED_RUNS = 3


def _quoted_runs(text: str, ws, runs: list[tuple[int, int]],
                 sizes: list[tuple[int, int]]) -> str:
    """The largest runs of unmatched words, in the order of the text: the largest alone
    may be a free but faithful rendering while a smaller one is what was lost, and the
    reader judges better with the runs side by side."""
    chosen = sorted(sorted(range(len(runs)), key=lambda k: sizes[k], reverse=True)[:QUOTED_RUNS])
    limit = 60 if len(chosen) == 1 else 40
    shown = " … ".join(f"«{quote(text[ws[runs[k][0]].start : ws[runs[k][1]].end], limit)}»"
                       for k in chosen)
    more = len(runs) - len(chosen)
    return shown + (f" and {more} more" if more else "")


#: Share of a partial finding's unmatched content words that must reappear, unmatched, on
#: the other side of a neighbouring link for the finding to be a moved boundary.
MOVED_SHARE = 0.5


def _word_rows(ctx: CheckContext, i: int, side: SideName) -> np.ndarray | None:
    """Unit vectors of the words of link `i`'s `side`, one row per word of its word
    alignment (None when the link has none)."""
    key = f"word rows {side} {i}"
    if key not in ctx.notes:
        rows = None
        if ctx.word_alignment(i) is not None:
            # Recomputed from the kept token vectors, for the few links this test reads,
            # rather than kept for every word-aligned link.
            link_side = ctx.sources[i] if side == "source" else ctx.translations[i]
            rows = link_word_vectors(ctx.encoder, link_side, ctx.token_cache, ctx.tokens)[1]
        ctx.notes[key] = rows
    return ctx.notes[key]


def _moved_to(ctx: CheckContext, i: int, side: SideName, run: tuple[int, int]) -> int | None:
    """The neighbouring link whose other side holds, unmatched there, most of the content
    words of `run` (word indices of link `i`'s `side`); None if neither does."""
    wa = _prose(ctx, i, ctx.word_alignments[i])
    mine = _word_rows(ctx, i, side)
    if wa is None or mine is None:
        return None
    ws = wa.words_of(side)
    wanted = [k for k in range(run[0], run[1] + 1) if is_content(ws[k])]
    if not wanted:
        return None
    other: SideName = "translation" if side == "source" else "source"
    for k in (i + 1, i - 1):
        if not 0 <= k < len(ctx.alignment.links):
            continue
        # A neighbour the cascade did not word-align (it looked faithful as a whole) can
        # still hold the moved words: align it now.
        neighbour = _prose(ctx, k, ctx.word_alignment(k)) if (
            ctx.sources[k] and ctx.translations[k]) else None
        theirs = _word_rows(ctx, k, other) if neighbour is not None else None
        if theirs is None:
            continue
        loose = [n for n, (w, ok) in enumerate(zip(
            neighbour.words_of(other), neighbour.aligned(other), strict=True
        )) if not ok and is_content(w)]
        if not loose:
            continue
        matched = (mine[wanted] @ theirs[loose].T).max(axis=1) >= wa.strong
        if matched.sum() >= MOVED_SHARE * len(wanted):
            return k
    return None


def _as_moved(finding: Finding, i: int, k: int) -> Finding:
    where = "next" if k > i else "previous"
    return Finding(
        finding.kind, "info",
        f"{finding.reason}; they are in the {where} link (link {k + 1}): the sentence "
        "boundary moved",
        finding.spans,
    )


def _strays(ctx: CheckContext) -> dict[tuple[int, str], list[int]]:
    """For each link side that has any, the sentences (indices into the side) that have
    no counterpart on the other side although the link joins them with sentences that do;
    the clause tests of all links embedded in one pass."""
    by_vectors = {(i, side): _stray_candidates(ctx, i, side) for i, _, _ in ctx.paired()
                  for side in ("source", "translation")}
    # The links the sentence vectors single out are word-aligned together, in link order.
    ctx.align_words(sorted({i for (i, _), found in by_vectors.items() if found}))
    found = {key: strays for key, candidates in by_vectors.items()
             if any(strays := _stray_words(ctx, *key, candidates))}
    vectors = _clause_vectors(ctx, [_other_clauses(ctx, i, side) for i, side in found])
    # A redundant sentence too may be rendered in a clause of the other side whose words
    # the word aligner gave to its neighbour's: «Et l'officier se mit à commander.» in "The
    # officer issued his orders; the soldiers raised their rifles."  Being on the subject
    # of the link, it is as similar to most of its clauses: only a clause that renders it
    # rather than another sentence of the link counts.
    return {key: kept for key, (unrelated, redundant) in found.items()
            if (kept := sorted(_unmatched_by_clauses(ctx, *key, unrelated, vectors)
                               + _unmatched_by_clauses(ctx, *key, redundant, vectors,
                                                       rivals=True)))}


#: Per side of a link, its partial finding and the word run it shows (`_partial`).
_Partials = dict[str, tuple[Finding, tuple[int, int]] | None]


def _partials_ahead(ctx: CheckContext, scores: list[float],
                    all_strays: dict[tuple[int, str], list[int]]
                    ) -> dict[int, tuple[WordAlignment, WordAlignment, _Partials]]:
    """Per link word-aligned so far: its word alignment, the same read as prose, and the
    partial finding of each side; the token vectors that the moved-boundary test
    (`_moved_to`) of these findings will read are fetched together."""
    out: dict[int, tuple[WordAlignment, WordAlignment, _Partials]] = {}
    wanted: list[LinkText] = []
    for i, _, _ in ctx.paired():
        raw = ctx.word_alignments[i]
        wa = _prose(ctx, i, raw)
        if raw is None or wa is None:
            continue  # `run` asks again: the link before may word-align this one
        partials = {side: _partial(ctx, i, side, wa, scores[i])
                    for side in ("source", "translation")}
        out[i] = (raw, wa, partials)
        for side, partial in partials.items():
            if partial is None or partial[0].severity == "info" or all_strays.get((i, side)):
                continue
            other: SideName = "translation" if side == "source" else "source"
            wanted.append(ctx.text(side)[i])
            for k in (i + 1, i - 1):
                if 0 <= k < len(ctx.alignment.links) and ctx.sources[k] and ctx.translations[k]:
                    wanted.append(ctx.text(other)[k])
                    if ctx.word_alignments[k] is None:
                        wanted.append(ctx.text(side)[k])
    ctx.fetch_tokens(wanted)
    return out


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    # The tests below read the words of hundreds of links of a long document: their token
    # vectors are fetched a few calls at a time and held while this check runs (what later
    # checks need, they fetch, or the cache keeps).
    with ctx.holding_tokens():
        return _findings(ctx)


def _findings(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    scores = ctx.notes.get("divergence") or [0.0] * len(ctx.alignment.links)
    all_strays = _strays(ctx)
    ahead = _partials_ahead(ctx, scores, all_strays)
    for i in range(len(ctx.alignment.links)):
        source, translation = ctx.sources[i], ctx.translations[i]
        if not source and not translation:
            continue
        if not translation and ctx.pairs_input:
            continue  # a string not translated yet: the untranslated check reports it
        if not source and ctx.alignment.links[i].state == "obsolete":
            # A key the translated resource file still has, the source no longer: dead
            # weight, not text added to the program's output.
            out.append((i, Finding("addition", "info", "a string the source file no longer "
                                   f"has: «{quote(translation.text)}»", ctx.whole(translation))))
            continue
        if not source or not translation:
            side: SideName = "source" if source else "translation"
            present = source if source else translation
            own = ctx.alignment.links[i].source or ctx.alignment.links[i].translation
            item = (len(own) == 1 and not ctx.pairs_input
                    and _list_item(ctx.alignment.side(side).sentences, own[0]))
            out.append((i, Finding(
                _KIND[side], _whole_severity(present.text, item),
                f"{_WHOLE_REASON[side]}: «{quote(present.text)}»", ctx.whole(present),
            )))
            continue
        raw = ctx.word_alignments[i]
        if i in ahead and ahead[i][0] is raw:
            _, wa, partials = ahead[i]
        else:  # not word-aligned then; perhaps since, by the link before's moved test
            # Read as prose: the placeholder check compares the code and markup.
            wa = _prose(ctx, i, raw)
            partials = {side: _partial(ctx, i, side, wa, scores[i]) if wa is not None else None
                        for side in ("source", "translation")}
        for side in ("source", "translation"):
            strays = all_strays.get((i, side), [])
            out += [(i, _stray_finding(ctx, i, side, k)) for k in strays]
            partial = partials[side]
            if partial is not None and not strays:
                finding, run = partial
                if finding.severity != "info":
                    moved = _moved_to(ctx, i, side, run)
                    if moved is not None:
                        finding = _as_moved(finding, i, moved)
                out.append((i, finding))
    return out
