"""The rule-based checks on hand-written pairs (no model needed)."""

from __future__ import annotations

import pytest

from align.checks import check_alignment, fails, summarise, worst_first
from align.checks.numbers import mentions, readings, unmatched
from align.checks.pairs import document_text, pairs_alignment
from align.errors import InputError, UsageError


def check(pairs, *, aligned: bool = False, **kwargs):
    """Check `pairs` as a file of pairs gives them, or (`aligned`) as links the aligner
    found between two documents."""
    record = pairs_alignment(pairs)
    if aligned:
        record.signature = {}
    return check_alignment(
        record,
        source_text=document_text(record.source),
        translation_text=document_text(record.translation),
        **kwargs,
    )


def kinds(record, i: int) -> dict[str, str]:
    return {f.kind: f.severity for f in record.links[i].findings}


# -- numbers ----------------------------------------------------------------------------


def test_a_name_spelled_as_a_month_folds_is_no_month():
    """Portuguese "março" folds to "marco": a month only beside a number, as "May" is."""
    assert mentions("He met Marco yesterday.") == []
    assert [m.text for m in mentions("Em 3 de março de 1936.")] == ["3", "março", "1936"]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("He paid 1,000.5 dollars.", "Il a payé 1 000,5 dollars."),
        ("It was August 13, 1936.", "C'était le 13 août 1936."),
        ("Prices rose 25%.", "Les prix ont augmenté de 25 %."),
        ("Twenty-five men came.", "25 hommes sont venus."),
        ("It was 13/08/1936.", "C'était le 13 août 1936."),
        ("The 1936-37 season.", "La saison 1936-1937."),
        ("It weighs 1,5 kg.", "It weighs 1.5 kg."),
        ("\x1b[31mThe 12 apples\x1b[0m were red.", "Les 12 pommes étaient rouges."),
        # The 12- and the 24-hour clock; a Roman ordinal against digits.
        ("The meeting begins at 3:30 pm.", "La réunion commence à 15 h 30."),
        ("They left at 9 p.m.", "Ils partirent à 21h."),
        ("Come at 3 o'clock.", "Venez à 15 heures."),
        ("In the 19th century.", "Au XIXe siècle."),
        # German numbers written as one word; vulgar fractions.
        ("Der dritte Achttausender.", "Le troisième « 8000 »."),
        ("Dreihundertfünfzig Meter.", "350 mètres."),
        ("Das Wasser war etwa 1 ½ m tief.", "L'eau était profonde de 1,50 m."),
        # Ordinals, spelled or in digits.
        ("The 2nd edition.", "La deuxième édition."),
        ("The 2nd edition.", "Die zweite Auflage."),
        ("In the 21st century.", "Au vingt et unième siècle."),
        ("On the 1st of May.", "Le premier mai."),
        # Dates written with points, as German writes them.
        ("Backup completed on 12/03/2024.", "Sicherung am 03.12.2024 abgeschlossen."),
        ("Il écrivit le 13 août 1936.", "Er schrieb am 13.08.1936."),
        ("Am 3.5.56 erreichten sie den Gipfel.", "Le 3 mai 56, ils atteignirent le sommet."),
        # Months of other languages, in the genitive where a date puts them.
        ("On 3 May 1936 she left.", "3 maja 1936 r. wyjechała."),
        ("On 3 May 1936 she left.", "3 мая 1936 г. она уехала."),
        ("On 3 May 1936 she left.", "Στις 3 Μαΐου 1936 έφυγε."),
        ("On 3 March 1936 she left.", "Em 3 de março de 1936 ela partiu."),
        ("On 3 March 1936 she left.", "Op 3 maart 1936 vertrok ze."),
        ("On 3 March 1936 she left.", "3 Mart 1936'da ayrıldı."),
    ],
)
def test_numbers_written_differently_match(source, translation):
    left, right = unmatched(mentions(source), mentions(translation))
    assert left == [] and right == []


@pytest.mark.parametrize(("source", "translation", "changed"), [
    # A clock time is reported whole.
    ("The meeting begins at 4:30 pm.", "La réunion commence à 15 h 30.", ["4:30 pm", "15 h 30"]),
    ("They left at 9 a.m.", "Ils partirent à 21h.", ["9", "21"]),
    ("In the 18th century.", "Au XIXe siècle.", ["18", "XIXe"]),
    ("Ein Siebentausender.", "Un « 8000 ».", ["8000"]),
    ("Etwa 2 ½ m tief.", "Profonde de 1,50 m.", ["2 ½", "1,50"]),
    ("Il écrivit le 13 août 1936.", "Er schrieb am 14.08.1936.", ["13", "14"]),
    ("On the 4th floor.", "Au cinquième étage.", ["4"]),
    ("On 3 May 1936 she left.", "3 czerwca 1936 r. wyjechała.", ["May", "czerwca"]),
    # A number of groups of three is no date: one number, read as a whole.
    ("1.234.567 Menschen", "1 234 568 personnes", ["1.234.567", "1 234 568"]),
])
def test_a_changed_time_or_century_is_still_found(source, translation, changed):
    left, right = unmatched(mentions(source), mentions(translation))
    assert [m.text for m in left + right] == changed


#: "At 7.30 p.m. she met Mr. Costa" as translations write the time.
TIME_SOURCE = "At 7.30 p.m. she met Mr. Costa in the café."


@pytest.mark.parametrize("translation", [
    "Às 19h30 encontrou o Sr. Costa no café.",
    "À 19 h 30, elle rencontra M. Costa au café.",
    "בשעה 19:30 היא פגשה את מר קוסטה בבית הקפה.",
    "Um 19.30 Uhr traf sie Herrn Costa im Café.",
    "A las 19.30 se encontró con el Sr. Costa en el café.",
    "Akşam 19.30'da kafede Bay Costa ile buluştu.",
    "Στις 7.30 μ.μ. συνάντησε τον κ. Κόστα στο καφέ.",
    "في الساعة 7:30 مساء التقت بالسيد كوستا في المقهى.",
    "午後7時30分、彼女はカフェでコスタ氏に会った。",
])
def test_a_clock_time_matches_it_on_either_clock(translation):
    left, right = unmatched(mentions(TIME_SOURCE), mentions(translation))
    assert left == [] and right == []


@pytest.mark.parametrize(("source", "translation"), [
    # A time on the hour is the hour.
    ("Come at 3:00 pm.", "Venez à 15 heures."),
    ("The shop opens at 15:00.", "The shop opens at 3 pm."),
])
def test_a_clock_time_on_the_hour_is_the_hour(source, translation):
    left, right = unmatched(mentions(source), mentions(translation))
    assert left == [] and right == []


@pytest.mark.parametrize(("source", "translation", "changed"), [
    (TIME_SOURCE, "Às 19h45 encontrou o Sr. Costa no café.", ["7.30 p.m.", "19h45"]),
    # The morning on the 24-hour clock, or the other half of the day.
    (TIME_SOURCE, "Um 7.30 Uhr traf sie Herrn Costa im Café.", ["7.30 p.m.", "7.30 Uhr"]),
    ("We met at 7:30 am.", "בשעה 19:30 נפגשנו.", ["7:30 am", "19:30"]),
    ("Στις 7.30 π.μ. συνάντησε τον κ. Κόστα.", "A las 19.30 se encontró con el Sr. Costa.",
     ["7.30 π.μ.", "19.30"]),
    # A point and nothing to say it is a time: maybe a decimal, not the evening's hour.
    ("It cost 7.00 dollars.", "Il coûtait 19 dollars.", ["7.00", "19"]),
])
def test_a_changed_clock_time_is_still_found(source, translation, changed):
    left, right = unmatched(mentions(source), mentions(translation))
    assert [m.text for m in left + right] == changed


def test_a_clock_time_is_one_mention():
    assert [m.text for m in mentions("Às 19h30, 19 h 30 ou 19:30 (7.30 p.m.), 7:30 pm.")] == [
        "19h30", "19 h 30", "19:30", "7.30 p.m.", "7:30 pm"]
    # Not a time: minutes past 59, an hour past 24, a date with points.
    assert [m.text for m in mentions("Il pesait 31.45 kg, 7.75 m, le 03.12.2024.")] == [
        "31.45", "7.75", "03", "12", "2024"]


def test_codes_of_capitals_and_digits():
    from align.checks.numbers import codes

    text = "AB-1234X, MP3, COVID-19, H2O, 3D, F-16; not 5MB, 2ND, 10H30, S.66/67 or V2.1."
    assert [c for *_, c in codes(text)] == ["AB-1234X", "MP3", "COVID-19", "H2O", "3D", "F-16"]


@pytest.mark.parametrize(("source", "translation", "found"), [
    # A code changed where its digits are kept: the number check cannot see it.
    ("Order part AB-1234X today.", "Commandez la pièce AB-1234Y aujourd'hui.",
     [("major", "code AB-1234X in the source is AB-1234Y in the translation")]),
    # Case, spaces and dashes aside, the same code.
    ("It supports COVID-19 tests.", "Il prend en charge les tests covid-19.", []),
    ("The view from K2 was grand.", "La vue du K 2 était grandiose.", []),
    # Digits changed: the number check reports it, once.
    ("Play MP3 files.", "Lire les fichiers MP4.",
     [("major", "number 3 in the source is 4 in the translation")]),
])
def test_a_changed_code_is_a_number_finding(source, translation, found):
    record = check([(source, translation)])
    assert [(f.severity, f.reason) for _, f in record.findings() if f.kind == "number"] == found


def test_words_that_look_roman_or_german_numbers_are_not_numbers():
    assert mentions("Le chat et Ce livre. De Gaulle.") == []
    assert mentions("Einer der Achter.") == []


def test_french_and_english_number_formats_read_alike():
    assert readings("1 000,5") == {1000.5}
    assert readings("1,000.5") == {1000.5}
    assert readings("1.000,5") == {1000.5}
    assert readings("1,500") == {1500.0, 1.5}  # ambiguous on its own


