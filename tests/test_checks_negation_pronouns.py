"""Negative pronouns rendered by their opposite, and phrases with *without* left out
(docs/checks.md, Meaning shift).

A negative pronoun, determiner or adverb (``Niemand``, ``nichts``, ``nadie``, ``rien``,
*nobody*, *nothing*) that the word aligner pairs with its opposite universal on the other
side (*Everyone*, *everything*, ``Todos``, ``Tout le monde``, ``Alles``) is named with it,
the universal highlighted; *info*, since the opposite predicate renders it as often
(``Nichts ist unmöglich.`` as *Everything is possible.*).  And a phrase with *without*
left out whole (*without notice*) is a dropped phrase, not a negation reversed.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment


def findings(pair: tuple[str, str], languages: tuple[str, str], encoder):
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return record.links[0].findings


@pytest.mark.parametrize(("languages", "source", "translation", "negation", "universal"), [
    (("de", "en"), "Niemand hat den Bericht gelesen.", "Everyone has read the report.",
     "Niemand", "Everyone"),
    (("de", "en"), "Er hat nichts gesagt.", "He said everything.", "nichts", "everything"),
    (("es", "en"), "Nadie trabaja el lunes.", "Everyone works on Monday.", "Nadie",
     "Everyone"),
    (("fr", "en"), "Il ne sait rien.", "He knows everything.", "rien", "everything"),
    (("en", "fr"), "Nobody came to the meeting.", "Tout le monde est venu à la réunion.",
     "Nobody", "Tout le monde"),
    (("en", "es"), "Nobody came to the meeting.", "Todos vinieron a la reunión.", "Nobody",
     "Todos"),
    (("en", "de"), "Nobody knows the answer.", "Alle kennen die Antwort.", "Nobody", "Alle"),
])
def test_a_negative_pronoun_rendered_by_its_opposite_universal_is_named(
        default_encoder, languages, source, translation, negation, universal):
    found = [f for f in findings((source, translation), languages, default_encoder)
             if f.kind == "meaning-shift"]
    assert [f.severity for f in found] == ["info"], found
    assert negation in found[0].reason and universal in found[0].reason
    assert "opposite" in found[0].reason
    assert [s.text for s in found[0].spans if s.side == "translation"] == [universal]


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # A negative determiner before a word of comparison is a bound, which a universal
    # renders faithfully: reworded, info at most.
    (("en", "fr"), "Now I can do no more, whatever happens.",
     "À présent c'est tout ce que je peux faire, quoi qu'il arrive."),
    (("fr", "en"), "On ne trouve cela dans aucune autre langue.",
     "It exceeds all other languages."),
])
def test_a_bound_rendered_by_a_universal_is_no_reversal(default_encoder, languages, source,
                                                        translation):
    assert [f for f in findings((source, translation), languages, default_encoder)
            if f.kind == "meaning-shift" and f.severity != "info"] == []


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("de", "en"), "Niemand hat den Bericht gelesen.", "Nobody has read the report."),
    (("es", "en"), "Todos trabajan el lunes.", "Everyone works on Monday."),
    (("en", "de"), "Nothing has changed.", "Nichts hat sich geändert."),
])
def test_a_faithful_pronoun_is_no_meaning_shift(default_encoder, languages, source,
                                                translation):
    assert [f for f in findings((source, translation), languages, default_encoder)
            if f.kind == "meaning-shift"] == []


@pytest.mark.parametrize(("languages", "source", "translation", "phrase"), [
    (("en", "de"), "The contract may be terminated without notice.",
     "Der Vertrag kann gekündigt werden.", "without notice"),
    (("en", "de"), "You may cancel the contract up to 28 February 2025 without notice.",
     "Sie können den Vertrag bis zum 28. Februar 2025 kündigen.", "without notice"),
    (("de", "en"), "Er kam ohne seine Frau.", "He came.", "ohne seine Frau"),
])
def test_a_phrase_with_without_left_out_is_an_omission(default_encoder, languages, source,
                                                      translation, phrase):
    found = findings((source, translation), languages, default_encoder)
    assert [f for f in found if f.kind == "meaning-shift"] == [], found
    dropped = [f for f in found if f.kind == "omission" and f.severity == "minor"]
    assert [[s.text for s in f.spans] for f in dropped] == [[phrase]], found
    assert f"«{phrase}»" in dropped[0].reason


@pytest.mark.parametrize(("languages", "source", "translation", "severity"), [
    # "without" rendered by "with": the phrase is there, its negation reversed.
    (("de", "en"), "Er kam ohne seine Frau.", "He came with his wife.", "info"),
    # Only "without" is lost, its object rendered ("paying" as « payant »): a negation
    # reworded, as before.
    (("en", "fr"), "He left without paying.", "Il est parti en payant.", "info"),
])
def test_without_with_its_object_rendered_stays_a_negation(default_encoder, languages,
                                                           source, translation, severity):
    found = findings((source, translation), languages, default_encoder)
    assert [f.severity for f in found if f.kind == "meaning-shift"] == [severity], found


def test_a_phrase_with_without_the_translation_adds_is_an_addition(default_encoder):
    """The translation's phrase that the source lacks is added, not left out."""
    found = findings(("He came.", "Il est venu sans sa femme."), ("en", "fr"), default_encoder)
    added = [f for f in found if f.kind == "addition" and f.severity == "minor"]
    assert [[s.text for s in f.spans] for f in added] == [["sans sa femme"]], found
    assert not any(f.kind == "omission" and f.severity != "info" for f in found), found


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("de", "en"), "Nichts ist unmöglich.", "Everything is possible."),
    (("de", "en"), "Er kommt nie pünktlich.", "He is always late."),
    (("es", "en"), "Nunca olvidaré aquel día.", "I will always remember that day."),
])
def test_a_universal_with_the_opposite_predicate_is_no_minor_finding(default_encoder,
                                                                      languages, source,
                                                                      translation):
    """Faithful: the word aligner pairs "unmöglich" with "possible" as strongly as it pairs
    a word with its translation, so the universal alone cannot say the sentence reversed."""
    assert [f.severity for f in findings((source, translation), languages, default_encoder)
            if f.kind == "meaning-shift" and f.severity != "info"] == []
