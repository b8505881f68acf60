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