def test_changed_year_is_a_major_number_finding():
    record = check([("Serge wrote in 1936.", "Serge écrivit en 1963.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "number"]
    assert finding.severity == "major"
    assert "1936" in finding.reason and "1963" in finding.reason
    assert [s.text for s in finding.spans] == ["1936", "1963"]
    assert [s.side for s in finding.spans] == ["source", "translation"]


def test_digit_matched_only_by_an_article_is_a_changed_number():
    """French "un" is both an article and a spelled 1: against a digit left unmatched on
    the other side, it does not excuse the source's digit."""
    record = check([("1. The expedition must take an officer.",
                     "3. L'expédition doit prendre un officier.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "number"]
    assert finding.severity == "major"
    assert [s.text for s in finding.spans] == ["1", "3"]
    # With as many digits unmatched on each side, the spelled match stands.
    record = check([("He has 1 dog and 3 cats.", "Il a un chien et 4 chats.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "number"]
    assert [s.text for s in finding.spans] == ["3", "4"]


def test_number_moved_to_the_neighbouring_link_is_not_flagged():
    record = check([("In 1936 he left.", "Il partit."), ("He came back.", "En 1936 il revint.")])
    assert not any(f.kind == "number" for _, f in record.findings())


# -- names ------------------------------------------------------------------------------


def test_renumbered_list_item_is_flagged_although_the_next_item_has_its_number():
    record = check([
        ("1. The expedition must take a liaison officer.",
         "1. L'expédition doit prendre un officier de liaison."),
        ("2. The government may withdraw the permit.",
         "3. Le gouvernement peut retirer l'autorisation."),
        ("3. Climbers must report to the ministry.",
         "3. Les alpinistes doivent se présenter au ministère."),
    ])
    assert kinds(record, 1) == {"number": "major"}
    assert "number" not in kinds(record, 0) and "number" not in kinds(record, 2)

@pytest.mark.parametrize(("source", "translation"), [
    # Names in another script are read transliterated, case endings and all.
    ("Trotsky left for Mexico in 1937.", "Троцкий уехал в Мексику в 1937 году."),
    ("Andrés Nin was arrested in Barcelona.", "Андрес Нин был арестован в Барселоне."),
    ("He talked with Nin about Barcelona.", "Он говорил с Нином о Барселоне."),
    ("Victor Serge wrote to him.", "Виктор Серж написал ему."),
    ("He lived in France and Germany.", "Он жил во Франции и Германии."),
    ("Athens is the capital of Greece.", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας."),
])
def test_names_in_another_script(source, translation):
    record = check([(source, translation)])
    assert [f.reason for _, f in record.findings() if f.kind == "name"] == []


def test_a_name_missing_against_a_script_without_capitals_is_only_info():
    """Chinese or Korean text shows no names to compare with: a name seemingly missing
    there is a guess, not a finding worth a look."""
    record = check([("He met Lee in Seoul.", "그는 서울에서 이를 만났다."),
                    ("He left for Mexico in 1937.", "他于1937年前往墨西哥。")])
    names = [f for _, f in record.findings() if f.kind == "name"]
    assert names and {f.severity for f in names} == {"info"}


def test_a_name_swapped_in_another_script_is_still_found():
    record = check([("Victor Serge wrote to Nin.", "Виктор Серж написал Троцкому.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "name"]
    assert finding.severity == "major"
    assert [s.text for s in finding.spans] == ["Nin", "Троцкому"]


@pytest.mark.parametrize(("source", "translation"), [
    # Names that translate: rivers, cities, names of several words, first names.
    ("The Thames flows through London.", "La Tamise traverse Londres."),
    ("We went to the Netherlands.", "Nous sommes allés aux Pays-Bas."),
    ("The White House issued a statement.", "La Maison-Blanche a publié un communiqué."),
    ("Pope John Paul visited Warsaw.", "Le pape Jean-Paul s'est rendu à Varsovie."),
    ("You are old, Father William, the young man said.",
     "Vous êtes vieux, Père Guillaume, dit le jeune homme."),
    # "allés" shares four letters with "Allemagne" but is no second mention of it.
    ("We went to Germany.", "Nous sommes allés en Allemagne."),
    # ... nor is "heard" one of "Heyward".
    ("Major Heyward sang the bass you heard.", "Le major Heyward chantait la basse."),
    # One name in two spellings of the sound k, or in the plural; a particle joined to
    # the name on one side only; a title in the plural.
    ("I sat cross-legged, like a Turk.", "Je m'assis à la manière des Turcs."),
    ("Pik Lenin ist technisch unschwierig.", "Le Pic Lénine est techniquement facile."),
    ("They struck at Fort du Quesne.", "Ils frappèrent au fort Duquesne."),
    ("You are not equal to the Misses Reed.", "Vous n'êtes pas l'égale de Mlles Reed."),
])
def test_names_that_translate_and_words_that_only_look_like_them(source, translation):
    record = check([(source, translation)])
    assert [f.reason for _, f in record.findings() if f.kind == "name"] == []


@pytest.mark.parametrize("pairs", [
    [("My dear Andrés, come to Spain with Gorkin.", "Mon cher Andres, viens en Espagne "
                                                    "avec Gorkin."),
     ("The comrades of Nin are in London.", "Les camarades de Nin sont à Londres.")],
    # Weekdays, and plurals of listed names.
    [("The maid came on Saturdays to dust the room.", "La bonne venait le samedi épousseter "
                                                     "la chambre."),
     ("The French arrived on Monday.", "Les Français arrivèrent lundi.")],
    # Points of the compass in place names translate too.
    [("The colonial wars of North America were cruel.", "Les guerres coloniales de "
                                                       "l'Amérique septentrionale furent "
                                                       "cruelles."),
     ("He sailed to South Africa in May.", "Il partit pour l'Afrique du Sud en mai.")],
    # Hyphens in names come and go; a contraction is not a name; titles translate.
    [("Ils remontèrent les Champs-Élysées jusqu'au soir.",
      "They walked up the Champs Elysees until evening."),
     ("Il entra dans Notre-Dame-de-Lorette.", "He went into Notre Dame de Lorette."),
     ("Alors j'irai voir le préfet demain.", "Then I'll see the Prefect tomorrow.")],
])
def test_names_tolerate_accents_and_translated_names(pairs):
    record = check(pairs)
    assert not any(f.kind == "name" for _, f in record.findings())


def test_swapped_name_is_flagged_on_both_sides():
    record = check([("Yesterday I met Pierre Boul in town.", "Hier j'ai vu Jean Dupont en ville.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "name"]
    assert finding.severity == "major"
    assert {s.side for s in finding.spans} == {"source", "translation"}
    assert "Boul" in finding.reason and "Dupont" in finding.reason



@pytest.mark.parametrize(("source", "translation", "named"), [
    # A unit beside its number is translated, not a name: MB is Mo in French.
    ("Download speed: 5 MB/s", "Vitesse de téléchargement : 5 Mo/s", False),
    ("Free space: 12 GB", "Espace libre : 12 Go", False),
    ("Last saved at 3:45 PM", "Dernier enregistrement à 15 h 45", False),
    ("The fee is CHF 20.", "Les frais sont de 20 francs.", False),
    # ... while a name after a number stays a name.
    ("In 1936 Nin wrote to him.", "En 1936, Serge lui écrivit.", True),
])
def test_units_beside_numbers_are_not_names(source, translation, named):
    record = check([(source, translation)])
    assert any(f.kind == "name" for f in record.links[0].findings) == named


def test_a_name_after_an_elided_article_is_a_name():
    """French elides the article before a vowel: "l'Italie" holds the name Italie."""
    record = check([("The comrades left for Spain.", "Les camarades partirent pour l'Italie."),
                    ("They wrote from Andalusia.", "Ils écrivirent d'Andalousie.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "name"]
    assert finding.severity == "major"
    assert [s.text for s in finding.spans] == ["Spain", "Italie"]
    assert not any(f.kind == "name" for f in record.links[1].findings)


def test_a_name_rendered_the_same_other_way_throughout_is_a_choice():
    record = check([
        ("Mary Ann opened the door.", "Marianne ouvrit la porte."),
        ("The cat followed Mary Ann into the kitchen.", "Le chat suivit Marianne dans la cuisine."),
        ("It was raining over London.", "Il pleuvait sur Londres."),
    ])
    assert not any(f.kind == "name" for _, f in record.findings())


def test_a_rendering_stays_a_choice_when_the_name_is_kept_in_one_sentence_only():
    """One sentence left in the original (or a translator's gloss) writes the name as it
    is; the rendering used everywhere else is still the translation's choice."""
    record = check([
        ("The Dormouse slowly opened his eyes.", "Le Loir ouvrit lentement les yeux."),
        ("Wake up, Dormouse!", "Réveillez-vous, Loir !"),
        ("The Dormouse shook its head.", "Le Loir secoua la tête."),
        ("Then the Dormouse fell asleep.", "Puis le Loir s'endormit."),
        ("They pinched the Dormouse.", "Ils pincèrent le Loir."),
        ("The Dormouse began in a hurry.", "The Dormouse began in a hurry."),
    ])
    assert not any(f.kind == "name" and f.severity == "major" for _, f in record.findings())
    assert not any(f.kind == "name" for k in range(5) for f in record.links[k].findings)


def test_a_name_replaced_in_places_while_written_elsewhere_is_flagged():
    record = check([
        ("Alice opened the door.", "Mabel ouvrit la porte."),
        ("The cat followed Alice into the kitchen.", "Le chat suivit Mabel dans la cuisine."),
        ("Then Alice sat down by the fire.", "Puis Alice s'assit près du feu."),
    ])
    assert kinds(record, 0).get("name") == "major"
    assert kinds(record, 1).get("name") == "major"
    assert "name" not in kinds(record, 2)

# -- negation ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "negating"), [
    ("Il n'est pas venu.", ["pas"]),
    ("Il ne vient jamais.", ["jamais"]),
    # Literary "ne" alone: before savoir, pouvoir, oser, cesser, or with point, plus …
    ("Je ne sais.", ["ne"]),
    ("Il n'osait le dire.", ["n'osait"]),
    ("Il ne vint point.", ["ne"]),
    ("Il ne vient plus nous voir.", ["ne"]),
    # A negative subject before "ne": "personne", "nul" ("une personne" is a person).
    ("Personne n'a protesté.", ["n'a"]),
    ("Nul ne le sait.", ["ne"]),
    ("Une personne est venue.", []),
    # ... with its complement between them; but a person ("une personne") is no subject
    # of a negation, nor the "personne" of another clause.
    ("Personne sur le quai ne fit signe.", ["ne"]),
    ("Nul d'entre eux n'a protesté.", ["n'a"]),
    ("Une personne du village ne vint que le soir.", []),
    ("Il vint en personne, et ne resta qu'une heure.", []),
    # Expletive and restrictive "ne", "n'importe", "sans doute", "sans cesse": no negation.
    ("Avant qu'il ne parte, il mangea.", []),
    ("Il est plus grand qu'on ne croit.", []),
    ("Il n'a que deux livres.", []),
    ("N'importe qui viendra.", []),
    ("Il erre sans cesse.", []),
    # Tokenised corpora write the elided particle apart: "n' osa", "n' hésita plus".
    ("Elle n' osa s' approcher .", ["n"]),
    ("Alice n' hésita plus , et partit .", ["n"]),
    ("Je n' ai pas faim .", ["pas"]),
    ("Avant qu' il n' arrive , partons .", []),
    ("Il n' y a que lui .", []),
    ("Il n' importe guère .", ["guère"]),
    ("N' importe qui viendra .", []),
    # One negation per clause: "ne" with its own word counts once, apart it counts again.
    ("Il ne pouvait manquer de voir ceux qui n'étaient pas là.", ["ne", "pas"]),
    ("Je ne sais rien.", ["rien"]),
    ("Jamais il ne sut pourquoi.", ["Jamais"]),
    ("Je croyais que rien de tout cela ne pouvait être.", ["rien"]),
    # The expletive "ne" negates nothing, before the literary verbs too: after "avant
    # que", "à moins que", "de peur que", "craindre que" and a comparative's "que" ...
    ("Il est plus habile qu'on ne saurait le dire.", []),
    ("Il a plus d'argent qu'il ne peut en dépenser.", []),
    ("Partons avant qu'il ne puisse nous voir.", []),
    ("Je ne viendrai pas, à moins qu'on ne puisse m'attendre.", ["pas"]),
    ("De peur qu'on ne sût la vérité, il se tut.", []),
    ("Je crains qu'il ne sache tout.", []),
    # ... but it does after another "que", and "ne … pas" negates after any.
    ("Il dit qu'il ne pouvait venir.", ["ne"]),
    ("Le chat que je ne pouvais voir dormait.", ["ne"]),
    ("Je crains qu'il ne sache pas tout.", ["pas"]),
    # "point" without "ne" after a verb, as speech and dialect leave it out; after
    # anything else it is the noun.
    ("— C’qui m’faisait deuil, disait-il, c’est point tant la chose.", ["point"]),
    ("J'ai point d'argent.", ["point"]),
    ("Y a point de pain.", ["point"]),
    ("Il est point venu.", ["point"]),
    ("C'est le point.", []),
    ("Il arriva à point.", []),
    ("Il fut mis au point en un point précis.", []),
    ("Ce n'est point vrai.", ["n'est"]),
    ("Je ne sais point.", ["ne"]),
])
def test_french_negations(text, negating):
    from align.checks.meaning_shift import negations

    assert [w.text for w in negations(text, "fr")] == negating


def test_a_side_that_negates_more_often_is_not_said_to_negate_alone():
    record = check([("The rain had not stopped for three days. Nobody on the platform "
                     "waved goodbye.",
                     "Il pleuvait depuis trois jours, et personne sur le quai ne fit "
                     "signe d'adieu.")])
    [shift] = [f for _, f in record.findings() if f.kind == "meaning-shift"]
    assert shift.reason == "the source negates 2 times (not, Nobody), the translation once"
    record = check([("He did not come.", "Il est venu.")])
    [shift] = [f for _, f in record.findings() if f.kind == "meaning-shift"]
    assert shift.reason == "the source negates (not) where the translation does not"


@pytest.mark.parametrize(("text", "language", "negating"), [
    # Phrases whose negation word negates nothing: tags, idioms, "ni … non plus" once.
    ("C'est bien, n'est-ce pas ?", "fr", []),
    ("C' est ce qu' il faut , n' est-ce pas ?", "fr", []),
    ("Cela va sans dire.", "fr", []),
    ("Le canon tonnait sans repos, cherchant sans fin, sans relâche.", "fr", []),
    ("Ni moi non plus.", "fr", ["Ni"]),
    # "Nowhere" negates in every language ("Nulle part elle n'avait marché").
    ("Nirgends fand er Ruhe.", "de", ["Nirgends"]),
    ("Nulle part elle n'avait marché.", "fr", ["n'avait"]),
    ("Moi non plus.", "fr", ["non"]),
    ("It is fine, isn't it?", "en", []),
    ("You know him, don 't you ?", "en", []),
    ("He was not only kind but wise.", "en", []),
    # ... as in other languages; French "pas seulement" is "not only" with "mais", "aussi"
    # … after it, and may be the older "not even" without.
    ("Elles étaient non seulement belles, mais bonnes.", "fr", []),
    ("Les mesures n'étaient pas seulement les meilleures, elles furent aussi parfaites.",
     "fr", []),
    ("Il n'avait pas seulement un sou.", "fr", ["pas"]),
    ("Sie ist nicht nur schön, sondern auch klug.", "de", []),
    ("Diesen Grat gibt es gar nicht, nur eine steile Wand.", "de", ["nicht"]),
    ("È non solo bella, ma anche buona.", "it", []),
    # "sans doute" with a word between: "sans aucun doute", "without a doubt".
    ("Il était, sans aucun doute, le plus habile.", "fr", []),
    ("Il était, sans aucun doute, le plus habile.", None, []),
    ("Sans nul doute il viendra.", "fr", []),
    ("He was, without a doubt, the best.", "en", []),
    ("Peux-tu me prêter cela, rien que cela ?", "fr", []),
    ("Il est le mathématicien, et non pas le poëte.", "fr", ["non"]),
    ("His hotel is not without attendants.", "en", []),
    # "No" the numero sign.
    ("I was in his library, au troisième, No. 33, Rue Dunôt.", "en", []),
    ("They live at No 5, Baker Street.", "en", []),
    # "pas" the noun: a step.
    ("Elles marchaient d’un pas plus court.", "fr", []),
    ("Alice revint sur ses pas.", "fr", []),
    ("Ils avançaient à pas lents.", "fr", []),
    # ... and the same words where they do negate: after the verb "a", unlike "à".
    ("Il n'y a pas de place !", "fr", ["pas"]),
    ("La cote n' a pas encore été publiée .", "fr", ["pas"]),
    ("Il n'a pas d'un coup compris.", "fr", ["pas"]),
    ("Elle ne dit même pas merci.", "fr", ["pas"]),
    ("He left without a word.", "en", ["without"]),
    ("Isn't it fine?", "en", ["Isn't"]),
    ("Il est venu sans son frère.", "fr", ["sans"]),
    ("He did not come, did he?", "en", ["not"]),
    ("There were no 5-star hotels.", "en", ["no"]),
    # "neither … nor", "ni … ni", "ne … point … ni": one negation, however it is spelled.
    ("He eats neither meat nor fish.", "en", ["neither"]),
    ("He did not call, nor did he write.", "en", ["not"]),
    ("Il ne mange ni viande ni poisson.", "fr", ["ni"]),
    ("Les femmes n’ont point de caste ni de race.", "fr", ["ni"]),
    ("Ils n'ont pas de pain, ni de vin.", "fr", ["pas"]),
    # Negative concord: French negates once with several negative words in a clause.
    ("Ils s'entendaient sans rien dire.", "fr", ["sans"]),
    ("Je n'ai jamais rien vu.", "fr", ["jamais"]),
    ("Personne n'a jamais rien dit.", "fr", ["jamais"]),
    ("Il ne dit rien, et jamais il ne revint.", "fr", ["rien", "jamais"]),  # two clauses
    ("Il repartit sans y rien changer.", "fr", ["sans"]),  # "y" here is no Spanish "and"
    ("He never said nothing.", "en", ["never", "nothing"]),  # English counts each
    ("Я никогда ничего не видел.", "ru", ["никогда"]),  # Russian concords too
    ("Он не пришёл, и она не пришла.", "ru", ["не", "не"]),
    # Steps counted, and "no more than" (only).
    ("Douze hommes se placèrent à vingt pas.", "fr", []),
    ("He was no more than a clerk.", "en", []),
    ("There was no more wine.", "en", ["no"]),
    # ... but a "nor" or "ni" far from any other negation is one of its own.
    ("Nor did he ever return.", "en", ["Nor"]),
    ("He did not call on Monday; he came in the evening, nor did he stay long.", "en",
     ["not", "nor"]),
])
def test_negation_words_that_negate_nothing(text, language, negating):
    from align.checks.meaning_shift import negations

    assert [w.text for w in negations(text, language)] == negating


@pytest.mark.parametrize(("text", "other", "negating"), [
    ("Impossible !", "Ce n'est pas possible !", ["Impossible"]),
    ("C'est irrégulier.", "It is not regular.", ["irrégulier"]),
    ("He rushed unceremoniously from the room.", "Il se rua sans plus de cérémonie dehors.",
     ["unceremoniously"]),
    # Not a negative prefix, or no base on the other side: nothing.
    ("It is important.", "C'est important.", []),
    ("It is impossible.", "C'est impossible.", []),
    ("He was unhappy.", "Il n'était pas heureux.", []),
    ("Il est inutile.", "It is not useful.", []),
])
def test_negation_by_a_prefix_whose_base_the_other_side_has(text, other, negating):
    from align.checks.meaning_shift import affix_negations

    assert [w.text for w in affix_negations(text, other)] == negating


def test_negation_by_a_suffix():
    from align.checks.meaning_shift import suffix_negations

    text = "A worthless, endlessly careless man, unless blessed; sinnlos, arbeitslos; los!"
    assert [w.text for w in suffix_negations(text)] == [
        "worthless", "endlessly", "careless", "sinnlos", "arbeitslos"]


@pytest.mark.parametrize(("text", "language", "reversing", "negative_sense"), [
    # Litotes: a negation of a word of negative sense affirms.
    ("Elle ne tarda pas à arriver.", "fr", [], []),
    ("Ce qui n'empêcha pas Alice de la déboucher.", "fr", [], []),
    ("Le major ne se trompait pas dans sa conjecture.", "fr", [], []),
    ("Un tel bruit ne pouvait manquer de frapper les voyageurs.", "fr", [], []),
    ("Il fallait partir pour ne pas oublier la clef.", "fr", [], []),
    ("Il ne put s'empêcher de rire.", "fr", [], []),
    ("Such a noise could not fail to reach them.", "en", [], []),
    ("Alice hesitated no longer.", "en", [], []),
    ("He could not help laughing.", "en", [], []),
    ("Er versäumte es nicht, uns zu schreiben.", "de", [], []),
    # ... but not across a clause, nor where "help" or "s'en empêcher" negate.
    ("J'oubliais que vous n'aimez pas les chats.", "fr", ["pas"], ["J'oubliais"]),
    ("I quite forgot you didn't like cats.", "en", ["didn't"], ["forgot"]),
    ("I can't help it.", "en", ["can't"], []),
    ("Il ne peut pas s'en empêcher.", "fr", ["pas"], []),
    ("Il ne peut pas s' en empêcher.", "fr", ["pas"], []),
    ("L'expédition évitera de rien faire.", "fr", ["rien"], ["évitera"]),
    # A word of negative sense alone may carry the other side's negation.
    ("J'ignorais qu'un chat pût grimacer.", "fr", [], ["J'ignorais"]),
    # Negative yes-no questions invite agreement with the affirmative ...
    ("Ne venais-je pas de concevoir le désir de mourir ?", "fr", [], []),
    ("Won't I tell mama?", "en", [], []),
    ("Had I not told you so?", "en", [], []),
    ("Was he not there?", "en", [], []),
    ("Was he not there?", None, [], []),
    ("Ou ne veux-tu pas venir ?", "fr", [], []),
    ("Sollten sich die Franzosen nicht lieber ein anderes Ziel suchen?", "de", [], []),
    # A statement asked as a question, its subject opening it, asks for confirmation too
    # (Poe's "You did not take to pieces all the chairs?", rendered « Avez-vous démonté
    # toutes les chaises ? »); but not a statement with a tag question after a comma.
    ("You did not take to pieces all the chairs?", "en", [], []),
    ("You don't know him?", "en", [], []),
    ("You never told him?", "en", [], []),
    ("Vous n'avez pas démonté toutes les chaises ?", "fr", [], []),
    ("Tu ne viens pas ?", "fr", [], []),
    ("He did not come, did he?", "en", ["not"], []),
    ("Why you did not come?", "en", ["not"], []),
    ("Pourquoi tu ne viens pas ?", "fr", ["pas"], []),
    ("The minister did not take the chairs?", "en", ["not"], []),
    # ... questions that ask why or how negate, as statements do.
    ("Pourquoi ne pouvais-je jamais plaire ?", "fr", ["jamais"], []),
    ("Why didn't you come?", "en", ["didn't"], []),
    ("Où ne vas-tu pas ?", "fr", ["pas"], []),
    ("Warum kommt er nicht?", "de", ["nicht"], []),
    ("I did not tell you so.", "en", ["not"], []),
    # A negative question with "never", or with its subject after the negation; one that
    # opens with "do", or French "ne" and its inverted verb, also without its question
    # mark; the French negation may stand apart from its inverted verb.
    ("What! would it never be my fate to wander along a bank like this?", "en", [], []),
    ("But could not the cavity be detected by sounding?", "en", [], []),
    ("This beast, friend, is not of home raising, or perhaps from the island?", "en",
     ["not"], []),
    ("And do you not see also, that such nooks are adapted only for ordinary occasions.",
     "en", [], []),
    ("Et ne voyez-vous pas aussi que des cachettes aussi originales sont ordinaires.", "fr",
     [], []),
    ("Quoi donc, n’irai-je jamais au bras d’un homme aimé ?", "fr", [], []),
    ("Ne sentirai-je donc jamais ces baisers ?", "fr", [], []),
    ("Ne serai-je point enlacée par des bras éperdus ?", "fr", [], []),
    # ... but statements negate: an imperative, a conditional, an inversion after an adverb.
    ("Do not go there.", "en", ["not"], []),
    ("Had I not been there, he would have died.", "en", ["not"], []),
    ("Aussi ne put-il pas venir.", "fr", ["pas"], []),
    ("Peut-être ne viendra-t-il pas.", "fr", ["pas"], []),
    # An indirect yes-no question after a verb of looking, trying or asking asks whether:
    # its "ne … pas", "not" hedges ...
    ("Morissot colla sa joue par terre pour écouter si on ne marchait pas dans les environs.",
     "fr", [], []),
    ("Je veux voir si je ne la retrouverai pas.", "fr", [], []),
    ("Je veux voir si je ne la retrouverai pas.", None, [], []),
    ("Let me see if I can't find it.", "en", [], []),
    # ... but a condition, or "si" meaning "so", negates.
    ("Regarde, si tu ne viens pas, je pars.", "fr", ["pas"], []),
    ("Une demande si pressante ne pouvait pas attendre.", "fr", ["pas"], []),
    ("We will go if it does not rain.", "en", ["not"], []),
    # Litotes with the auxiliaries of a compound tense between, and with more words of
    # negative sense: "omit", "despair", and "miss" after a negative quantifier.
    ("We should not have failed to detect it.", "en", [], []),
    ("We should not have failed to detect it.", None, [], []),
    ("We numbered them, so that none might be missed.", "en", [], []),
    ("Pour être sûrs de n'en omettre aucun.", "fr", [], []),
    ("For this reason I did not despair.", "en", [], []),
    # ... but not across a verb that is none ("been known"); "miss" negated by "not" is
    # no litotes, nor does it carry a negation alone; nor is "Miss" the title of negative
    # sense; and "doute" of "sans doute", "doubt" of "beyond doubt" are none either.
    ("The qualities in question have never been known to fail.", "en", ["never"],
     ["fail"]),
    ("It is impossible that Emma should not miss such a companion.", "en", ["not"], []),
    ("I am sure she will miss her.", "en", [], []),
    ("Miss Smith did not come.", "en", ["not"], []),
    ("Ne vous fâchez pas.", "fr", ["pas"], []),
    ("Il viendra sans aucun doute.", "fr", [], []),
    ("He was, beyond doubt, the most skilful.", "en", [], []),
])
def test_negations_that_do_not_turn_the_sentence_round(text, language, reversing,
                                                        negative_sense):
    from align.checks.meaning_shift import polarity

    found = polarity(text, language)
    assert [w.text for w in found.reversing] == reversing
    assert [w.text for w in found.negative_sense] == negative_sense


# -- mechanical -------------------------------------------------------------------------


def test_doubled_word_is_found_with_its_span():
    record = check([("It is my opinion that that we should act.", "Je pense qu'il faut agir.")])
    [finding] = [f for f in record.links[0].findings if f.reason.startswith("doubled")]
    assert finding.spans[0].text == "that that"
    assert finding.spans[0].side == "source"


@pytest.mark.parametrize(("text", "doubled"), [
    ("It is my opinion that\nthat we should act.", ["that"]),  # a wrapped line
    ("1921\tInsurrection de Cronstadt\tCronstadt", []),  # the cells of a table row
    ("Chapitre un : Moscou\n\nMoscou était loin.", []),  # a heading, then a paragraph
    # "that that" is grammar when a verb follows (conjunction, then demonstrative) ...
    ("He said that that was the problem.", []),
    ("I knew that that would fail.", []),
    # ... and a slip before a subject, or at the end.
    ("I think that that we should go.", ["that"]),
    ("He said that that.", ["that"]),
    ("He said that that. Was he right?", ["that"]),
    # Dutch: conjunction, then demonstrative; the verb comes last in the clause.
    ("Hij zei dat dat het probleem was.", []),
])
def test_a_doubled_word_is_one_of_a_sentence(text, doubled):
    from align.checks.mechanical import doubled_words

    assert [word for _, _, word in doubled_words(text)] == doubled


def test_grammatical_doubles_are_not_flagged():
    record = check([("You are wrong.", "Vous vous trompez.")])
    assert not any("doubled" in f.reason for _, f in record.findings())


def test_unbalanced_bracket_on_one_side_only():
    record = check([("He left (for good).", "Il partit (pour de bon.")])
    reasons = [f.reason for f in record.links[0].findings]
    assert any("unbalanced brackets" in r and "translation" in r for r in reasons)


@pytest.mark.parametrize(("text", "unbalanced"), [
    ("He said (quietly.", ["()"]),
    ("He said quietly).", ["()"]),
    # List markers close nothing, also as tokenised corpora write them ("1 )").
    ("a) first, b) second", []),
    ("1 ) erstens , 2 ) zweitens", []),
    # ... but a letter or number inside brackets is not a list marker.
    ("( 1 ) Wie ist die Höhenzahl 7729 m ?", []),
    ("Über Manaslu ( 8125 m ) , Nanga Parbat ( 8125 m ) ,", []),
    # A terminal colour code left in a text is a control sequence, not an open bracket.
    ("The \x1b[31mred\x1b[0m word.", []),
    ("The \x1b[31mred [word.", ["[]"]),
])
def test_brackets_balance(text, unbalanced):
    from align.checks.mechanical import imbalance

    assert imbalance(text) == unbalanced


def test_question_turned_into_statement():
    record = check([("Is he here?", "Il est ici.")])
    [finding] = [f for f in record.links[0].findings if "ends with" in f.reason]
    assert finding.severity == "info"  # questions become exclamations legitimately
    assert "?" in finding.reason and len(finding.spans) == 2
    # French spacing inside quotes still reads as a question.
    record = check([("“Is he here?”", "« Est-il ici ? »")])
    assert not any("ends with" in f.reason for _, f in record.findings())


@pytest.mark.parametrize(("source", "translation"), [
    # Other scripts write the same marks otherwise: full-width, Arabic, Greek.
    ("Let us take a walk in the park!", "我们去公园散步吧！"),
    ("What do you think?", "你觉得怎么样？"),
    ("Are you going?", "「行くの？」"),
    ("Are you well?", "هل أنت بخير؟"),
    ("Who is he?", "Ποιος είναι;"),
])
def test_final_marks_of_other_scripts(source, translation):
    record = check([(source, translation)])
    assert not any("ends with" in f.reason for _, f in record.findings())


def test_a_semicolon_is_a_question_mark_in_greek_only():
    from align.checks.mechanical import final_mark

    assert (final_mark("Ποιος είναι;"), final_mark("He stopped;")) == ("?", ".")


@pytest.mark.parametrize(("text", "mark"), [
    # French sets the mark and the closing guillemet off with no-break spaces (U+00A0),
    # narrow ones (U+202F) or thin spaces (U+2009): the mark is read through them.
    ("« Quel spectacle\u00a0!\u00a0»", "!"),
    ("« Si on y allait\u202f?\u202f»", "?"),
    ("« Viens\u2009!\u2009»", "!"),
    ("« Il fait beau.\u00a0»", "."),
    ("« Attends\u00a0!...\u00a0»", "…"),
    # A scene break, and a text that ends in a letter or a digit, end with no mark.
    ("*", ""), ("* * *", ""), ("***", ""), ("—", ""),
    ("Chapter 1", ""), ("Chapitre 1.", "."), ("Il dit :", "."),
])
def test_final_mark_through_no_break_spaces_and_without_a_mark(text, mark):
    from align.checks.mechanical import final_mark

    assert final_mark(text) == mark


def test_french_dialogue_scene_breaks_and_headings_keep_their_final_marks():
    record = check([
        ("« Quel spectacle\u00a0!\u00a0»", "“What a sight!”"),
        ("« C’est dur, hein\u202f?\u202f»", "“It’s hard, isn’t it?”"),
        ("*", "* * *"),
        ("*", "“Oh!”"),  # a scene break has no sentence end to compare
        ("Chapitre 1.", "Chapter 1"),
    ])
    assert not any("ends with" in f.reason for _, f in record.findings())
    # A mark on one side against none on the other is still worth a look, said as it is.
    record = check([("Delete the file?", "Supprimer le fichier"),
                    ("Chapitre 1", "Chapter 1!")])
    found = [(i, f.reason) for i, f in record.findings() if "ends with" in f.reason]
    assert found == [
        (0, "the source ends with ? but the translation without a final mark"),
        (1, "the source ends without a final mark but the translation with !"),
    ]


def test_a_speech_tag_after_the_quotation_on_one_side_only_keeps_its_mark():
    # Deux Amis: the French tag comes before the question, the English one after it.
    record = check([
        ("M. Sauvage demanda\u00a0: «\u00a0Quand y retournerons-nous\u00a0?\u00a0»",
         "“When shall we be able to fish again?” asked Monsieur Sauvage."),
        ("“Fire!” he cried.", "Il cria\u00a0: «\u00a0Feu\u00a0!\u00a0»"),
    ])
    assert not any("ends with" in f.reason for _, f in record.findings())
    # A mark changed after the tag, or a question lost after a quotation, is still found.
    record = check([
        ("“Come!” he said.", "« Viens ! » dit-il !"),
        ("Il demanda « Quoi ? » et pourquoi ?", "He asked “What?” and why."),
    ])
    found = [(i, f.reason) for i, f in record.findings() if "ends with" in f.reason]
    assert found == [(0, "the source ends with . but the translation with !"),
                     (1, "the source ends with ? but the translation with .")]


def test_short_strings_of_a_file_are_checked_for_consistency_too():
    """A one-word string translated two ways is worth a look in a file of strings (info:
    "Open" may be a verb here and a state there); in running text short sentences vary."""
    pairs = [("Save", "Enregistrer"), ("Open", "Ouvrir"), ("Save", "Sauvegarder"),
             ("Close", "Fermer"), ("Shut", "Fermer")]
    record = check(pairs)
    found = [(i, f.severity, f.reason) for i, f in record.findings() if f.kind == "mechanical"]
    assert found == [
        (2, "info", "the same source sentence is translated differently in link 1: Enregistrer"),
        (4, "info", "the same translation is given to a different source sentence in link 4: "
                    "Close"),
    ]
    assert not [f for _, f in check(pairs, aligned=True).findings() if f.kind == "mechanical"]


def test_inconsistent_possessive_spelling():
    record = check([
        ("le mouvement ouvrier", "the workers’ movement"),
        ("du mouvement ouvrier", "of the worker’s movement"),
        ("its", "it's"),
    ])
    spelled = [f for _, f in record.findings() if "inconsistent spelling" in f.reason]
    assert len(spelled) == 1
    assert spelled[0].spans[0].text == "worker’s"


def test_words_that_meet_only_once_their_accents_are_folded_are_not_one_spelling():
    # «il parla» (he spoke) and «par-là» (that way) are two words, not parla written two
    # ways: the accent tells them apart before the hyphen is looked at.
    record = check([
        ("Il parla longtemps.", "He spoke for a long time."),
        ("Passez par-là.", "Go that way."),
        ("Par-là, dit-il.", "That way, he said."),
    ])
    assert not [f for _, f in record.findings() if "inconsistent spelling" in f.reason]


def test_an_inconsistent_spelling_is_quoted_as_the_text_writes_it():
    record = check([
        ("Ma grand’mère dort.", "My grandmother sleeps."),
        ("Sa grand’mère chante.", "His grandmother sings."),
        ("La grand-mère rit.", "The grandmother laughs."),
        ("To-morrow, then.", "Demain, alors."),
        ("To-morrow we go.", "Demain nous partons."),
        ("We go tomorrow.", "Nous partons demain."),
    ])
    found = sorted((i, f.severity, f.reason) for i, f in record.findings()
                   if "inconsistent spelling" in f.reason)
    assert found == [
        (2, "info", "inconsistent spelling in the source: grand-mère here, "
                    "grand’mère elsewhere"),
        (5, "info", "inconsistent spelling in the source: tomorrow here, "
                    "To-morrow elsewhere"),
    ]


def test_apostrophe_of_the_other_kind_where_the_translation_has_a_habit():
    # The reference letter's English writes «can’t» and «don’t» but «I'm».
    record = check([
        ("Je ne peux pas.", "I can’t."),
        ("Ne le faites pas.", "Don’t do it."),
        ("Je suis prêt.", "I'm ready."),
        # Single quotation marks, not apostrophes:
        ("« Les ouvriers », dit-il.", "'The workers,' he said."),
    ])
    found = [(i, f.severity, f.spans[0].text) for i, f in record.findings()
             if "apostrophe" in f.reason]
    assert found == [(2, "minor", "'")]
    assert "«I'm»" in record.links[2].findings[0].reason
    span = record.links[2].findings[0].spans[0]
    assert document_text(record.translation)[span.start:span.end] == "'"


def test_apostrophes_mixed_evenly_or_in_the_source_only_are_left_alone():
    # Half and half is a text assembled from two sources, not one slip; the source's
    # typography is not the translation's to fix.
    assert not [f for _, f in check([("a", "I can’t."), ("b", "I'm here.")]).findings()
                if "apostrophe" in f.reason]
    assert not [f for _, f in check([("l’eau", "water"), ("l’air", "air"),
                                     ("l'été", "summer")]).findings()
                if "apostrophe" in f.reason]


def test_repeated_source_sentence_translated_two_ways():
    record = check([
        ("Long live the revolution!", "Vive la révolution !"),
        ("Long live the revolution!", "Vive la révolution !"),
        ("Long live the revolution!", "Que vive la révolte !"),
    ])
    flagged = [i for i, f in record.findings() if "translated differently" in f.reason]
    assert flagged == [2]


def test_one_translation_reused_for_a_changed_source_sentence():
    """A translation-memory match reused without its change: the sources are a word apart
    and the translation is the same (minor); two phrasings that one translation fits are
    only info."""
    file_fr = "Supprimer le fichier sélectionné de la liste."
    record = check([
        ("Delete the selected file from the list.", file_fr),
        ("Delete the selected folder from the list.", file_fr),
        ("Not a bit, said the Caterpillar.", "Pas du tout, dit la Chenille."),
        ("It isn't, said the Caterpillar.", "Pas du tout, dit la Chenille."),
        ("Delete the selected file from the list.", file_fr),
    ])
    reused = [(i, f.severity) for i, f in record.findings() if "same translation" in f.reason]
    assert reused == [(1, "minor"), (3, "info")]
    [finding] = [f for f in record.links[1].findings if "same translation" in f.reason]
    assert {s.side for s in finding.spans} == {"source", "translation"}
    assert "link 1" in finding.reason


def test_a_trailing_space_on_one_side_of_a_string_is_flagged():
    """Software strings are joined by their spaces: "Name: " + value."""
    record = check([
        ("Name: ", "Nom :"),
        (" items selected", " éléments sélectionnés"),
        ("Open the  file.", "Ouvrir le  fichier."),
        ("Open the file.", "Ouvrir le  fichier."),
    ])
    spaces = [(i, f.severity, f.reason, [(s.side, s.text) for s in f.spans])
              for i, f in record.findings() if "space" in f.reason]
    assert spaces == [
        (0, "minor", "the source ends with a space and the translation does not",
         [("source", " ")]),
        (3, "info", "double space in the translation", [("translation", "  ")]),
    ]


# -- untranslated, length, glossary --------------------------------------------------------


def test_identical_translation_is_untranslated():
    record = check([("The meeting starts at noon today.", "The meeting starts at noon today.")])
    assert kinds(record, 0).get("untranslated") == "major"


def test_a_copy_is_found_whatever_its_case_but_not_a_word_given_its_accents():
    """"Préférences" for "Preferences" is the French word, typed with its accents; the
    same text in other capitals is still a copy."""
    record = check([("Preferences", "Préférences"), ("Show Preferences", "show preferences")])
    assert "untranslated" not in kinds(record, 0)
    assert kinds(record, 1).get("untranslated") == "minor"  # two words of running text


def test_glossary_term_without_required_translation(tmp_path):
    from align.checks import read_glossary

    path = tmp_path / "terms.tsv"
    path.write_text("# term\ttranslation\nworkers' movement\tmouvement ouvrier\n", "utf-8")
    terms = read_glossary(path)
    assert terms == [("workers' movement", "mouvement ouvrier")]
    record = check([
        ("The workers' movement grew.", "Le mouvement des travailleurs grandit."),
        ("The workers' movement grew.", "Le mouvement ouvrier grandit."),
    ], glossary=terms)
    assert [i for i, f in record.findings() if f.kind == "glossary"] == [0]


TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
 <text><body>
  <termEntry id="c1">
   <langSet xml:lang="en-GB"><tig><term>trade union</term></tig></langSet>
   <langSet xml:lang="fr-FR">
    <tig><term>syndicat</term>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>trade-union</term>
     <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
   </langSet>
   <langSet xml:lang="de"><tig><term>Gewerkschaft</term></tig></langSet>
  </termEntry>
  <termEntry id="c2">
   <langSet xml:lang="en"><tig><term>Workers' Party</term></tig></langSet>
   <langSet xml:lang="fr"><tig><term>Parti ouvrier</term></tig></langSet>
  </termEntry>
  <termEntry id="c3"><langSet xml:lang="en"><tig><term>alone</term></tig></langSet></termEntry>
 </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en"><termSec><term>trade union</term></termSec></langSec>
   <langSec xml:lang="fr">
    <termSec><term>syndicat</term></termSec>
    <termSec><term>trade-union</term>
     <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def test_tbx_termbase_gives_required_and_deprecated_terms_for_the_texts_languages(tmp_path):
    from align.checks import read_glossary

    path = tmp_path / "terms.tbx"
    path.write_text(TBX2, "utf-8")
    termbase = read_glossary(path)
    assert termbase.languages == ["de", "en", "fr"]  # regional subtags read as the language
    terms = termbase.resolve("en", "fr")
    assert sorted(terms.required) == [("Workers' Party", "Parti ouvrier"),
                                      ("trade union", "syndicat")]
    assert terms.forbidden == [("trade union", "trade-union")]
    assert termbase.resolve("fr", "de").required == [("syndicat", "Gewerkschaft"),
                                                     ("trade-union", "Gewerkschaft")]
    record = pairs_alignment([
        ("The trade union met.", "Le syndicat s'est réuni."),
        ("The trade union met.", "Le trade-union s'est réuni."),
        ("The trade unions met.", "Les délégués se sont réunis."),
        ("The Workers' Party grew.", "Le Parti ouvrier grandit."),
    ], languages=("en", "fr"))
    check_alignment(record, glossary=termbase)
    found = [[f.reason for f in l.findings if f.kind == "glossary"] for l in record.links]
    assert found == [
        [],
        ["glossary: 'trade union' is translated as 'trade-union', a term marked deprecated; "
         "use 'syndicat'"],
        ["glossary: 'trade union' should be translated as 'syndicat'"],
        [],
    ]
    assert [s.text for s in record.links[1].findings[0].spans] == ["trade union", "trade-union"]
    with pytest.raises(InputError, match="de, en, fr, not in both languages of the texts"):
        check_alignment(pairs_alignment([("Hola.", "Ciao.")], languages=("es", "it")),
                        glossary=termbase)

    path.write_text(TBX3, "utf-8")
    assert read_glossary(path).resolve("en", "fr").forbidden == [("trade union", "trade-union")]
    path.write_text("<martif><text><body>", "utf-8")
    with pytest.raises(InputError, match="not well-formed TBX"):
        read_glossary(path)


def test_glossary_errors_are_one_line(tmp_path):
    from align.checks import read_glossary

    path = tmp_path / "bad.tsv"
    path.write_text("no tab here\n", "utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_glossary(path)
    with pytest.raises(InputError, match="does not exist"):
        read_glossary(tmp_path / "missing.tsv")


def test_length_far_from_the_document_ratio():
    pairs = [(f"Sentence number {w} is here.", f"La phrase numéro {w} est là.")
             for w in "one two three four five six seven eight nine ten".split()]
    pairs.append(("Short.", "Une traduction beaucoup trop longue qui raconte bien d'autres "
                            "choses que la source, longuement, sans fin, encore et encore."))
    record = check(pairs)
    assert [i for i, f in record.findings() if f.kind == "length"] == [10]


def test_text_kept_as_it_is_does_not_set_the_documents_scale():
    # A help page: faithful French prose, and commands and settings that stay as written.
    # The copies' length ratio of 1 and cosine of 1 are no measure of the translations:
    # with them in the document's statistics, 7 of these 10 faithful links scored as
    # divergent as a dropped sentence (≥ 0.5), against 1 without them.
    prose = [
        ("Press the button to save your changes.",
         "Appuyez sur le bouton pour enregistrer vos modifications."),
        ("The program starts when the computer boots.",
         "Le programme démarre au démarrage de l'ordinateur."),
        ("You can change this setting at any time.",
         "Vous pouvez modifier ce réglage à tout moment."),
        ("All changes are saved in a separate catalog.",
         "Toutes les modifications sont enregistrées dans un catalogue distinct."),
        ("Close the window before you install the update.",
         "Fermez la fenêtre avant d'installer la mise à jour."),
        ("The log file grows by a few lines every day.",
         "Le fichier journal s'allonge de quelques lignes chaque jour."),
        ("Ask your administrator for a new password.",
         "Demandez un nouveau mot de passe à votre administrateur."),
        ("The backup runs every night at two.",
         "La sauvegarde s'exécute chaque nuit à deux heures."),
        ("Old versions are removed after a month.",
         "Les anciennes versions sont supprimées au bout d'un mois."),
        ("This feature is not available on older systems.",
         "Cette fonction n'est pas disponible sur les systèmes plus anciens."),
    ]
    kept = ["pip install --upgrade mytool", "mytool init --force", "max_file_size",
            "log_level = debug", "export PATH=$HOME/bin:$PATH", "cd /opt/mytool",
            "mytool status --verbose", "config = load('settings.ini')", "run(config)",
            "timeout = 30", "retries = 5", "def main():"]
    alone = [link.divergence for link in check(prose).links]
    mixed = check(prose + [(k, k) for k in kept]).links
    assert [link.divergence for link in mixed[:10]] == pytest.approx(alone, abs=1e-6)
    # A copy is as long as it should be: no length deviation adds to its divergence.
    assert all(link.divergence < 0.5 for link in mixed[10:] if not link.findings)


# -- summary, ordering, exit decision ---------------------------------------------------------


def test_empty_sides_are_whole_omissions_and_additions():
    pairs = [
        ("This whole sentence was never translated at all.", ""),
        ("", "Cette phrase a été ajoutée par le traducteur."),
    ]
    record = check(pairs, aligned=True)
    assert kinds(record, 0) == {"omission": "major"}
    assert kinds(record, 1) == {"addition": "major"}
    assert [l.divergence for l in record.links] == [1.0, 1.0]
    # In a file of pairs, the empty string is one nobody translated yet.
    assert kinds(check(pairs), 0) == {"untranslated": "major"}


def test_worst_first_fail_on_and_ignore():
    pairs = [("Is he here?", "Il est ici."), ("Serge wrote in 1936.", "Serge écrivit en 1963.")]
    record = check(pairs)
    assert worst_first(record)[0][1].severity == "major"
    assert fails(record, "major") and fails(record, "minor") and fails(record, "number")
    assert not fails(record, "critical") and not fails(record, "name")
    quiet = check(pairs, ignore=("number",))
    assert not fails(quiet, "number") and not fails(quiet, "major")
    summary = summarise(record)
    assert summary["by_kind"]["number"] == 1
    assert 0.0 <= summary["agreement"] <= 1.0
    with pytest.raises(UsageError):
        fails(record, "catastrophic")
    with pytest.raises(UsageError):
        check(pairs, ignore=("typo",))


def test_fail_on_a_kind_at_a_severity():
    """``KIND:SEVERITY``: the question turned statement is a mechanical finding at *info*,
    the changed year a number at *major*."""
    record = check([("Is he here?", "Il est ici."), ("Serge wrote in 1936.",
                                                      "Serge écrivit en 1963.")])
    found = {(f.kind, f.severity) for _, f in record.findings()}
    assert ("mechanical", "info") in found and ("number", "major") in found
    assert fails(record, "mechanical") and not fails(record, "mechanical:minor")
    assert fails(record, "number:major") and not fails(record, "number:critical")
    for wrong in ("number:huge", "typo:major", "major:number"):
        with pytest.raises(UsageError):
            fails(record, wrong)


def test_report_lists_findings_worst_first_with_both_sides():
    from rich.console import Console

    from align.checks.report import print_report, report_dict

    record = check(
        [("Is he here?", "Il est ici."), ("Serge wrote in 1936.", "Serge écrivit en 1963.")]
    )
    report = report_dict(record)
    assert report["findings"][0]["kind"] == "number"
    assert report["findings"][0]["translation"] == "Serge écrivit en 1963."
    assert report["summary"]["by_severity"]["major"] == 1
    console = Console(record=True, width=120)
    print_report(record, console)
    shown = console.export_text()
    assert shown.index("1963") < shown.index("Il est ici.")
    assert "number 1936 in the source is 1963 in the translation" in shown


def test_names_and_numbers_alone_are_not_untranslated():
    record = check([("Victor Serge 1936", "Victor Serge 1936")])
    assert kinds(record, 0) == {"untranslated": "info"}


def test_a_quotation_already_in_the_translation_language_is_not_untranslated():
    """Poe quotes Crébillon in French: Baudelaire keeps the line, which is right; an
    English line copied into the French translation is not."""
    pairs = [
        ("The minister came to see me yesterday morning.",
         "Le ministre est venu me voir hier matin."),
        ("He quoted a line of Crébillon.", "Il cita un vers de Crébillon."),
        ("S'il n'est digne d'Atrée, est digne de Thyeste.",
         "S'il n'est digne d'Atrée, est digne de Thyeste."),
        ("The letter was in the drawer of the old desk.",
         "The letter was in the drawer of the old desk."),
        ("Then he left the house without a word.", "Puis il quitta la maison sans un mot."),
    ]
    record = check(pairs)
    assert "untranslated" not in kinds(record, 2)
    assert kinds(record, 3) == {"untranslated": "major"}


# -- placeholders and tags ----------------------------------------------------------------


def _placeholder_findings(record, i):
    return [f for f in record.links[i].findings if f.reason.startswith("placeholders")]


@pytest.mark.parametrize(
    ("source", "translation", "reason"),
    [
        ("%d files deleted", "fichiers supprimés", "%d of the source missing from the "
                                                   "translation"),
        ("Hello {name}!", "Bonjour {nom} !",
         "{name} of the source missing from the translation; {nom} in the translation only"),
        ("Hello %s", "Bonjour %d", "%s of the source missing from the translation; %d in "
                                   "the translation only"),
        ("Click <b>here</b>", "Cliquez <b>ici", "</b> of the source missing from the "
                                                "translation"),
        ("Welcome", "Bienvenue {{ user }}", "{{user}} in the translation only"),
        # A broken escape: String.format throws on the lone "%", C leaves it undefined.
        ("Battery at %d%%", "Batterie à %d%", "%% of the source missing from the "
                                              "translation; % in the translation only"),
        ("%(done)d%% done", "%(done)d % fait", "%% of the source missing from the "
                                               "translation; % in the translation only"),
    ],
)
def test_a_lost_or_changed_placeholder_is_a_major_finding(source, translation, reason):
    record = check([(source, translation)])
    (finding,) = _placeholder_findings(record, 0)
    assert finding.kind == "mechanical" and finding.severity == "major"
    assert finding.reason == "placeholders or tags differ: " + reason
    source_text, translation_text = document_text(record.source), document_text(record.translation)
    for span in finding.spans:  # the spans are the placeholders that differ
        text = source_text if span.side == "source" else translation_text
        assert text[span.start : span.end] == span.text
        assert span.text.replace(" ", "") in reason


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("%1$s sent %2$s", "%2$s envoyé par %1$s"),  # reordered: fine
        ("{count} new messages for {user}", "{user} : {count} nouveaux messages"),
        ('See <a href="/en/help">help</a>', 'Voir <a href="/fr/aide">l\'aide</a>'),
        ("50% of the men", "50 % des hommes"),  # prose: no placeholder
        ("It costs $5 a day.", "Cela coûte 5 dollars par jour."),
        ("Value: %.2f%%", "Valeur : %.2f%%"),
        ("Battery at %d%%", "Batterie à %d %%"),
        # A percent sign in a string without printf placeholders is text, not an escape.
        ("Disk 25% full", "Disque plein à 25 %"),
        ("{count} files, 25% done", "{count} fichiers, 25 % faits"),
    ],
)
def test_placeholders_kept_in_any_order_are_not_flagged(source, translation):
    assert _placeholder_findings(check([(source, translation)]), 0) == []


def test_a_changed_web_or_mail_address_is_a_minor_finding():
    record = check([
        ("Write to nin@poum.org.", "Écris à nin@poum.es."),
        ("See https://marxists.org/archive/serge.", "Voir https://marxists.org/archive/serge."),
        ("See www.example.org/en/help.", "Voir WWW.EXAMPLE.ORG/en/help."),  # case is no change
    ])
    (changed,) = [f for f in record.links[0].findings if f.reason.startswith("web")]
    assert changed.severity == "minor"
    assert changed.reason == ("web or e-mail addresses differ: nin@poum.org of the source "
                              "missing from the translation; nin@poum.es in the translation "
                              "only")
    assert [s.text for s in changed.spans] == ["nin@poum.org", "nin@poum.es"]
    assert not [f for i in (1, 2) for f in record.links[i].findings
                if f.reason.startswith("web")]


def test_digits_of_placeholders_and_addresses_are_not_numbers():
    record = check([
        ("{0} files in %1$s", "fichiers dans %1$s"),
        ("See https://example.org/2024/05/notes.", "Voir https://example.org/2025/05/notes."),
    ])
    assert kinds(record, 0) == {"mechanical": "major"}  # the placeholder, not a number "0"
    assert kinds(record, 1) == {"mechanical": "minor"}  # the address, not a year


def test_a_termbase_without_the_texts_languages_fails_before_the_model_runs(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app
    from align.errors import EXIT_INPUT

    termbase = tmp_path / "terms.tbx"
    termbase.write_text(TBX2.replace('"fr-FR"', '"es"').replace('"fr"', '"es"'), "utf-8")
    source, translation = tmp_path / "fr.txt", tmp_path / "en.txt"
    source.write_text("Les camarades du syndicat sont arrivés hier soir à la gare.\n", "utf-8")
    translation.write_text("The comrades of the union arrived at the station last night.\n",
                           "utf-8")
    result = CliRunner().invoke(app, ["check", str(source), str(translation), "--glossary",
                                      str(termbase), "--model", str(tmp_path / "no-model")])
    # The model path does not exist: reaching the model would fail otherwise.
    assert result.exit_code == EXIT_INPUT, result.output
    assert "holds terms in de, en, es, not in both languages of the texts (fr → en)" in (
        result.output)


def test_a_termbase_without_the_pairs_languages_fails_before_the_model_runs(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app
    from align.errors import EXIT_INPUT

    termbase = tmp_path / "terms.tbx"
    termbase.write_text(TBX2.replace('"fr-FR"', '"es"').replace('"fr"', '"es"'), "utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Les camarades du syndicat sont arrivés hier soir à la gare.\t"
                     "The comrades of the union arrived at the station last night.\n", "utf-8")
    result = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--glossary",
                                      str(termbase), "--model", str(tmp_path / "no-model")])
    # As with two texts: the missing model would fail otherwise, after the languages.
    assert result.exit_code == EXIT_INPUT, result.output
    assert "holds terms in de, en, es, not in both languages of the texts (fr → en)" in (
        result.output)


def test_a_baseline_sets_aside_accepted_findings_wherever_their_link_moved(tmp_path):
    import json

    from align.checks.baseline import apply_baseline, read_baseline
    from align.outputs import write_outputs

    pairs = [
        ("Serge wrote in 1936.", "Serge écrivit en 1963."),
        ("He wrote that that day.", "Il écrivit ce jour-là."),
        ("It was a long letter.", "C'était une longue lettre."),
    ]
    first = check(pairs)
    assert sum(len(l.findings) for l in first.links) >= 1
    accepted = tmp_path / "accepted.json"
    write_outputs(first, [accepted])
    # Later: a line added before them, and a new defect in the last link.
    later = check([("A new first line.", "Une nouvelle première ligne.")] + pairs[:2]
                  + [("It was a long letter of 1937.", "C'était une longue lettre de 1938.")])
    before = sum(len(l.findings) for l in later.links)
    dropped = apply_baseline(later, read_baseline(accepted), "accepted.json")
    assert dropped == sum(len(l.findings) for l in first.links)
    left = [(i, f.kind) for i, f in later.findings()]
    assert left == [(3, "number")] and before == dropped + 1
    assert later.signature["baseline"] == {"file": "accepted.json", "accepted": dropped}

    # A finding deleted from the baseline counts again.
    data = json.loads(accepted.read_text("utf-8"))
    data["links"][0]["findings"] = []
    accepted.write_text(json.dumps(data), "utf-8")
    again = check(pairs)
    assert apply_baseline(again, read_baseline(accepted)) == dropped - len(first.links[0].findings)
    assert [i for i, _ in again.findings()] == [0] * len(first.links[0].findings)


# -- the project's own rules --------------------------------------------------------------


def test_rules_require_forbid_and_carry_the_source_match_over(tmp_path):
    from align.checks import read_rules

    path = tmp_path / "rules.tsv"
    path.write_text(
        "# source pattern, translation pattern, message, severity\n"
        "\\b(\\d+) ?%\t\\1\\s?%\tthe percentage differs\tmajor\n"
        "\t![^\\u00a0\\u202f][;:!?]\tordinary space before ; : ! ?\tinfo\n"
        "(?i)\\bcomrades?\\b\t(?i)\\bcamarades?\\b\tcomrade is camarade\n", "utf-8")
    rules = read_rules(path)
    record = check([
        ("Prices rose 25% in 1936.", "Les prix augmentèrent de 25\u00a0% en 1936."),
        ("Prices rose 25% in 1936.", "Les prix augmentèrent de 52\u00a0% en 1936."),
        ("Comrades, listen: now!", "Camarades, écoutez\u00a0: maintenant\u00a0!"),
        ("Comrades, listen: now!", "Amis, écoutez : maintenant !"),
    ], rules=rules, ignore=("number", "mechanical", "name"), aligned=True)
    found = [[(f.severity, f.reason) for f in l.findings if f.kind == "rule"]
             for l in record.links]
    assert found == [
        [],
        [("major", "the percentage differs")],  # 25 % must be 25 %, not 52 %
        [],
        [("minor", "comrade is camarade"),  # worst first
         ("info", "ordinary space before ; : ! ?: «:»")],  # once per rule and link
    ]
    spans = record.links[1].findings[0].spans
    assert spans[0].text == "25%" and spans[1].side == "translation"


@pytest.mark.parametrize(("line", "message"), [
    ("a(\tb\tmessage", "line 2: not a regular expression"),
    ("a\tb\tmessage\tsevere", "line 2: severity 'severe' is not one of"),
    ("a\tb", "line 2: expected 'source pattern<TAB>translation pattern"),
])
def test_a_rules_file_that_cannot_be_used_names_its_line(tmp_path, line, message):
    from align.checks import read_rules

    path = tmp_path / "rules.tsv"
    path.write_text(f"# comment\n{line}\n", "utf-8")
    with pytest.raises(InputError, match=message):
        read_rules(path)


def test_glossary_terms_match_whole_words_and_their_inflections():
    """``mail`` is not in ``mailbox`` nor ``pen`` in ``pending``; ``library`` is in
    ``libraries``, and ``canal`` accepts its plural ``canaux``."""
    terms = [("mail", "courrier"), ("pen", "stylo"), ("channel", "canal"),
             ("library", "bibliothèque")]
    record = pairs_alignment([
        ("Open the mailbox.", "Ouvrez la boîte aux lettres."),
        ("Show the pending items.", "Afficher les éléments en attente."),
        ("The channels are busy.", "Les canaux sont occupés."),
        ("The libraries are closed.", "Les bibliothèques sont fermées."),
        ("The libraries are closed.", "Les médiathèques sont fermées."),
        ("Your mail has arrived.", "Votre message est arrivé."),
    ], languages=("en", "fr"))
    check_alignment(record, glossary=terms)
    found = [[f.reason for f in link.findings if f.kind == "glossary"] for link in record.links]
    assert found == [
        [], [], [], [],
        ["glossary: 'library' should be translated as 'bibliothèque'"],
        ["glossary: 'mail' should be translated as 'courrier'"],
    ]


@pytest.mark.parametrize(("line", "message"), [
    ("(\\d+) pages\t\\2 pages\tpage count", r"line 2: \\2 refers to a group the source "
     r"pattern does not have \(it has 1 group\)"),
    ("(?P<count>\\d+) pages\t\\g<total> pages\tpage count",
     r"line 2: \\g<total> refers to a group .* \(it has 1 group: count\)"),
    ("pages\t\\1 pages\tpage count", r"line 2: \\1 refers to a group .* \(it has 0 groups\)"),
])
def test_a_rule_that_refers_to_a_group_its_source_lacks_names_its_line(tmp_path, line, message):
    from align.checks import read_rules

    path = tmp_path / "rules.tsv"
    path.write_text(f"# comment\n{line}\n", "utf-8")
    with pytest.raises(InputError, match=message):
        read_rules(path)


def test_a_rule_carries_a_named_group_over_and_keeps_its_own_backreferences(tmp_path):
    from align.checks import read_rules

    path = tmp_path / "rules.tsv"
    path.write_text("(?P<count>\\d+) pages\t\\g<count> pages\tpage count\n"
                    "\t!\\b(\\w+) \\1\\b\tdoubled word\n", "utf-8")
    record = check([("Read 12 pages.", "Lisez 12 pages."), ("Read 12 pages.", "Lisez 21 pages."),
                    ("Read it.", "Lisez le le texte.")],
                   rules=read_rules(path), ignore=("number", "mechanical"), aligned=True)
    assert [[f.reason for f in link.findings if f.kind == "rule"] for link in record.links] == [
        [], ["page count"], ["doubled word: «le le»"]]


def test_icu_plural_and_select_messages_are_markup_around_text_to_translate():
    record = check([
        # Correct: the keywords and selectors kept, the branches translated, French adding
        # an =0 branch of its own.
        ("{count, plural, one{# file} other{# files}}",
         "{count, plural, =0{Aucun fichier} one{# fichier} other{# fichiers}}"),
        ("{gender, select, male{he} female{she} other{they}}",
         "{gender, select, male{il} female{elle} other{ils}}"),
        # Wrong: the argument renamed; a placeholder of the branches lost.
        ("{count, plural, one{# folder} other{# folders}}",
         "{nombre, plural, one{# dossier} other{# dossiers}}"),
        ("{count, plural, one{# file in {folder}} other{# files in {folder}}}",
         "{count, plural, one{# fichier} other{# fichiers}}"),
    ])
    for i in (0, 1):  # nothing read as English words, no branch taken for a placeholder
        assert not [f for f in record.links[i].findings if f.severity in ("minor", "major")], i
    renamed = [f for f in record.links[2].findings if f.kind == "mechanical"]
    assert [f.severity for f in renamed] == ["major"] and "{count,plural}" in renamed[0].reason
    lost = [f for f in record.links[3].findings if f.kind == "mechanical"]
    assert [f.severity for f in lost] == ["major"] and "{folder}" in lost[0].reason


def test_an_icu_argument_without_its_other_branch_is_a_major_finding():
    """ICU requires ``other``: a plural or select without it fails to format."""
    record = check([
        ("{count, plural, one {# file selected} other {# files selected}}",
         "{count, plural, one {# fichier sélectionné}}"),
        ("{gender, select, male {He replied} other {They replied}}",
         "{gender, select, male {Il a répondu} female {Elle a répondu}}"),
        # The source without it too: not the translation's doing.
        ("{count, plural, one {# file}}", "{count, plural, one {# fichier}}"),
        ("{count, plural, =0 {No file} other {# files}}",
         "{count, plural, =0 {Aucun fichier} one {# fichier} other {# fichiers}}"),
    ])
    found = [(i, f.severity, f.reason, [s.text for s in f.spans])
             for i, f in record.findings() if "ICU" in f.reason]
    assert found == [
        (0, "major", "ICU argument {count,plural} without its other branch, which ICU "
                     "requires (the source's has one): the translation has only one",
         ["{count, plural,"]),
        (1, "major", "ICU argument {gender,select} without its other branch, which ICU "
                     "requires (the source's has one): the translation has only male female",
         ["{gender, select,"]),
    ]


def test_line_breaks_that_differ_in_strings_are_a_minor_finding():
    """A string's line breaks are the lines the program shows (pofilter's ``newlines``);
    a TSV file writes them as the escape ``\\n``.  In running text they are wrapping."""
    pairs = [
        ("Connection lost.\nPlease check your network.",
         "Connexion perdue. Vérifiez votre réseau."),
        ("First line\\nSecond line", "Première ligne Deuxième ligne"),
        ("Saved.", "Enregistré.\nVous pouvez fermer."),
        ("First line\nSecond line", "Première ligne\\nDeuxième ligne"),  # one each
        ("A tab\tand no break", "Une tabulation\tet aucun saut"),
    ]
    found = [(i, f.severity, f.reason) for i, f in check(pairs).findings()
             if "line breaks" in f.reason]
    assert found == [
        (0, "minor", "line breaks differ: 1 in the source, 0 in the translation"),
        (1, "minor", "line breaks differ: 1 in the source, 0 in the translation"),
        (2, "minor", "line breaks differ: 0 in the source, 1 in the translation"),
    ]
    assert not [f for _, f in check(pairs, aligned=True).findings()
                if "line breaks" in f.reason]


@pytest.mark.parametrize(("source", "translation", "reversed_answer"), [
    ("— Oui.", "“No.”", "the answer is reversed: «Oui» in the source, «No» in the translation"),
    ("Non, monsieur, je reste.", "Yes, sir, I am staying.",
     "the answer is reversed: «Non» in the source, «Yes» in the translation"),
    ("— Non, monsieur.", "“No, sir.”", None),
    ("Oui.", "Yes.", None),
    # Not answers: "No one", Spanish "No entiendo", French "Si" (if).
    ("Personne n'est venu.", "No one came.", None),
    ("Oui, je comprends.", "No entiendo nada.", None),
    ("Si tu viens, oui.", "No, if you come.", None),
])
def test_a_yes_rendered_as_a_no_is_a_meaning_shift(source, translation, reversed_answer):
    record = check([(source, translation)])
    found = [f.reason for f in record.links[0].findings if f.reason.startswith("the answer")]
    assert found == ([reversed_answer] if reversed_answer else [])


def test_a_number_written_more_times_on_one_side_says_so():
    # The dividend sentence repeated in the translation: 0.32 is in the source, once.
    record = check([("Os acionistas receberão um dividendo de 0,32 € por ação.",
                     "Shareholders will receive a dividend of €0.32 per share. "
                     "Shareholders will receive a dividend of €0.32 per share.")])
    reasons = [f.reason for f in record.links[0].findings if f.kind == "number"]
    assert reasons == ["number 0.32 occurs twice in the translation, once in the source"]
    # Two copies more: one finding, pointing at both.
    record = check([("Dividendo de 0,32 €.", "Dividend €0.32. Dividend €0.32. Dividend €0.32.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "number"]
    assert finding.reason == "number 0.32 occurs 3 times in the translation, once in the source"
    assert [s.text for s in finding.spans] == ["0.32", "0.32"]
    # Counted by value, however written: 5 and 5,0 are one number, said three times.
    record = check([("Er kaufte 5 Äpfel, 5,0 kg Mehl und 5 Eier.", "He bought 5 apples.")])
    [finding] = [f for f in record.links[0].findings if f.kind == "number"]
    assert finding.reason == "number 5,0 occurs 3 times in the source, once in the translation"
    assert sorted(s.text for s in finding.spans) == ["5", "5,0"]
    # Two numbers that only may read alike (2,500 and 2.5) are two findings.
    record = check([("About 2,500 people walked 2.5 km.", "Des gens ont marché.")])
    assert sorted(f.reason for f in record.links[0].findings if f.kind == "number") == [
        "number 2,500 in the source is missing from the translation",
        "number 2.5 in the source is missing from the translation"]
    # A two-digit year is not its century's year said again.
    record = check([("In 1937 (the year '37) he left.", "En 1937 il partit.")])
    assert [f.reason for f in record.links[0].findings if f.kind == "number"] == [
        "number 37 in the source is missing from the translation"]


def _check_en_fr(pairs):
    """`pairs` checked as ``align check --pairs … --source-lang en --translation-lang fr``."""
    record = pairs_alignment(pairs, languages=("en", "fr"))
    return check_alignment(record, source_text=document_text(record.source),
                           translation_text=document_text(record.translation))


def _number_findings(record, i: int) -> list[tuple[str, str]]:
    return [(f.severity, f.reason) for f in record.links[i].findings if f.kind == "number"]


def test_a_grouped_thousand_is_no_four_digit_year_of_a_two_digit_one():
    """A CI user's file of pairs: its translation writes ``25``, U+00A0, ``00`` (25 and 00)
    for 2,500.  ``00`` matched 2,500 as the two-digit year of a four-digit one (as ``37``
    is 1937 in ``1936-37``), hiding the change; a year is written as four plain digits."""
    pairs = [("The grant was $1,500.", "La subvention était de 1\u202f500\u00a0$."),
             ("The fee was 2,500 euros.", "Les frais étaient de 25\u00a000 euros.")]
    for record in (_check_en_fr(pairs), _check_en_fr(pairs[1:])):
        assert _number_findings(record, len(record.links) - 1) == [
            ("major", "number 2,500 in the source is 25 in the translation"),
            ("minor", "number 00 in the translation is not in the source")]
    assert _number_findings(_check_en_fr(pairs), 0) == []
    assert unmatched(mentions("in 2,500"), mentions("en 00"))[0] != []
    assert unmatched(mentions("in 2 500"), mentions("en '00"))[0] != []
    # Two-digit years still stand for their century's year.
    assert unmatched(mentions("The 1999-00 season."), mentions("La saison 1999-2000.")) == (
        [], [])


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
@pytest.mark.parametrize("other", [" ", "\u00a0", "\u202f", "\u2009"])
def test_a_number_reads_alike_whatever_the_other_links_write(space, other):
    """French groups thousands with a space, U+00A0, U+202F or U+2009: 25 000 is read so
    whatever the other links of the document write, and 1 500 $ is $1,500."""
    pairs = [("The grant was $1,500.", f"La subvention était de 1{other}500\u00a0$."),
             ("The fee was 2,500 euros.", f"Les frais étaient de 25{space}000 euros.")]
    for record in (_check_en_fr(pairs), _check_en_fr(pairs[1:])):
        assert _number_findings(record, len(record.links) - 1) == [
            ("major", f"number 2,500 in the source is 25{space}000 in the translation")]
    assert _number_findings(_check_en_fr(pairs), 0) == []
