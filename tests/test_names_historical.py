"""The name check on period texts (a historian's review): a name of an institution or a
building that Russian capitalises in its first word only and English in each (Временное
правительство = Provisional Government), titles and forms of address of letters (Votre
Excellence, Impératrice, Geh. Rat) are translations, not changed names; a name swapped for
another stays a major finding."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def name_findings(pairs, languages, encoder) -> dict[str, str]:
    """The name findings on `pairs` with the model, reason → severity."""
    record = check_alignment(pairs_alignment(pairs, languages=languages), encoder)
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "name"}


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("ru", "en"), "Министры Временного правительства были арестованы.",
     "The ministers of the Provisional Government were arrested."),
    (("ru", "en"), "Антонов-Овсеенко объявил, что Зимний дворец взят.",
     "Antonov-Ovseenko announced that the Winter Palace had been taken."),
    (("ru", "en"),
     "На следующий день, 26 октября (8 ноября), Второй съезд Советов принял Декрет о мире.",
     "On the following day, 26 October (8 November), the Second Congress of Soviets adopted "
     "the Decree on Peace."),
    (("en", "ru"), "The ministers of the Provisional Government were arrested.",
     "Министры Временного правительства были арестованы."),
])
def test_a_name_of_common_words_capitalised_in_its_first_word_only_is_translated(
        languages, source, translation, default_encoder):
    assert name_findings([(source, translation)], languages, default_encoder) == {}


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("de", "en"), "Geh. Rat Dr. Müller hält einen Krieg für wahrscheinlich.",
     "Privy Councillor Dr. Müller thinks a war likely."),
    (("fr", "en"), "Je ne puis cacher à Votre Excellence que l'opinion est hostile à "
     "l'Impératrice.", "I cannot conceal from Your Excellency that opinion is hostile to the "
     "Empress."),
    (("fr", "en"), "Mgr. Ropp et le R. P. Lagrange sont arrivés hier.",
     "Mgr. Ropp and the Rev. Fr. Lagrange arrived yesterday."),
    (("de", "en"), "Eure Exzellenz, Ihre Majestät die Kaiserin ist angekommen.",
     "Your Excellency, Her Majesty the Empress has arrived."),
])
def test_a_title_or_form_of_address_rendered_otherwise_is_no_name(languages, source,
                                                                  translation, default_encoder):
    findings = name_findings([(source, translation)], languages, default_encoder)
    assert all(severity == "info" for severity in findings.values())


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), [
    (("ru", "en"), "Из Москвы приходили тревожные известия.",
     "Alarming news came from Kiev.", "name Москвы in the source is Kiev in the translation"),
    (("ru", "en"), "Английский посол сэр Джордж Бьюкенен говорил, что Лондон не признает "
     "нового правительства.", "The British Ambassador, Sir Francis Bertie, said that London "
     "would not recognise the new government.",
     "name Джордж Бьюкенен in the source is Francis Bertie in the translation"),
    (("fr", "en"), "MM. Milioukov et Goutchkov ont tenu une réunion secrète.",
     "Messrs Milyukov and Rodzianko held a secret meeting.",
     "name Goutchkov in the source is Rodzianko in the translation"),
    (("ru", "en"), "Министры Временного правительства были арестованы в Москве.",
     "The ministers of the Provisional Government were arrested in Kiev.",
     "name Москве in the source is Kiev in the translation"),
])
def test_a_name_swapped_for_another_stays_major(languages, source, translation, reason,
                                                 default_encoder):
    findings = name_findings([(source, translation)], languages, default_encoder)
    assert findings.get(reason) == "major"


def test_a_wrong_place_repeated_is_still_a_changed_name(default_encoder):
    """A rendering used twice is a translator's choice, but not a place the lists know as
    another: Metz is not Strasbourg however often the translation says so."""
    found = name_findings([
        ("Il part demain pour Metz.", "He leaves tomorrow for Strasbourg."),
        ("Il arrive le soir à Metz.", "He arrives in Strasbourg in the evening."),
    ], ("fr", "en"), default_encoder)
    assert found == {"name Metz in the source is Strasbourg in the translation": "major"}


def test_a_listed_name_rendered_twice_by_another_word_is_a_changed_name(default_encoder):
    found = name_findings([
        ("Il part demain pour Londres.", "He leaves tomorrow for Lindon."),
        ("Il arrive le soir à Londres.", "He arrives in Lindon in the evening."),
    ], ("fr", "en"), default_encoder)
    assert found == {"name Londres in the source is Lindon in the translation": "major"}


def test_an_unlisted_name_rendered_the_same_other_way_twice_is_a_choice(default_encoder):
    found = name_findings([
        ("Le chat de Grimaçon souriait.", "The Cheshire cat was grinning."),
        ("Il revit le chat de Grimaçon.", "He saw the Cheshire cat again."),
    ], ("fr", "en"), default_encoder)
    assert found == {}


def test_a_character_renamed_throughout_by_a_listed_first_name_is_a_choice(default_encoder):
    """A story's translator may give a character another first name (Alice's *Bill* is
    « Jacques » in the French): the list knows Jacques as James, yet used throughout it is
    a choice, as it is for a name the lists do not know."""
    found = name_findings([
        ("Bill climbed down the chimney.", "Jacques descendit par la cheminée."),
        ("Poor Bill was kicked out.", "Le pauvre Jacques fut projeté dehors."),
    ], ("en", "fr"), default_encoder)
    assert found == {}


def test_a_place_changed_after_a_title_in_german_is_a_changed_name(default_encoder):
    """"His Royal Highness" (titles) makes no Title-Case heading of the sentence, nor hides
    the place changed after it; "Crown Prince" is a title, the German «Kronprinz»."""
    found = name_findings([
        ("Der Kronprinz reist morgen nach Metz.",
         "His Royal Highness the Crown Prince leaves tomorrow for Strasbourg."),
    ], ("de", "en"), default_encoder)
    assert found == {"name Metz in the source is Strasbourg in the translation": "major"}


def test_a_sentence_of_names_is_no_title_case_heading(default_encoder):
    """Names the lists know and titles (Warsaw, President) make no Title-Case heading of a
    sentence: the place changed in it is read."""
    found = name_findings([
        ("W Krakowie spotkał się z prezydentem Wołodymyrem Zełenskim.",
         "In Warsaw he met President Volodymyr Zelensky."),
    ], ("pl", "en"), default_encoder)
    assert found.get("name Krakowie in the source is Warsaw in the translation") == "major"


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), [
    (("en", "fr"), "Steffi Graf won Wimbledon in 1988.",
     "Steffi Kaiser a gagné Wimbledon en 1988.",
     "name Graf in the source is Kaiser in the translation"),
    (("en", "fr"), "Werner Herzog filmed in Peru.", "Werner Kaiser a tourné au Pérou.",
     "name Herzog in the source is Kaiser in the translation"),
    (("de", "en"), "Sie sprach mit Frau Graf.", "She spoke with Mrs Kaiser.",
     "name Graf in the source is Kaiser in the translation"),
])
def test_a_surname_that_is_a_rank_changed_is_a_changed_name(languages, source, translation,
                                                            reason, default_encoder):
    findings = name_findings([(source, translation)], languages, default_encoder)
    assert findings.get(reason) == "major"


def test_a_rank_opening_an_institutions_name_is_part_of_the_name(default_encoder):
    findings = name_findings([("The case went to the Crown Court.",
                               "L'affaire est allée devant la Cour suprême.")],
                             ("en", "fr"), default_encoder)
    assert any("Crown" in reason and severity != "info" for reason, severity in findings.items())


@pytest.mark.parametrize(("languages", "source"), [
    (("pl", "en"), "Papież Jan Paweł II odwiedził Rzym."),
    (("it", "en"), "Papa Giovanni Paolo II visitò Roma."),
    (("fr", "en"), "Le pape Jean-Paul II a visité Rome."),
    (("de", "en"), "Papst Johannes Paul II. besuchte Rom."),
    (("ru", "en"), "Папа Иоанн Павел II посетил Рим."),
])
def test_a_popes_title_and_name_translated_are_no_changed_name(languages, source,
                                                               default_encoder):
    findings = name_findings([(source, "Pope John Paul II visited Rome.")], languages,
                             default_encoder)
    assert all(severity == "info" for severity in findings.values())


def test_a_name_changed_in_a_title_case_heading_is_a_changed_name(default_encoder):
    """A Title-Case heading capitalises its every word of meaning: its capitals make no
    name of common words ("Meets" beside "Sarkozy" is no part of a name)."""
    found = name_findings([("# Le président Macron rencontre la chancelière Merkel à Berlin",
                            "# President Sarkozy Meets Chancellor Merkel in Berlin")],
                          ("fr", "en"), default_encoder)
    assert found.get("name Macron in the source is Sarkozy in the translation") == "major"
