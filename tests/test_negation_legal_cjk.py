"""Negations in contracts and in Chinese and Japanese (docs/checks.md, Meaning shift).

A contract forbids with a modal and a negation (« darf … nicht », *shall not*, « ne doit
pas »); rendered by the modal alone it commands what the source forbids, and the finding
names the prohibition and what renders it.  "no later than", "without undue delay" bound a
time or say how, and negate nothing.  A Chinese or Japanese negation, a piece of a word the
word aligner pairs whole, turned into an affirmation is found as the same flip between
European languages is: minor.  Real model, no mocks.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.base import Word, words
from align.checks.meaning_shift import negations
from align.checks.pairs import document_text, pairs_alignment


def shifts(pair: tuple[str, str], languages: tuple[str, str], encoder):
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [f for f in record.links[0].findings if f.kind == "meaning-shift"]


_SUBCONTRACT_DE = ("Der Auftragnehmer darf Unterauftragnehmer nicht ohne vorherige schriftliche "
                   "Zustimmung des Auftraggebers einsetzen.")


@pytest.mark.parametrize(("languages", "source", "translation", "phrase", "rendered"), [
    # The reviewer's contract: the prohibition's "nicht" dropped, its "ohne" kept.
    (("de", "en"), _SUBCONTRACT_DE,
     "The Contractor shall engage subcontractors without the prior written consent of the "
     "Client.", "darf … nicht", "shall engage"),
    (("de", "en"), "Der Auftragnehmer darf keine Unterauftragnehmer einsetzen.",
     "The Contractor shall engage subcontractors.", "darf keine", "shall engage"),
    (("en", "fr"), "The Licensee shall not sublicense the Licensed Software.",
     # "sublicense" is paired with « sous-licence », not « concéder »: the modal alone.
     "Le Licencié doit concéder de sous-licence sur le Logiciel sous licence.", "shall not",
     "doit"),
    (("fr", "en"), "Le Licencié ne doit pas concéder de sous-licence sur le Logiciel.",
     "The Licensee shall grant sublicenses of the Software.", "ne doit pas", "shall grant"),
    (("en", "de"), "The Supplier must not disclose the data.",
     "Der Lieferant muss die Daten offenlegen.", "must not", "muss"),
])
def test_a_modal_prohibition_rendered_as_an_obligation_is_named(
        default_encoder, languages, source, translation, phrase, rendered):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert f"«{phrase}» is a prohibition" in found[0].reason, found[0].reason
    assert f"gives «{rendered}» as an instruction" in found[0].reason, found[0].reason


def test_a_without_in_the_instruction_does_not_negate_its_verb(default_encoder):
    # « sans » negates its own phrase: « Partez » still tells the reader to leave.
    found = shifts(("Do not leave without your receipt.", "Partez sans votre reçu."),
                   ("en", "fr"), default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert "«Do not leave» is a prohibition" in found[0].reason, found[0].reason


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "It may not rain tomorrow.", []),  # a possibility
    ("en", "The Licensee may not assign this Agreement.", ["may not"]),
    ("fr", "Le Licencié ne peut pas céder le Contrat.", ["ne peut pas"]),
    ("de", "Der Auftragnehmer muss keine Berichte vorlegen.", []),  # need not
    ("de", "dass der Auftragnehmer keine Daten offenlegen darf.", ["keine … darf"]),
    ("es", "El Licenciatario no debe ceder el contrato.", ["no debe"]),
])
def test_modal_prohibitions_read(language, text, expected):
    from align.checks.meaning_shift import _stated, modal_prohibitions

    assert [_stated(text, modal, negation)
            for negation, modal, _ in modal_prohibitions(text, language)] == expected


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("de", "en"), _SUBCONTRACT_DE,
     "The Contractor shall not engage subcontractors without the prior written consent of "
     "the Client."),
    (("de", "en"), "Der Auftragnehmer darf keine Unterauftragnehmer einsetzen.",
     "The Contractor shall not engage subcontractors."),
    (("en", "fr"), "The Licensee shall not sublicense the Licensed Software.",
     "Le Licencié ne doit pas concéder de sous-licence sur le Logiciel sous licence."),
    (("en", "de"), "The Supplier must not disclose the data.",
     "Der Lieferant darf die Daten nicht offenlegen."),
])
def test_a_prohibition_kept_is_no_shift(default_encoder, languages, source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Contractor shall notify the Client without undue delay, but no later than "
           "within 2 hours."),
    ("en", "The invoice shall be paid not later than 30 days after receipt."),
    ("en", "The term is not more than 12 months and no less than 6 months."),
    ("en", "The Client shall be informed without delay."),
    ("en", "Payment is due no earlier than 1 March."),
    ("fr", "Le Prestataire informe le Client sans délai de tout incident."),
    ("de", "Der Auftragnehmer meldet jede Störung unverzüglich, spätestens jedoch innerhalb "
           "von 2 Stunden."),
])
def test_a_bound_or_a_manner_is_no_negation(language, text):
    assert negations(text, language) == []


def test_a_bound_against_its_german_is_no_shift(default_encoder):
    found = shifts(("Der Auftragnehmer meldet dem Auftraggeber jede Störung der Systeme "
                    "unverzüglich, spätestens jedoch innerhalb von 2 Stunden.",
                    "The Contractor shall notify the Client of any system malfunction without "
                    "undue delay, but no later than within 2 hours."), ("de", "en"),
                   default_encoder)
    assert found == []


def test_no_later_than_still_negates_where_a_negation_follows():
    # "no later than" is a bound; the "not" of the same sentence still negates.
    found = negations("Payment is not due, and no later than May the account closes.", "en")
    assert [w.text for w in found] == ["not"]


@pytest.mark.parametrize(("languages", "source", "translation", "negation"), [
    (("zh", "en"), "公司不会在本年度进行大规模并购。",
     "The company will undertake several large-scale acquisitions this year.", "不"),
    (("en", "zh"), "The company will not undertake any large-scale acquisitions this year.",
     "公司将在本年度进行大规模并购。", "not"),
    (("ja", "en"), "浜松工場での生産は継続し、閉鎖する予定はありません。",
     "Production at the existing Hamamatsu plant will continue, and there are plans to "
     "close it.", "ません"),
])
def test_a_flipped_cjk_negation_is_minor(default_encoder, languages, source, translation,
                                        negation):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert f"negates ({negation})" in found[0].reason


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("zh", "en"), "公司不会在本年度进行大规模并购。",
     "The company will not undertake any large-scale acquisitions this year."),
    (("ja", "en"), "浜松工場での生産は継続し、閉鎖する予定はありません。",
     "Production at the existing Hamamatsu plant will continue, and there are no plans to "
     "close it."),
])
def test_a_kept_cjk_negation_is_no_shift(default_encoder, languages, source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("zh", "这非常重要。", []),  # very
    ("zh", "他来自非洲。", []),  # Africa
    ("zh", "除非你同意，我们不会签字。", ["不"]),  # unless … will not
    ("zh", "这并非事实。", ["非"]),  # is not
    ("zh", "这是非法的。", ["非"]),  # illegal
    ("zh", "他不但聪明，而且努力。", []),  # not only
    ("zh", "无论如何我们都会来。", []),  # regardless
    ("zh", "他的收入不断增加。", []),  # constantly
    ("zh", "他没想到会下雨。", ["没"]),  # did not expect
    ("ja", "問題は無いと思います。", ["無い"]),
    ("ja", "お金が無かった。", ["無かった"]),
])
def test_chinese_and_japanese_negations(language, text, expected):
    assert [w.text for w in negations(text, language)] == expected


# A negated verb of exceeding sets an upper bound ("shall not exceed" = at most), one of
# falling below a lower bound ("must not be less than" = at least): a translation that
# states the same bound with its own word (« höchstens », « au plus », "at least") renders
# it; one that states the opposite bound, or the verb un-negated, does not.
_FEE_CAP = "The fee shall not exceed EUR 5,000."
_FEE_FLOOR = "The fee must not be less than EUR 5,000."


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("en", "de"), _FEE_CAP, "Die Vergütung beträgt höchstens 5.000 EUR."),
    (("en", "de"), _FEE_CAP, "Die Vergütung beträgt maximal 5.000 EUR."),
    (("en", "fr"), _FEE_CAP, "La rémunération est d'au plus 5 000 EUR."),
    (("en", "fr"), _FEE_CAP, "La rémunération est de 5 000 EUR au maximum."),
    (("en", "fr"), _FEE_CAP, "La rémunération ne dépasse pas 5 000 EUR."),
    (("en", "es"), _FEE_CAP, "La remuneración será como máximo de 5.000 EUR."),
    (("en", "it"), "The term shall not exceed 12 months.", "La durata è al massimo di 12 mesi."),
    (("de", "en"), "Die Vergütung darf 5.000 EUR nicht überschreiten.",
     "The fee shall be at most EUR 5,000."),
    (("es", "en"), "La remuneración no podrá superar los 5.000 EUR.",
     "The fee shall be at most EUR 5,000."),
    (("it", "en"), "Il compenso non può superare 5.000 EUR.",
     "The fee shall be at most EUR 5,000."),
    (("pt", "en"), "A remuneração não pode ultrapassar 5.000 EUR.",
     "The fee shall be at most EUR 5,000."),
    (("en", "de"), _FEE_FLOOR, "Die Vergütung beträgt mindestens 5.000 EUR."),
    (("en", "fr"), _FEE_FLOOR, "La rémunération est d'au moins 5 000 EUR."),
    (("fr", "en"), "La rémunération ne peut être inférieure à 5 000 EUR.",
     "The fee shall be at least EUR 5,000."),
    (("de", "en"), "Die Vergütung darf 5.000 EUR nicht unterschreiten.",
     "The fee shall be at least EUR 5,000."),
])
def test_a_negated_verb_of_exceeding_rendered_by_its_bound_is_no_shift(
        default_encoder, languages, source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("languages", "source", "translation", "said"), [
    # The opposite bound: named as such.
    (("en", "de"), _FEE_CAP, "Die Vergütung beträgt mindestens 5.000 EUR.", "mindestens"),
    (("en", "fr"), _FEE_FLOOR, "La rémunération est d'au plus 5 000 EUR.", "au plus"),
    (("de", "en"), "Die Vergütung darf 5.000 EUR nicht unterschreiten.",
     "The fee shall be at most EUR 5,000.", "at most"),
    # The verb stated un-negated.
    (("en", "de"), _FEE_CAP, "Die Vergütung überschreitet 5.000 EUR.", None),
    (("en", "fr"), _FEE_CAP, "La rémunération dépasse 5 000 EUR.", None),
    # No bound at all.
    (("en", "de"), _FEE_CAP, "Die Vergütung beträgt 5.000 EUR.", None),
])
def test_a_bound_turned_round_or_dropped_is_still_a_shift(
        default_encoder, languages, source, translation, said):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    if said is not None:
        assert f"gives «{said}», the opposite bound" in found[0].reason, found[0].reason


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("zh", "en"), "费用不得超过5000欧元。", "The fee shall be at most EUR 5,000."),
    (("en", "zh"), _FEE_CAP, "费用最多为5000欧元。"),
    (("en", "zh"), _FEE_CAP, "费用为5000欧元以下。"),
    (("ja", "en"), "報酬は5,000ユーロを超えないものとする。",
     "The fee shall be at most EUR 5,000."),
    (("en", "ja"), _FEE_FLOOR, "報酬は少なくとも5,000ユーロとする。"),
])
def test_a_cjk_negated_verb_of_exceeding_rendered_by_its_bound_is_no_shift(
        default_encoder, languages, source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("languages", "source", "translation", "phrase", "said"), [
    (("zh", "en"), "费用不得低于5000欧元。", "The fee shall be at most EUR 5,000.", "不得低于",
     "at most"),  # shall not be below: at least
    (("en", "fr"), _FEE_FLOOR, "La rémunération est d'au plus 5 000 EUR.", "not be less than",
     "au plus"),
])
def test_a_bound_turned_round_is_quoted(default_encoder, languages, source, translation,
                                        phrase, said):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert f"«{phrase}» sets a bound, and the" in found[0].reason, found[0].reason
    assert found[0].reason.endswith(f"gives «{said}», the opposite bound"), found[0].reason


def test_a_negation_beside_a_rendered_bound_is_still_found(default_encoder):
    # The bound is rendered (« höchstens »), the refund's prohibition is not: its "not" is
    # the one found.
    source = "The fee shall not exceed EUR 5,000 and shall not be refunded."
    found = shifts((source, "Die Vergütung beträgt höchstens 5.000 EUR und wird erstattet."),
                   ("en", "de"), default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    negated = [s for s in found[0].spans if s.side == "source"]
    assert [(s.start, s.text) for s in negated] == [(source.rindex("not"), "not")], negated


# A word that may state a bound ("up to", « hasta », « até », « jusqu'à », „bis zu“,
# « まで ») states one only beside an amount: before a month it says until, and the
# negation it stood in for is lost.
_OVER_BUDGET = "The supplier shall not exceed the budget."


@pytest.mark.parametrize(("languages", "translation", "severities"), [
    (("en", "pt"), "O fornecedor gastará o orçamento até maio.", ["minor"]),
    (("en", "es"), "El proveedor gastará el presupuesto hasta mayo.", ["minor"]),
    (("en", "fr"), "Le fournisseur dépensera le budget jusqu'à mai.", ["minor"]),
    # The aligner pairs "not" with « Mai », a word in its place: a rewording, maybe.
    (("en", "de"), "Der Lieferant wird das Budget bis zu Mai ausgeben.", ["info"]),
])
def test_a_bound_word_without_an_amount_renders_no_bound(default_encoder, languages,
                                                         translation, severities):
    found = shifts((_OVER_BUDGET, translation), languages, default_encoder)
    assert [f.severity for f in found] == severities, found
    assert found[0].reason.startswith("the source negates (not)"), found[0].reason


@pytest.mark.parametrize(("languages", "source", "translation", "preposition"), [
    (("en", "fr"), "The parties shall not extend the term.",
     "Les parties prolongent le délai jusqu'à mai.", "jusqu'à"),
    (("en", "es"), "The tenant must not stay.", "El inquilino hasta mayo.", "hasta"),
])
def test_a_preposition_is_never_named_as_the_instruction(default_encoder, languages, source,
                                                         translation, preposition):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert f"«{preposition}» as an instruction" not in found[0].reason, found[0].reason


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("en", "es"), _FEE_CAP, "La remuneración será de hasta 5.000 EUR."),
    (("en", "pt"), _FEE_CAP, "A remuneração será de até 5.000 EUR."),
    (("en", "de"), _FEE_CAP, "Die Vergütung beträgt bis zu 5.000 EUR."),
    (("en", "ja"), _FEE_CAP, "報酬は5,000ユーロまでとする。"),
    (("en", "fr"), _FEE_CAP, "La rémunération est de 5 000 EUR maximum."),
    # A preposition or an adjective of the other side states no verb of exceeding.
    (("de", "en"), "Die Vergütung darf 5.000 EUR nicht überschreiten.",
     "The fee shall be at most EUR 5,000, as set out above."),
    (("en", "es"), _FEE_CAP,
     "La remuneración será como máximo de 5.000 EUR, según el Tribunal Superior."),
])
def test_a_bound_word_beside_an_amount_renders_the_bound(default_encoder, languages, source,
                                                         translation):
    assert shifts((source, translation), languages, default_encoder) == []


def test_whether_a_negation_is_fused_is_read_from_the_word():
    from align.checks.base import Word
    from align.checks.meaning_shift import _fused

    # An English "not" quoted in a Chinese text is a word of its own.
    assert not _fused(Word("not", 3, 6), "zh")
    assert _fused(Word("不", 2, 3), "zh", "公司不会并购。")
    assert _fused(Word("않", 6, 7), None, "그는 오지 않았다.")
    # A piece of a word of ordinary vocabulary negates no verb: real estate, constantly.
    assert not _fused(Word("不", 5, 6), "zh", "他购买了一不动产。")
    assert not _fused(Word("없", 6, 7), None, "우리는 끊임없이 개선합니다.")


def test_a_latin_negation_in_a_cjk_text_bounds_as_its_words_say():
    from align.checks.meaning_shift import _bounds

    text = "费用条款：The fee shall not exceed EUR 5,000."
    negation = next(w for w in words(text) if w.text == "not")
    found = _bounds(text, "zh", [negation], "Die Vergütung beträgt höchstens 5.000 EUR.", "de",
                    [])
    assert found.rendered == [negation]


# A Chinese, Japanese or Korean negation inside a word of ordinary vocabulary ("不动产":
# real estate, "無人機": drone, "끊임없이": constantly, "つまらない": boring) negates no verb:
# a faithful translation without a negation is no reversal.
@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("zh", "en"), "他购买了一处不动产。", "He bought a piece of real estate."),
    (("zh", "en"), "该产品存在质量不良问题。", "The product has quality defects."),
    (("zh", "en"), "未成年人须在监护人陪同下入场。", "Minors must be accompanied by a guardian."),
    (("zh", "en"), "会议时间待定，地点未定。", "The meeting time and venue are to be determined."),
    (("en", "zh"), "The police use drones to monitor the crowd.", "警方使用无人机监控人群。"),
    (("ko", "en"), "우리는 끊임없이 제품을 개선합니다.", "We constantly improve our products."),
    (("ko", "en"), "나이에 상관없이 누구나 참여할 수 있습니다.",
     "Anyone can take part regardless of age."),
    (("ko", "en"), "그는 틀림없이 올 것이다.", "He will certainly come."),
    (("ja", "en"), "この映画はつまらない。", "This film is boring."),
])
def test_a_cjk_negation_inside_a_word_is_no_reversal(default_encoder, languages, source,
                                                     translation):
    found = shifts((source, translation), languages, default_encoder)
    assert [f for f in found if f.severity != "info"] == [], found


# A negation of a verb or an auxiliary turned into an affirmation is still a reversal.
@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("zh", "en"), "他不能参加会议。", "He can attend the meeting."),
    (("zh", "en"), "我们没有收到付款。", "We have received the payment."),
    (("ja", "en"), "彼は会議に来なかった。", "He came to the meeting."),
    (("ko", "en"), "그는 회의에 오지 않았다.", "He came to the meeting."),
    (("ko", "en"), "지금은 참석할 수 없습니다.", "You can attend now."),
])
def test_a_cjk_negation_of_a_verb_turned_round_is_minor(default_encoder, languages, source,
                                                         translation):
    found = shifts((source, translation), languages, default_encoder)
    assert [f.severity for f in found] == ["minor"], found


# A verb of forbidding or refraining states the prohibition that the other side states with
# a negation: the negation's counterpart, so the sentence is faithful.
@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("en", "es"), "The Supplier shall not disclose any confidential information.",
     "El Proveedor se abstendrá de divulgar información confidencial."),
    (("fr", "en"), "Le fournisseur ne doit pas divulguer les informations.",
     "The supplier is prohibited from disclosing the information."),
    (("es", "en"), "El proveedor no debe divulgar la información.",
     "The supplier is prohibited from disclosing the information."),
    (("es", "en"), "Queda prohibido fumar en el edificio.",
     "Smoking is not permitted in the building."),
    (("en", "de"), "The Supplier shall not disclose any confidential information.",
     "Dem Lieferanten ist es untersagt, vertrauliche Informationen offenzulegen."),
    (("en", "it"), "The Supplier shall not disclose any confidential information.",
     "Il Fornitore si asterrà dal divulgare informazioni riservate."),
    # "not without" is "only with".
    (("en", "de"), "The Tenant may not keep pets without the Landlord's consent.",
     "Der Mieter darf Haustiere nur mit Zustimmung des Vermieters halten."),
])
def test_a_prohibition_stated_by_a_verb_of_forbidding_is_no_shift(default_encoder, languages,
                                                                  source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


# Both bounds in one sentence: each negated bound is rendered by the bound word of its own
# direction, whatever other bound words stand beside it.
@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("en", "de"), "The term shall be at least one year and shall not exceed five years.",
     "Die Laufzeit beträgt mindestens ein Jahr und höchstens fünf Jahre."),
    (("en", "fr"), "The term shall be at least one year and shall not exceed five years.",
     "La durée est d'au moins un an et d'au plus cinq ans."),
    (("en", "de"), "The deposit must not be less than EUR 500 and may not exceed EUR 2,000.",
     "Die Kaution beträgt mindestens 500 EUR und höchstens 2.000 EUR."),
])
def test_both_bounds_rendered_by_their_words_are_no_shift(default_encoder, languages, source,
                                                          translation):
    assert shifts((source, translation), languages, default_encoder) == []


def test_a_bound_word_is_never_named_as_an_instruction(default_encoder):
    # Only the upper bound is rendered, and by its opposite: a bound turned, not an
    # instruction, whatever word the aligner pairs with "shall".
    found = shifts(("The term shall be at least one year and shall not exceed five years.",
                    "Die Laufzeit beträgt mindestens ein Jahr und mindestens fünf Jahre."),
                   ("en", "de"), default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert "as an instruction" not in found[0].reason, found[0].reason


def test_a_bound_word_may_not_instruct():
    from align.checks.meaning_shift import _may_instruct

    text = "Die Laufzeit beträgt mindestens ein Jahr und höchstens fünf Jahre."
    start = text.index("höchstens")
    assert not _may_instruct(Word("höchstens", start, start + 9), "de", text)
    start = text.index("beträgt")
    assert _may_instruct(Word("beträgt", start, start + 7), "de", text)


def test_a_prohibition_reversed_beside_a_kept_without_is_named(default_encoder):
    # „nicht ohne“ (only with) as "without": the Supplier may now assign freely.
    found = shifts(("Der Lieferant darf diesen Vertrag nicht ohne Zustimmung des Kunden "
                    "abtreten.",
                    "The Supplier may assign this Agreement without the Client's consent."),
                   ("de", "en"), default_encoder)
    assert [f.severity for f in found] == ["minor"], found
    assert "«darf … nicht» is a prohibition" in found[0].reason, found[0].reason


@pytest.mark.parametrize(("languages", "source", "translation"), [
    (("zh", "de"), "千万不要忘记带护照。", "Be sure not to forget your passport."),
    (("ja", "de"), "会社は今後3年間、新株を発行する予定はありません。",
     "The company has no plans to issue new shares over the next three years."),
])
def test_a_line_in_another_language_than_its_file_is_read_in_its_own(default_encoder, languages,
                                                                      source, translation):
    # A file of pairs mostly into German holds a line into English: its "not" negates.
    # ("not to forget" may still be read as a litotes against « 不要忘记 »: info at most.)
    found = shifts((source, translation), languages, default_encoder)
    assert [f for f in found if f.severity != "info"] == [], found


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # A bound stated on both sides by a negated comparative: nothing negated is lost.
    (("en", "de"), "The journey took not more than three hours.",
     "Die Fahrt dauerte nicht mehr als drei Stunden."),
    (("de", "en"), "Der Tank fasst nicht mehr als 50 Liter.",
     "The tank holds not more than 50 litres."),
    (("en", "de"), "Use no more than two tablets a day.",
     "Nehmen Sie nicht mehr als zwei Tabletten täglich."),
    (("en", "de"), "The deposit is not less than EUR 500.",
     "Die Kaution beträgt nicht weniger als 500 EUR."),
    (("en", "fr"), "The tank holds not more than 50 litres.",
     "Le réservoir ne contient pas plus de 50 litres."),
    (("en", "fr"), "The journey took not more than three hours.",
     "Le voyage n'a pas duré plus de trois heures."),
    (("en", "fr"), "The meeting lasted no longer than an hour.",
     "La réunion n'a pas duré plus d'une heure."),
    (("en", "fr"), "He paid no less than 500 euros.", "Il a payé pas moins de 500 euros."),
    (("es", "en"), "No más de dos comprimidos al día.", "No more than two tablets a day."),
    (("en", "it"), "The tank holds not more than 50 litres.",
     "Il serbatoio non contiene più di 50 litri."),
])
def test_a_negated_comparative_bound_on_both_sides_is_no_shift(default_encoder, languages,
                                                               source, translation):
    assert shifts((source, translation), languages, default_encoder) == []


def test_a_negated_comparative_against_its_bound_dropped_is_still_a_shift(default_encoder):
    # "more than 50 litres" says the opposite of „nicht mehr als 50 Liter“.
    found = shifts(("Der Tank fasst nicht mehr als 50 Liter.", "The tank holds more than 50 "
                    "litres."), ("de", "en"), default_encoder)
    assert [f.severity for f in found] == ["minor"], found


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # Korean forbids with « -면 안 되다 », « -서는 안 되다 »: "must not", "shall not".
    (("en", "ko"), "You must not swim here.", "여기서 수영하면 안 된다."),
    (("en", "ko"), "The tenant shall not sublet the apartment.",
     "임차인은 아파트를 전대해서는 안 된다."),
    (("en", "ko"), "Children must not play near the pool.",
     "아이들은 수영장 근처에서 놀면 안 됩니다."),
    (("en", "ko"), "Do not open the cover while the machine is running.",
     "기계가 작동하는 동안 덮개를 열면 안 됩니다."),
    (("ko", "en"), "학생들은 교실에서 뛰면 안 돼요.", "Students must not run in the classroom."),
])
def test_a_korean_prohibition_renders_a_prohibition(default_encoder, languages, source,
                                                    translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("ko", "여기서 수영하면 안 된다.", ["안"]),
    ("ko", "전대해서는 안 됩니다.", ["안"]),
    ("ko", "이것도 안 되면 저것을 해라.", []),  # "if this does not work either": no prohibition
    # "-지 않으면 안 되다" is "must": two negations that affirm, as しなければなりません.
    ("ko", "매일 운동하지 않으면 안 됩니다.", []),
])
def test_korean_prohibitions_read(language, text, expected):
    assert [w.text for w in negations(text, language)] == expected


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # "not … until" is "only when": « erst … wenn », « seulement quand », « solo cuando ».
    (("en", "de"), "Note: Do not connect the USB cable until the software asks you to.",
     "Hinweis: Schließen Sie das USB-Kabel erst an, wenn die Software Sie dazu auffordert."),
    (("en", "fr"), "Do not remove the plug until the light goes out.",
     "Retirez la fiche seulement quand le voyant s'éteint."),
    (("en", "es"), "Do not open the door until the machine stops.",
     "Abra la puerta solo cuando la máquina se detenga."),
])
def test_not_until_rendered_by_only_when_is_no_shift(default_encoder, languages, source,
                                                     translation):
    assert shifts((source, translation), languages, default_encoder) == []


@pytest.mark.parametrize(("languages", "source", "translation"), [
    # « bis » in the negation's clause is the preposition: the negation is the statement's.
    (("de", "en"), "Ich kann nicht bis morgen warten.", "I can wait only when you come."),
    (("pt", "en"), "Não posso esperar até amanhã.", "I can wait only when you come."),
])
def test_a_negation_before_a_preposition_is_still_a_negation(
        default_encoder, languages, source, translation):
    assert shifts((source, translation), languages, default_encoder) != []
