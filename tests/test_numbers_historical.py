"""The number check on historical texts: a Roman numeral where its context makes it a number
(a regnal number, a chapter or volume, a century) is flagged when changed; Russian, Ukrainian
and Polish spelled numbers are read; an hour said to be of the evening or of the morning is
that hour; a day pair before a month (1/14 janvier, Old and New Style) names the month once."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions, unmatched
from align.checks.pairs import document_text, pairs_alignment


@pytest.fixture(autouse=True)
def _model(default_encoder):
    """The real model: a spelled number is compared where the word aligner pairs it."""
    global _ENCODER
    _ENCODER = default_encoder


_ENCODER = None


def number_findings(pairs) -> list[list[tuple[str, str]]]:
    """The number findings of each link of `pairs`, checked as a file of pairs with the
    model, as ``align check`` does."""
    record = pairs_alignment(pairs)
    record = check_alignment(record, _ENCODER, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "number"]
            for link in record.links]


# -- Roman numerals ---------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Comme le disait Louis XIV, l'État, c'est moi.", "As Louis XV said, the State is me.",
     "number XIV in the source is XV in the translation"),
    ("Le roi Louis XVI fut exécuté.", "King Louis XV was executed.",
     "number XVI in the source is XV in the translation"),
    ("Le pape Pie X a condamné le modernisme.", "Pope Pius IX condemned modernism.",
     "number X in the source is IX in the translation"),
    ("Guillaume II a quitté Berlin.", "Emperor Wilhelm I left Berlin.",
     "number II in the source is I in the translation"),
    ("Voir le chapitre II de ce mémoire.", "See chapter III of this memoir.",
     "number II in the source is III in the translation"),
    ("Voir le chapitre II de ce mémoire.", "See chapter 3 of this memoir.",
     "number II in the source is 3 in the translation"),
    ("Siehe Band IV der Ausgabe.", "See volume 5 of the edition.",
     "number IV in the source is 5 in the translation"),
    ("La cour vit encore au XXe siècle.", "The court still lives in the 19th century.",
     "number XXe in the source is 19 in the translation"),
    ("La cour vit encore au XIXe siècle.", "The court still lives in the 18th century.",
     "number XIXe in the source is 18 in the translation"),
    ("La cour vit encore au XXe siècle.", "The court still lives in the nineteenth century.",
     "number XXe in the source is nineteenth (19) in the translation"),
    ("La cour vit encore au XXe siècle.", "Der Hof lebt noch im neunzehnten Jahrhundert.",
     "number XXe in the source is neunzehnten (19) in the translation"),
    ("Двор живёт так же, как в XIX веке.", "The court lives as in the 18th century.",
     "number XIX in the source is 18 in the translation"),
    ("Guillaume II a quitté Berlin le 3 août.", "Wilhelm I left Berlin on 3 August.",
     "number II in the source is I in the translation"),
    ("Николай II отрёкся от престола.", "Nicholas I abdicated.",
     "number II in the source is I in the translation"),
])
def test_a_changed_roman_numeral_is_a_major_changed_number(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    ("La cour vit encore au XXe siècle.", "The court still lives in the 20th century."),
    ("La cour vit encore au XXe siècle.", "The court still lives in the twentieth century."),
    ("Das Reich zerfiel im XIX. Jahrhundert.", "The empire fell apart in the 19th century."),
    ("La cour vit encore au XXe siècle.", "Der Hof lebt noch im zwanzigsten Jahrhundert."),
    ("Voir le chapitre II de ce mémoire.", "See chapter 2 of this memoir."),
    ("Voir le chapitre II de ce mémoire.", "See Chapter Two of this memoir."),
    ("Comme le disait Louis XIV, l'État, c'est moi.",
     "As Louis the Fourteenth said, the State is me."),
    ("Guillaume II a quitté Berlin.", "Wilhelm II left Berlin."),
    # The pronoun, the French Monsieur and Messieurs, and capitals that are no numbers.
    ("Louis et moi sommes partis.", "Louis and I left."),
    ("Quand je suis parti, Paris dormait.", "When I left, Paris was asleep."),
    ("À Paris, je l'ai rencontré.", "In Paris I met him."),
    ("Depuis lundi, je travaille.", "Since Monday I have been working."),
    ("M. Witte et MM. Dupont sont arrivés.", "Mr Witte and Messrs Dupont arrived."),
    ("Il habite à Washington.", "He lives in Washington DC."),
    ("Le CV de Marie est long.", "Marie's CV is long."),
    ("Le mélange est prêt.", "The Mix is ready."),
])
def test_a_faithful_roman_numeral_is_quiet(source, translation):
    assert number_findings([(source, translation)]) == [[]]


# -- Russian, Ukrainian and Polish spelled numbers ----------------------------------------------


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Бои в Кремле продолжались шесть дней.", "The fighting went on for seven days.",
     "number шесть (6) in the source is seven (7) in the translation"),
    ("Он получил сто рублей.", "He received two hundred roubles.",
     "number сто (100) in the source is two hundred (200) in the translation"),
    ("Он ждал двух друзей.", "He waited for three friends.",
     "number двух (2) in the source is three (3) in the translation"),
    ("Бої тривали шість днів.", "The fighting went on for seven days.",
     "number шість (6) in the source is seven (7) in the translation"),
    ("Walki trwały pięć dni.", "The fighting went on for seven days.",
     "number pięć (5) in the source is seven (7) in the translation"),
    ("Он получил двести рублей.", "He received three hundred roubles.",
     "number двести (200) in the source is three hundred (300) in the translation"),
])
def test_a_changed_slavic_spelled_number_is_major(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    ("Бои в Кремле продолжались шесть дней.", "The fighting went on for six days."),
    ("Он получил сто рублей.", "He received a hundred roubles."),
    ("Он получил двести рублей.", "He received 200 roubles."),
    ("Он ждал двух друзей.", "He waited for two friends."),
    ("Walki trwały pięć dni.", "The fighting went on for five days."),
    # A round number alone against another is a manner of speaking.
    ("Я тебе сто раз говорил.", "I told you a thousand times."),
    ("Je te l'ai dit cent fois.", "I told you a thousand times."),
])
def test_a_faithful_slavic_spelled_number_is_quiet(source, translation):
    assert number_findings([(source, translation)]) == [[]]


# -- the half of the day --------------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Le train partit à 6 heures du soir.", "The train left at 6 a.m.",
     "number 6 heures du soir in the source is 6 a.m. in the translation"),
    ("Der Zug fuhr um 6 Uhr abends ab.", "The train left at 6 a.m.",
     "number 6 Uhr abends in the source is 6 a.m. in the translation"),
    ("Der Kaiser befahl um 6 Uhr nachm. die Mobilmachung.", "The Kaiser ordered it at 6 a.m.",
     "number 6 Uhr nachm. in the source is 6 a.m. in the translation"),
    ("Поезд ушёл в 6 часов вечера.", "The train left at 6 a.m.",
     "number 6 часов вечера in the source is 6 a.m. in the translation"),
    ("Le train partit à 6 heures du matin.", "The train left at 6 p.m.",
     "number 6 heures du matin in the source is 6 p.m. in the translation"),
    ("Der Zug fuhr um 6 Uhr abends ab.", "The train left at 6 in the morning.",
     "number 6 Uhr abends in the source is 6 in the morning in the translation"),
])
def test_an_hour_of_the_other_half_of_the_day_is_a_major_change(source, translation, reason):
    assert number_findings([(source, translation)]) == [[("major", reason)]]


@pytest.mark.parametrize(("source", "translation"), [
    ("Le train partit à 6 heures du soir.", "The train left at 6 p.m."),
    ("Le train partit à 6 heures du soir.", "The train left at 18:00."),
    ("Der Zug fuhr um 6 Uhr abends ab.", "The train left at 6 in the evening."),
    ("Le train partit à 6 heures du matin.", "The train left at 6 a.m."),
    ("Der Zug fuhr um 6 Uhr morgens ab.", "The train left at 6 in the morning."),
    ("Поезд ушёл в 6 часов утра.", "The train left at 6 a.m."),
])
def test_an_hour_of_the_same_half_of_the_day_is_quiet(source, translation):
    assert number_findings([(source, translation)]) == [[]]


# -- Old Style / New Style dates --------------------------------------------------------------


def test_a_day_pair_before_a_month_names_the_month_once():
    assert number_findings([("Pétersbourg, le 1/14 janvier 1917.",
                             "Petersburg, 14 January 1917.")]) == [
        [("info", "number 1 in the source is missing from the translation")]]


@pytest.mark.parametrize(("source", "translation"), [
    # A half-of-day word sets the hour only of a number that is an hour: a clock word after
    # it or a time preposition before it; two pills are no two o'clock.
    ("Prenez-en 2 le matin et 2 le soir.", "Take 2 in the morning and 2 in the evening."),
    ("Nehmen Sie morgens 2 und abends 2.", "Take 2 in the morning and 2 in the evening."),
    ("Tome 2 por la mañana y 2 por la tarde.", "Take 2 in the morning and 2 in the evening."),
    ("Мы провели там 2 вечера подряд.", "We spent 2 evenings there in a row."),
    # ... and said before the hour, it counts as well as after it.
    ("Wir fahren nachmittags um 3 los.", "We leave at 3 in the afternoon."),
    ("We leave in the afternoon at 3.", "Nous partons à 3 heures de l'après-midi."),
])
def test_a_half_of_day_word_makes_no_hour_of_a_count(source, translation):
    assert [[f for f in found if f[0] != "info"]
            for found in number_findings([(source, translation)])] == [[]]


@pytest.mark.parametrize(("source", "translation"), [
    ("Wir fahren nachmittags um 3 los.", "We leave at 3 a.m."),
    ("Мы встретились в 8 вечера.", "We met at 8 a.m."),
])
def test_an_hour_after_a_time_preposition_keeps_its_half_of_the_day(source, translation):
    [found] = number_findings([(source, translation)])
    assert [severity for severity, _ in found] == ["major"]


@pytest.mark.parametrize(("source", "translation"), [
    # The pronoun after a word that numbers a book's parts.
    ("The book I read was long.", "Le livre que j'ai lu était long."),
    ("The part I liked most was the end.", "Le passage que j'ai préféré était la fin."),
    ("This is the article I wrote.", "C'est l'article que j'ai écrit."),
    ("The series I watched ended.", "La série que je regardais est finie."),
])
def test_the_pronoun_i_after_a_book_part_word_is_no_number(source, translation):
    assert number_findings([(source, translation)]) == [[]]


def test_a_capitalised_chapter_i_is_still_its_number():
    [found] = number_findings([("Chapter I begins in Paris.", "Le chapitre II commence à Paris.")])
    assert [severity for severity, _ in found] == ["major"]


@pytest.mark.parametrize(("source", "translation"), [
    # English "we" is no Slavic preposition: "we mar" is no month.
    ("If we mar the surface, we must apply 2 coats.",
     "Si nous abîmons la surface, il faut appliquer 2 couches."),
])
def test_an_english_word_before_a_short_month_is_no_slavic_preposition(source, translation):
    assert number_findings([(source, translation)]) == [[]]


@pytest.mark.parametrize(("source", "translation"), [
    # A Roman numeral reads as an ordinal too: World War II is the Second World War.
    ("La Seconde Guerre mondiale a duré six ans.", "World War II lasted six years."),
    ("La Segunda Guerra Mundial duró seis años.", "World War II lasted six years."),
    ("Вторая мировая война длилась шесть лет.", "World War II lasted six years."),
])
def test_a_roman_numeral_matches_the_ordinal_word(source, translation):
    assert number_findings([(source, translation)]) == [[]]


def test_a_roman_numeral_counterpart_is_no_weak_spelled_one():
    """« camp III » (a lower-case word before it: a counterpart only) is written as a
    number: against the German « Lager III » it stays matched when the French side has
    other numbers left over (the date the German does not give), where a spelled
    counterpart ("un", also an article) would give way."""
    source = "Sie waren in Lager III ( 7150 m ) . Am nächsten Tage , in Lager II , feierten sie ."
    translation = "Ils étaient au camp III , 7150 m. Le 8 juillet , au camp II , ils furent fêtés ."
    left, right = unmatched(mentions(source), mentions(translation))
    assert [m.text for m in left] == []
    assert [m.text for m in right] == ["8", "juillet"]


def test_a_german_or_swiss_abbreviated_magnitude_is_its_number():
    """A German dispatch writes « 250 Mill. Pfund » for 250 million pounds, a Swiss paper
    « 3 Mia. Franken » for 3 billion francs."""
    assert number_findings([
        ("Die Anleihe betrug 250 Mill. Pfund.", "The loan amounted to 250 million pounds."),
        ("Der Umsatz stieg auf 3 Mia. Franken.", "Turnover rose to 3 billion francs."),
    ]) == [[], []]
    assert number_findings([
        ("Die Anleihe betrug 250 Mill. Pfund.", "The loan amounted to 250 billion pounds."),
    ]) == [[("major", "number 250 Mill (250 million) in the source is 250 billion in the "
                       "translation")]]
