"""`align eval` on the command line: its one output format and its refusals, each before
the model loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.errors import EXIT_INPUT, EXIT_USAGE

runner = CliRunner()


@pytest.fixture
def triple(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Four French lines, three English ones, and gold links that fit them."""
    source, translation, gold = tmp_path / "a.fr", tmp_path / "a.en", tmp_path / "a.gold"
    source.write_text("Le chat dort.\nIl fait beau.\nMarie a acheté des pommes.\n"
                      "Elle les a payées.\n", encoding="utf-8")
    translation.write_text("The cat sleeps.\nThe weather is nice.\n"
                           "Marie bought apples and paid for them.\n", encoding="utf-8")
    gold.write_text("[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n", encoding="utf-8")
    return source, translation, gold


def _eval(*args: Path | str):
    result = runner.invoke(app, ["eval", *map(str, args)])
    return result.exit_code, result.output


@pytest.mark.parametrize("name", ["scores.tsv", "scores.html", "scores.txt", "scores"])
def test_eval_writes_json_only_and_says_so(triple, tmp_path, name):
    code, output = _eval(*triple, "-o", tmp_path / name, "--force")
    assert code == EXIT_USAGE, output
    assert "JSON" in output and ".tsv, .tmx" not in output
    assert output.count("\n") == 1
    assert not (tmp_path / name).exists()


def test_eval_keeps_an_existing_json_without_force(triple, tmp_path):
    existing = tmp_path / "scores.json"
    existing.write_text("{}\n", encoding="utf-8")
    code, output = _eval(*triple, "-o", existing)
    assert code == EXIT_INPUT, output
    assert "--force" in output
    assert existing.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize(("links", "wrong"), [
    ("[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n[7]:[9]\n", "line 4: [7]:[9] refers to source line 7"),
    ("[0]:[0]\n[1]:[1]\n[3, 2]:[2]\n", "line 3: the source lines of [3, 2]:[2]"),
    ("[0]:[0]\n[1]:[1]\n[1, 2]:[2]\n", "line 3: source line 1 is already in the link on line 2"),
    ("[0]:[0]\n[1]:[-1]\n", "line 2: [1]:[-1] has a negative line number"),
])
def test_eval_refuses_impossible_gold_in_one_line(triple, links, wrong):
    source, translation, gold = triple
    gold.write_text(links, encoding="utf-8")
    code, output = _eval(source, translation, gold)
    assert code == EXIT_INPUT, output
    assert output.startswith(f"align: error: {gold}, {wrong}"), output
    assert output.count("\n") == 1


def test_eval_names_the_missing_gold_file(triple, tmp_path):
    source, translation, _ = triple
    code, output = _eval(source, translation, tmp_path / "nope.gold")
    assert code == EXIT_INPUT, output
    assert output == f"align: error: {tmp_path / 'nope.gold'}: no such file: check the path\n"


def test_eval_names_a_missing_folder(tmp_path):
    code, output = _eval(tmp_path / "no-such-set")
    assert code == EXIT_INPUT, output
    assert f"{tmp_path / 'no-such-set'}: no such file or folder" in output


def test_eval_given_two_files_is_a_usage_error(triple):
    """Two files are neither a document (three files) nor folders: the command line is
    wrong (exit 2), not a file."""
    source, translation, _ = triple
    code, output = _eval(source, translation)
    assert code == EXIT_USAGE, output
    assert "give three files (SOURCE TRANSLATION GOLD) or folders" in output


def test_eval_prints_one_line_per_document_and_one_for_all(triple):
    # Read by scripts and logs: no line is wrapped at the console's width, and one
    # document is one document.
    code, output = _eval(*triple)
    assert code == 0, output
    lines = output.splitlines()
    assert len(lines) == 2, output
    assert lines[0].startswith("a ") and "strict F1 1.000" in lines[0]
    assert lines[1].startswith("all (1 document) ") and lines[1].endswith("F1 1.000")


def test_eval_of_a_folder_says_which_file_it_took_as_the_source(triple, tmp_path):
    # a.fr, a.en, a.gold: no language order in the gold file's name, so a.en (first
    # alphabetically) is taken as the source; the gold fits only the other order.
    code, output = _eval(tmp_path)
    assert code == EXIT_INPUT, output
    assert output.count("\n") == 1
    assert "a.en as the source" in output and "fits only" in output
    assert "--source-ext fr" in output


