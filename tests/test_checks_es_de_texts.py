"""The name and number checks on Spanish and German texts: sentences opened by ``¿`` and
``¡``, ``EE. UU.``, Spanish ordinal dates, a lone digit with a unit, numbers left in the
source's convention, and names spelled otherwise."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def findings(pairs, encoder, languages, kind) -> dict[str, str]:
    """The findings of `kind` on `pairs`, reason → severity."""
    record = check_alignment(pairs_alignment(pairs, languages=languages), encoder)
    return {f.reason: f.severity for _, f in record.findings() if f.kind == kind}


# -- 1. a sentence opened by ¿ or ¡, or by quotes, dashes and brackets ---------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("¿Quién podría haber imaginado un crecimiento así en tan poco tiempo?",
     "Who could have imagined such growth in so little time?"),
    ("¡Hemos duplicado el número de becas!", "We have doubled the number of grants!"),
    ("Llegó tarde. ¿Quién lo esperaba?", "He arrived late. Who was expecting him?"),
    ("Llegó tarde. «¿Quién lo esperaba?», dijo.", "He arrived late. 'Who was expecting him?' "
     "he said."),
    ("Llegó tarde. (¡Hemos esperado tanto!)", "He arrived late. (We waited so long!)"),
])
def test_a_word_after_an_opening_question_or_exclamation_mark_starts_its_sentence(
        default_encoder, source, translation):
    assert findings([(source, translation)], default_encoder, ("es", "en"), "name") == {}


def test_usted_abbreviated_is_a_courtesy_pronoun_not_a_name(default_encoder):
    assert findings([("¿Puede Ud. firmar aquí? Gracias.", "Could you sign here? Thank you.")],
                    default_encoder, ("es", "en"), "name") == {}


def test_a_capitalised_word_inside_a_question_is_still_a_name(default_encoder):
    """``¿`` opens a sentence; a capital inside it is a name's still."""
    assert findings([("¿Quién lo sabe?", "Who knows?"),
                     ("¿Vio usted a Martínez ayer?", "Did you see him yesterday?")],
                    default_encoder, ("es", "en"), "name") == {
        "name Martínez in the source is not in the translation": "minor"}


# -- 2. EE. UU. -----------------------------------------------------------------------------


@pytest.mark.parametrize("translation", [
    "Forty-two members from Spain, Germany and the USA attended.",
    "Forty-two members from Spain, Germany and the United States attended.",
    "Forty-two members from Spain, Germany and the U.S. attended.",
    "Forty-two members from Spain, Germany and the US attended.",
])
def test_ee_uu_is_the_united_states(default_encoder, translation):
    for source in ("Asistieron 42 socios de España, Alemania y EE. UU.",
                   "Asistieron 42 socios de España, Alemania y EE.UU."):
        assert findings([(source, translation)], default_encoder, ("es", "en"), "name") == {}


def test_a_doubled_letter_abbreviation_is_one_name(default_encoder):
    assert findings([("Lo anunciaron las FF. AA. ayer.", "It was announced yesterday.")],
                    default_encoder, ("es", "en"), "name") == {
        "name FF. AA. in the source is not in the translation": "minor"}


# -- 3. a Spanish ordinal date ---------------------------------------------------------------


def test_a_spanish_ordinal_day_makes_a_date(default_encoder):
    assert findings([(source, "The 1st of May is a holiday.") for source in (
        "El 1.º de mayo es festivo.", "El 1º de mayo es festivo.", "El 1.ª de mayo es festivo.")],
        default_encoder, ("es", "en"), "number") == {}


# -- 4. a lone digit with a unit ---------------------------------------------------------------


def test_a_percentage_missing_is_minor_even_of_one_digit(default_encoder):
    """A lone digit with a percent sign, a currency or a measure is a quantity; a lone
    digit alone, or with a unit of time, stays info."""
    assert findings([("Solo se aprobaron 27, es decir, menos del 9 %.", "Only 27 were approved."),
                     ("Vinieron 5 personas.", "People came."),
                     ("Costó 4 euros.", "It was cheap."),
                     ("Esperamos 3 horas.", "We waited."),
                     # One, which an article renders: "a euro".
                     ("Cuesta 1 €.", "It costs a euro.")],
                    default_encoder, ("es", "en"), "number") == {
        "number 9 in the source is missing from the translation": "minor",
        "number 5 in the source is missing from the translation": "info",
        "number 4 in the source is missing from the translation": "minor",
        "number 3 in the source is missing from the translation": "info",
        "number 1 in the source is missing from the translation": "info"}


