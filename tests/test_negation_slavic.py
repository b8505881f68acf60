"""Negation in Russian, Ukrainian and Polish as a translator reviewing them found it.

Polish "że" (*that*) opens a clause and ends a negative concord chain; "ze" (*with*,
*of*), which folds to the same letters, does not: "Żadna ze stron nie podpisała" is one
negation, as "Neither side signed" is.  A negative yes-no question asked as a statement,
its subject pronoun opening it ("Ты опять не спал?", *Didn't you sleep again?*), invites
agreement as "You don't know him?" does, and is no reversal.
"""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.meaning_shift import negations
from align.checks.pairs import document_text, pairs_alignment


def shifts(pair: tuple[str, str], languages: tuple[str, str], encoder) -> list[str]:
    record = pairs_alignment([pair], languages=languages)
    record = check_alignment(record, encoder, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    return [f"{f.severity}: {f.reason}" for f in record.links[0].findings
            if f.kind == "meaning-shift"]


@pytest.mark.parametrize(("text", "language", "found"), [
    # "ze" (with, of) opens no clause: the chain "Żadna … nie" is one negation.
    ("Żadna ze stron nie podpisała dokumentu.", "pl", ["Żadna"]),
    ("Nikt ze znajomych nic nie wiedział.", "pl", ["Nikt"]),
    ("Žádná ze stran nic nepodepsala.", "cs", ["Žádná"]),
    # "że" (that) still opens one, whose negation is its own.
    ("Nikt nie wiedział, że nie przyjdzie.", "pl", ["Nikt", "nie"]),
    ("Nikt nie wiedział że nie przyjdzie.", "pl", ["Nikt", "nie"]),
    # Bulgarian "които" (who, plural) is an opener as written, though "който" (who)
    # folds to it: it opens its clause in a sentence that writes "й" ("Никой").
    ("Никой не видя хората които не дойдоха.", "bg", ["Никой", "не"]),
])
def test_a_word_that_folds_to_a_clause_opener_opens_no_clause(text, language, found):
    assert [w.text for w in negations(text, language)] == found


@pytest.mark.parametrize(("pair", "languages"), [
    (("Żadna ze stron nie podpisała dokumentu.", "Neither side signed the document."),
     ("pl", "en")),
    (("— Ты опять не спал? — спросила она.", "\"Didn't you sleep again?\" she asked."),
     ("ru", "en")),
    (("Ты не устал?", "Aren't you tired?"), ("ru", "en")),
    (("Ти не спав?", "Didn't you sleep?"), ("uk", "en")),
    (("Ty nie spałeś?", "Didn't you sleep?"), ("pl", "en")),
    # A question particle before it, or the pronoun left out.
    (("Czy nie spałeś?", "Didn't you sleep?"), ("pl", "en")),
    (("Разве ты не знаешь?", "Don't you know?"), ("ru", "en")),
    (("Nie spałeś?", "Did you sleep?"), ("pl", "en")),
    # The affirmative question renders it as well.
    (("Вы не знаете его?", "Do you know him?"), ("ru", "en")),
    # Asked as a negative question on the other side too, in a language whose questions
    # are not read for it: its negation renders the Slavic one.
    (("Ты не спал?", "Du hast nicht geschlafen?"), ("ru", "de")),
    (("Он не пришёл?", "Er ist nicht gekommen?"), ("ru", "de")),
    (("Не знаешь?", "Du weißt es nicht?"), ("ru", "de")),
    (("Ты не спал?", "¿No dormiste?"), ("ru", "es")),
    (("Ты не спал?", "Non hai dormito?"), ("ru", "it")),
])
def test_faithful_slavic_negations_are_no_meaning_shift(default_encoder, pair, languages):
    assert shifts(pair, languages, default_encoder) == []


@pytest.mark.parametrize(("pair", "languages"), [
    # A question asking why negates; so does a statement.
    (("Почему ты не спал?", "Why did you sleep?"), ("ru", "en")),
    (("Ты почему не спал?", "Why did you sleep?"), ("ru", "en")),
    (("Ты опять не спал.", "You slept again."), ("ru", "en")),
    # A noun for its subject: a statement asked, as "The minister did not take …?" is.
    (("Министр не подписал договор?", "The minister signed the treaty?"), ("ru", "en")),
    # A negation the other side adds to an affirmative question is still one.
    (("Ты спал?", "Du hast nicht geschlafen?"), ("ru", "de")),
    (("Ты спал?", "¿No dormiste?"), ("ru", "es")),
])
def test_a_negation_dropped_from_a_statement_or_a_why_question_is_still_found(
        default_encoder, pair, languages):
    # Minor or info, as the word aligner pairs the negation: found, not excused.
    assert len(shifts(pair, languages, default_encoder)) == 1


@pytest.mark.parametrize(("pair", "languages", "negation", "universal"), [
    # A negative pronoun or a "neither" paired with its opposite universal, or "both", is
    # named with it, as in the other languages (info: "Никогда не забуду тот день." is
    # "I will always remember that day.", its predicate the opposite).
    (("Ніхто не прийшов на зустріч.", "Everyone came to the meeting."), ("uk", "en"),
     "Ніхто", "Everyone"),
    (("Neither side signed the final document.", "Обе стороны подписали итоговый документ."),
     ("en", "ru"), "Neither", "Обе"),
    (("Neither side signed the final document.", "Obie strony podpisały dokument końcowy."),
     ("en", "pl"), "Neither", "Obie"),
])
def test_a_negation_rendered_by_its_opposite_universal_is_named(default_encoder, pair,
                                                                 languages, negation,
                                                                 universal):
    found = shifts(pair, languages, default_encoder)
    assert len(found) == 1 and found[0].startswith("info:"), found
    assert f"«{negation}» is rendered by its opposite «{universal}»" in found[0], found


@pytest.mark.parametrize(("pair", "languages"), [
    (("Ніхто не прийшов на зустріч.", "Nobody came to the meeting."), ("uk", "en")),
    (("Neither side signed the final document.",
      "Ни одна из сторон не подписала итоговый документ."), ("en", "ru")),
    (("Both sides signed the final document.", "Обе стороны подписали итоговый документ."),
     ("en", "ru")),
])
def test_a_negative_pronoun_rendered_by_one_is_no_meaning_shift(default_encoder, pair,
                                                                languages):
    assert shifts(pair, languages, default_encoder) == []
