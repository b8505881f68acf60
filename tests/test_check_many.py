"""`align check` of many documents in one run: two folders, or several files of pairs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import align
from align.cli import app
from align.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE

runner = CliRunner()

# Written for these tests: the French of each English text, the second with a number
# changed (3 apples, 5 pommes), a major finding under the default --fail-on.
GOOD_EN = "# Install\n\nDownload the archive and unpack it.\n\nThe tool needs 4 GB of memory.\n"
GOOD_FR = ("# Installation\n\nTéléchargez l'archive et décompressez-la.\n\n"
           "L'outil a besoin de 4 Go de mémoire.\n")
BAD_EN = "The cat sleeps on the sofa.\n\nThe dog eats 3 apples every day.\n"
BAD_FR = "Le chat dort sur le canapé.\n\nLe chien mange 5 pommes chaque jour.\n"
GOOD_PAIRS = ("The meeting starts at 9 o'clock on Monday.\tLa réunion commence à 9 heures lundi.\n"
              "The report has 120 pages.\tLe rapport compte 120 pages.\n")
BAD_PAIRS = GOOD_PAIRS.replace("compte 120", "compte 210")


def _write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _folders(tmp_path: Path, en: dict, fr: dict) -> tuple[Path, Path]:
    return _write(tmp_path / "en", en), _write(tmp_path / "fr", fr)


def _overall(stdout: str) -> str:
    lines = stdout.rstrip("\n").splitlines()
    assert lines and lines[-1].startswith("overall: "), stdout
    return lines[-1]


def _headings(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("[") and "/" in line[:8]]


# -- the Python API ---------------------------------------------------------------------


def test_pair_folders_pairs_by_relative_path_and_says_what_it_left(tmp_path):
    from align.batch import pair_folders

    en, fr = _folders(tmp_path, {
        "index.md": GOOD_EN, "guide/install.md": GOOD_EN, "guide/only-en.md": GOOD_EN,
        "logo.png": b"\x89PNG\r\n", ".hidden.md": GOOD_EN, ".git/config.md": GOOD_EN,
        "strings.json": "{}",
    }, {
        "index.md": GOOD_FR, "guide/install.md": GOOD_FR, "guide/only-fr.md": GOOD_FR,
        "logo.png": b"\x89PNG\r\n", "strings.json": "{}",
    })
    found = pair_folders(en, fr)
    assert [(d.name, d.label, d.source, d.translation) for d in found.documents] == [
        ("guide/install", "guide/install.md", en / "guide/install.md", fr / "guide/install.md"),
        ("index", "index.md", en / "index.md", fr / "index.md"),
        ("strings", "strings.json", en / "strings.json", fr / "strings.json"),
    ]
    # Either side's file without the other is named, hidden files are not looked at, and
    # files of a type align does not read are set aside, each named.
    assert [(u.label, u.present, u.missing) for u in found.unmatched] == [
        ("guide/only-en.md", en / "guide/only-en.md", fr / "guide/only-en.md"),
        ("guide/only-fr.md", fr / "guide/only-fr.md", en / "guide/only-fr.md"),
    ]
    assert found.skipped == [en / "logo.png", fr / "logo.png"]


def test_a_translation_folder_inside_the_source_folder_is_not_a_source(tmp_path):
    from align.batch import pair_folders

    docs = _write(tmp_path / "docs", {"a.md": GOOD_EN, "fr/a.md": GOOD_FR})
    found = pair_folders(docs, docs / "fr")
    assert [d.label for d in found.documents] == ["a.md"] and not found.unmatched


def test_document_names_are_made_unique():
    from align.batch import pairs_file_name, unique_names

    assert unique_names(["a", "b", "a", "A", "a-2"]) == ["a", "b", "a-2", "A-3", "a-2-2"]
    assert pairs_file_name(Path("x/book.src.txt")) == "book"
    assert pairs_file_name(Path("x/ui.fr.xlf")) == "ui.fr"


def test_files_of_pairs_are_documents_once_each(tmp_path):
    from align.batch import pairs_documents

    # A glob gives both halves of a Moses pair; a file may be named twice.
    given = ["x/book.src.txt", "x/book.tgt.txt", "y/ui.tsv", "x/../y/ui.tsv", "z/ui.po"]
    assert [(d.name, d.label) for d in pairs_documents(given)] == [
        ("book", "x/book.src.txt"), ("ui", "y/ui.tsv"), ("ui-2", "z/ui.po")]


# -- the command line -------------------------------------------------------------------


def test_two_folders_are_checked_document_by_document(tmp_path, default_encoder):
    en, fr = _folders(tmp_path, {
        "a.md": GOOD_EN, "guide/b.txt": GOOD_EN, "logo.png": b"\x89PNG\r\n",
        ".cache/x.md": GOOD_EN,
    }, {"a.md": GOOD_FR, "guide/b.txt": GOOD_FR, "logo.png": b"\x89PNG\r\n"})
    result = runner.invoke(app, ["check", str(en), str(fr)])
    assert result.exit_code == EXIT_OK, result.output
    assert _headings(result.stdout) == [
        f"[1/2] {en / 'a.md'} → {fr / 'a.md'}",
        f"[2/2] {en / 'guide/b.txt'} → {fr / 'guide/b.txt'}",
    ]
    # Under each heading, that document's report as a check of it alone prints it.
    single = runner.invoke(app, ["check", str(en / "a.md"), str(fr / "a.md")])
    assert single.exit_code == EXIT_OK
    first = result.stdout.split(_headings(result.stdout)[0] + "\n")[1]
    assert first.startswith(single.stdout), result.stdout
    assert _overall(result.stdout) == ("overall: 2 documents, 2 checked; findings: none; "
                                       "failing --fail-on major: none")
    # The files of a type align does not read are named, on stderr; hidden ones are not.
    assert f"{en / 'logo.png'}" in result.stderr and ".cache" not in result.output


def test_a_failing_document_among_passing_ones_fails_the_run_and_is_named(tmp_path,
                                                                        default_encoder):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "b.txt": BAD_EN, "c.md": GOOD_EN},
                      {"a.md": GOOD_FR, "b.txt": BAD_FR, "c.md": GOOD_FR})
    result = runner.invoke(app, ["check", str(en), str(fr)])
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert len(_headings(result.stdout)) == 3
    assert _overall(result.stdout) == ("overall: 3 documents, 3 checked; findings: 1 major; "
                                       "failing --fail-on major: 1 (b.txt)")
    # The gate is --fail-on's: a stricter one passes the same documents.
    lenient = runner.invoke(app, ["check", str(en), str(fr), "--fail-on", "critical"])
    assert lenient.exit_code == EXIT_OK, lenient.output
    assert _overall(lenient.stdout).endswith("failing --fail-on critical: none")


def test_several_files_of_pairs_repeated_or_from_a_glob(tmp_path, default_encoder):
    good, bad = tmp_path / "good.tsv", tmp_path / "bad.tsv"
    good.write_text(GOOD_PAIRS, encoding="utf-8")
    bad.write_text(BAD_PAIRS, encoding="utf-8")
    repeated = runner.invoke(app, ["check", "--pairs", str(good), "--pairs", str(bad)])
    # A shell glob gives the files after one --pairs: `align check --pairs *.tsv`.
    globbed = runner.invoke(app, ["check", "--pairs", str(good), str(bad)])
    for result in (repeated, globbed):
        assert result.exit_code == EXIT_FINDINGS, result.output
        assert _headings(result.stdout) == [f"[1/2] {good}", f"[2/2] {bad}"]
        assert _overall(result.stdout) == ("overall: 2 documents, 2 checked; findings: "
                                           f"1 major; failing --fail-on major: 1 ({bad})")
    quiet = runner.invoke(app, ["check", "--pairs", str(good), "--pairs", str(bad), "-q"])
    assert quiet.exit_code == EXIT_FINDINGS and quiet.stdout == ""


def test_a_missing_counterpart_is_an_input_problem_that_no_pass_hides(tmp_path,
                                                                     default_encoder):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "new.md": GOOD_EN}, {"a.md": GOOD_FR})
    result = runner.invoke(app, ["check", str(en), str(fr)])
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"{en / 'new.md'} has no counterpart: {fr / 'new.md'} does not exist" in (
        result.stderr)
    assert len(_headings(result.stdout)) == 1  # the others are still checked
    assert _overall(result.stdout) == ("overall: 2 documents, 1 checked; findings: none; "
                                       "failing --fail-on major: none; not checked: 1 (new.md)")
    # Findings too: the input problem still decides the code (3), the failure is named.
    _write(en, {"b.txt": BAD_EN})
    _write(fr, {"b.txt": BAD_FR})
    both = runner.invoke(app, ["check", str(en), str(fr)])
    assert both.exit_code == EXIT_INPUT, both.output
    assert "failing --fail-on major: 1 (b.txt)" in _overall(both.stdout)


def test_a_document_that_cannot_be_read_is_named_and_the_others_checked(tmp_path,
                                                                       default_encoder):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "b.md": GOOD_EN, "c.md": GOOD_EN},
                      {"a.md": GOOD_FR, "b.md": "  \n", "c.md": GOOD_FR})
    result = runner.invoke(app, ["check", str(en), str(fr), "-q"])
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stdout == ""
    # The reader names the file (b.md) as for one document; the run says which b.md.
    assert result.stderr.strip() == (f"align: error: {en / 'b.md'} → {fr / 'b.md'}: b.md is "
                                     "empty: give a file with the text to align")
    loud = runner.invoke(app, ["check", str(en), str(fr)])
    assert len(_headings(loud.stdout)) == 3
    assert _overall(loud.stdout).endswith("not checked: 1 (b.md)")


def test_empty_folders_are_no_pass(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    result = runner.invoke(app, ["check", str(tmp_path / "en"), str(tmp_path / "fr")])
    assert result.exit_code == EXIT_INPUT, result.output
    assert "no file align reads" in result.stderr


def test_each_document_is_written_under_its_own_name(tmp_path, default_encoder):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "guide/b.txt": BAD_EN},
                      {"a.md": GOOD_FR, "guide/b.txt": BAD_FR})
    (tmp_path / "reports").mkdir()
    outputs = ["-o", str(tmp_path / "reports/{name}.json"),
               "-o", str(tmp_path / "reports/{name}.html")]
    result = runner.invoke(app, ["check", str(en), str(fr), *outputs])
    assert result.exit_code == EXIT_FINDINGS, result.output
    for name in ("a", "guide/b"):
        assert (tmp_path / f"reports/{name}.html").is_file()
    record = align.load(tmp_path / "reports/guide/b.json")
    assert record.translation.path == str(fr / "guide/b.txt")
    assert [f.kind for _, f in record.findings()] == ["number"]
    # Existing files are kept without --force, before anything is checked.
    again = runner.invoke(app, ["check", str(en), str(fr), *outputs])
    assert again.exit_code == EXIT_INPUT and "--force" in again.stderr
    assert again.stdout == ""
    forced = runner.invoke(app, ["check", str(en), str(fr), *outputs, "--force"])
    assert forced.exit_code == EXIT_FINDINGS, forced.output
    # Files of pairs are named by their stem, the second of two equal stems made unique.
    _write(tmp_path, {"one/ui.tsv": GOOD_PAIRS, "two/ui.tsv": BAD_PAIRS})
    pairs = runner.invoke(app, ["check", "--pairs", str(tmp_path / "one/ui.tsv"),
                                "--pairs", str(tmp_path / "two/ui.tsv"),
                                "-o", str(tmp_path / "reports/{name}.json")])
    assert pairs.exit_code == EXIT_FINDINGS, pairs.output
    assert align.load(tmp_path / "reports/ui.json").findings() == []
    assert len(align.load(tmp_path / "reports/ui-2.json").findings()) == 1


def test_one_document_takes_name_too(tmp_path, default_encoder):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(GOOD_PAIRS, encoding="utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs),
                                 "-o", str(tmp_path / "{name}-report.json")])
    assert result.exit_code == EXIT_OK, result.output
    assert align.load(tmp_path / "ui-report.json").findings() == []


@pytest.mark.parametrize("option", ["-o", "--baseline"])
def test_several_documents_need_name_in_each_file_named(tmp_path, option):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "b.md": GOOD_EN},
                      {"a.md": GOOD_FR, "b.md": GOOD_FR})
    # A model that is not there: the usage error comes first, before any model work.
    result = runner.invoke(app, ["check", str(en), str(fr), option,
                                 str(tmp_path / "report.json"), "-m", str(tmp_path / "nope")])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "{name}" in result.stderr and option in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert not (tmp_path / "report.json").exists()


def test_a_usage_error_of_the_positional_arguments(tmp_path):
    files = [tmp_path / f"{n}.txt" for n in "abc"]
    for path in files:
        path.write_text(GOOD_EN, encoding="utf-8")
    result = runner.invoke(app, ["check", *map(str, files)])
    assert result.exit_code == EXIT_USAGE, result.output
    assert "--pairs" in result.stderr
    same = runner.invoke(app, ["check", str(tmp_path), str(tmp_path)])
    assert same.exit_code == EXIT_USAGE, same.output


def test_a_baseline_per_document(tmp_path, default_encoder):
    en, fr = _folders(tmp_path, {"a.md": BAD_EN, "b.md": BAD_EN},
                      {"a.md": BAD_FR, "b.md": BAD_FR})
    (tmp_path / "accepted").mkdir()
    first = runner.invoke(app, ["check", str(en), str(fr), "-q",
                                "-o", str(tmp_path / "accepted/{name}.json")])
    assert first.exit_code == EXIT_FINDINGS, first.output
    (tmp_path / "accepted/b.json").unlink()  # b's finding was not reviewed
    result = runner.invoke(app, ["check", str(en), str(fr),
                                 "--baseline", str(tmp_path / "accepted/{name}.json")])
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert "1 finding accepted in" in result.stdout
    # A missing baseline accepts nothing, and the heading says so.
    assert _headings(result.stdout)[1].endswith(
        f"(no baseline: {tmp_path / 'accepted/b.json'} does not exist)")
    assert _overall(result.stdout) == ("overall: 2 documents, 2 checked; findings: 1 major; "
                                       "failing --fail-on major: 1 (b.md)")
    # The folder before {name} must exist: a mistyped one would accept nothing anywhere.
    typo = runner.invoke(app, ["check", str(en), str(fr),
                               "--baseline", str(tmp_path / "acepted/{name}.json")])
    assert typo.exit_code == EXIT_INPUT and "acepted" in typo.stderr


def _report(record) -> str:
    from align.checks.report import print_report

    buffer = io.StringIO()
    print_report(record, Console(file=buffer, highlight=False))
    return buffer.getvalue()


def test_one_pair_prints_its_report_alone_as_before(tmp_path, default_encoder):
    en, fr = _folders(tmp_path, {"b.txt": BAD_EN}, {"b.txt": BAD_FR})
    result = runner.invoke(app, ["check", str(en / "b.txt"), str(fr / "b.txt")])
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout == _report(align.align_files(en / "b.txt", fr / "b.txt"))
    assert result.stdout.startswith("2 links, agreement ")
    pairs = tmp_path / "bad.tsv"
    pairs.write_text(BAD_PAIRS, encoding="utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout == _report(align.load(tmp_path / "r.json"))
    assert "overall:" not in result.stdout and not _headings(result.stdout)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["links"]
