"""The number check: two-digit years and ordinals written with digits (no model needed)."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions, unmatched
from align.checks.pairs import document_text, pairs_alignment


def number_findings(pairs) -> list[list[tuple[str, str]]]:
    """The number findings of each link of `pairs`, checked as a file of pairs."""
    record = pairs_alignment(pairs)
    record = check_alignment(record, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "number"]
            for link in record.links]


def unmatched_texts(source: str, translation: str) -> tuple[list[str], list[str]]:
    left, right = unmatched(mentions(source), mentions(translation))
    return [m.text for m in left], [m.text for m in right]


# -- two-digit years ----------------------------------------------------------------------


def test_a_two_digit_number_changed_to_a_year_ending_in_it_is_reported():
    assert number_findings([("It cost 25 dollars.", "Cela coûtait 2025 dollars.")]) == [
        [("major", "number 25 in the source is 2025 in the translation")]]


@pytest.mark.parametrize(("source", "translation", "changed"), [
    ("It cost 25 dollars.", "Cela coûtait 2025 dollars.", (["25"], ["2025"])),
    ("Room 30 is free.", "La salle 1930 est libre.", (["30"], ["1930"])),
    ("Il avait 1968 moutons.", "He had 68 sheep.", (["1968"], ["68"])),
    # Written as a year, but another year.
    ("In '68 they marched.", "En 1967 ils défilèrent.", (["68"], ["1967"])),
    # A range of two numbers that are no years: "12-37" is not "12-1937".
    ("Pages 12-37.", "Pages 12-1937.", (["37"], ["1937"])),
])
def test_a_two_digit_number_not_written_as_a_year_is_no_year(source, translation, changed):
    assert unmatched_texts(source, translation) == changed


@pytest.mark.parametrize(("source", "translation"), [
    # The second year of a range after a four-digit one.
    ("The 1936-37 season.", "La saison 1936-1937."),
    ("The 1936–37 season.", "La saison 1936-1937."),
    ("The 1936/37 season.", "La saison 1936/1937."),
    ("The 1999-00 season.", "La saison 1999-2000."),
    # An elided year.
    ("In '68 they marched.", "En 1968 ils défilèrent."),
    ("In ’68 they marched.", "En 1968 ils défilèrent."),
    ("Ils défilèrent en 1968.", "They marched in '68."),
    # A decade.
    ("In the 30s they left.", "Dans les années 1930 ils partirent."),
    ("In the '30s they left.", "Dans les années 1930 ils partirent."),
    ("In the 30's they left.", "Dans les années 1930 ils partirent."),
    ("Dans les années 30 ils partirent.", "In the 1930s they left."),
    ("In den 30er Jahren gingen sie.", "In the 1930s they left."),
    ("In den 30er-Jahren gingen sie.", "In the 1930s they left."),
    ("Negli anni 30 partirono.", "In the 1930s they left."),
    # The year of a date.
    ("Am 03.12.24 abgeschlossen.", "Completed on 03/12/2024."),
    ("Completed on 12/03/24.", "Am 03.12.2024 abgeschlossen."),
    ("Le 3 mai 56, ils partirent.", "On 3 May 1956 they left."),
    # A month without its day: French «mai 68».
    ("It began in May 1968.", "Cela a commencé en mai 68."),
    ("In March 1956.", "En mars 56."),
])
def test_a_two_digit_year_written_as_one_matches_its_four_digit_year(source, translation):
    assert unmatched_texts(source, translation) == ([], [])


def test_abbreviated_years_give_no_finding():
    assert number_findings([("The 1936-37 season.", "La saison 1936-1937."),
                            ("In '68 they marched.", "En 1968 ils défilèrent."),
                            ("In the 30s they left.", "Dans les années 1930 ils partirent.")],
                           ) == [[], [], []]


# -- ordinals -----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("Ventas del 2º semestre.", "Sales of the second half."),
    ("Vendas do 2.º semestre.", "Sales of the second half."),
    ("La 2ª planta.", "The second floor."),
    ("Au 2e étage.", "On the second floor."),
    ("Au 2ème étage.", "On the second floor."),
    ("Au 2ᵉ étage.", "On the second floor."),
    ("The 2nd floor.", "La seconde moitié."),
    ("Im 2. Stock.", "On the second floor."),
    ("On the 3rd floor.", "El tercer piso."),
    ("Il 3º piano.", "Der dritte Stock."),
    ("Au 4e étage.", "En el cuarto piso."),
    ("Il 1º piano.", "Le premier étage."),
    ("El 5º piso.", "Il quinto piano."),
])
def test_an_ordinal_in_digits_matches_its_word(source, translation):
    assert unmatched_texts(source, translation) == ([], [])


@pytest.mark.parametrize(("source", "translation", "changed"), [
    # "second" is a unit of time where no ordinal digit stands against it.
    ("Wait 2 seconds.", "Attendez une seconde.", (["2"], [])),
    ("He waited a second.", "Il attendit 2 minutes.", ([], ["2"])),
    ("Ventas del 2º semestre.", "Sales of the third half.", (["2"], [])),
    ("Il 3º piano.", "The second floor.", (["3"], [])),
])
def test_an_ordinal_word_matches_only_an_ordinal_of_its_number(source, translation, changed):
    assert unmatched_texts(source, translation) == changed


def test_an_ordinal_with_its_indicator_against_its_word_gives_no_finding():
    assert number_findings([("Ventas del 2º semestre.", "Sales of the second half."),
                            ("Im 2. Stock.", "On the second floor.")]) == [[], []]


def test_a_year_after_a_month_still_has_to_be_the_same_year():
    assert unmatched_texts("In March 1956.", "En mars 57.") == (["1956"], ["57"])


def test_a_changed_month_is_called_a_month():
    """A month's name is compared as its number, but a reason that called «mars» a number
    would puzzle the reader."""
    assert number_findings([("Signé le 12 mars 2021.", "Signed on 12 May 2021."),
                            ("Signé le 12 mars 2021.", "Signed on 12 2021.")]) == [
        [("major", "month mars in the source is May in the translation")],
        [("info", "month mars in the source is missing from the translation")]]



def test_abbreviated_months_are_months_as_their_names_are():
    """« 5 janv. » is *Jan. 5*: a month written short is compared as its number, as the
    translator's review found (« janv. » read as nothing, *Jan* reported added)."""
    assert number_findings([
        ("La réunion du 5 janv. 2021 est reportée.", "The meeting of Jan. 5, 2021 is off."),
        ("Le 3 févr. il pleuvait.", "On Feb. 3 it rained."),
        ("Am 3. Okt. 2020 und am 4. Dez.", "On 3 Oct. 2020 and on 4 Dec."),
        ("El 2 de ago. de 2020.", "On Aug. 2, 2020."),
        ("Le 5 juil. 1936.", "On 5 Jul. 1936."),
    ]) == [[], [], [], [], []]
    assert number_findings([("Le 5 janv. 2021.", "On Feb. 5, 2021.")]) == [
        [("major", "month janv in the source is Feb in the translation")]]
    # Words as well as abbreviations: no month far from a number ("two years ago").
    assert unmatched_texts("Il y a deux ans.", "Two years ago.") == ([], [])


