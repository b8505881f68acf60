"""The name check on software strings: translated interface labels are no replaced names,
while a person or place name swapped inside such a string still is."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment

#: Interface strings whose capitalised labels are translated, correctly.
TRANSLATED_LABELS = [
    ("Tap Share to send the photos.", "Appuyez sur Partager pour envoyer les photos."),
    ("Open Settings and choose Privacy.", "Ouvrez Paramètres et choisissez Confidentialité."),
    ("Go to File > Export to save a copy.",
     "Allez dans Fichier > Exporter pour enregistrer une copie."),
    ("Click <b>Save</b> to keep your changes.",
     "Cliquez sur <b>Enregistrer</b> pour conserver vos modifications."),
    ("<b>Warning:</b> disk full", "<b>Avertissement :</b> disque plein"),
    ('<span class="label">Name</span>', '<span class="label">Nom</span>'),
    ("<p>Welcome</p>", "<p>Bienvenue</p>"),
    ("Tap <b>Share</b> to send %d photos.", "Appuyez sur <b>Partager</b> pour envoyer %d photos."),
]


def name_findings(pairs, encoder=None) -> dict[str, str]:
    """The name findings on `pairs` (English to French), reason → severity."""
    record = check_alignment(pairs_alignment(pairs, languages=("en", "fr")), encoder)
    return {f.reason: f.severity for _, f in record.findings() if f.kind == "name"}


@pytest.mark.parametrize(("source", "translation"), TRANSLATED_LABELS)
def test_a_translated_interface_label_is_no_name(source, translation):
    assert name_findings([(source, translation)]) == {}


def test_translated_interface_labels_are_no_names_to_the_word_aligner(default_encoder):
    """The same strings checked together with the model, as ``align check --pairs`` does."""
    assert name_findings(TRANSLATED_LABELS, default_encoder) == {}


@pytest.mark.parametrize(("source", "translation"), [
    # Words no list holds: after an opening tag that starts the text ...
    ("<b>Sunrise:</b> 6:40", "<b>Lever du soleil :</b> 6 h 40"),
    ("<h1>Leaderboard</h1>", "<h1>Classement</h1>"),
    # ... after a placeholder that starts it, and after a step of a menu path.
    ("{count} Stars", "{count} Étoiles"),
    ("Choose Tools > Spelling to check the text.",
     "Choisissez Outils > Orthographe pour vérifier le texte."),
    ("Choose Tools → Spelling to check the text.",
     "Choisissez Outils → Orthographe pour vérifier le texte."),
])
def test_a_word_after_an_opening_tag_or_a_menu_separator_starts_its_text(source, translation):
    assert name_findings([(source, translation)]) == {}


@pytest.mark.parametrize(("source", "translation", "reason"), [
    ("Share with Marie", "Partager avec Sophie",
     "name Marie in the source is Sophie in the translation"),
    ("Tap Share to send the photos to Marie.",
     "Appuyez sur Partager pour envoyer les photos à Sophie.",
     "name Marie in the source is Sophie in the translation"),
    # A tag inside a sentence does not start it.
    ("Contact <b>Marie</b> for access.", "Contactez <b>Sophie</b> pour l'accès.",
     "name Marie in the source is Sophie in the translation"),
    ("Open Settings to sync with the Lyon office.",
     "Ouvrez Paramètres pour synchroniser avec le bureau de Paris.",
     "name Lyon in the source is Paris in the translation"),
])
def test_a_name_swapped_in_an_interface_string_is_still_major(source, translation, reason):
    assert name_findings([(source, translation)]) == {reason: "major"}


def test_a_name_swapped_in_an_interface_string_is_major_to_the_word_aligner(default_encoder):
    findings = name_findings([*TRANSLATED_LABELS, ("Share with Marie", "Partager avec Sophie")],
                             default_encoder)
    assert findings == {"name Marie in the source is Sophie in the translation": "major"}


def test_a_name_missing_from_an_interface_string_is_still_reported():
    assert name_findings([("Share with Nadia", "Partager")]) == {
        "name Nadia in the source is not in the translation": "minor"}
