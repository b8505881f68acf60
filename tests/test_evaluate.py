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


# -- blank lines, counts, file paths, incomplete folders, 1-based gold ------------------

FRENCH = ["Le chat dort sur le canapé.", "Il fait beau aujourd'hui.",
          "Marie a acheté des pommes au marché.", "Elle les a payées trois euros.",
          "Puis elle est rentrée chez elle.", "Le soir, elle a fait une tarte."]
ENGLISH = ["The cat is asleep on the sofa.", "The weather is nice today.",
           "Marie bought apples at the market.", "She paid three euros for them.",
           "Then she went home.", "In the evening she made a pie."]
GOLD = [((i,), (i,)) for i in range(6)]


def _write(folder, name, source_lines, translation_lines, gold):
    from align.evaluate import format_links

    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / f"{name}.fr", folder / f"{name}.en", folder / f"{name}.gold"
    paths[0].write_text("\n".join(source_lines) + "\n", encoding="utf-8")
    paths[1].write_text("\n".join(translation_lines) + "\n", encoding="utf-8")
    paths[2].write_text(format_links(gold), encoding="utf-8")
    return paths


def test_blank_lines_score_as_the_same_files_without_them(tmp_path):
    plain = _write(tmp_path / "plain", "a", FRENCH, ENGLISH, GOLD)
    # Source: a blank line after line 1 and one at the end; translation: a line of spaces
    # at the start.  The gold numbers the lines of the files, blank ones included.
    source = FRENCH[:2] + [""] + FRENCH[2:] + [""]
    translation = ["   "] + ENGLISH
    to_file = ([0, 1, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6])
    gold = [(tuple(to_file[0][i] for i in s), tuple(to_file[1][j] for j in t)) for s, t in GOLD]
    blank = _write(tmp_path / "blank", "a", source, translation, gold)
    a, b = evaluate_paths(list(plain)), evaluate_paths(list(blank))
    keys = [k for k in a["total"] if k != "documents"]
    assert {k: b["total"][k] for k in keys} == {k: a["total"][k] for k in keys}
    renumbered = [[[to_file[0][i] for i in s], [to_file[1][j] for j in t]]
                  for s, t in a["documents"][0]["links"]]
    assert b["documents"][0]["links"] == renumbered  # no link names a blank line
    assert b["documents"][0]["blank_lines"] == {"source": [2, 7], "translation": [0]}
    assert a["documents"][0]["blank_lines"] == {"source": [], "translation": []}
    said = " ".join(b["warnings"])
    assert "2, 7" in said and "blank" in said and str(blank[0]) in said
    assert not a["warnings"]


def test_a_gold_link_naming_a_blank_line_is_left_out_of_it_and_said(tmp_path):
    from align.evaluate import EvalPair, _read_pair

    source = FRENCH[:2] + [""] + FRENCH[2:]
    translation = ENGLISH[:3] + [""] + ENGLISH[3:]
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), (4,)), ((5,), (5,)),
            ((6,), (6,))]
    paths = _write(tmp_path, "a", source, translation, gold)
    read = _read_pair(EvalPair("a", *paths))
    assert read.gold[:3] == [((0,), (0,)), ((1,), (1,)), ((3,), (2,))]
    said = " ".join(read.warnings)
    assert f"{paths[2]}: the links on lines 2, 3 name blank lines" in said
    assert "(source line 2; translation line 3)" in said


