"""The number check reads English clock times written in words (*half past five*, *a quarter
to six*, *five thirty*, *noon*) as the times they name, on either clock, and reports a
spelled number changed where it is said twice and changed once."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions, unmatched
from align.checks.pairs import document_text, pairs_alignment


def unmatched_texts(source: str, translation: str) -> tuple[list[str], list[str]]:
    left, right = unmatched(mentions(source), mentions(translation))
    return [m.text for m in left], [m.text for m in right]


def model_findings(pairs, languages, encoder) -> dict[str, str]:
    """The number findings of `pairs` checked with the model, reason → severity."""
    record = pairs_alignment(pairs, languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "number"}


# -- a spelled number said twice, changed once ---------------------------------------------


@pytest.mark.parametrize(("source", "translation", "languages", "expected"), [
    ("Twenty euros? We don't have twenty euros, Miguel.",
     "¿Veinte euros? No tenemos treinta euros, Miguel.", ("en", "es"),
     {"number twenty (20) in the source is treinta (30) in the translation": "major"}),
    ("Vingt euros ? Nous n'avons pas vingt euros.",
     "Twenty euros? We don't have thirty euros.", ("fr", "en"),
     {"number vingt (20) in the source is thirty (30) in the translation": "major"}),
])
def test_a_repeated_spelled_number_changed_once_is_reported(
        default_encoder, source, translation, languages, expected):
    assert model_findings([(source, translation)], languages, default_encoder) == expected


@pytest.mark.parametrize(("source", "translation"), [
    ("Twenty euros? We don't have twenty euros, Miguel.",
     "¿Veinte euros? No tenemos veinte euros, Miguel."),
    # One copy left out is no change (a spelled number is never reported missing).
    ("Twenty euros? We don't have twenty euros, Miguel.",
     "¿Veinte euros? No los tenemos, Miguel."),
    ("Twenty euros? We don't have twenty euros, Miguel.",
     "¿Veinte euros? No tenemos 20 euros, Miguel."),
])
def test_a_repeated_spelled_number_kept_gives_no_finding(default_encoder, source, translation):
    assert model_findings([(source, translation)], ("en", "es"), default_encoder) == {}


# -- clock times in words -----------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("We meet at half past five.", "On se retrouve à 17 h 30."),
    ("We meet at half past five.", "On se retrouve à 5 h 30."),
    ("We meet at half past five.", "Nos vemos a las 5:30."),
    ("We meet at a quarter to six.", "Ci vediamo alle 17.45."),
    ("We meet at quarter past ten.", "Wir treffen uns um 22.15 Uhr."),
    ("We meet at twenty to six.", "On se retrouve à 17 h 40."),
    ("It is five to ten.", "Il est 21 h 55."),
    ("Until ten to nine tonight.", "Jusqu'à 20 h 50 ce soir."),
    ("We meet at ten minutes past nine.", "On se retrouve à 9 h 10."),
    ("We meet at a quarter to one.", "On se retrouve à 0 h 45."),
    ("We meet at five thirty.", "Nos vemos a las 17:30."),
    ("Open from five thirty to six thirty.", "Ouvert de 17 h 30 à 18 h 30."),
    ("It's seven forty-five.", "Il est 19 h 45."),
    ("We meet at six oh five.", "Wir treffen uns um 18.05 Uhr."),
    ("We meet at five thirty p.m.", "On se retrouve à 17 h 30."),
    ("We meet at noon.", "Wir treffen uns um 12 Uhr."),
    ("We meet at twelve noon.", "On se retrouve à 12 h."),
    ("We meet at midnight.", "On se retrouve à 0 h."),
    ("We meet at midnight.", "Nos vemos a las 00:00."),
    ("We meet at five o'clock.", "On se retrouve à 17 h."),
    ("We meet at five p.m.", "On se retrouve à 17 h."),
])
def test_a_clock_time_in_words_is_the_time_in_digits(source, translation):
    assert unmatched_texts(source, translation) == ([], [])


@pytest.mark.parametrize(("source", "translation", "changed"), [
    ("We meet at half past five.", "On se retrouve à 18 h 30.", ([], ["18 h 30"])),
    ("We meet at half past five.", "On se retrouve à 17 h 15.", ([], ["17 h 15"])),
    # a.m. or p.m. said: one half of the day only.
    ("We meet at half past five a.m.", "On se retrouve à 17 h 30.", ([], ["17 h 30"])),
    ("We meet at five thirty p.m.", "Nos vemos a las 5.30 Uhr.", ([], ["5.30 Uhr"])),
    ("We meet at noon.", "On se retrouve à 0 h.", ([], ["0"])),
])
def test_another_time_in_digits_is_no_counterpart(source, translation, changed):
    assert unmatched_texts(source, translation) == changed


@pytest.mark.parametrize(("source", "translation"), [
    # A range or a count, not a time: the numbers stay counterparts of digits.
    ("It takes from five to ten years.", "Cela prend de 5 à 10 ans."),
    ("Five to ten people came.", "5 à 10 personnes sont venues."),
    ("Between five to ten of them.", "Entre 5 et 10 d'entre eux."),
    ("They won five to two.", "Ils ont gagné 5 à 2."),
    ("The score is ten to two.", "Le score est de 10 à 2."),
    ("She gave five twenty dollar bills.", "Elle donna 5 billets de 20 dollars."),
])
def test_numbers_that_are_no_clock_time_stay_numbers(source, translation):
    assert unmatched_texts(source, translation) == ([], [])


@pytest.mark.parametrize(("source", "translation", "language"), [
    ("We meet at half past five.", "On se retrouve à 17 h 30.", "fr"),
    ("The train leaves at a quarter to six.", "Il treno parte alle 17.45.", "it"),
    ("Dinner is at seven thirty.", "Das Abendessen ist um 19.30 Uhr.", "de"),
    ("We open at noon.", "Abrimos a las 12:00.", "es"),
])
def test_a_spelled_time_converted_to_the_24_hour_clock_gives_no_finding(
        default_encoder, source, translation, language):
    assert model_findings([(source, translation)], ("en", language), default_encoder) == {}


@pytest.mark.parametrize(("source", "translation"), [
    # German « am » is *at the*: no a.m. follows an hour past twelve.
    ("The sixteen at the table stood up.", "Die sechzehn am Tisch standen auf."),
    ("The 16 at the table stood up.", "Die 16 am Tisch standen auf."),
])
def test_a_number_past_twelve_before_am_is_no_time_of_the_morning(source, translation):
    values = set().union(*(m.values for m in mentions(translation)))
    assert 16.0 in values and 4.0 not in values
    assert unmatched_texts(source, translation) == ([], [])


def test_noon_after_a_time_in_words_is_part_of_it():
    """*a quarter past twelve noon* is one time, not also a second one, *noon*."""
    from align.checks.spelled_numbers import english_clock_times

    times = english_clock_times("We met at a quarter past twelve noon.")
    assert [(start, end) for start, end, _ in times] == [(10, 31)]
