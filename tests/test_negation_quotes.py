"""Negations kept in the other side's language: a historian's review.

A translation may keep a quotation, a name or a title in the source language on purpose
(Gorky said to me: «Это не революция, это погром»).  Its negation words are the source's
own, written again: they are the counterpart of the source's, not a negation lost.  Each
side is read for the negation words of the other as well as for its own language's; a
negation of the translated part that the other side drops is still reported.
"""

from __future__ import annotations

import pytest

import align
from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment

_RUSSIAN = (
    "Утром я встретил М. Горького на Невском проспекте; он был мрачен.\n"
    "{}\n"
    "Керенский ещё утром уехал из Петрограда в автомобиле американского посольства.\n"
)
_ENGLISH = (
    "In the morning I met M. Gorky on the Nevsky Prospect; he was gloomy.\n"
    "{}\n"
    "Kerensky had left Petrograd that morning in a car of the American Embassy.\n"
)
_GERMAN = (
    "Der Reichstag trat am Nachmittag zusammen.\n"
    "{}\n"
    "Die Abgeordneten erhoben sich von ihren Sitzen.\n"
    "Der Kaiser schrieb an den Rand: „Quatsch!“\n"
    "Die Sitzung wurde um acht Uhr geschlossen.\n"
)
_ENGLISH_DE = (
    "The Reichstag met in the afternoon.\n"
    "{}\n"
    "The deputies rose from their seats.\n"
    'The Kaiser wrote in the margin: "Quatsch!"\n'
    "The sitting was closed at eight o'clock.\n"
)


def _shifts(source: str, translation: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """The meaning-shift findings of two texts aligned line by line and checked, as the
    command line does it: (reason, [(offset, words) of each span of the source])."""
    record = align.align_texts(source, translation, split="lines", cache=False)
    return [(f.reason, [(s.start, s.text) for s in f.spans if s.side == "source"])
            for _, f in record.findings() if f.kind == "meaning-shift"]


def test_a_russian_quotation_kept_in_the_english_keeps_its_negation():
    line = "Горький сказал мне: «Это не революция, это погром» [sic]."
    kept = "Gorky said to me: «Это не революция, это погром» [sic]."
    assert _shifts(_RUSSIAN.format(line), _ENGLISH.format(kept)) == []


def test_a_german_quotation_kept_in_the_english_keeps_its_negation():
    line = "Bismarck antwortete: „Wir Deutsche fürchten Gott, sonst nichts in der Welt.“"
    kept = 'Bismarck replied: "Wir Deutsche fürchten Gott, sonst nichts in der Welt."'
    assert _shifts(_GERMAN.format(line), _ENGLISH_DE.format(kept)) == []


def test_the_same_word_is_read_whatever_its_case_and_accents():
    # The title is capitalised in the translation: "NICHTS" is the source's "nichts".
    line = "Er las laut den Titel des Buches: „Nichts Neues im Westen“."
    kept = 'He read the title of the book aloud: "NICHTS NEUES IM WESTEN".'
    assert _shifts(_GERMAN.format(line), _ENGLISH_DE.format(kept)) == []


def test_an_english_phrase_kept_in_a_german_source_is_no_added_negation():
    # The other way round: the translation's "not" is written in the source too.
    line = "Der Kaiser schrieb auf Englisch an den Rand: „Not now“."
    kept = 'The Kaiser wrote in English in the margin: "Not now".'
    assert _shifts(_GERMAN.format(line), _ENGLISH_DE.format(kept)) == []


def test_a_negation_dropped_beside_a_kept_quotation_is_still_reported():
    line = "Он не пришёл. Горький сказал: «Это не революция»."
    kept = "He came. Gorky said: «Это не революция»."
    source = _RUSSIAN.format(line)
    found = _shifts(source, _ENGLISH.format(kept))
    # The first "не" (he did not come) has no counterpart; the quotation's has its own.
    first = source.index("не пришёл")
    assert found == [("the source negates (не) where the translation does not",
                      [(first, "не")])]


def _pair_shifts(pair: tuple[str, str], languages: tuple[str, str], encoder) -> list[str]:
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [f.reason for f in record.links[0].findings if f.kind == "meaning-shift"]


def test_a_chinese_quotation_kept_in_the_english_keeps_its_negation(default_encoder):
    # Chinese negates by a piece of a word (不), which the English side writes too.
    pair = ("鲁迅写道：「我不知道」。", "Lu Xun wrote: 「我不知道」.")
    assert _pair_shifts(pair, ("zh", "en"), default_encoder) == []


@pytest.mark.parametrize(("pair", "languages", "reason"), [
    # "No. 5" is the numero sign, no Spanish "no" written in the English.
    (("No vino a la casa número 5.", "He came to house No. 5."), ("es", "en"),
     "the source negates (No) where the translation does not"),
    (("鲁迅写道：「我不知道」。", "Lu Xun wrote: \"I know.\""), ("zh", "en"),
     "the source negates (不) where the translation does not"),
])
def test_a_negation_not_written_on_the_other_side_is_still_reported(default_encoder, pair,
                                                                     languages, reason):
    assert _pair_shifts(pair, languages, default_encoder) == [reason]
