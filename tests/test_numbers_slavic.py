"""The number check on Russian, Ukrainian and Polish (and the magnitudes of every language):
a number's magnitude word (млн, миллиарда, mld, tysięcy; millions, Milliarden) multiplies it
and a changed magnitude is a changed number; a date written with points is day first; a
month named in the locative (в июле, у липні, w lipcu) is a month."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment


def number_findings(pairs) -> list[list[tuple[str, str]]]:
    """The number findings of each link of `pairs`, checked as a file of pairs."""
    record = pairs_alignment(pairs)
    record = check_alignment(record, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "number"]
            for link in record.links]


# -- magnitudes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("L'aide s'élève à 3,5 milliards de dollars.", "The aid amounts to $3.5 million.",
     "number 3,5 milliards (3.5 billion) in the source is 3.5 million in the translation"),
    ("Die Hilfe beträgt 3,5 Milliarden Euro.", "The aid amounts to 3.5 million euros.",
     "number 3,5 Milliarden (3.5 billion) in the source is 3.5 million in the translation"),
    ("Помощь составит 3,5 миллиарда долларов.", "The aid will amount to $3.5 million.",
     "number 3,5 миллиарда (3.5 billion) in the source is 3.5 million in the translation"),
    ("Помощь составит 3,5 миллиона долларов.", "The aid will amount to $3.5 billion.",
     "number 3,5 миллиона (3.5 million) in the source is 3.5 billion in the translation"),
    ("Стороны обсудили помощь на сумму 3,5 млрд долларов.", "They discussed $3.5 million.",
     "number 3,5 млрд (3.5 billion) in the source is 3.5 million in the translation"),
    ("Бюджет составит 5 млн руб.", "The budget will be 5 billion rubles.",
     "number 5 млн (5 million) in the source is 5 billion in the translation"),
    ("Около 15 тысяч человек вышли на улицы.", "About 15 people took to the streets.",
     "number 15 тысяч (15 thousand) in the source is 15 in the translation"),
    ("Около 15 тыс. человек вышли на улицы.", "About 5,000 people took to the streets.",
     "number 15 тыс (15 thousand) in the source is 5,000 in the translation"),
    ("Koszt wyniesie 2,5 mld zł.", "The cost will be PLN 2.5 million.",
     "number 2,5 mld (2.5 billion) in the source is 2.5 million in the translation"),
    ("Koszt wyniesie 2,5 miliarda złotych.", "The cost will be PLN 2.5 million.",
     "number 2,5 miliarda (2.5 billion) in the source is 2.5 million in the translation"),
    ("Витрати склали 4 млрд гривень.", "Spending came to UAH 4 million.",
     "number 4 млрд (4 billion) in the source is 4 million in the translation"),
    ("The aid is worth $3.5 billion.", "Помощь составит 3,5 млн долларов.",
     "number 3.5 billion in the source is 3,5 млн (3.5 million) in the translation"),
])
def test_a_changed_magnitude_is_a_major_changed_number(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    ("Помощь составит 3,5 млрд долларов.", "The aid will amount to $3,500 million."),
    ("Помощь составит 3,5 млрд долларов.", "The aid will amount to $3.5 billion."),
    ("Помощь составит 3,5 миллиарда долларов.", "The aid will amount to $3,500,000,000."),
    ("Около 15 тыс. человек вышли на улицы.", "About 15,000 people took to the streets."),
    ("Около 15 тысяч человек вышли на улицы.", "About 15 thousand people took to the streets."),
    ("Koszt wyniesie 2,5 mld zł.", "The cost will be PLN 2.5 billion."),
    ("Koszt wyniesie 2,5 miliona złotych.", "The cost will be PLN 2.5 million."),
    ("Przyszło 12 tysięcy osób.", "12,000 people came."),
    ("Витрати склали 4 млрд гривень.", "Spending came to UAH 4 billion."),
    ("Бюджет составит 1 234,5 млрд руб.", "The budget is 1,234.5 billion rubles."),
    ("Выручка выросла до 1,2 млн евро.", "Revenue grew to 1.2 million euros."),
    # A magnitude said once for a range: its first number has it too.
    ("Потери составили от 3 до 5 млрд долларов.", "Losses were $3 billion to $5 billion."),
    ("Losses were between 3 and 5 million dollars.",
     "Les pertes furent de 3 millions à 5 millions de dollars."),
])
def test_the_same_magnitude_written_otherwise_gives_no_finding(source, translation):
    assert number_findings([(source, translation)]) == [[]]


# -- dates written with points, day first ---------------------------------------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("Встреча состоится 01.10.2024.", "The meeting will take place on January 10, 2024."),
    ("Следующая встреча запланирована на 01.10.2024 в Минске.",
     "The next meeting is scheduled for 10 January 2024 in Minsk."),
    ("The meeting is scheduled for October 1, 2024.", "Встреча запланирована на 10.01.2024."),
    ("Das Treffen ist am 03.12.2024.", "Spotkanie odbędzie się 12.03.2024."),
])
def test_a_dotted_date_with_day_and_month_swapped_is_a_major_changed_date(source, translation):
    [found] = number_findings([(source, translation)])
    assert found and all(severity == "major" for severity, _ in found)
    assert len(found) == 1 and found[0][1].startswith("date ")


@pytest.mark.parametrize(("source", "translation"), [
    ("Он родился 13.08.1936 в Киеве.", "He was born on August 13, 1936 in Kyiv."),
    ("Встреча состоится 01.10.2024.", "The meeting will take place on October 1, 2024."),
    ("Встреча состоится 01.10.2024.", "The meeting will take place on 1 October 2024."),
    ("Встреча состоится 01.10.2024.", "Spotkanie odbędzie się 01.10.2024."),
    ("Am 3.5.56 erreichten sie den Gipfel.", "Le 3 mai 56, ils atteignirent le sommet."),
])
def test_a_dotted_date_read_day_first_matches_the_same_date(source, translation):
    assert number_findings([(source, translation)]) == [[]]


def test_the_reason_quotes_both_dates_whole():
    assert number_findings([("Встреча состоится 01.10.2024.",
                             "The meeting will take place on January 10, 2024.")]) == [[
        ("major", "date 01.10.2024 in the source is January 10, 2024 in the translation")]]


# -- months in the locative -----------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("Инфляция в июле составила 5,5 %.", "Inflation stood at 5.5% in July."),
    ("В мае цены выросли.", "Prices rose in May."),
    ("Цены выросли в декабре.", "Prices rose in December."),
    ("Витрати зросли на 5,5 % у липні.", "Costs rose by 5.5% in July."),
    ("Ціни зросли у лютому.", "Prices rose in February."),
    ("Ceny wzrosły w lipcu.", "Prices rose in July."),
    ("Ceny wzrosły w maju.", "Prices rose in May."),
    ("Ceny wzrosły w listopadzie.", "Prices rose in November."),
])
def test_a_month_in_the_locative_is_its_month(source, translation):
    assert number_findings([(source, translation)]) == [[]]


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Цены выросли в июле.", "Prices rose in June.",
     "month июле in the source is June in the translation"),
    ("Ціни зросли у березні.", "Prices rose in April.",
     "month березні in the source is April in the translation"),
    ("Ceny wzrosły we wrześniu.", "Prices rose in October.",
     "month wrześniu in the source is October in the translation"),
])
def test_a_changed_month_in_the_locative_is_major(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    # Words spelled as a locative month: Polish "lutym" (fierce), "Maju" (Maja called),
    # Ukrainian "грудні" (of the chest, infant), "травні" (digestive), "лютому" (fierce).
    ("Był lutym wrogiem.", "He was a fierce enemy."),
    ("Грудні діти сплять.", "Infants sleep."),
    ("Травні ферменти важливі.", "Digestive enzymes matter."),
    ("Він був лютому ворогу рівня.", "He was a match for the fierce enemy."),
    ("Maju, chodź tutaj!", "Maja, come here!"),
])
def test_a_word_spelled_as_a_locative_month_is_no_month_away_from_a_date(source, translation):
    assert number_findings([(source, translation)]) == [[]]


@pytest.mark.parametrize(("source", "translation"), [
    # Written glued or joined: the magnitude is still the number's.
    ("They won a $3-million grant.", "Ils obtinrent une subvention de 3 millions de dollars."),
    ("It costs €50k.", "Es kostet 50.000 Euro."),
])
def test_a_magnitude_written_glued_or_joined_is_the_numbers(source, translation):
    assert number_findings([(source, translation)]) == [[]]


def test_a_magnitude_glued_after_a_currency_is_the_numbers():
    # (The code check reads 5M as a code too: not a changed number.)
    [found] = number_findings([("The startup raised $5M.",
                                "La start-up a levé 5 millions de dollars.")])
    assert [reason for _, reason in found if reason.startswith("number")] == []


def test_a_currency_changed_past_a_slavic_magnitude_is_another_currency():
    assert number_findings([("Помощь составит 3,5 млрд долларов.",
                             "The aid will amount to 3.5 billion euros.")]) == [[
        ("major", "3,5 млрд долларов in the source is 3.5 billion euros in the translation: "
                  "another currency")]]


def test_a_year_before_a_number_with_its_magnitude_begins_no_range():
    assert number_findings([("Выручка: 2019 — 5 млн, 2020 — 7 млн.",
                             "Revenue: 2019: 5 million; 2020: 7 million.")]) == [[]]


def _serious(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(severity, reason) for severity, reason in found if severity not in ("info",)]


@pytest.mark.parametrize(("source", "translation"), [
    # A year before a plural magnitude word that has no number of its own: "millions of
    # people", not 2030 millions.
    ("By 2030 millions of people will live in cities.",
     "D'ici 2030, des millions de personnes vivront dans les villes."),
    ("In 2020 thousands of people protested.", "En 2020, des milliers de personnes ont manifesté."),
    ("Since 1990 millions have fled the country.", "Depuis 1990, des millions ont fui le pays."),
    ("В 2020 тысячи людей вышли на улицы.", "In 2020, thousands of people took to the streets."),
    ("W 2020 tysiące ludzi wyszły na ulice.", "In 2020, thousands of people took to the streets."),
    ("Seit 2015 Millionen Menschen geflohen sind, ist alles anders.",
     "Since 2015, when millions of people fled, everything has changed."),
    # Abbreviations that are other words too: French mn is minutes, Polish mil miles.
    ("Le trajet dure 15 mn.", "The trip takes 15 minutes."),
    ("Przejechaliśmy 10 mil.", "We drove 10 miles."),
    # Ukrainian plurals.
    ("Уряд виділив 2 мільйони гривень.", "The government allocated 2 million hryvnias."),
    ("Витрати склали 3 мільярди гривень.", "Spending came to 3 billion hryvnias."),
    # A glued m or k with no currency may be a magnitude or metres: either value.
    ("Ils sont 10 millions à avoir voté.", "10m people voted."),
    ("It has 10m users.", "Il compte 10 millions d'utilisateurs."),
])
def test_a_number_whose_magnitude_is_uncertain_matches_either_value(source, translation):
    assert [_serious(found) for found in number_findings([(source, translation)])] == [[]]


def test_a_year_before_a_magnitude_keeps_its_product_when_that_is_the_number():
    # Spanish writes 1.5 billion as 1500 millones.
    assert number_findings([("El coste fue de 1500 millones de euros.",
                             "The cost was 1.5 billion euros.")]) == [[]]


def test_the_reason_quotes_a_ranges_first_number_with_its_magnitude():
    # The magnitude said once after the range is the first number's too: the reason says so,
    # not "3 is 3".
    [found] = number_findings([("De 3 à 5 millions de personnes.", "From 3 to 5 billion people.")])
    assert ("major", "number 3 (3 million) in the source is 3 (3 billion) in the translation"
            ) in found


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Бюджет составит 5 трлн рублей.", "The budget will be 5 trillion dollars.",
     "5 трлн рублей in the source is 5 trillion dollars in the translation: another currency"),
    ("Budżet wyniesie 5 bilionów złotych.", "The budget will be 5 trillion euros.",
     "5 bilionów złotych in the source is 5 trillion euros in the translation: "
     "another currency"),
])
def test_a_currency_changed_past_any_slavic_magnitude_is_another_currency(
        source, translation, reason):
    [found] = number_findings([(source, translation)])
    assert ("major", reason) in found


def test_a_year_shaped_number_before_a_magnitude_and_a_currency_is_multiplied():
    [found] = number_findings([("El coste fue de 1500 millones de euros.",
                                "The cost was 1,500 euros.")])
    assert [severity for severity, _ in found] == ["major"]
