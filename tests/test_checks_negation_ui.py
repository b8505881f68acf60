"""Negation spelled by a prefix against a negation word, in the strings of a program.

Interface text negates by a prefix in one language ("Unsaved changes", "unread",
"unavailable") and by a word in another (« non enregistrées », « non lus », « n'est pas
disponible »); "could not" and "cannot" come out as « Impossible de » + infinitive.  Such
pairs say the same thing and must not fail a ``--fail-on minor`` gate, whatever file
they stand in; a real reversal must still be a minor meaning shift.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.meaning_shift import negations
from align.checks.pairs import document_text, pairs_alignment

#: Ordinary strings of a program, to stand around the pairs under test.
STRINGS = [
    ("Delete this contact?", "Supprimer ce contact ?"),
    ("Share the note with your team", "Partager la note avec votre équipe"),
    ("Copy the link to the account", "Copier le lien vers le compte"),
    ("Move the album to the trash", "Déplacer l'album dans la corbeille"),
    ("Rename the folder.", "Renommer le dossier."),
    ("Open the settings panel.", "Ouvrir le panneau des paramètres."),
    ("Your password was changed.", "Votre mot de passe a été modifié."),
    ("Download the report", "Télécharger le rapport"),
]

#: The same meaning, negated by a prefix on one side and by a word on the other.
SAME_MEANING = [
    ("Unsaved changes", "Modifications non enregistrées"),
    ("You have 3 unread messages.", "Vous avez 3 messages non lus."),
    ("The file could not be saved.", "Impossible d'enregistrer le fichier."),
    ("The file could not be found.", "Impossible de trouver le fichier."),
    ("Cannot open the file.", "Impossible d'ouvrir le fichier."),
    # ... the other way round: the prefix in the source, the negation word in the
    # translation, and the other way again.
    ("The service is unavailable.", "Le service n'est pas disponible."),
    ("Unable to open the file.", "Le fichier ne peut pas être ouvert."),
    ("The service is not available.", "Le service est indisponible."),
    # ... and a prefixed adjective whose base the other side does not write.
    ("This cannot be undone.", "Cette action est irréversible."),
    ("The album could not be found.", "L'album est introuvable."),
    ("The file is unreadable.", "Le fichier est illisible."),
]

#: A negation one side has and the other lacks, beside a prefix that negates nothing.
REVERSED = [
    ("The file was saved.", "Le fichier n'a pas été enregistré."),
    ("Changes saved", "Modifications non enregistrées"),
    ("The file was not saved.", "Le fichier a été enregistré."),
    ("It is important.", "Ce n'est pas important."),
    ("Improve the results.", "Ne pas améliorer les résultats."),
    ("Immediately close the file.", "Ne fermez pas immédiatement le fichier."),
    ("Discover the new features.", "Ne découvrez pas les nouvelles fonctions."),
    # A negation fused with its auxiliary, paired with that verb unnegated.
    ("This cannot be undone.", "Cette action peut être annulée."),
    ("You can't delete this album.", "Vous pouvez supprimer cet album."),
    ("The file isn't available.", "Le fichier est disponible."),
]


def check(pairs, encoder, languages=("en", "fr")):
    record = pairs_alignment(pairs, languages=languages)
    return check_alignment(record, encoder, source_text=document_text(record.source),
                           translation_text=document_text(record.translation))


def shifts(record, link: int) -> list[str]:
    return [f.severity for f in record.links[link].findings if f.kind == "meaning-shift"]


@pytest.mark.parametrize("pair", SAME_MEANING, ids=lambda p: p[0])
def test_a_prefix_against_a_negation_word_is_no_meaning_shift(default_encoder, pair):
    record = check([pair], default_encoder)
    assert "minor" not in shifts(record, 0) and "major" not in shifts(record, 0)


def test_the_verdict_does_not_depend_on_the_file_around_the_pair(default_encoder):
    """The word aligner's threshold for a translated word is a statistic of the document
    (the lower quartile of its pairs' similarities): a file of near-copies, as program
    strings are, raises it, and the pairs under test must come out alike in any file."""
    copies = [(f"Delete this contact {n}?", f"Supprimer ce contact {n} ?") for n in range(40)]
    for around in ([], STRINGS, copies):
        record = check([*around, *SAME_MEANING], default_encoder)
        found = [(record.links[k].source, severity)
                 for k in range(len(around), len(record.links))
                 for severity in shifts(record, k) if severity != "info"]
        assert found == []


def test_a_reversal_is_still_a_minor_meaning_shift(default_encoder):
    record = check(REVERSED, default_encoder)
    assert [shifts(record, k) for k in range(len(REVERSED))] == [["minor"]] * len(REVERSED)


@pytest.mark.parametrize(("pair", "languages"), [
    (("Unsaved changes", "Nicht gespeicherte Änderungen"), ("en", "de")),
    (("The file could not be saved.", "Speichern der Datei unmöglich."), ("en", "de")),
    (("Ungespeicherte Änderungen", "Modifications non enregistrées"), ("de", "fr")),
    (("Die Datei konnte nicht gespeichert werden.", "Impossible d'enregistrer le fichier."),
     ("de", "fr")),
], ids=lambda p: p[0] if isinstance(p[0], str) else "-".join(p))
def test_german_prefixes_and_negations_too(default_encoder, pair, languages):
    record = check([pair], default_encoder, languages)
    assert "minor" not in shifts(record, 0)


@pytest.mark.parametrize(("pair", "languages"), [
    (("The album could not be found.", "アルバムが見つかりませんでした。"), ("en", "ja")),
    (("This cannot be undone.", "この操作は取り消せません。"), ("en", "ja")),
    (("No internet connection.", "インターネットに接続されていません。"), ("en", "ja")),
    (("The file could not be uploaded.", "ファイルをアップロードできなかった。"), ("en", "ja")),
    (("The album could not be found.", "找不到相册。"), ("en", "zh")),
    (("This cannot be undone.", "此操作无法撤消。"), ("en", "zh")),
    (("The album could not be found.", "앨범을 찾을 수 없습니다."), ("en", "ko")),
    (("The file was not saved.", "파일이 저장되지 않았습니다."), ("en", "ko")),
], ids=lambda p: p[1] if len(p[0]) > 2 else "-".join(p))
def test_japanese_chinese_and_korean_negations(default_encoder, pair, languages):
    record = check([pair], default_encoder, languages)
    assert shifts(record, 0) == []


@pytest.mark.parametrize(("text", "language", "found"), [
    ("アルバムが見つかりませんでした。", "ja", ["ません"]),
    ("削除しないでください", "ja", ["ない"]),
    ("保存せずに終了", "ja", ["せず"]),
    # "must", "may", "sorry", "first", "certainly", "few": no negation.
    ("保存しなければなりません。", "ja", []),
    ("かもしれません", "ja", []),
    ("すみません", "ja", []),
    ("まず、必ず保存してください。", "ja", []),
    ("残りが少ないです", "ja", []),
    ("没有网络连接", "zh", ["没有"]),
    # "not only", "no matter", the yes-no question "是不是", "future": no negation.
    ("不仅如此,无论如何,是不是未来", "zh", []),
    ("저장할 수 없습니다", "ko", ["없"]),
    ("안녕하세요", "ko", []),
    ("見つかりませんでした", None, ["ません"]),  # by its script
])
def test_negating_pieces_of_words_in_unspaced_scripts(text, language, found):
    assert [w.text for w in negations(text, language)] == found


def test_a_lone_negation_is_shown_with_the_unmatched_words_in_its_place_only():
    """The words of the other side highlighted with an extra negation are those between the
    partners of the paired words around it: not every unmatched word of the sentence."""
    import numpy as np

    from align.checks.base import words
    from align.checks.meaning_shift import _in_its_place
    from align.checks.words import WordAlignment

    source = "Hier il ne vint pas chez nous, et il resta seul tout le soir."
    translation = "Yesterday he perhaps came to us, and then he stayed alone all evening."
    s, t = list(words(source)), list(words(translation))
    # Hier-Yesterday, il-he, vint-came, nous-us, il-he, resta-stayed, seul-alone,
    # tout-all, soir-evening: "perhaps", "to", "and" and "then" are left unmatched.
    pairs = [(0, 0), (1, 1), (3, 3), (6, 5), (8, 8), (9, 9), (10, 10), (11, 11), (13, 12)]
    wa = WordAlignment(s, t, np.zeros((len(s), len(t)), dtype=np.float32), pairs, strong=2.0)
    pas = next(w for w in s if w.text == "pas")
    ne = next(w for w in s if w.text == "ne")
    # "pas" stands between "vint" (came, 3) and "nous" (us, 5): "to" (4) is in its place.
    assert [w.text for w in _in_its_place(wa, "source", [pas])] == ["to"]
    # "ne" stands between "il" (he, 1) and "vint" (came, 3): "perhaps" (2).
    assert [w.text for w in _in_its_place(wa, "source", [ne, pas])] == ["perhaps", "to"]