# -- currencies and units -----------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Le billet coûte 20 dollars.", "The ticket costs 20 euros.",
     "20 dollars in the source is 20 euros in the translation: another currency"),
    ("Il a payé 500 € pour la chambre.", "He paid $500 for the room.",
     "500 € in the source is $500 in the translation: another currency"),
    ("Das kostet 5 Mio. Euro.", "Cela coûte 5 millions de dollars.",
     "5 Mio. Euro in the source is 5 millions de dollars in the translation: another currency"),
    ("La route fait 12 km.", "The road is 12 miles long.",
     "12 km in the source is 12 miles in the translation: another unit"),
    ("Il est resté 3 ans à Paris.", "He stayed in Paris for 3 months.",
     "3 ans in the source is 3 months in the translation: another unit"),
    ("Il fait 30 °C à l'ombre.", "It is 30 °F in the shade.",
     "30 °C in the source is 30 °F in the translation: another unit"),
    ("Les prix ont monté de 15 %.", "Prices rose by 15 euros.",
     "15 % in the source is 15 euros in the translation: another unit"),
    ("A 2 kg bag.", "Un sac de 2 grammes.",
     "2 kg in the source is 2 grammes in the translation: another unit"),
    ("It lost 5 million dollars.", "Elle a perdu 5 millions d’euros.",
     "5 million dollars in the source is 5 millions d’euros in the translation: another "
     "currency"),
    # Spelled numbers of 2 or more count too.
    ("Il a vingt dollars.", "He has twenty euros.",
     "vingt dollars in the source is twenty euros in the translation: another currency"),
])
def test_a_number_kept_with_another_currency_or_unit_is_a_major_number_finding(
        source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    # The same currency or unit, written otherwise.
    ("Le projet coûte 20 millions de dollars.", "The project costs $20 million."),
    ("Il a gagné 15 livres sterling.", "He won £15."),
    ("Il pèse 15 livres.", "He weighs 15 pounds."),
    ("La hausse atteint 15 pour cent.", "The rise reaches 15 %."),
    ("Il fait 30 °C.", "It is 30 degrees."),
    ("Es ist 5 Uhr.", "It is 5 o'clock."),
    ("Der Eintritt kostet 20 CHF.", "L'entrée coûte 20 francs."),
    # "km" and "kg" are no thousand metres or grams; "5m dollars" is five million.
    ("The walk is 12 km long.", "La promenade fait 12 kilomètres."),
    ("It weighs 80 kg.", "Il pèse 80 kilos."),
    ("We drove 50 km/h.", "Nous roulions à 50 kilomètres à l'heure."),
    ("It cost 5m dollars.", "Cela a coûté 5 millions de dollars."),
    ("The cloth is 5 m long.", "Le tissu fait 5 m de long."),
    # A unit said on one side only: understood, or said once for two numbers.
    ("Le prix est de 500 dollars, puis 300.", "The price is 500 dollars, then 300 euros."),
    ("Il a 30 ans.", "He is 30."),
    # A year followed by a word that is a unit in another language only.
    ("En 1936 mes parents vivaient à Paris.", "In 1936 my parents lived in Paris."),
    # One is no count of a unit: "un franc" may be "a pound" as a manner of speaking.
    ("Je n'ai pas un franc.", "I haven't a penny."),
    # The number is there with its unit elsewhere in the link.
    ("Il a marché 5 km en 5 heures.", "He walked 5 km in 5 hours."),
])
def test_the_same_currency_or_unit_or_none_on_one_side_gives_no_finding(source, translation):
    assert number_findings([(source, translation)]) == [[]]


def test_a_changed_number_with_another_unit_is_reported_once_as_a_changed_number():
    assert number_findings([("La route fait 12 km.", "The road is 7 miles long.")]) == [
        [("major", "number 12 in the source is 7 in the translation")]]


def test_each_number_of_the_translation_answers_one_of_the_source_with_its_unit():
    """« 3 km » answers *3 km*; *3 hours*, rendered « une heure », is a number left over,
    not 3 hours turned into 3 km."""
    found = number_findings([("He walked 3 km in 3 hours.", "Il a marché 3 km en une heure.")])
    assert not any("another unit" in reason for _, reason in found[0]), found
    assert ("info", "number 3 occurs twice in the source, once in the translation") in found[0]


def test_a_spelled_day_before_a_month_makes_it_a_month():
    """``mars`` is also the planet: beside a spelled day it is the month, as beside a digit."""
    assert number_findings([("Nous nous sommes vus le trois mars.", "We met on March 3."),
                            ("Il partit le premier mai.", "He left on 1 May.")]) == [[], []]
    # The English verbs after a number are no months.
    assert number_findings([("If one may judge by his voice.",
                             "À en juger par sa voix.")]) == [[]]