def test_a_number_written_alike_in_languages_of_one_convention_is_no_finding(default_encoder):
    assert findings([("Der Preis beträgt 1.500 Euro, 9 % mehr.", "Le prix est de 1.500 euros.")],
                    default_encoder, ("de", "fr"), "number") == {
        "number 9 in the source is missing from the translation": "minor"}


# -- 5. a number left in the source's convention --------------------------------------------


CONVENTIONS = [
    (("de", "en"), "Der Preis beträgt 1.500 Euro pro Monat.",
     "The price is 1.500 euros per month.",
     "number 1.500 in the translation reads as 1.5 in English; the source's 1.500 is 1,500"),
    (("fr", "en"), "Le chômage a baissé de 4,7 %.", "Unemployment fell by 4,7%.",
     "number 4,7 in the translation is no number in English (47, or a list); "
     "the source's 4,7 is 4.7"),
    (("en", "de"), "The price is 1,500 euros.", "Der Preis beträgt 1,500 Euro.",
     "number 1,500 in the translation reads as 1,5 in German; the source's 1,500 is 1.500"),
]


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), CONVENTIONS)
def test_a_number_left_in_the_sources_convention_is_minor(default_encoder, languages, source,
                                                          translation, reason):
    assert findings([(source, translation)], default_encoder, languages, "number") == {
        reason: "minor"}


def test_spanish_has_the_convention_its_own_numbers_show(default_encoder):
    """Spain writes ``1.500`` for fifteen hundred, Mexico ``1,500``: a Spanish text's numbers
    are read in the comma's convention only where one of them shows a decimal comma."""
    left = ("El precio es de 1.500 euros.", "The price is 1.500 euros.")
    assert findings([left], default_encoder, ("es", "en"), "number") == {}
    shown = ("La inflación fue del 4,7 %.", "Inflation was 4.7%.")
    assert findings([shown, left], default_encoder, ("es", "en"), "number") == {
        "number 1.500 in the translation reads as 1.5 in English; the source's 1.500 is 1,500":
            "minor"}
    mexican = ("Se vendieron 1,500 boletos.", "1,500 tickets were sold.")
    assert findings([mexican], default_encoder, ("es", "en"), "number") == {}


#: Numbers that read alike in both languages, each with a number left in the source's
#: convention of the same languages, which alone is reported.
@pytest.mark.parametrize(("languages", "left", "source", "translation"), [
    (("de", "en"), 0, "Der Preis beträgt 1.500 Euro.", "The price is 1,500 euros."),
    (("fr", "en"), 1, "Le chômage a baissé de 4,7 %.", "Unemployment fell by 4.7%."),
    (("de", "en"), 0, "Die Sitzung beginnt um 9.30 Uhr.", "The meeting starts at 9.30."),
    (("en", "de"), 2, "See section 3.5 of version 2.4.1.",
     "Siehe Abschnitt 3.5 der Version 2.4.1."),
    (("de", "en"), 0, "Im Jahr 2024 kamen 3 Besucher.", "In 2024, 3 visitors came."),
    # Not quantities: coordinates, sizes listed with a comma, an article's number.
    (("de", "en"), 0, "Die Koordinaten sind 48.137, 11.575.",
     "The coordinates are 48.137, 11.575."),
    (("de", "en"), 0, "Die Größen 36,38 sind da.", "Sizes 36,38 are here."),
    (("de", "en"), 0, "Siehe Artikel 1.234 des Kodex.", "See Article 1.234 of the code."),
])
def test_a_number_written_alike_that_reads_alike_is_no_finding(default_encoder, languages, left,
                                                               source, translation):
    convention = CONVENTIONS[left]
    assert convention[0] == languages
    assert findings([convention[1:3], (source, translation)], default_encoder, languages,
                    "number") == {convention[3]: "minor"}