def test_score_gives_the_counts_it_divides():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((), (3,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    result = score(gold, test)
    assert {k: result[k] for k in ("predicted_links", "strict_correct", "lax_correct",
                                   "gold_links", "recall_gold_links", "strict_found",
                                   "lax_found")} == {
        "predicted_links": 4, "strict_correct": 2, "lax_correct": 3,
        "gold_links": 4, "recall_gold_links": 3, "strict_found": 2, "lax_found": 3}


def test_each_document_names_its_files(tmp_path):
    paths = _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    [doc] = evaluate_paths([tmp_path], source_ext="fr")["documents"]
    assert (doc["source"], doc["translation"], doc["gold"]) == tuple(map(str, paths))
    assert doc["source_chosen_by"] == "--source-ext"


def test_an_incomplete_document_of_a_folder_is_named_not_dropped(tmp_path):
    from align.evaluate import scan_eval_folder

    _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    (tmp_path / "b.fr").write_text("Un.\n", encoding="utf-8")
    (tmp_path / "b.gold").write_text("[0]:[0]\n", encoding="utf-8")
    (tmp_path / "c.fr").write_text("Un.\n", encoding="utf-8")
    (tmp_path / "c.en").write_text("One.\n", encoding="utf-8")
    (tmp_path / "d.en").write_text("One.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Licence.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Notes.\n", encoding="utf-8")
    pairs, skipped, ignored = scan_eval_folder(tmp_path, "fr")
    assert [p.name for p in pairs] == ["a"]
    assert [(s.name, [f.name for f in s.files]) for s in skipped] == [
        ("b", ["b.fr", "b.gold"]), ("c", ["c.en", "c.fr"]), ("d", ["d.en"])]
    assert "no gold file" in skipped[1].reason and "one text" in skipped[0].reason
    assert ignored == [tmp_path / "LICENSE"]
    result = evaluate_paths([tmp_path], source_ext="fr")
    assert [s["name"] for s in result["skipped"]] == ["b", "c", "d"]
    assert result["total"]["documents"] == 1
    assert any("b.gold" in w and "not scored" in w for w in result["warnings"])


def test_a_source_ext_no_file_has_names_the_missing_file(tmp_path):
    from align.evaluate import find_eval_pairs

    _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    with pytest.raises(InputError, match=r"a\.de does not exist.*--source-ext de"):
        find_eval_pairs(tmp_path, "de")


def test_a_gold_numbered_from_1_is_suspected(tmp_path):
    # The English joins sentences 2 and 3: off the diagonal a shifted link matches nothing.
    english = ENGLISH[:2] + [ENGLISH[2] + " " + ENGLISH[3]] + ENGLISH[4:]
    gold = [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,))]
    one_based = [(tuple(i + 1 for i in s), tuple(j + 1 for j in t)) for s, t in gold[:4]]
    paths = _write(tmp_path, "a", FRENCH, english, one_based)
    result = evaluate_paths(list(paths))
    [warning] = result["documents"][0]["warnings"]
    assert "numbered from 1" in warning and warning in result["warnings"]
    # A 0-based gold that leaves line 0 out is not suspected when shifting does not help.
    paths = _write(tmp_path, "b", FRENCH, ENGLISH, GOLD[1:])
    assert not evaluate_paths(list(paths))["warnings"]


def test_a_gold_numbered_from_1_past_the_end_says_so(tmp_path):
    from align.evaluate import EvalPair, _read_pair

    one_based = [(tuple(i + 1 for i in s), tuple(j + 1 for j in t)) for s, t in GOLD]
    paths = _write(tmp_path, "a", FRENCH, ENGLISH, one_based)
    with pytest.raises(InputError, match=r"source line 6, .*no link names line 0.*from 1"):
        _read_pair(EvalPair("a", *paths))


def test_a_line_of_invisible_characters_is_blank_as_a_line_of_spaces(tmp_path):
    plain = _write(tmp_path / "plain", "a", FRENCH, ENGLISH, GOLD)
    to_file = [0, 1, 3, 4, 5, 6]
    gold = [(tuple(to_file[i] for i in s), t) for s, t in GOLD]
    invisible = _write(tmp_path / "zw", "a", FRENCH[:2] + ["\u200b\ufeff"] + FRENCH[2:],
                       ENGLISH, gold)
    a, b = evaluate_paths(list(plain)), evaluate_paths(list(invisible))
    assert b["documents"][0]["blank_lines"] == {"source": [2], "translation": []}
    assert b["total"]["strict_f1"] == a["total"]["strict_f1"]


def test_a_folder_finds_a_gold_file_opening_with_a_bom_or_blank_lines(tmp_path):
    from align.evaluate import scan_eval_folder

    paths = _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    paths[2].write_bytes(b"\xef\xbb\xbf\n\n" + paths[2].read_bytes())
    pairs, skipped, _ = scan_eval_folder(tmp_path, "fr")
    assert [p.gold for p in pairs] == [paths[2]] and not skipped


def test_what_align_writes_beside_a_set_is_no_text_of_it(tmp_path):
    from align.evaluate import scan_eval_folder

    _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    for name in ("a.json", "a.html", "a.tmx"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    pairs, skipped, ignored = scan_eval_folder(tmp_path, "fr")
    assert [p.name for p in pairs] == ["a"] and not skipped


def test_a_source_ext_against_the_order_of_three_files_is_a_usage_error(tmp_path):
    from align.errors import UsageError

    paths = _write(tmp_path, "a", FRENCH, ENGLISH, GOLD)
    with pytest.raises(UsageError, match="of three files the first is the source"):
        evaluate_paths(list(paths), source_ext="en")
