"""Follow-ups of a technical-documentation review: keyboard keys are no names, French
``MAJ`` is no May, a sentence left untranslated is no meaning shift, and a doubled word
says on which side it stands (and is not blamed on a translation that copies the
source's own)."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions
from align.checks.pairs import document_text, pairs_alignment


def findings(pairs, languages=("en", "fr"), encoder=None, kind=None) -> dict[str, str]:
    """The findings of `kind` (all kinds if None) on `pairs`, reason → severity."""
    record = pairs_alignment(pairs, languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return {f.reason: f.severity for _, f in record.findings() if kind in (None, f.kind)}


# -- keyboard keys are named in each language's own words, and are no names

#: Faithful key names, by the translation's language (the reviewer's probes and more).
KEYS = [
    ("fr", "Press Esc to close the dialog box.",
     "Appuyez sur Échap pour fermer la boîte de dialogue."),
    ("fr", "Press Shift+F5 to reload the page.", "Appuyez sur Maj+F5 pour recharger la page."),
    ("fr", "Press Delete to remove the selected rows.",
     "Appuyez sur Suppr pour supprimer les lignes sélectionnées."),
    ("fr", "Press Return to confirm.", "Appuyez sur Entrée pour confirmer."),
    ("fr", "Press Backspace to delete the previous character.",
     "Appuyez sur Retour arrière pour supprimer le caractère précédent."),
    ("fr", "Press Home to go to the start of the line.",
     "Appuyez sur Origine pour aller au début de la ligne."),
    ("fr", "Press Page Down to scroll down one screen.",
     "Appuyez sur Pg Suiv pour descendre d'un écran."),
    ("fr", "Press Space to pause the video.", "Appuyez sur Espace pour mettre la vidéo en pause."),
    ("fr", "Press Tab to move to the next field.",
     "Appuyez sur Tabulation pour passer au champ suivant."),
    ("fr", "Hold Cmd and click the files.", "Maintenez Commande et cliquez sur les fichiers."),
    ("es", "Press Enter to confirm the entry.", "Pulse Intro para confirmar la entrada."),
    ("es", "Press Delete to remove the selected rows.",
     "Pulse Supr para eliminar las filas seleccionadas."),
    ("es", "Press Ctrl+Shift+N to create a new folder.",
     "Pulse Ctrl+Mayús+N para crear una carpeta nueva."),
    ("es", "Press Shift and click the last file.",
     "Pulse Mayús y haga clic en el último archivo."),
    ("es", "Press Space to pause.", "Pulse Espacio para hacer una pausa."),
    ("es", "Press Backspace to delete the character.", "Pulse Retroceso para borrar el carácter."),
    ("es", "Press End to go to the end.", "Pulse Fin para ir al final."),
    ("es", "Press Page Up to scroll up.", "Pulse Re Pág para subir."),
    ("es", "Press Page Down to scroll down.", "Pulse Av Pág para bajar."),
    ("de", "Press Ctrl+Shift+N to create a new folder.",
     "Drücken Sie Strg+Umschalt+N, um einen neuen Ordner zu erstellen."),
    ("de", "Press Ctrl and click the link.", "Drücken Sie Strg und klicken Sie auf den Link."),
    ("de", "Press Page Down to scroll down one screen.",
     "Drücken Sie Bild-ab, um eine Seite nach unten zu blättern."),
    ("it", "Press Shift and click the last file.", "Premi Maiusc e fai clic sull'ultimo file."),
    ("it", "Press Enter to confirm.", "Premi Invio per confermare."),
    ("it", "Press Delete to remove the rows.", "Premi Canc per eliminare le righe."),
    ("it", "Press Page Up to scroll up.", "Premi Pag su per scorrere verso l'alto."),
    ("it", "Press Space to pause.", "Premi Spazio per mettere in pausa."),
    ("pt", "Press Space to pause.", "Pressione Espaço para pausar."),
    ("pt", "Press Delete to remove the rows.", "Pressione Excluir para remover as linhas."),
    ("nl", "Press Space to pause.", "Druk op Spatie om te pauzeren."),
]


@pytest.mark.parametrize(("language", "source", "translation"), KEYS,
                         ids=[t for _, _, t in KEYS])
def test_a_key_named_in_the_translations_language_is_no_name(language, source, translation):
    assert findings([(source, translation)], ("en", language), kind="name") == {}


def test_key_names_are_no_names_to_the_word_aligner(default_encoder):
    """The French list of the reviewer's probe, checked with the model as ``align check``
    does it."""
    pairs = [(s, t) for language, s, t in KEYS if language == "fr"]
    assert findings(pairs, encoder=default_encoder, kind="name") == {}


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Press Enter to send the file to Marie.",
     "Appuyez sur Entrée pour envoyer le fichier à Sophie.",
     "name Marie in the source is Sophie in the translation"),
    # Once the keys are set aside, the one name missing on each side is a replacement.
    ("Ask Marie to press Esc.", "Demandez à Sophie d'appuyer sur Échap.",
     "name Marie in the source is Sophie in the translation"),
    # "Page" is a name where no key is named with it.
    ("The report was written by Jimmy Page.", "Le rapport a été écrit par Jimmy Plant.",
     "name Page in the source is Plant in the translation"),
])
def test_a_name_beside_a_key_is_still_compared(source, translation, reason):
    assert findings([(source, translation)], kind="name") == {reason: "major"}


# -- French "MAJ" (mise à jour) and "Maj" (the Shift key) are no Polish May


def test_french_maj_is_no_month():
    assert findings([
        ("Press Shift+F5 to reload the page without the cache.",
         "Appuyez sur Maj+F5 pour recharger la page sans le cache."),
        ("The update of 3 May fixes this problem.", "La MAJ du 3 mai corrige ce problème."),
        ("Press Shift+Tab to move to the previous field.",
         "Appuyez sur Maj+Tab pour passer au champ précédent."),
    ], kind="number") == {}


@pytest.mark.parametrize(("text", "months"), [
    ("La MAJ du 3 mai corrige ce problème.", ["mai"]),
    ("Appuyez sur Maj pour écrire en capitales.", []),
    ("Faites la MAJ avant lundi.", []),
    # A date still reads its Polish month, in the nominative or the genitive.
    ("Spotkanie odbędzie się 3 maja 2024 r.", ["maja"]),
    ("Termin: maj 2024.", ["maj"]),
    ("Dnia 3 maj 2024 r.", ["maj"]),
    # The other month words that are ordinary words elsewhere: the Spanish, Italian and
    # Portuguese "marca" (brand), the names Jan and Maja, English "mayo".
    ("La marca registrada es de Acme.", []),
    ("Jan and Maja added mayo.", []),
    ("Wyjazd 5 marca.", ["marca"]),
    ("Invoice dated 5 Jan 2024.", ["Jan"]),
])
def test_a_month_that_is_also_a_word_is_a_month_only_in_a_date(text, months):
    assert [m.text for m in mentions(text) if m.text.isalpha()] == months


@pytest.mark.parametrize(("source", "translation", "reason"), [
    # Polish and Spanish write their months in lower case: capitalised, Maja and Mayo are
    # names, as Marco is.
    ("Yesterday he met Maja in Rome.", "Hier il a rencontré Sophie à Rome.",
     "name Maja in the source is Sophie in the translation"),
    ("We flew to Mayo last year.", "Nous sommes allés à Cork l'an dernier.",
     "name Mayo in the source is Cork in the translation"),
])
def test_a_month_written_in_lower_case_is_a_name_when_capitalised(source, translation, reason):
    assert findings([(source, translation)], kind="name") == {reason: "major"}


# -- a sentence left untranslated is the untranslated check's, not a meaning shift

COPIED = ("Do not remove the cover while the device is running.",
          "Do not remove the cover while the device is running.")


@pytest.mark.parametrize("with_model", [False, True])
def test_a_copied_sentence_is_no_meaning_shift(default_encoder, with_model):
    found = findings([COPIED, ("Open the settings panel.", "Ouvrez le panneau des réglages.")],
                     encoder=default_encoder if with_model else None)
    assert not any(reason.startswith("the source negates") for reason in found), found
    assert found["the translation is identical to the source"] == "major"


# -- a doubled word says which side holds it, and a copied one is the source's


@pytest.mark.parametrize(("pair", "expected"), [
    (("Run make make to build it.", "Lancez make pour le compiler."),
     {"doubled word in the source: make make": "minor"}),
    (("Run make to build it.", "Lancez make make pour le compiler."),
     {"doubled word in the translation: make make": "minor"}),
    # The source's own doubled word, copied: reported once, on the source.
    (("Run make make to build it.", "Lancez make make pour le compiler."),
     {"doubled word in the source: make make": "minor"}),
    # ... but a doubling the source does not have there is the translation's own.
    (("Run make make to build it.", "Lancez make make pour le le compiler."),
     {"doubled word in the source: make make": "minor",
      "doubled word in the translation: le le": "minor"}),
    # Quoted as written: a doubling across a capital and a wrapped line.
    (("The the committee met.", "Le comité s'est réuni."),
     {"doubled word in the source: The the": "minor"}),
    (("The committee met.", "Le comité\ncomité s'est réuni."),
     {"doubled word in the translation: comité comité": "minor"}),
])
def test_a_doubled_word_is_reported_on_its_side(pair, expected):
    found = findings([pair], kind="mechanical")
    assert {r: s for r, s in found.items() if r.startswith("doubled")} == expected


# -- a spelled number changed (literary prose spells almost every number)

#: (source, translation, the number finding expected): a changed spelled number is reported
#: where the word aligner pairs the two numbers; major where it pairs the nouns they count.
SPELLED_CHANGED = [
    ("Je te donne quatre cents francs.", "I will give you five hundred francs.",
     ("number quatre cents (400) in the source is five hundred (500) in the translation",
      "major")),
    ("Pour dix francs tu auras deux ou trois roses magnifiques.",
     "For 12 francs you can get two or three magnificent roses.",
     ("number dix (10) in the source is 12 in the translation", "major")),
    ("Loisel possédait dix-huit mille francs que lui avait laissés son père.",
     "Loisel possessed eighty thousand francs which his father had left him.",
     ("number dix-huit mille (18000) in the source is eighty thousand (80000) in the "
      "translation", "major")),
    ("Il avait trente ans.", "He was forty.",
     ("number trente (30) in the source is forty (40) in the translation", "minor")),
    # Twelve apart but no hours of the clock: changed.
    ("Il paya cinq francs.", "He paid seventeen francs.",
     ("number cinq (5) in the source is seventeen (17) in the translation", "major")),
    ("Il attendit cinq heures.", "He waited seventeen hours.",
     ("number cinq (5) in the source is seventeen (17) in the translation", "major")),
    # Beside a date: March is 3 in "12/03", never the "three" of "trois colis".
    ("Il envoya trois colis le 12 mars.", "He sent four parcels on 12 March.",
     ("number trois (3) in the source is four (4) in the translation", "major")),
]
#: German writes a number in one word, also of how many times (`_german_compound`).
SPELLED_CHANGED_GERMAN = [
    ("He climbed three hundred and fifty metres.", "Er stieg dreihundertvierzig Meter.",
     ("number three hundred and fifty (350) in the source is dreihundertvierzig (340) in the "
      "translation", "major")),
    ("The new version is three times faster.", "Die neue Version ist viermal schneller.",
     ("number three (3) in the source is viermal (4) in the translation", "minor")),
]


@pytest.mark.parametrize(("source", "translation", "expected"), SPELLED_CHANGED_GERMAN)
def test_a_changed_number_german_writes_in_one_word_is_reported(default_encoder, source,
                                                                translation, expected):
    found = findings([(source, translation)], languages=("en", "de"), encoder=default_encoder,
                     kind="number")
    assert found == dict([expected])


def test_a_number_of_times_german_writes_in_one_word_matches_its_english(default_encoder):
    assert findings([("It is ten times bigger.", "Es ist zehnmal größer."),
                     ("It is a monument of 1936.", "Es ist ein Denkmal von 1936.")],
                    languages=("en", "de"), encoder=default_encoder, kind="number") == {}
    # "zehnmal" is ten: the English "nine times" against it is a changed number.
    assert findings([("It is nine times bigger.", "Es ist zehnmal größer.")],
                    languages=("en", "de"), encoder=default_encoder, kind="number") == {
        "number nine (9) in the source is zehnmal (10) in the translation": "minor"}


@pytest.mark.parametrize(("source", "translation", "expected"), SPELLED_CHANGED)
def test_a_changed_spelled_number_is_reported(default_encoder, source, translation, expected):
    found = findings([(source, translation)], languages=("fr", "en"), encoder=default_encoder,
                     kind="number")
    assert found == dict([expected])


@pytest.mark.parametrize(("source", "translation"), [
    # Manners of speaking, rough numbers and other units: no change of number.
    ("Mille fois merci !", "Thanks a million!"),
    ("Je te l'ai dit cent fois.", "I have told you a thousand times."),
    ("Je l'ai vu deux ou trois fois.", "I saw him a couple of times."),
    ("Je l'ai vu deux ou trois fois.", "I saw him three or four times."),
    ("Il y avait une dizaine de personnes.", "There were a dozen people."),
    ("Elle a vu une douzaine de chats.", "She saw ten cats."),
    ("Il a vu vingt fois ce film.", "He has seen this film a dozen times."),
    ("Il reviendra dans huit jours.", "He will be back in a week."),
    ("Il reviendra dans quinze jours.", "He will be back in two weeks."),
    # The hour on a 24-hour clock and on a 12-hour one.
    ("Le train part à dix-sept heures.", "The train leaves at five."),
    # "un", "one", "a" are articles as often as numbers.
    ("Un homme entra.", "Two men came in."),
    ("Deux paires de mains me retinrent.", "Four hands held me back."),
    # The thousands left understood (La Parure).
    ("On le leur laisserait à trente-six mille.", "They could have it for thirty-six."),
    ("Elle ôta les vêtements dont elle s’était enveloppé les épaules, afin de se voir "
     "encore une fois dans sa gloire.",
     "She removed her wraps so as to see herself once more in all her glory."),
])
def test_an_idiom_or_a_rough_number_is_no_changed_number(default_encoder, source, translation):
    assert findings([(source, translation)], languages=("fr", "en"), encoder=default_encoder,
                    kind="number") == {}


@pytest.mark.parametrize(("text", "numbers"), [
    # Words of two numbers are not one: a range, a list, an article before an ordinal.
    ("between nine and ten o'clock", ["nine", "ten"]),
    ("a thousand francs of one, five hundred of another", ["thousand", "one", "five hundred"]),
    ("révélé à un troisième personnage", ["un", "troisième"]),
    # ... while one number's words stay one.
    ("vingt et un, mille et une nuits", ["vingt et un", "mille et une"]),
    ("two thousand three hundred and forty-five", ["two thousand three hundred and forty-five"]),
    ("quatre vingt dix-huit", ["quatre vingt dix-huit"]),
])
def test_spelled_numbers_are_read_as_one_only_where_they_make_one(text, numbers):
    assert [m.text for m in mentions(text)] == numbers
