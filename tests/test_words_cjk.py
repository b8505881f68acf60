"""Word alignment of Chinese and Japanese, written without spaces, with the real model: a
run of Han or kana letters is one word for `align.checks.base.words`, but its pieces pair
with the English words that render them, so a faithful translation shows no addition."""

from __future__ import annotations

from align.checks import coverage, divergence
from align.checks.base import CheckContext, LinkText
from align.checks.pairs import document_text, pairs_alignment
from align.checks.words import align_links

#: Faithful one-to-one renderings (a reviewer's): each English word says something the
#: Chinese or Japanese says.
FAITHFUL = [
    ("应收账款周转天数由去年的85天缩短至72天。",
     "Days sales outstanding fell from 85 days last year to 72 days."),
    ("売上高は前年比3割増加した。", "Net sales rose 30% from the previous year."),
    ("令和6年4月1日から施行する。", "It takes effect on April 1, 2024."),
]


def _findings(encoder, pairs) -> list[tuple[str, str, str]]:
    record = pairs_alignment(pairs)
    ctx = CheckContext(alignment=record, encoder=encoder, cache=False,
                       source_text=document_text(record.source),
                       translation_text=document_text(record.translation))
    divergence.score(ctx)
    return [(f.kind, f.severity, f.reason) for _, f in coverage.run(ctx)
            if f.kind in ("omission", "addition") and f.severity != "info"]


def test_faithful_chinese_and_japanese_have_no_addition_or_omission(default_encoder):
    assert _findings(default_encoder, FAITHFUL) == []
    assert _findings(default_encoder, [(t, s) for s, t in FAITHFUL]) == []


def test_the_english_words_of_a_chinese_clause_pair_with_its_pieces(default_encoder):
    source, translation = FAITHFUL[0]
    wa = align_links(default_encoder, [LinkText("source", source, [(0, 0, len(source))])],
                     [LinkText("translation", translation, [(0, 0, len(translation))])])[0]
    # The Chinese side keeps its words as `words` has them, in document offsets: the
    # whole clause, numbers included, one word of 21 characters before the full stop.
    assert [(w.text, w.start, w.end) for w in wa.source_words] == [
        ("应收账款周转天数由去年的85天缩短至72天", 0, 21)]
    assert wa.aligned("source").all()
    unaligned = {w.text for w in wa.unaligned("translation")}
    # "Days sales outstanding" (应收账款周转天数), "fell" (缩短), "85", "72", "last year" (去年).
    assert not unaligned & {"Days", "sales", "outstanding", "fell", "85", "72", "last", "year"}
