"""The number check: two-digit years, ordinals written with digits, months, units, codes and
raised digits (no model needed); Portuguese and Italian spelled numbers (with the model)."""

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


# -- Portuguese and Italian spelled numbers -------------------------------------------------


def model_findings(pairs, languages, encoder) -> dict[str, str]:
    """The number findings of `pairs` checked with the model, reason → severity."""
    record = pairs_alignment(pairs, languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "number"}


@pytest.mark.parametrize(("text", "value"), [
    ("vinte e três", 23), ("cento e vinte e cinco", 125), ("dois mil e quinhentos", 2500),
    ("duzentas", 200), ("dezanove", 19), ("dezenove", 19), ("dezasseis", 16),
    ("dezesseis", 16), ("catorze", 14), ("quatorze", 14), ("cem", 100), ("dez", 10),
    ("trezentos e quarenta", 340), ("duas", 2), ("oitenta e oito", 88),
    # Italian writes a number in one word, eliding before "uno" and "otto".
    ("ventitré", 23), ("ventitre", 23), ("ventuno", 21), ("ventotto", 28), ("trentatré", 33),
    ("centoventi", 120), ("duemila", 2000), ("milleduecento", 1200),
    ("duemilaventiquattro", 2024), ("quarantadue", 42), ("centotto", 108),
])
def test_portuguese_and_italian_spelled_numbers_are_read(text, value):
    found = mentions(f"Eram {text} casas.")
    assert [(m.text, m.values) for m in found] == [(text, frozenset({float(value)}))]


def test_dez_away_from_a_number_is_ten_not_december():
    """« dez » is Portuguese ten, and the German and Portuguese « Dez. » (December) only
    beside a number."""
    assert unmatched_texts("Chegaram às dez da noite.", "They arrived at 10 at night.") == (
        [], [])
    assert unmatched_texts("Am 3. Dez. 2020.", "On 3 Dec. 2020.") == ([], [])


def test_german_dez_written_short_is_still_december():
    assert number_findings([("Im Dez. war es kalt.", "In Dec. it was cold.")]) == [[]]


def test_um_joins_a_number_only_after_e():
    """Portuguese says « vinte e um »; the German « um » (around) follows any number."""
    assert [(m.text, m.values) for m in mentions("Die drei um den Tisch.")] == [
        ("drei", frozenset({3.0})), ("um", frozenset({1.0}))]
    assert [(m.text, m.values) for m in mentions("São vinte e um dias.")] == [
        ("vinte e um", frozenset({21.0}))]


@pytest.mark.parametrize(("source", "translation", "languages", "expected"), [
    ("Ela tem vinte e três anos.", "She is thirty-two years old.", ("pt", "en"),
     "number vinte e três (23) in the source is thirty-two (32) in the translation"),
    ("Faltavam quarenta minutos para o comboio.",
     "There were fourteen minutes left before the train.", ("pt", "en"),
     "number quarenta (40) in the source is fourteen (14) in the translation"),
    ("Compramos três quilos de maçãs.", "We bought five kilos of apples.", ("pt", "en"),
     "number três (3) in the source is five (5) in the translation"),
    ("They waited forty minutes.", "Eles esperaram catorze minutos.", ("en", "pt"),
     "number forty (40) in the source is catorze (14) in the translation"),
    ("He worked there for twenty-three years.", "Ele trabalhou lá durante trinta e dois anos.",
     ("en", "pt"),
     "number twenty-three (23) in the source is trinta e dois (32) in the translation"),
    ("Ha lavorato qui per ventitré anni.", "He worked here for thirty-two years.", ("it", "en"),
     "number ventitré (23) in the source is thirty-two (32) in the translation"),
    ("Ha lavorato qui per ventitre anni.", "He worked here for thirty-two years.", ("it", "en"),
     "number ventitre (23) in the source is thirty-two (32) in the translation"),
    ("He worked there for twenty-three years.", "Ha lavorato lì per trentadue anni.",
     ("en", "it"),
     "number twenty-three (23) in the source is trentadue (32) in the translation"),
])
def test_a_changed_portuguese_or_italian_spelled_number_is_reported(
        default_encoder, source, translation, languages, expected):
    assert expected in model_findings([(source, translation)], languages, default_encoder)