def test_eval_of_a_folder_with_gold_wrong_either_way_still_names_the_source(triple, tmp_path):
    source, translation, gold = triple
    gold.write_text("[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n[7]:[9]\n", encoding="utf-8")
    code, output = _eval(tmp_path)
    assert code == EXIT_INPUT, output
    assert output.count("\n") == 1
    assert "refers to source line" in output and "a.en as the source" in output
    # No advice that would not mend it: the other order fits no better.
    assert "give --source-ext" not in output
    assert "fits a.fr as the source no better" in output


def test_eval_of_a_folder_with_source_ext_reads_the_gold_as_given(triple, tmp_path):
    from align.evaluate import _read_pair, find_eval_pairs

    [pair] = find_eval_pairs(tmp_path, "fr")
    assert pair.source.name == "a.fr"
    assert len(_read_pair(pair)[2]) == 3


def _eval_split(*args: Path | str):
    result = runner.invoke(app, ["eval", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_eval_of_a_folder_names_an_incomplete_document_and_exits_3(triple, tmp_path):
    import json

    (tmp_path / "b.en").write_text("One.\n", encoding="utf-8")
    (tmp_path / "b.gold").write_text("[0]:[0]\n", encoding="utf-8")
    out = tmp_path / "out" / "scores.json"
    out.parent.mkdir()
    code, stdout, stderr = _eval_split(tmp_path, "--source-ext", "fr", "-o", out)
    # The complete document is scored and said; the incomplete one is named: a benchmark
    # run in CI must not pass on part of its set.
    assert code == EXIT_INPUT, stderr
    assert "all (1 document)" in stdout
    assert f"align: warning: {tmp_path / 'b.en'}, {tmp_path / 'b.gold'}: not scored" in stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in result["skipped"]] == ["b"]


def test_eval_says_blank_lines_on_stderr(triple):
    source, translation, gold = triple
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, stdout, stderr = _eval_split(source, translation, gold)
    assert code == 0, stderr
    assert f"align: warning: {source}: blank line 4 " in stderr
    assert "strict F1 1.000" in stdout


def test_eval_of_a_folder_says_which_file_it_took_when_the_gold_fits_either(tmp_path):
    (tmp_path / "a.fr").write_text("Le chat dort.\nIl fait beau.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("The cat sleeps.\nThe weather is nice.\n",
                                   encoding="utf-8")
    (tmp_path / "a.gold").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    code, _, stderr = _eval_split(tmp_path)
    assert code == 0, stderr
    assert "took a.en as the source, the first alphabetically" in stderr
    assert "--source-ext" in stderr


def test_eval_with_a_source_ext_no_file_has_names_the_file(triple, tmp_path):
    code, _, stderr = _eval_split(tmp_path, "--source-ext", "de")
    assert code == EXIT_INPUT, stderr
    assert stderr.startswith(f"align: error: {tmp_path / 'a.de'} does not exist: "
                             "--source-ext de names the source files"), stderr


def test_model_json_says_what_a_default_run_records_and_how_to_get_it(triple, tmp_path):
    import json

    info = json.loads(runner.invoke(app, ["model", "--json"]).stdout)
    run = info["run_signature"]
    out = tmp_path / "scores.json"
    args = ["eval", *map(str, triple), "-o", str(out)]
    if info["model_option"]:
        args += ["--model", info["model_option"]]
    args += ["--backend", info["backend_option"]]
    assert runner.invoke(app, args).exit_code == 0
    recorded = json.loads(out.read_text(encoding="utf-8"))["signature"]["model"]
    assert {key: recorded.get(key) for key in run} == run
    assert run["backend"] == recorded["backend"] and run["signature"] == info["signature"]


@pytest.mark.parametrize("script", ["bench_align.py", "bench_divergence.py"])
def test_benchmarks_print_usage_and_refuse_an_unknown_mode(script):
    import subprocess
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / script
    helped = subprocess.run([sys.executable, str(path), "--help"], capture_output=True,
                            text=True, timeout=120)
    assert helped.returncode == 0 and "usage:" in helped.stdout, helped.stderr
    wrong = subprocess.run([sys.executable, str(path), "accurasy"], capture_output=True,
                           text=True, timeout=120)
    assert wrong.returncode == 2, wrong.stdout
    a_mode = {"bench_align.py": "literary", "bench_divergence.py": "synthetic"}[script]
    assert "accurasy" in wrong.stderr and a_mode in wrong.stderr, wrong.stderr