# -- 6. a name spelled otherwise ----------------------------------------------------------


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), [
    (("de", "en"), "Der Vertrag wurde mit Frau Hoffmann geschlossen.",
     "The contract was concluded with Mrs Hofmann.",
     "name Hoffmann in the source is written Hofmann in the translation"),
    (("de", "en"), "Herr Brandt scheidet nach zwölf Jahren aus.",
     "Mr Brandl is leaving after twelve years.",
     "name Brandt in the source is written Brandl in the translation"),
    (("de", "en"), "Die Geschäftsführung unter Dr. Weißmüller ist zufrieden.",
     "The management under Dr Weismüller is satisfied.",
     "name Weißmüller in the source is written Weismüller in the translation"),
    (("es", "en"), "La Dra. Villalobos explicó que la mudanza se aplazará.",
     "Dr Villalba explained that the move will be postponed.",
     "name Villalobos in the source is written Villalba in the translation"),
    (("de", "en"), "Sie folgt auf Klaus Brandt.", "She succeeds Klaus Brandl.",
     "name Brandt in the source is written Brandl in the translation"),
])
def test_a_persons_name_spelled_otherwise_is_reported(default_encoder, languages, source,
                                                      translation, reason):
    assert findings([(source, translation)], default_encoder, languages, "name") == {
        reason: "info"}


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("es", "en"), "La Sra. Irene Solís presentó el informe.",
     "Ms Irene Solis presented the report."),
    (("de", "en"), "Die Geschäftsführung unter Dr. Weißmüller ist zufrieden.",
     "The management under Dr Weissmüller is satisfied."),
    (("de", "en"), "Die Geschäftsführung unter Dr. Müller ist zufrieden.",
     "The management under Dr Mueller is satisfied."),
    (("de", "en"), "Das Büro in Köln bleibt geöffnet.", "The office in Cologne remains open."),
    (("es", "en"), "La reunión se celebró en Alemania.", "The meeting was held in Germany."),
    (("de", "en"), "Goethes Werke sind bekannt.", "Goethe's works are well known."),
    # A place or a firm, which languages may each write their own way, is no person's name.
    (("es", "en"), "El contrato se firmó con Hidrocantábrico.",
     "The contract was signed with Hidrocantabria."),
    (("es", "en"), "Escribieron desde Andalucía.", "They wrote from Andalusia."),
    # "me" is a pronoun, not French "Me" (maître) before a name.
    (("en", "fr"), "Call me Ishmael.", "Appelez-moi Ismaël."),
])
def test_a_name_written_alike_or_translated_is_no_finding(default_encoder, languages, source,
                                                          translation):
    """Beside a name written otherwise, which alone is reported."""
    respelled = {"es": ("La Dra. Villalobos explicó que la mudanza se aplazará.",
                        "Dr Villalba explained that the move will be postponed.",
                        "name Villalobos in the source is written Villalba in the translation"),
                 "en": ("I met Mrs Hoffmann yesterday.", "J'ai rencontré Mme Hofmann hier.",
                        "name Hoffmann in the source is written Hofmann in the translation"),
                 "de": ("Der Vertrag wurde mit Frau Hoffmann geschlossen.",
                        "The contract was concluded with Mrs Hofmann.",
                        "name Hoffmann in the source is written Hofmann in the translation")}
    other_source, other_translation, reason = respelled[languages[0]]
    assert findings([(other_source, other_translation), (source, translation)], default_encoder,
                    languages, "name") == {reason: "info"}


def test_a_spelling_used_in_several_links_is_a_choice(default_encoder):
    assert findings([("Le Prussien arriva.", "The Prussian arrived."),
                     ("Le Prussien partit.", "The Prussian left."),
                     ("Maître Houlbrèque resta.", "Maitre Holbreque stayed.")],
                    default_encoder, ("fr", "en"), "name") == {
        "name Houlbrèque in the source is written Holbreque in the translation": "info"}


def test_the_generic_word_of_a_place_name_is_no_persons_name(default_encoder):
    """« Mont » for *Mount* beside a name both sides write alike: a place's word, which
    each language writes its own way, not a person's name misspelt."""
    assert findings([("They climbed Mount Everest in 1953.",
                      "Ils gravirent le Mont Everest en 1953.")],
                    default_encoder, ("en", "fr"), "name") == {}
