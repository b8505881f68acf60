"""English negative pronouns and adverbs with a clitic written onto them (docs/checks.md,
Meaning shift).

Dialogue and subtitles contract the verb after a negative pronoun: *Nothing's changed*,
*Nobody'll know*, *Nothing'd happen*, *Nowhere's safe*, and a negated auxiliary takes a
second clitic (*shouldn't've*).  The word negates as it does alone; the clitic ('s 'll 'd
've 're) is the verb, or the possessive (*nobody's fault*), and is not shown with the
negation.  Against a French side that negates as well (« Rien n'a changé. ») there is no
negation without counterpart, in either direction.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.meaning_shift import negations
from align.checks.pairs import document_text, pairs_alignment


def meaning_shifts(pair: tuple[str, str], languages: tuple[str, str], encoder):
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [f for f in record.links[0].findings if f.kind == "meaning-shift"]


@pytest.mark.parametrize("language", ["en", None])
@pytest.mark.parametrize(("text", "negation"), [
    ("Nothing's changed.", "Nothing"),
    ("Nothing’s changed.", "Nothing"),  # typographic apostrophe
    ("Nobody's asking you to.", "Nobody"),
    ("Nobody'll know.", "Nobody"),
    ("Nothing'd happen.", "Nothing"),
    ("Nowhere's safe.", "Nowhere"),
    ("None're left.", "None"),
    ("I think nothing's changed.", "nothing"),
    ("It's nobody's fault.", "nobody"),  # the possessive
    ("You shouldn't've done that.", "shouldn't"),
    ("No one's coming.", "No"),  # "one's" is no negation: counted once
])
def test_a_negation_with_a_clitic_negates_once_without_it(text, negation, language):
    assert [w.text for w in negations(text, language)] == [negation]


@pytest.mark.parametrize("text", ["The no's have it.", "It's John's car.", "We'd better go."])
def test_a_clitic_makes_nothing_a_negation(text):
    assert negations(text, "en") == []


@pytest.mark.parametrize(("english", "french"), [
    ("Nothing's changed.", "Rien n'a changé."),
    ("Nobody's asking you to.", "Personne ne te le demande."),
    ("Nothing’s changed.", "Rien n’a changé."),
    ("Nobody'll know.", "Personne ne le saura."),
    ("Nothing'd happen.", "Il ne se passerait rien."),
    ("Nowhere's safe.", "Aucun endroit n'est sûr."),
    ("No one's coming.", "Personne ne vient."),
    ("I think nothing's changed.", "Je crois que rien n'a changé."),
])
@pytest.mark.parametrize("english_first", [True, False])
def test_both_sides_negating_is_no_meaning_shift(default_encoder, english, french,
                                                 english_first):
    pair, languages = ((english, french), ("en", "fr")) if english_first else (
        (french, english), ("fr", "en"))
    assert meaning_shifts(pair, languages, default_encoder) == []


@pytest.mark.parametrize("english_first", [True, False])
def test_a_contracted_negation_reversed_is_still_reported(default_encoder, english_first):
    pair, languages, side = ((("Nothing's changed.", "Tout a changé."), ("en", "fr"), "source")
                             if english_first else
                             (("Tout a changé.", "Nothing's changed."), ("fr", "en"),
                              "translation"))
    found = meaning_shifts(pair, languages, default_encoder)
    assert len(found) == 1, found
    assert found[0].reason.startswith(f"the {side} negates (Nothing)")
    assert [s.text for s in found[0].spans if s.side == side] == ["Nothing"]
