"""The name check on a subtitler's lines: a name changed in its ending vowel is another
name, whether or not a title says it is a person's, and a word after a music note opens
its line as a sentence's first word does."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def name_findings(pairs, languages, encoder=None) -> list[tuple[int, str, str]]:
    """The name findings on `pairs`: (link, severity, reason), in link order."""
    record = check_alignment(pairs_alignment(pairs, languages=languages), encoder)
    return sorted((i, f.severity, f.reason) for i, link in enumerate(record.links)
                  for f in link.findings if f.kind == "name")


HERRERA = "name Herrera in the source is Herrero in the translation"


@pytest.mark.parametrize("encoder", [False, True])
def test_a_name_changed_in_its_last_vowel_is_another_name(request, encoder):
    """A reviewer's lines: ``Herrera`` written ``Herrero`` is no spelling of it, with a
    title before it or none, and written so twice it is no translator's rendering either
    (``Cheshire`` as ``Grimaçon``); ``Anna`` is no ``Anne`` in Spanish, which writes
    ``Ana``, though the lists know the two as one first name."""
    model = request.getfixturevalue("default_encoder") if encoder else None
    found = name_findings([
        ("Did you call Doctor Herrera?", "¿Llamaste al doctor Herrero?"),
        ("Call Herrera now.", "Llama a Herrero ahora."),
        ("Did you call Doctor Anna?", "¿Llamaste a la doctora Anne?"),
    ], ("en", "es"), model)
    assert found == [
        (0, "major", HERRERA),
        (1, "major", HERRERA),
        (2, "major", "name Anna in the source is Anne in the translation"),
    ]


@pytest.mark.parametrize(("languages", "source", "translation", "reason"), [
    # The name of the other sex, in a line of its own.
    (("en", "es"), "Julio called Maria.", "Julio llamó a Mario.",
     "name Maria in the source is Mario in the translation"),
    # Between two languages that write neither an e for others' endings.
    (("es", "it"), "Llama a Herrera ahora.", "Chiama Herrero adesso.", HERRERA),
])
def test_another_ending_vowel_is_a_major_change_of_name(languages, source, translation,
                                                         reason):
    assert name_findings([(source, translation)], languages) == [(0, "major", reason)]


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # French writes an e for the a of the names it takes from others: a place's own
    # French name, and a first name the lists know.
    (("en", "fr"), "She flew to Australia with Maria.", "Elle est partie en Australie avec Marie."),
    (("en", "fr"), "They toured Lombardia.", "Ils ont visité la Lombardie."),
    # So do German and the Scandinavian languages: Athene, Maria Antonietta for Marie,
    # Lucie for Lucía, Sofie.
    (("en", "de"), "They prayed to Athena.", "Sie beteten zu Athene."),
    (("de", "it"), "Marie Antoinette starb 1793.", "Maria Antonietta morì nel 1793."),
    (("es", "de"), "Lucía llegó ayer.", "Lucie kam gestern an."),
    (("it", "da"), "Sofia è arrivata ieri.", "Sofie kom i går."),
    # A language that declines names changes their ending vowel: Croatian and Polish.
    (("en", "hr"), "Call Herrera now.", "Nazovi Herreru sada."),
    (("en", "pl"), "Call Anna now.", "Zadzwoń teraz do Anny."),
    # The same name, spelled alike.
    (("en", "es"), "Call Mrs Herrera now.", "Llama a la señora Herrera ahora."),
])
def test_an_ending_a_language_writes_for_the_name_is_the_same_name(languages, source,
                                                                  translation):
    assert name_findings([(source, translation)], languages) == []


@pytest.mark.parametrize(("source", "translation"), [
    ("♪ Soft piano music ♪", "♪ Suave música de piano ♪"),
    ("♫ Soft piano music ♫", "♫ Suave música de piano ♫"),
    ("♪Soft piano music♪", "♪Suave música de piano♪"),
    ("- Soft piano music.\n- Yes.", "- Suave música de piano.\n- Sí."),
])
def test_a_word_after_a_music_note_or_a_speaker_dash_starts_its_line(source, translation):
    """The first word of a described sound or a song's line is no name, nor is that of a
    speaker's line: either would be a name swapped for another, ``Soft`` for ``Suave``."""
    assert name_findings([(source, translation)], ("en", "es")) == []


def test_a_name_after_a_music_note_and_a_word_is_still_a_name():
    assert name_findings([("♪ Dancing with Maria ♪", "♪ Bailando con Lucía ♪")],
                         ("en", "es")) == [
        (0, "major", "name Maria in the source is Lucía in the translation")]