@pytest.mark.parametrize(("source", "translation", "languages"), [
    ("Chegaram às dez da noite.", "They arrived at ten at night.", ("pt", "en")),
    ("They arrived at ten.", "Eles chegaram às dez.", ("en", "pt")),
    ("Ela tem vinte e três anos.", "She is twenty-three years old.", ("pt", "en")),
    ("He worked there for twenty-three years.", "Ele trabalhou lá durante vinte e três anos.",
     ("en", "pt")),
    ("O livro custa cento e vinte e cinco euros.", "The book costs 125 euros.", ("pt", "en")),
    ("Um homem entrou com três cães.", "A man came in with three dogs.", ("pt", "en")),
    ("Uma menina comprou duas maçãs.", "A girl bought two apples.", ("pt", "en")),
    ("Vieram dezanove pessoas à festa.", "Nineteen people came to the party.", ("pt", "en")),
    ("He worked there for twenty-three years.", "Ha lavorato lì per ventitré anni.",
     ("en", "it")),
    ("Una ragazza ha comprato ventotto mele.", "A girl bought twenty-eight apples.",
     ("it", "en")),
    ("Uno studente ha letto centoventi pagine.", "A student read 120 pages.", ("it", "en")),
    ("L'arte del Novecento.", "The art of the twentieth century.", ("it", "en")),
])
def test_a_faithful_portuguese_or_italian_spelled_number_gives_no_finding(
        default_encoder, source, translation, languages):
    assert model_findings([(source, translation)], languages, default_encoder) == {}


# -- codes ----------------------------------------------------------------------------------


def test_a_code_with_its_letters_in_the_translations_order_is_the_same_code():
    """« 2014/53/UE » is how French writes the EU directive *2014/53/EU*."""
    assert number_findings([
        ("It complies with Directive 2014/53/EU.", "Il est conforme à la directive 2014/53/UE."),
        ("Model EC-1234 is sold.", "Le modèle CE-1234 est vendu."),
    ]) == [[], []]


def test_a_code_with_other_letters_is_still_reported():
    """Letters the same name's abbreviation in another language are the same code; other
    letters, even the same ones in another order, are another code."""
    assert number_findings([
        ("It complies with Directive 2014/53/EU.", "Il est conforme à la directive 2014/53/EA."),
        ("Part AB-1234 is sold out.", "La pièce BA-1234 est épuisée."),
    ]) == [[("major", "code 2014/53/EU in the source is 2014/53/EA in the translation")],
           [("major", "code AB-1234 in the source is BA-1234 in the translation")]]


# -- superscript digits ---------------------------------------------------------------------


def test_an_exponent_added_or_lost_is_reported():
    assert number_findings([("Solve x+px = 0.", "Résoudre x² + px = 0."),
                            ("The term a³ grows.", "Le terme a croît.")]) == [
        [("minor", "number ² in the translation is not in the source")],
        [("minor", "number ³ in the source is missing from the translation")]]


@pytest.mark.parametrize(("source", "translation"), [
    ("Solve x² + px = 0.", "Résoudre x² + px = 0."),
    ("The flat is 50 m² in size.", "L'appartement fait 50 m2."),
    ("The flat is 50 m².", "The flat is 50 square metres."),
    ("The tank holds 3 m³.", "La cuve contient 3 mètres cubes."),
    ("A field of 2 km².", "Un champ de 2 kilomètres carrés."),
    # Digits written low, as chemistry writes them, are their digits too.
    ("Water is H₂O.", "L'eau est H2O."),
])
def test_the_same_exponent_or_a_unit_squared_gives_no_finding(source, translation):
    assert number_findings([(source, translation)]) == [[]]
