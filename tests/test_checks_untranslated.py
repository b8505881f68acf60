"""The untranslated check on hand-written strings: what it compares and what it calls the
source language."""

from __future__ import annotations

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def untranslated(pairs, languages=("en", "fr")) -> list[list[tuple[str, str]]]:
    """Each pair's untranslated findings, as (severity, reason)."""
    record = pairs_alignment(pairs, languages=languages)
    check_alignment(record)
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "untranslated"]
            for link in record.links]


def test_placeholders_tags_names_and_numbers_do_not_make_a_translation_english():
    """The letters of ``%1$s`` and ``%d``, the words of a tag (``a``, ``href``) and a
    name with a number are the program's or the world's, not English words left behind."""
    found = untranslated([
        ("%1$s deleted %2$d files", "%1$s a supprimé %2$d fichiers"),
        ("%s deleted %d files", "%s a supprimé %d fichiers"),
        ("{user} deleted {count} files", "{user} a supprimé {count} fichiers"),
        ("Marie deleted 3 files", "Marie a supprimé 3 fichiers"),
        ('<a href="/settings">Settings</a>', '<a href="/settings">Réglages</a>'),
        ('<a href="/help">Contact us</a> at help@example.org',
         '<a href="/help">Écrivez-nous</a> à help@example.org'),
    ])
    assert found == [[]] * 6


def test_a_copy_is_a_copy_of_the_words_whatever_the_markup_around_them():
    found = untranslated([
        ("<b>Remove all the files now</b>", "<strong>Remove all the files now</strong>"),
        ("%s deleted %d files", "%s deleted %d files"),
    ])
    assert found[0] == [("major", "the translation is identical to the source but for its "
                                  "placeholders or tags")]
    assert found[1] == [("minor", "the translation is identical to the source")]


def test_three_english_words_left_in_a_french_translation_are_untranslated():
    found = untranslated([
        ("No network connection.", "You are offline."),
        ("No network connection.", "Vous êtes hors ligne."),
        ("Paul replied.", "Paul a répondu."),  # too short to tell: two words of running text
    ])
    assert found == [
        [("minor", "the translation reads as en, the source language")],
        [],
        [],
    ]


def test_a_quotation_in_a_third_language_kept_by_both_texts_is_no_source_text():
    """Virgil's Latin kept as written in a French text and its English translation shares
    a word with French ("qui"), not enough to read as French; French left in the English
    translation, quoted the English way, is still the source repeated."""
    found = untranslated([
        ("« Arma virumque cano, Troiae qui primus ab oris Italiam fato profugus "
         "Laviniaque venit litora. »",
         '"Arma virumque cano, Troiae qui primus ab oris Italiam fato profugus '
         'Laviniaque venit litora."'),
        ("« Il est parti hier soir avec sa femme et ses enfants. »",
         '"Il est parti hier soir avec sa femme et ses enfants."'),
    ], languages=("fr", "en"))
    assert found[0] == []
    assert [reason for _, reason in found[1]] == ["the translation repeats the source text"]


def test_a_table_row_of_identifiers_and_numbers_is_no_prose_left_untranslated():
    """Identifiers (snake_case, camelCase, dotted names) and numbers are the program's:
    at most info, as one word is; a row of prose words copied is still a copy."""
    found = untranslated([
        ("| cache_size | 512 |", "| cache_size | 512 |"),
        ("| maxRetries | app.timeout_ms | 30 |", "| maxRetries | app.timeout_ms | 30 |"),
        ("| threads | 4 |", "| threads | 4 |"),
        ("| number of worker threads | 4 |", "| number of worker threads | 4 |"),
    ])
    assert found == [
        [("info", "the translation is identical to the source")],
        [("info", "the translation is identical to the source")],
        [("info", "the translation is identical to the source")],
        [("major", "the translation is identical to the source")],
    ]


def test_an_icu_plural_is_read_one_branch_at_a_time_and_a_renamed_argument_is_no_copy():
    """A reader sees one branch of an ICU plural: "photo" or "photos", one word that French
    writes as English does; the translation renamed the argument, so it is not identical
    to the source (the placeholder check reports the renaming)."""
    found = untranslated([
        ("{count, plural, one {# photo} other {# photos}}",
         "{total, plural, one {# photo} other {# photos}}"),
        ("{count, plural, one {# file deleted} other {# files deleted}}",
         "{count, plural, one {# file deleted} other {# files deleted}}"),
    ])
    assert found == [
        [("info", "the translation is identical to the source but for its placeholders or "
                  "tags")],
        [("minor", "the translation is identical to the source")],
    ]


def test_a_short_italian_sentence_with_the_preposition_a_is_not_english():
    """Italian "a" (at, to) is no word of the function-word profile of Italian but one of
    English's: "rimasti a casa a" once read as English.  The sentence's other words are
    Italian, and English left in the Italian translation, long or short, is still found."""
    found = untranslated([
        ("We stayed home at Christmas.", "Siamo rimasti a casa a Natale."),
        ("I am going to Rome in May.", "Vado a Roma a maggio con mia sorella."),
        ("We stayed home at Christmas.", "We stayed at home for Christmas."),
        ("They left early.", "We stayed home."),
    ], languages=("en", "it"))
    assert found[0] == []
    assert found[1] == []
    assert [severity for severity, _ in found[2]] == ["major"]
    assert found[3] == [("minor", "the translation reads as en, the source language")]


def test_a_short_spanish_or_catalan_sentence_with_the_preposition_a_is_not_english():
    found = untranslated([("Let's eat at home.", "Vamos a comer a casa.")], languages=("en", "es"))
    found += untranslated([("Let's walk home.", "Anem a casa a peu.")], languages=("en", "ca"))
    assert found == [[], []]
