"""A prohibition rendered as the positive instruction (docs/checks.md, Meaning shift).

A negation one side has and the other does not is *minor*: free literary renderings give
false ones.  But a prohibition, an instruction not to do something (*Do not unplug the
device*), whose verb the other side renders with no negation (« Débranchez l'appareil »)
may tell the reader to do the forbidden thing, or render the prohibition by the opposite
instruction (*Do not lose your receipt.* as « Conservez votre reçu. »), which neither the
word aligner nor the sentence vectors tell apart: the finding names the prohibition and
the instruction, *minor*.  Either way round, in English, French, German, Spanish, Italian
and Portuguese.  Real model, no mocks.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment


def shifts(pair: tuple[str, str], languages: tuple[str, str], encoder):
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [f for f in record.links[0].findings if f.kind == "meaning-shift"]


@pytest.mark.parametrize(("languages", "source", "translation", "phrase", "rendered"), [
    (("en", "fr"), "Do not unplug the device.", "Débranchez l'appareil.", "Do not unplug",
     "Débranchez"),
    (("en", "fr"), "Do not unplug the device during the update.",
     "Débranchez l'appareil pendant la mise à jour.", "Do not unplug", "Débranchez"),
    (("en", "fr"), "Don't touch the screen.", "Touchez l'écran.", "Don't touch", "Touchez"),
    (("en", "fr"), "Never open the cover while the power is on.",
     "Ouvrez le couvercle lorsque l'appareil est sous tension.", "Never open", "Ouvrez"),
    (("en", "fr"), "Warning: Do not unplug the device during the update.",
     "Avertissement : débranchez l'appareil pendant la mise à jour.", "Do not unplug",
     "débranchez"),
    (("en", "fr"), "1. Do not unplug the device.", "1. Débranchez l'appareil.",
     "Do not unplug", "Débranchez"),
    (("en", "fr"), "Please do not touch.", "Veuillez toucher.", "do not touch", "toucher"),
    (("en", "de"), "Do not open the cover.", "Öffnen Sie die Abdeckung.", "Do not open",
     "Öffnen"),
    (("en", "de"), "Do not touch the hot surface.", "Die heiße Oberfläche berühren.",
     "Do not touch", "berühren"),
    (("en", "es"), "Do not unplug the device.", "Desenchufe el dispositivo.", "Do not unplug",
     "Desenchufe"),
    (("en", "it"), "Do not touch the screen.", "Toccare lo schermo.", "Do not touch",
     "Toccare"),
    (("en", "pt"), "Do not touch the screen.", "Toque na tela.", "Do not touch", "Toque"),
    (("fr", "en"), "Ne débranchez pas l'appareil.", "Unplug the device.", "Ne débranchez pas",
     "Unplug"),
    (("fr", "en"), "Ne pas débrancher l'appareil.", "Unplug the device.", "Ne pas débrancher",
     "Unplug"),
    (("de", "en"), "Nicht berühren!", "Touch it!", "Nicht berühren", "Touch"),
    (("de", "en"), "Ziehen Sie nicht den Stecker.", "Pull the plug.", "Ziehen Sie nicht",
     "Pull"),
    (("de", "en"), "Keine Gegenstände in die Öffnungen stecken.",
     "Insert objects into the openings.", "Keine Gegenstände in die Öffnungen stecken",
     "Insert"),
    (("es", "en"), "No desenchufe el dispositivo.", "Unplug the device.", "No desenchufe",
     "Unplug"),
    (("it", "en"), "Non toccare lo schermo.", "Touch the screen.", "Non toccare", "Touch"),
    (("pt", "en"), "Não abra a tampa.", "Open the cover.", "Não abra", "Open"),
    # The translation adds a prohibition the source does not have.
    (("en", "fr"), "Unplug the device.", "Ne débranchez pas l'appareil.", "Ne débranchez pas",
     "Unplug"),
])
def test_a_prohibition_rendered_as_an_instruction_is_named(
        default_encoder, languages, source, translation, phrase, rendered):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert f"«{phrase}» is a prohibition, and the" in found[0].reason
    assert f"gives «{rendered}» as an instruction" in found[0].reason
    assert rendered in [s.text for s in found[0].spans]


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("en", "fr"), "Do not unplug the device.", "Ne débranchez pas l'appareil."),
    (("en", "fr"), "Never open the cover.", "N'ouvrez jamais le couvercle."),
    (("fr", "en"), "Ne pas débrancher l'appareil.", "Do not unplug the device."),
    (("de", "en"), "Nicht berühren.", "Do not touch."),
    (("en", "de"), "Do not pull the plug.", "Ziehen Sie nicht den Stecker."),
    (("es", "en"), "No toque la superficie caliente.", "Do not touch the hot surface."),
])
def test_a_faithful_prohibition_has_no_finding(default_encoder, languages, source,
                                               translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # A negation of a statement dropped: reversed, as before, but no instruction.
    (("en", "fr"), "He did not unplug the device.", "Il a débranché l'appareil."),
    (("en", "fr"), "She never opened the door.", "Elle ouvrit la porte."),
    (("es", "en"), "No habla inglés.", "He speaks English."),
    # A positive instruction rendered by the prohibition of its opposite (Alice in
    # Wonderland): the verb forbidden is not the one instructed.
    (("en", "fr"), "' Keep your temper , ' said the Caterpillar .",
     "\" Ne vous emportez pas , \" dit la Chenille ."),
    (("en", "fr"), "Stay seated.", "Ne vous levez pas."),
    (("fr", "en"), "Ne pas ouvrir.", "Keep closed."),
])
def test_a_negation_dropped_elsewhere_stays_minor(default_encoder, languages, source,
                                                  translation):
    assert [f.severity for f in shifts((source, translation), languages,
                                       default_encoder)] == ["minor"]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Do not be alarmed.", ("not", "be")),
    ("en", "• Never open the cover.", ("Never", "open")),
    ("en", "To avoid damage, do not bend the cable.", ("not", "bend")),
    ("fr", "N'utilisez pas d'eau.", ("pas", "N'utilisez")),
    ("fr", "Ne le touchez jamais.", ("jamais", "touchez")),
    ("fr", "Attention : ne jamais laisser un enfant seul.", ("jamais", "laisser")),
    ("de", "Berühren Sie das Gerät nicht.", ("nicht", "Berühren")),
    ("es", "Para evitar daños, no lo toque.", ("no", "toque")),
    ("it", "Non toccate!", ("Non", "toccate")),
    ("pt", "Não tocar.", ("Não", "tocar")),
])
def test_prohibitions_are_read_at_a_clause_start(language, text, expected):
    from align.checks.meaning_shift import prohibitions

    assert [(n.text, v.text) for n, v, _ in prohibitions(text, language)] == [expected]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I do not know."),
    ("en", "Never had I seen such a thing."),
    ("en", "Never mind."),
    ("en", "Do not you think so?"),
    ("en", "They came, never knowing why."),
    ("fr", "Il ne débranche pas l'appareil."),
    ("fr", "Ne sachant pas quoi faire, il partit."),
    ("fr", "Ne venais-je pas de le dire ?"),
    ("fr", "Ne savait pas quoi dire."),
    ("de", "Er zieht nicht den Stecker."),
    ("de", "Haben Sie nicht gesagt, dass er kommt?"),
    ("de", "Nicht lange danach kamen sie an."),
    ("es", "No sabe nada."),
    ("es", "No hablaba."),
    ("it", "Non so niente."),
    ("pt", "Não é verdade."),
    ("nl", "Niet aanraken."),
])
def test_statements_and_questions_are_no_prohibitions(language, text):
    from align.checks.meaning_shift import prohibitions

    assert prohibitions(text, language) == []


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # A prohibition rendered by the opposite instruction: faithful, and never major.
    (("en", "fr"), "Do not lose your receipt.", "Conservez votre reçu."),
    (("en", "fr"), "Do not turn off the computer.", "Laissez l'ordinateur allumé."),
    (("en", "es"), "Do not leave the door open.", "Cierre la puerta."),
    (("fr", "en"), "Ne jetez pas l'emballage.", "Keep the packaging."),
    # A statement in the form of a plural imperative.
    (("it", "en"), "Non potete entrare.", "You can enter."),
])
def test_an_opposite_instruction_is_no_major_finding(default_encoder, languages, source,
                                                     translation):
    assert "major" not in [f.severity for f in shifts((source, translation), languages,
                                                      default_encoder)]
