"""Gold-link scoring (Sennrich & Volk convention) and `align eval` on the dev sets."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.evaluate import evaluate_paths, parse_links, score


def test_parse_links_reads_both_sides_and_empty_sides():
    assert parse_links("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n\n[3]:[]\n") == [
        ((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), ()),
    ]


def test_parse_links_names_the_bad_line():
    with pytest.raises(InputError, match="line 2"):
        parse_links("[0]:[0]\n0-0\n")


def test_perfect_prediction_scores_one():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((), (2,))]
    result = score(gold, gold)
    assert result["strict_f1"] == result["lax_f1"] == 1.0


def test_strict_and_lax_counts_worked_by_hand():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    # (0)-(0) exact; (1)-(1) overlaps gold (1,2)-(1): lax only; (2)-() is a deletion
    # that matches nothing; (3)-(2) exact.
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    result = score(gold, test)
    # precision over 4 predicted links: strict 2/4, lax 3/4
    assert result["strict_precision"] == pytest.approx(0.5)
    assert result["lax_precision"] == pytest.approx(0.75)
    # recall over 3 gold links against the 3 non-empty predicted: strict 2/3; lax:
    # gold (1,2)-(1) shares source 1 with predicted (1)-(1) whose target is 1: 3/3
    assert result["strict_recall"] == pytest.approx(2 / 3)
    assert result["lax_recall"] == pytest.approx(1.0)


def test_eval_on_textberg_dev_reaches_the_foundation_bar(shared_data):
    result = evaluate_paths([shared_data / "textberg-de-fr-dev"])
    assert result["total"]["documents"] == 1
    assert result["total"]["strict_f1"] >= 0.80
    assert result["total"]["lax_f1"] >= 0.97


def test_gold_past_the_end_of_either_file_names_the_gold_line_and_the_file():
    counts = {"line_counts": (4, 3), "files": ("a.fr", "a.en")}
    with pytest.raises(InputError, match=r"^a\.gold, line 2: .*source line 7.*a\.fr has 4 lines"):
        parse_links("[0]:[0]\n[7]:[1]\n", "a.gold", **counts)
    # The translation has lines 0 to 2: 3 is one too far.
    with pytest.raises(InputError, match=r"^a\.gold, line 3: .*translation line 3.*a\.en"):
        parse_links("[0]:[0]\n\n[1, 2]:[3]\n", "a.gold", **counts)
    assert parse_links("[0]:[0]\n[1, 2, 3]:[1, 2]\n", "a.gold", **counts)[-1] == (
        (1, 2, 3), (1, 2))


@pytest.mark.parametrize(("gold", "line", "wrong"), [
    ("[0]:[0]\n[1]:[-1]\n", 2, "negative"),
    ("[0]:[0]\n[3, 2]:[1]\n", 2, "increasing order"),
    ("[0, 0]:[0]\n", 1, "increasing order"),
    ("[0]:[0]\n[1]:[1]\n[1, 2]:[2]\n", 3, "source line 1 is already in the link on line 2"),
    ("[0]:[0, 1]\n[]:[1]\n", 2, "translation line 1 is already in the link on line 1"),
])
def test_impossible_gold_links_are_refused(gold, line, wrong):
    with pytest.raises(InputError, match=rf"^g\.gold, line {line}: .*{wrong}"):
        parse_links(gold, "g.gold")


def test_gold_may_skip_and_cross_as_the_published_gold_does():
    # Text+Berg's gold links a sentence to non-adjacent ones, crosses two links and
    # leaves a sentence out: all of it must still read.
    gold = "[0]:[0, 2]\n[]:[1]\n[1]:[4]\n[2]:[3]\n"
    assert parse_links(gold, line_counts=(4, 5)) == [
        ((0,), (0, 2)), ((), (1,)), ((1,), (4,)), ((2,), (3,))]


def test_every_gold_file_of_the_dev_sets_reads_as_eval_reads_it(shared_data):
    from align.evaluate import _read_pair, find_eval_pairs

    pairs = [pair for folder in ("textberg-de-fr-dev", "transread-en-fr-dev")
             for pair in find_eval_pairs(shared_data / folder)]
    assert len(pairs) == 5
    assert sum(len(_read_pair(pair)[2]) for pair in pairs) == 422 + 1281
