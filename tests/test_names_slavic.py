"""The name check on Slavic names (a Russian and Polish translator's review): a name declined
in any case, a Polish nasal vowel or ``ł`` against Russian and English, and a Polish place
name in its cases are the same name; a name swapped for another stays a major finding."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def name_findings(pairs, languages) -> dict[str, str]:
    """The name findings on `pairs`, reason → severity."""
    record = check_alignment(pairs_alignment(pairs, languages=languages))
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "name"}


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # Russian instrumental of a name in -а (Валенса → Валенсой) and of one in a consonant
    # (Лех → Лехом); Polish ę written -ен- in Russian, without its mark in English.
    (("ru", "en"), "Президент встретился с Лехом Валенсой.", "The president met Lech Walesa."),
    (("ru", "en"), "Президент встретился с Лехом Валенсой.", "The president met Lech Wałęsa."),
    (("ru", "en"), "Вчера Лех Валенса приехал в Гданьск.", "Yesterday Lech Walesa came to Gdansk."),
    (("pl", "ru"), "Lech Wałęsa przyjechał wczoraj do Krakowa.",
     "Лех Валенса приехал вчера в Краков."),
    (("pl", "ru"), "Spotkanie z Wałęsą odbyło się w Krakowie.",
     "Встреча с Валенсой прошла в Кракове."),
    # ą written -ом- (Dąbrowski = Домбровский), Polish j = Russian й.
    (("pl", "ru"), "Rozmawiał wczoraj z Janem Dąbrowskim.",
     "Вчера он говорил с Яном Домбровским."),
    (("pl", "ru"), "Potem mieszkał w Łodzi.", "Потом он жил в Лодзи."),
    # Polish c = ц, sz = ш, cz = ч.
    (("pl", "ru"), "Potem mieszkał w Szczecinie.", "Потом он жил в Щецине."),
    (("pl", "ru"), "Czytał wiersze Mickiewicza.", "Он читал стихи Мицкевича."),
    # Polish rz = ж, j = й; the genitive in -ы of a name in -а.
    (("ru", "en"), "Он учился у Анджея Вайды.", "He studied under Andrzej Wajda."),
    (("ru", "en"), "Мы встретились с Анной вчера.", "We met Anna yesterday."),
    (("ru", "en"), "Мы поговорили с Иваном Петровым.", "We spoke to Ivan Petrov."),
    # Czech instrumental -ou of a name in -a.
    (("cs", "en"), "Včera mluvil s Annou.", "Yesterday he spoke with Anna."),
    # A Polish city in its genitive and locative (Lwów: Lwowa, Lwowie) is its listed name.
    (("pl", "en"), "Prezydent Zełenski przyjechał do Lwowa.",
     "President Zelensky arrived in Lviv."),
    (("pl", "en"), "Potem mieszkał we Lwowie.", "Then he lived in Lviv."),
    (("pl", "en"), "Potem mieszkał we Lwowie.", "Then he lived in Lemberg."),
    # A well-known place whose name translates, in the locative (Sukiennice, the Cloth Hall).
    (("pl", "en"), "Spotkanie odbyło się wczoraj w Sukiennicach.",
     "The meeting took place in the Cloth Hall yesterday."),
])
def test_a_declined_or_transliterated_slavic_name_is_the_same_name(languages, source,
                                                                   translation):
    assert name_findings([(source, translation)], languages) == {}


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), [
    (("ru", "en"), "Письмо передали Петрову вчера.", "The letter was handed to Ivanov yesterday.",
     "name Петрову in the source is Ivanov in the translation"),
    (("ru", "en"), "Мы поговорили с Иваном Петровым.", "We spoke to Ivan Petrenko.",
     "name Петровым in the source is Petrenko in the translation"),
    (("ru", "en"), "Вчера Зеленский прибыл в Киев.", "Yesterday Putin arrived in Kyiv.",
     "name Зеленский in the source is Putin in the translation"),
    (("ru", "en"), "Встреча прошла в Смоленске.", "The meeting took place in Kursk.",
     "name Смоленске in the source is Kursk in the translation"),
    (("ru", "en"), "Президент встретился с Валенсой.", "The president met Wasilewska.",
     "name Валенсой in the source is Wasilewska in the translation"),
    (("pl", "ru"), "Spotkanie z Wałęsą odbyło się w Krakowie.",
     "Встреча с Василевской прошла в Кракове.",
     "name Wałęsą in the source is Василевской in the translation"),
    (("pl", "en"), "Spotkanie z Wałęsą odbyło się w Krakowie.",
     "The meeting with Kaczyński took place in Krakow.",
     "name Wałęsą in the source is Kaczyński in the translation"),
    (("pl", "en"), "Potem mieszkał we Lwowie.", "Then he lived in Kyiv.",
     "name Lwowie in the source is Kyiv in the translation"),
    (("cs", "en"), "Včera mluvil s Annou.", "Yesterday he spoke with Maria.",
     "name Annou in the source is Maria in the translation"),
    (("hr", "en"), "Jučer je razgovarao s Ninom.", "Yesterday he talked with Vera.",
     "name Ninom in the source is Vera in the translation"),
])
def test_a_slavic_name_swapped_is_still_major(languages, source, translation, reason):
    assert name_findings([(source, translation)], languages) == {reason: "major"}


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # Croatian and Slovenian decline a name in -a too (Nina: Nine, Nini, Ninu, Ninom).
    (("hr", "en"), "Jučer je razgovarao s Ninom.", "Yesterday he talked with Nina."),
    (("sl", "en"), "Včeraj je pisal Nini.", "Yesterday he wrote to Nina."),
    # A Latin name in a Ukrainian or Russian text is declined as their own names are.
    (("uk", "en"), "Президент прибув до Lwowa.", "The president arrived in Lviv."),
])
def test_a_name_declined_in_another_slavic_language_is_the_same_name(languages, source,
                                                                     translation):
    assert name_findings([(source, translation)], languages) == {}


@pytest.mark.parametrize(("source", "translation", "findings"), [
    # Polish w is the v of other languages, the first letter too.
    ("Spotkał się z prezydentem Wołodymyrem Zełenskim.",
     "He met President Volodymyr Zelensky.", {}),
    ("Wczoraj rozmawiał z Wiktorem.", "Yesterday he talked with Viktor.", {}),
    ("Wczoraj rozmawiał z Wiktorem.", "Yesterday he talked with Vadim.",
     {"name Wiktorem in the source is Vadim in the translation": "major"}),
])
def test_a_polish_w_is_a_v(source, translation, findings):
    assert name_findings([(source, translation)], ("pl", "en")) == findings


@pytest.mark.parametrize(("source", "translation"), [
    # A name in -й: instrumental -ем, genitive -я, dative -ю (Анджей, Андрей, Сергей).
    ("Мы говорили с Анджеем Вайдой.", "We spoke with Andrzej Wajda."),
    ("Мы говорили с Андреем Сахаровым.", "We spoke with Andrei Sakharov."),
    ("Это книга Сергея Довлатова.", "This is a book by Sergei Dovlatov."),
    ("Мы написали Андрею Сахарову.", "We wrote to Andrei Sakharov."),
])
def test_a_russian_name_in_i_in_its_cases_is_the_same_name(source, translation):
    assert all(severity == "info"
               for severity in name_findings([(source, translation)], ("ru", "en")).values())
