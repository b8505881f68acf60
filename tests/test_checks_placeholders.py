"""The placeholder check on software strings: tags written two ways, localised addresses,
and ICU plurals against the plural categories of the translation's language."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment


def mechanical(pairs, languages=("en", "fr")) -> list[list[tuple[str, str]]]:
    """Each pair's mechanical findings, as (severity, reason)."""
    record = pairs_alignment(pairs, languages=languages)
    check_alignment(record, source_text=document_text(record.source),
                    translation_text=document_text(record.translation))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "mechanical"]
            for link in record.links]


@pytest.mark.parametrize(("source", "translation"), [
    ("<br/>Thanks", "<br>Merci"),
    ("Thanks<br>", "Merci<br />"),
    ('<img src="a.png" alt="Logo"/> Welcome', "<img alt='Logo' src='a.png'> Bienvenue"),
    ("Part one<hr>Part two", "Première partie<hr/>Deuxième partie"),
])
def test_a_void_element_written_the_html_or_the_xhtml_way_is_one_tag(source, translation):
    assert mechanical([(source, translation)]) == [[]]


def test_a_void_element_lost_or_a_paired_tag_closed_otherwise_is_still_reported():
    found = mechanical([("Line one<br/>Line two", "Ligne un Ligne deux"),
                        ("<b>Save</b> now", "<b/>Enregistrer maintenant")])
    assert found[0] == [("major", "placeholders or tags differ: <br> of the source missing "
                                  "from the translation")]
    assert [severity for severity, _ in found[1]] == ["major"]


@pytest.mark.parametrize(("source", "translation"), [
    ("See https://example.com/en/install now.", "Voir https://example.com/fr/install."),
    ("See https://example.com/en-us/install now.", "Voir https://example.com/fr-fr/install."),
    ("See https://example.com/en_US/install now.", "Voir https://example.com/fr_FR/install."),
    ("See https://example.com/help?lang=en now.", "Voir https://example.com/help?lang=fr."),
    ("See https://en.example.com/help now.", "Voir https://fr.example.com/help."),
    ("Read the [guide](https://example.com/en/install) first.",
     "Lisez d'abord le [guide](https://example.com/fr/install)."),
])
def test_an_address_localised_from_the_source_language_to_the_translation_s_is_expected(
        source, translation):
    assert mechanical([(source, translation)]) == [[]]


def test_an_address_changed_otherwise_is_still_worth_a_look():
    found = mechanical([
        ("Go to https://example.com/en/start now.", "Allez sur https://example.com/fr/start."),
        ("See https://example.com/en/install now.", "Voir https://example.com/de/install."),
        ("Read https://example.com/en/install now.", "Lisez https://example.org/fr/install."),
        ("Open https://example.com/install now.", "Ouvrez https://example.com/fr/install."),
        # A word that begins with the code, not the code with a script.
        ("See https://example.com/en-docs/ now.", "Voir https://example.com/fr-help/."),
    ])
    assert [[severity for severity, _ in link] for link in found] == [[]] + [["minor"]] * 4
    assert all(reason.startswith("web or e-mail addresses differ") for link in found
               for _, reason in link)


def test_an_icu_plural_lacking_a_category_the_translation_s_language_needs_is_major():
    found = mechanical([
        ("{count, plural, one {# photo} other {# photos}}", "{count, plural, other {# photos}}"),
        # French "many" is for a million and more: not needed.
        ("{n, plural, one {# day left} other {# days left}}",
         "{n, plural, one {# jour restant} other {# jours restants}}"),
    ])
    assert found[0] == [("major", "ICU plural {count,plural} lacks the branch one, which fr "
                                  "needs (CLDR): the translation has only other")]
    assert found[1] == []
    # German "one" is 1 alone, which "=1" says; French "one" is 0 and 1, which it does not.
    assert mechanical([("{count, plural, one {# photo} other {# photos}}",
                        "{count, plural, =1 {ein Foto} other {# Fotos}}")],
                      languages=("en", "de")) == [[]]
    assert [severity for severity, _ in mechanical([(
        "{count, plural, one {# photo} other {# photos}}",
        "{count, plural, =1 {une photo} other {# photos}}")])[0]] == ["major"]
    # Japanese has "other" alone: no "one" is needed.
    assert mechanical([("{count, plural, one {# photo} other {# photos}}",
                        "{count, plural, other {#枚の写真}}")], languages=("en", "ja")) == [[]]
    # Russian needs few and many, which the English source does not have.
    found = mechanical([("{count, plural, one {# file} other {# files}}",
                         "{count, plural, one {# файл} other {# файла}}")],
                       languages=("en", "ru"))
    assert found == [[("major", "ICU plural {count,plural} lacks the branches few many, which ru "
                                "needs (CLDR): the translation has only one other")]]


def test_an_explicit_icu_branch_of_the_source_dropped_is_a_missing_branch():
    found = mechanical([
        ("{count, plural, =0 {No comments} one {# comment} other {# comments}}",
         "{count, plural, one {# commentaire} other {# commentaires}}"),
        ("{count, plural, =0 {No replies} one {# reply} other {# replies}}",
         "{count, plural, =0 {Aucune réponse} one {# réponse} other {# réponses}}"),
    ])
    assert found == [[("minor", "ICU branch =0 of the source's {count,plural} missing from "
                                "the translation")], []]


def test_the_branches_the_translation_drops_are_named_for_the_checks_that_read_words():
    """The "No" of ``=0 {No comments}`` dropped is a missing branch, not a negation lost:
    `icu_branches_lost` gives the bodies the translation's argument has no branch for."""
    from align.checks.placeholders import icu_branches_lost

    source = "{count, plural, =0 {No comments} one {# comment} other {# comments}}"
    lost = icu_branches_lost(source, "{count, plural, one {# commentaire} other {# commentaires}}")
    assert [source[a:b] for a, b in lost] == ["No comments"]
    assert icu_branches_lost(source, "{count, plural, =0 {Aucun} one {#} other {#}}") == []


def test_an_icu_branch_dropped_is_no_negation_lost(default_encoder):
    """The whole check, with the model: the dropped ``=0 {No comments}`` is one finding, a
    missing branch, and its "No" is no negation the translation lost."""
    record = pairs_alignment([
        ("{count, plural, =0 {No comments} one {# comment} other {# comments}}",
         "{count, plural, one {# commentaire} other {# commentaires}}")])
    record.source.language, record.translation.language = "en", "fr"
    check_alignment(record, default_encoder, source_text=document_text(record.source),
                    translation_text=document_text(record.translation))
    kinds = [(f.kind, f.severity) for f in record.links[0].findings if f.severity != "info"]
    assert kinds == [("mechanical", "minor")]


def test_a_tag_is_a_tag_whether_its_attributes_are_quoted_or_not():
    """HTML allows ``<img src=a.png alt=logo>``: the tag is read whole, not left as text,
    and is the quoted one of the other side."""
    assert mechanical([
        ("See <img src=a.png alt=logo> here.", 'Voir <img src="a.png" alt="logo"> ici.'),
        ('Click <a href=/help>here</a>.', "Cliquez <a href='/help'>ici</a>."),
    ]) == [[], []]
