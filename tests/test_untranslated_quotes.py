"""The untranslated check on quotations kept in the source language: a translated sentence
that keeps a quotation as its source wrote it is a quotation kept, minor, pointed to at the
quotation; a sentence left in the source language, quotation and all, stays major."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment


def untranslated(pairs, languages):
    """Each pair's untranslated findings, as (severity, reason, texts of the spans)."""
    record = check_alignment(pairs_alignment(pairs, languages=languages))
    return [[(f.severity, f.reason, [s.text for s in f.spans])
             for f in link.findings if f.kind == "untranslated"]
            for link in record.links]


KRIEG = "Wir wollen keinen Krieg, und wir werden ihn auch nicht beginnen."


@pytest.mark.parametrize(("languages", "source", "translation", "quote"), [
    # The historian's memoir: Gorky's words kept in Russian in the English translation.
    (("ru", "en"), "Горький сказал мне: «Это не революция, это погром» [sic].",
     "Gorky said to me: «Это не революция, это погром» [sic].",
     "«Это не революция, это погром»"),
    # Louis XV's French kept in English quotation marks: "As" and "said" are English, and
    # "Louis XV" is the sentence's own name.
    (("fr", "en"), "Comme disait Louis XV, « l'État, c'est moi ».",
     'As Louis XV said, "l\'État, c\'est moi".', '"l\'État, c\'est moi"'),
    (("fr", "en"), "Louis XV aurait dit : « L'État, c'est moi. »",
     'As Louis XV said, "l\'État, c\'est moi".', '"l\'État, c\'est moi"'),
    # German quotation marks, and curly English ones.
    (("de", "en"), f"Der Kaiser schrieb an den Zaren: „{KRIEG}“",
     f"The Kaiser wrote to the Tsar: „{KRIEG}“", f"„{KRIEG}“"),
    (("de", "en"), f"Der Kaiser schrieb an den Zaren: „{KRIEG}“",
     f"The Kaiser wrote to the Tsar: “{KRIEG}”", f"“{KRIEG}”"),
    # Japanese corner brackets.
    (("ja", "en"), "大臣は記者団に「これは革命ではなく、ただの暴動にすぎない」と語った。",
     "The minister told the press: 「これは革命ではなく、ただの暴動にすぎない」.",
     "「これは革命ではなく、ただの暴動にすぎない」"),
])
def test_a_quotation_kept_in_a_translated_sentence_is_minor_at_the_quotation(
        languages, source, translation, quote):
    (found,), = untranslated([(source, translation)], languages)
    assert found == ("minor", f"a quotation kept in the source language: {quote}", [quote])


def test_a_quotation_kept_in_one_sentence_of_a_link_is_pointed_to_there():
    quote = "« Ce n'est pas une révolte, c'est une révolution, et elle ne fait que commencer. »"
    found, = untranslated([(
        f"Je suis allé voir le roi. Le duc lui a répondu aussitôt devant la cour : {quote}",
        f"I went to see the king. The duke answered him at once before the court: {quote}",
    )], ("fr", "en"))
    assert found == [("minor", f"a quotation kept in the source language: {quote}", [quote])]


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # Left as it is, quotation and all.
    (("ru", "en"), "Горький сказал мне: «Это не революция, это погром» [sic].",
     "Горький сказал мне: «Это не революция, это погром» [sic]."),
    (("fr", "en"), "Il m'a dit alors : « Ce n'est pas une révolution, c'est une émeute. »",
     "Il m'a dit alors : « Ce n'est pas une révolution, c'est une émeute. »"),
    # Reworded, still French outside the quotation.
    (("fr", "en"), "Il m'a dit alors : « Ce n'est pas une révolution, c'est une émeute. »",
     "Alors il m'a dit : « Ce n'est pas une révolution, c'est une émeute. »"),
    # Dialogue left untranslated: the quotation is most of the sentence (more than twice
    # the words of its translated frame), its content, not a quotation the sentence cites.
    (("en", "fr"), 'He said: "I do not know where the key is, and I have looked everywhere '
     'for it since this morning."', "Il a dit : « I do not know where the key is, and I have "
     "looked everywhere for it since this morning. »"),
    (("en", "fr"), '"I do not know where the key is, and I have looked everywhere for it '
     'since this morning," she said to her brother.', "« I do not know where the key is, "
     "and I have looked everywhere for it since this morning », dit-elle à son frère."),
    (("fr", "en"), "Le duc lui a répondu : « Ce n'est pas une révolte, c'est une révolution, "
     "et elle ne fait que commencer. »", "The duke answered him: « Ce n'est pas une révolte, "
     "c'est une révolution, et elle ne fait que commencer. »"),
    # A quotation mark inside a sentence left in French is no quotation kept.
    (("fr", "en"), "Le ministre a refusé de signer le « traité » avec la Russie hier soir.",
     "Le ministre a refusé de signer le « traité » avec la Russie hier soir."),
])
def test_a_sentence_left_in_the_source_language_with_its_quotation_stays_major(
        languages, source, translation):
    (found,), = untranslated([(source, translation)], languages)
    assert found[0] == "major"
    assert "quotation" not in found[1]


def test_apostrophes_are_no_quotation_marks():
    """The apostrophes of "l'État" and "don't" open and close no quotation: the French
    sentence is left untranslated as a whole."""
    (found,), = untranslated([(
        "Il n'a jamais dit que l'État c'était lui, ni qu'il s'en moquait.",
        "Il n'a jamais dit que l'État c'était lui, ni qu'il s'en moquait.",
    )], ("fr", "en"))
    assert found[0] == "major"
    assert "quotation" not in found[1]
