"""`align check` of many documents in one run: two folders, or several files of pairs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pty_reading import pseudo_terminal
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


def test_a_documents_name_is_its_own_path_whatever_else_is_in_the_run():
    from align.batch import pairs_file_name, text_name

    assert pairs_file_name("x/book.src.txt") == "x/book"
    assert pairs_file_name(Path("x/ui.fr.xlf")) == "x/ui.fr"
    # The path as given, made plain, with no leading /, ./ or ../: never outside the folder
    # before {name}.
    assert pairs_file_name("locales/fr/LC_MESSAGES/messages.po") == (
        "locales/fr/LC_MESSAGES/messages")
    assert pairs_file_name("./ui.tsv") == "ui"
    assert pairs_file_name("../../l10n/app.xlf") == "l10n/app"
    assert pairs_file_name("/srv/l10n/app.xlf") == "srv/l10n/app"
    assert pairs_file_name("a/../../b/ui.tsv") == "b/ui"
    assert text_name("fr/guide/install.md") == "install"
    assert text_name("x/book.tgt.txt") == "book"


def test_files_of_pairs_are_documents_once_each(tmp_path):
    from align.batch import pairs_documents

    # A glob gives both halves of a Moses pair; a file may be named twice.
    given = ["x/book.src.txt", "x/book.tgt.txt", "y/ui.tsv", "x/../y/ui.tsv", "z/ui.po"]
    assert [(d.name, d.label) for d in pairs_documents(given)] == [
        ("x/book", "x/book.src.txt"), ("y/ui", "y/ui.tsv"), ("z/ui", "z/ui.po")]
    # Each name is the document's own: another file given first changes none.
    more = pairs_documents(["w/ui.tsv", *given])
    assert [d.name for d in more] == ["w/ui", "x/book", "y/ui", "z/ui"]


def test_two_documents_of_one_name_are_refused_never_renamed(tmp_path):
    from align.batch import pair_folders, pairs_documents, require_distinct_names
    from align.errors import UsageError

    en, fr = _folders(tmp_path, {"intro.md": GOOD_EN, "Intro.rst": GOOD_EN, "b.md": GOOD_EN},
                      {"intro.md": GOOD_FR, "Intro.rst": GOOD_FR, "b.md": GOOD_FR})
    found = pair_folders(en, fr)
    assert [d.name for d in found.documents] == ["Intro", "b", "intro"]
    with pytest.raises(UsageError) as raised:
        require_distinct_names(found.documents, folders=True)
    message = str(raised.value)
    assert f"{en / 'Intro.rst'} and {en / 'intro.md'}" in message and "--exclude" in message
    # One path in two spellings that are not one file.
    (tmp_path / "l10n").mkdir()
    documents = pairs_documents(["l10n/ui.po", "../l10n/ui.po"])
    with pytest.raises(UsageError, match=r"'l10n/ui' for both l10n/ui.po and ../l10n/ui.po"):
        require_distinct_names(documents, folders=False)
    require_distinct_names(pairs_documents(["l10n/ui.po", "./l10n/ui.po"]), folders=False)


def test_a_glob_on_the_path_inside_the_folders():
    from align.batch import glob_parts, path_matches

    def matches(pattern: str, path: str) -> bool:
        return path_matches(glob_parts("--exclude", pattern), path)

    assert matches("CHANGELOG.md", "CHANGELOG.md")
    assert not matches("CHANGELOG.md", "guide/CHANGELOG.md")  # from the beginning
    assert matches("**/CHANGELOG.md", "guide/CHANGELOG.md")
    assert matches("**/CHANGELOG.md", "CHANGELOG.md")  # ** is any number of folders, none too
    assert matches("*.md", "a.md") and not matches("*.md", "guide/a.md")  # * within a folder
    assert matches("guide/*/x.md", "guide/advanced/x.md")
    assert not matches("guide/*/x.md", "guide/a/b/x.md")
    assert matches("guide/**/x.md", "guide/a/b/x.md")
    # A folder matches everything in it.
    assert matches("de", "de/guide/install.md") and matches("de/", "de/a.md")
    assert matches("de/**", "de/a.md") and not matches("de", "design.md")
    assert matches("./guide/install.md", "guide/install.md")
    assert matches("page[0-9].md", "page3.md") and not matches("Page3.md", "page3.md")


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
    # Under each heading, that document's report as a check of it alone prints it, but
    # for the verdict that ends a run of one document: the overall line is the run's.
    single = runner.invoke(app, ["check", str(en / "a.md"), str(fr / "a.md")])
    assert single.exit_code == EXIT_OK
    report, verdict = single.stdout.rsplit("\n\n", 1)
    assert verdict == "passes --fail-on major\n"
    first = result.stdout.split(_headings(result.stdout)[0] + "\n")[1]
    assert first.startswith(report + "\n"), result.stdout
    assert "passes --fail-on" not in result.stdout
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
    # The overall line counts what the headings count: a file without counterpart is no
    # document (no heading); it is named apart.
    assert _overall(result.stdout) == ("overall: 1 document, 1 checked; findings: none; "
                                       "failing --fail-on major: none; without counterpart: "
                                       "1 (new.md)")
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


def test_each_document_is_written_under_its_own_name(tmp_path, default_encoder,
                                                    monkeypatch):
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
    # Files of pairs are named by their path as given, without extension.
    _write(tmp_path, {"one/ui.tsv": GOOD_PAIRS, "two/ui.tsv": BAD_PAIRS})
    monkeypatch.chdir(tmp_path)
    pairs = runner.invoke(app, ["check", "--pairs", "one/ui.tsv", "--pairs", "./two/ui.tsv",
                                "-o", "reports/{name}.json"])
    assert pairs.exit_code == EXIT_FINDINGS, pairs.output
    assert align.load(tmp_path / "reports/one/ui.json").findings() == []
    assert len(align.load(tmp_path / "reports/two/ui.json").findings()) == 1
    assert _headings(pairs.stdout) == ["[1/2] one/ui.tsv ({name} = one/ui)",
                                       "[2/2] two/ui.tsv ({name} = two/ui)"]


def test_one_document_takes_name_too(tmp_path, default_encoder, monkeypatch):
    _write(tmp_path, {"l10n/ui.tsv": GOOD_PAIRS, "en/a.md": GOOD_EN, "fr/a.md": GOOD_FR})
    monkeypatch.chdir(tmp_path)
    # A file of pairs alone is named as in a run of several: by its path; the folders the
    # name brings are made.
    (tmp_path / "reports").mkdir()
    result = runner.invoke(app, ["check", "--pairs", "l10n/ui.tsv",
                                 "-o", "reports/{name}-report.json"])
    assert result.exit_code == EXIT_OK, result.output
    assert align.load(tmp_path / "reports/l10n/ui-report.json").findings() == []
    assert "[1/1]" not in result.stdout and "overall:" not in result.stdout
    # Two texts: by the translation's stem.
    texts = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-o", "reports/{name}.json"])
    assert texts.exit_code == EXIT_OK, texts.output
    assert (tmp_path / "reports/a.json").is_file()
    typo = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "--baseline", "acepted/{name}.json"])
    assert typo.exit_code == EXIT_INPUT
    assert typo.stderr.startswith("align: error: --baseline acepted/{name}.json: folder acepted")


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
    # A missing baseline accepts nothing, and the heading says so, with the name.
    assert _headings(result.stdout)[1].endswith(
        f"({{name}} = b; no baseline: {tmp_path / 'accepted/b.json'} does not exist)")
    assert _overall(result.stdout) == ("overall: 2 documents, 2 checked; findings: 1 major; "
                                       "failing --fail-on major: 1 (b.md)")
    # The folder before {name} must exist: a mistyped one would accept nothing anywhere.
    typo = runner.invoke(app, ["check", str(en), str(fr),
                               "--baseline", str(tmp_path / "acepted/{name}.json")])
    assert typo.exit_code == EXIT_INPUT and "acepted" in typo.stderr


def _report(record, gate: str = "major") -> str:
    """The report of one document as `align check` prints it: then a blank line and its
    verdict against `gate`."""
    from align.checks.report import print_report

    buffer = io.StringIO()
    print_report(record, Console(file=buffer, highlight=False))
    failing = len(record.failing([gate]))
    verdict = (f"fails --fail-on {gate}: {failing} finding{'s' if failing != 1 else ''} at "
               f"{gate} or above" if failing else f"passes --fail-on {gate}")
    return f"{buffer.getvalue()}\n{verdict}\n"


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


# -- names that stay, files left out, mistakes said before anything is done -------------


def test_a_documents_files_keep_its_name_when_another_comes(tmp_path, default_encoder,
                                                            monkeypatch):
    # `--pairs locales/*/LC_MESSAGES/messages.tsv`: every file has one stem; each keeps its
    # own files, and its baseline, when a language is added before it in the glob's order.
    _write(tmp_path, {"locales/de/LC_MESSAGES/messages.tsv": BAD_PAIRS,
                      "locales/fr/LC_MESSAGES/messages.tsv": GOOD_PAIRS})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "accepted").mkdir()

    def given() -> list[str]:
        return [str(p.relative_to(tmp_path))
                for p in sorted(tmp_path.glob("locales/*/LC_MESSAGES/messages.tsv"))]

    first = runner.invoke(app, ["check", "--pairs", *given(), "-q",
                                "-o", "accepted/{name}.json"])
    assert first.exit_code == EXIT_FINDINGS, first.output
    accepted = tmp_path / "accepted/locales"
    assert len(align.load(accepted / "de/LC_MESSAGES/messages.json").findings()) == 1
    assert align.load(accepted / "fr/LC_MESSAGES/messages.json").findings() == []
    _write(tmp_path, {"locales/es/LC_MESSAGES/messages.tsv": GOOD_PAIRS})
    assert given()[1].startswith("locales/es")  # before fr
    again = runner.invoke(app, ["check", "--pairs", *given(),
                                "--baseline", "accepted/{name}.json"])
    # de's finding was accepted in de's record, es has none yet: a pass.
    assert again.exit_code == EXIT_OK, again.output
    assert _headings(again.stdout)[1] == (
        "[2/3] locales/es/LC_MESSAGES/messages.tsv ({name} = locales/es/LC_MESSAGES/messages; "
        "no baseline: accepted/locales/es/LC_MESSAGES/messages.json does not exist)")


def test_two_documents_of_one_name_are_a_usage_error_before_any_model_work(tmp_path,
                                                                         monkeypatch):
    en, fr = _folders(tmp_path, {"intro.md": GOOD_EN, "Intro.rst": GOOD_EN},
                      {"intro.md": GOOD_FR, "Intro.rst": GOOD_FR})
    (tmp_path / "reports").mkdir()
    for option in ("-o", "--baseline"):
        result = runner.invoke(app, ["check", str(en), str(fr), option,
                                     str(tmp_path / "reports/{name}.json"),
                                     "-m", str(tmp_path / "nope")])
        assert result.exit_code == EXIT_USAGE, result.output
        assert result.stderr == (
            "align: error: {name} would be 'Intro' and 'intro', one file on a system that "
            f"ignores case, for {en / 'Intro.rst'} and {en / 'intro.md'}: rename one, or "
            "leave one out with --exclude\n")
        assert result.stdout == "" and not any((tmp_path / "reports").iterdir())
    # Left out, the other is checked under its name.
    result = runner.invoke(app, ["check", str(en), str(fr), "--exclude", "Intro.rst", "-o",
                                 str(tmp_path / "reports/{name}.json"),
                                 "-m", str(tmp_path / "nope")])
    assert result.exit_code == 4, result.output  # the model, so past the names
    # Files of pairs: one path in two spellings that are not one file.
    _write(tmp_path, {"l10n/ui.tsv": GOOD_PAIRS, "app/l10n/ui.tsv": GOOD_PAIRS})
    monkeypatch.chdir(tmp_path / "app")
    pairs = runner.invoke(app, ["check", "--pairs", "l10n/ui.tsv", "../l10n/ui.tsv",
                                "-o", "{name}.json", "-m", str(tmp_path / "nope")])
    assert pairs.exit_code == EXIT_USAGE, pairs.output
    assert "'l10n/ui' for both l10n/ui.tsv and ../l10n/ui.tsv" in pairs.stderr


def test_one_name_matters_only_where_files_are_named_by_it(tmp_path, default_encoder):
    en, fr = _folders(tmp_path, {"intro.md": GOOD_EN, "intro.txt": GOOD_EN},
                      {"intro.md": GOOD_FR, "intro.txt": GOOD_FR})
    result = runner.invoke(app, ["check", str(en), str(fr)])
    assert result.exit_code == EXIT_OK, result.output
    assert len(_headings(result.stdout)) == 2 and "{name}" not in result.stdout


def test_exclude_leaves_out_what_is_untranslated_on_purpose(tmp_path, default_encoder):
    # `align check docs docs/fr`: an English-only changelog, the German folder beside the
    # French one, a note in the French folder alone.
    docs = _write(tmp_path / "docs", {
        "a.md": GOOD_EN, "CHANGELOG.md": GOOD_EN, "guide/CHANGELOG.md": GOOD_EN,
        "fr/a.md": GOOD_FR, "fr/notes-fr.md": GOOD_FR, "de/a.md": GOOD_EN, "de/b.md": GOOD_EN,
    })
    plain = runner.invoke(app, ["check", str(docs), str(docs / "fr")])
    assert plain.exit_code == EXIT_INPUT, plain.output
    excludes = ["--exclude", "de", "--exclude", "**/CHANGELOG.md", "--exclude", "notes-*.md"]
    result = runner.invoke(app, ["check", str(docs), str(docs / "fr"), *excludes])
    assert result.exit_code == EXIT_OK, result.output
    assert _overall(result.stdout) == ("overall: 1 document, 1 checked; findings: none; "
                                       "failing --fail-on major: none; excluded by --exclude: 5")
    assert "counterpart" not in result.stderr
    # A pattern that matches nothing is likely a mistake: said, not an error.
    typo = runner.invoke(app, ["check", str(docs), str(docs / "fr"), *excludes,
                               "--exclude", "docs/de/**"])
    assert typo.exit_code == EXIT_OK, typo.output
    assert "align: warning: --exclude docs/de/** matches no file" in typo.stderr


def test_include_checks_some_files_under_the_names_of_the_whole_folders(tmp_path,
                                                                      default_encoder):
    # A CI that checks only the files a change touched keeps the folders' run's names, so
    # its reports and baselines.
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "guide/b.txt": BAD_EN, "guide/c.md": GOOD_EN},
                      {"a.md": GOOD_FR, "guide/b.txt": BAD_FR, "guide/c.md": GOOD_FR})
    (tmp_path / "reports").mkdir()
    result = runner.invoke(app, ["check", str(en), str(fr), "--include", "guide/b.txt",
                                 "-o", str(tmp_path / "reports/{name}.json")])
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert _headings(result.stdout) == [
        f"[1/1] {en / 'guide/b.txt'} → {fr / 'guide/b.txt'} ({{name}} = guide/b)"]
    assert [p.relative_to(tmp_path / "reports").as_posix()
            for p in sorted((tmp_path / "reports").rglob("*.json"))] == ["guide/b.json"]
    folder = runner.invoke(app, ["check", str(en), str(fr), "--include", "guide",
                                 "--exclude", "guide/b.txt"])
    assert folder.exit_code == EXIT_OK, folder.output
    assert len(_headings(folder.stdout)) == 1


@pytest.mark.parametrize("option", ["--exclude", "--include"])
def test_include_and_exclude_choose_files_of_two_folders_only(tmp_path, option):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN}, {"a.md": GOOD_FR})
    pairs = _write(tmp_path, {"ui.tsv": GOOD_PAIRS}) / "ui.tsv"
    for args in (["--pairs", str(pairs)], [str(en / "a.md"), str(fr / "a.md")],
                 ["--pairs", str(pairs), "--pairs", str(pairs)]):
        result = runner.invoke(app, ["check", *args, option, "x.md",
                                     "-m", str(tmp_path / "nope")])
        assert result.exit_code == EXIT_USAGE, result.output
        assert f"{option} x.md" in result.stderr and "two folders" in result.stderr
    empty = runner.invoke(app, ["check", str(en), str(fr), option, "/"])
    assert empty.exit_code == EXIT_USAGE, empty.output


def test_folders_and_files_of_pairs_are_checked_in_two_runs(tmp_path):
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN}, {"a.md": GOOD_FR})
    pairs = _write(tmp_path, {"app.xlf.tsv": GOOD_PAIRS}) / "app.xlf.tsv"
    for args in ([str(en), str(fr), "--pairs", str(pairs)], ["--pairs", str(pairs), str(en)]):
        result = runner.invoke(app, ["check", *args, "-m", str(tmp_path / "nope")])
        assert result.exit_code == EXIT_USAGE, result.output
        assert result.stderr == (f"align: error: {en} is a folder: two folders and files of "
                                 "pairs (--pairs) are checked in two runs: align check SRC_DIR "
                                 "TGT_DIR, then align check --pairs FILE ...\n")


def test_a_mistyped_folder_is_the_one_named(tmp_path):
    en, fr = _folders(tmp_path, {"index.md": GOOD_EN}, {"index.md": GOOD_FR})
    nope = tmp_path / "fx"
    for args in ([en, nope], [nope, fr]):
        result = runner.invoke(app, ["check", *map(str, args)])
        assert result.exit_code == EXIT_INPUT, result.output
        assert result.stderr == f"align: error: {nope}: no such folder: check the path\n"
    mixed = runner.invoke(app, ["check", str(en), str(fr / "index.md")])
    assert mixed.exit_code == EXIT_USAGE, mixed.output
    assert mixed.stderr == (f"align: error: {en} is a folder and {fr / 'index.md'} is not: "
                            "give two folders (SRC_DIR TGT_DIR) or two files (SOURCE "
                            "TRANSLATION)\n")


def test_ctrl_c_as_the_next_documents_progress_starts_shows_the_cursor_again():
    # A display starts for each document: it hides the cursor, then starts its redrawing
    # thread, which takes a while; a Ctrl-C in between must still find it to stop it (as
    # tests/test_cli.py's test of one interrupted document, from a pseudo-terminal).

    from align import cli

    class Interrupted(Console):
        """A terminal where Ctrl-C comes as soon as the cursor is hidden, once armed."""

        armed = False

        def show_cursor(self, show: bool = True) -> bool:
            done = super().show_cursor(show)
            if not show and self.armed:
                raise KeyboardInterrupt
            return done

    with pseudo_terminal() as (terminal, written):
        console = Interrupted(file=terminal, force_terminal=True)
        reporter = cli.RichReporter(console)
        assert reporter.live

        @cli._friendly
        def command():
            reporter.status("checking")  # the first document
            reporter.done()
            console.armed = True
            reporter.status("reading")  # the next one

        with pytest.raises(cli.typer.Exit):
            command()
    [shown] = written
    assert shown.count(b"\x1b[?25l") == 2, shown
    assert shown.rindex(b"\x1b[?25h") > shown.rindex(b"\x1b[?25l"), shown
    assert reporter not in cli._LIVE_REPORTERS


@pytest.mark.parametrize("mistake", [
    ["--ignore", "bogus", "-o", "rep/{name}.json"],
    ["-o", "rep/{name}.docx"],
    ["--split", "words", "-o", "rep/{name}.json"],
    # Found by the outputs' check, once the folders are made: they are removed again.
    ["-o", "rep/{name}.src.txt", "-o", "rep/{name}.tgt.txt"],
])
def test_usage_errors_leave_no_folder_and_come_before_the_model(tmp_path, monkeypatch,
                                                              mistake):
    _folders(tmp_path, {"a.md": GOOD_EN, "guide/advanced/b.md": GOOD_EN},
             {"a.md": GOOD_FR, "guide/advanced/b.md": GOOD_FR})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rep").mkdir()
    result = runner.invoke(app, ["check", "en", "fr", *mistake, "-m", "nope"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert not any((tmp_path / "rep").iterdir())
    if mistake[0] == "--ignore":
        assert result.stderr.startswith("align: error: --ignore: unknown finding kind 'bogus'; "
                                        "choose from omission, addition")


def test_a_run_leaves_no_empty_folder_it_made(tmp_path, default_encoder, monkeypatch):
    import align.pipeline

    _folders(tmp_path, {"a.md": GOOD_EN, "guide/b.md": GOOD_EN, "other/c.md": GOOD_EN},
             {"a.md": GOOD_FR, "guide/b.md": GOOD_FR, "other/c.md": "  \n"})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rep").mkdir()
    # other/c.md cannot be read: no report, no folder for it.
    result = runner.invoke(app, ["check", "en", "fr", "-q", "-o", "rep/{name}.json"])
    assert result.exit_code == EXIT_INPUT, result.output
    assert sorted(p.relative_to(tmp_path / "rep").as_posix()
                  for p in (tmp_path / "rep").rglob("*")) == ["a.json", "guide", "guide/b.json"]
    # Ctrl-C during the second document: the first one's report stays, nothing else.
    align_files, calls = align.pipeline.align_files, []

    def interrupted(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return align_files(*args, **kwargs)

    monkeypatch.setattr(align.pipeline, "align_files", interrupted)
    (tmp_path / "again").mkdir()
    stopped = runner.invoke(app, ["check", "en", "fr", "-q", "-o", "again/{name}.json"])
    assert stopped.exit_code == 130, stopped.output
    assert [p.name for p in (tmp_path / "again").iterdir()] == ["a.json"]


def test_a_baseline_not_there_yet_is_no_input_and_one_there_is_not_overwritten(
        tmp_path, default_encoder, monkeypatch):
    _folders(tmp_path, {"a.md": BAD_EN, "empty.md": BAD_EN},
             {"a.md": BAD_FR, "empty.md": BAD_FR})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "accepted").mkdir()
    same = ["--baseline", "accepted/{name}.json", "-o", "accepted/{name}.json", "--force"]
    # No baseline yet: nothing is read, the records are written.
    first = runner.invoke(app, ["check", "en", "fr", "-q", *same])
    assert first.exit_code == EXIT_FINDINGS, first.output
    assert (tmp_path / "accepted/empty.json").is_file()
    (tmp_path / "accepted/empty.json").unlink()
    # One there is what the run reads: writing over it is the conflict, and it is named.
    again = runner.invoke(app, ["check", "en", "fr", "-q", *same])
    assert again.exit_code == EXIT_USAGE, again.output
    assert again.stderr == ("align: error: -o accepted/a.json would write over "
                            "accepted/a.json, the baseline this run reads (--baseline): write "
                            "the record under another name, and make it the baseline once "
                            "reviewed\n")
    one = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-q", *same])
    assert one.exit_code == EXIT_USAGE and "would write over accepted/a.json" in one.stderr


# -- one document or several: decided by the documents, checked by one function ---------


def test_texts_and_files_of_pairs_at_once_are_a_usage_error(tmp_path, default_encoder,
                                                            monkeypatch):
    _write(tmp_path, {"en/a.md": GOOD_EN, "fr/a.md": GOOD_FR, "p.tsv": GOOD_PAIRS,
                      "q.xlf.tsv": GOOD_PAIRS})
    monkeypatch.chdir(tmp_path)
    # Texts are not files of pairs, however many come after --pairs.
    for args in (["en/a.md", "fr/a.md", "--pairs", "p.tsv"], ["--pairs", "p.tsv", "en/a.md"]):
        result = runner.invoke(app, ["check", *args, "-m", "nope"])
        assert result.exit_code == EXIT_USAGE, result.output
        assert result.stderr == "align: error: give either two texts or --pairs FILE, not both\n"
    # A glob of files of pairs still is several documents.
    globbed = runner.invoke(app, ["check", "--pairs", "p.tsv", "q.xlf.tsv"])
    assert globbed.exit_code == EXIT_OK, globbed.output
    assert len(_headings(globbed.stdout)) == 2


def test_pairs_suffixes_are_those_read_pairs_reads():
    from align.batch import PAIRS_SUFFIXES, is_pairs_file
    from align.checks.pairs import XLIFF_SUFFIXES

    assert set(XLIFF_SUFFIXES) <= set(PAIRS_SUFFIXES)
    assert is_pairs_file("l10n/UI.XLF") and is_pairs_file("book.tgt.txt")
    assert not is_pairs_file("en/a.md") and not is_pairs_file("notes.txt")


def test_both_halves_of_a_moses_pair_are_one_document(tmp_path, default_encoder,
                                                      monkeypatch):
    sources, translations = zip(*(line.split("\t") for line in GOOD_PAIRS.splitlines()),
                                strict=True)
    _write(tmp_path, {"book.src.txt": "\n".join(sources) + "\n",
                      "book.tgt.txt": "\n".join(translations) + "\n"})
    monkeypatch.chdir(tmp_path)
    # `--pairs book.*.txt`: one document, so a plain -o is right.
    result = runner.invoke(app, ["check", "--pairs", "book.src.txt", "book.tgt.txt",
                                 "-o", "book.json"])
    assert result.exit_code == EXIT_OK, result.output
    assert (tmp_path / "book.json").is_file()
    assert "overall:" not in result.stdout and not _headings(result.stdout)


def test_one_document_without_its_name_baseline_accepts_nothing(tmp_path, default_encoder,
                                                                 monkeypatch):
    _write(tmp_path, {"en/b.txt": BAD_EN, "fr/b.txt": BAD_FR})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "accepted").mkdir()
    # A new page needs no baseline, as in a run of several: all its findings count.
    result = runner.invoke(app, ["check", "en/b.txt", "fr/b.txt",
                                 "--baseline", "accepted/{name}.json"])
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert result.stderr == ("align: no baseline: accepted/b.json does not exist: no finding "
                             "is accepted\n")
    assert result.stdout == _report(align.align_files(tmp_path / "en/b.txt",
                                                      tmp_path / "fr/b.txt"))
    quiet = runner.invoke(app, ["check", "en/b.txt", "fr/b.txt", "-q",
                                "--baseline", "accepted/{name}.json"])
    assert quiet.exit_code == EXIT_FINDINGS and quiet.output == ""
    # A baseline named plainly must exist.
    plain = runner.invoke(app, ["check", "en/b.txt", "fr/b.txt",
                                "--baseline", "accepted/b.json"])
    assert plain.exit_code == EXIT_INPUT, plain.output


def test_name_in_the_baseline_alone_makes_no_output_folder(tmp_path, default_encoder,
                                                           monkeypatch):
    _write(tmp_path, {"en/a.md": GOOD_EN, "fr/a.md": GOOD_FR})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "accepted").mkdir()
    first = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-o", "accepted/{name}.json"])
    assert first.exit_code == EXIT_OK, first.output
    # -o names its folder plainly: it must exist, whatever --baseline holds.
    for baseline in ([], ["--baseline", "accepted/{name}.json"]):
        result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", *baseline,
                                     "-o", "missing/r.json"])
        assert result.exit_code == EXIT_INPUT, result.output
        assert result.stderr == ("align: error: cannot write missing/r.json: directory "
                                 "missing does not exist; create it\n")
        assert not (tmp_path / "missing").exists()


def test_include_that_chooses_no_text_is_a_pass(tmp_path, default_encoder):
    # A CI job on a change that touched only an image, or a page deleted on both sides.
    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "logo.png": b"\x89PNG\r\n"},
                      {"a.md": GOOD_FR, "logo.png": b"\x89PNG\r\n"})
    for chosen in ("logo.png", "gone.md"):
        result = runner.invoke(app, ["check", str(en), str(fr), "--include", chosen])
        assert result.exit_code == EXIT_OK, result.output
        assert "nothing to check" in result.stderr and result.stdout == ""
    # Without --include, folders of nothing align reads are no pass.
    (en / "a.md").unlink()
    (fr / "a.md").unlink()
    result = runner.invoke(app, ["check", str(en), str(fr)])
    assert result.exit_code == EXIT_INPUT, result.output
    assert "no file align reads" in result.stderr


def test_a_json_file_is_a_document_only_when_it_holds_strings(tmp_path):
    from align.batch import pair_folders

    files = {"strings.json": '{"menu": {"open": "Open", "quit": "Quit"}, "title": "App"}',
             "nav.json": '{"nav": [{"title": "Home", "path": "index.md"}]}',
             "conf.json": '{"theme": "dark", "port": 8080}', "broken.json": "{",
             "list.json": '["a", "b"]', "a.md": GOOD_EN}
    en, fr = _folders(tmp_path, files, files)
    found = pair_folders(en, fr)
    assert [d.label for d in found.documents] == ["a.md", "strings.json"]
    assert sorted(p.name for p in found.skipped) == sorted(
        2 * ["broken.json", "conf.json", "list.json", "nav.json"])


def test_a_document_whose_outputs_cannot_be_written_is_checked_not_written(
        tmp_path, default_encoder, monkeypatch):
    import align.outputs
    from align.errors import OutputError

    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "b.txt": BAD_EN},
                      {"a.md": GOOD_FR, "b.txt": BAD_FR})
    (tmp_path / "rep").mkdir()
    write_outputs = align.outputs.write_outputs

    def full_disk(record, outputs, **kwargs):
        if any(p.name == "b.json" for p in outputs):
            raise OutputError("cannot write rep/b.json: no space left on device")
        return write_outputs(record, outputs, **kwargs)

    monkeypatch.setattr(align.outputs, "write_outputs", full_disk)
    result = runner.invoke(app, ["check", str(en), str(fr),
                                 "-o", str(tmp_path / "rep/{name}.json")])
    assert result.exit_code == EXIT_INPUT, result.output
    assert "align: error: cannot write rep/b.json: no space left" in result.stderr
    # Checked (its report shown, its finding counted), but not written.
    assert _overall(result.stdout) == ("overall: 2 documents, 2 checked; findings: 1 major; "
                                       "failing --fail-on major: 1 (b.txt); not written: 1 "
                                       "(b.txt)")
    assert [p.name for p in (tmp_path / "rep").iterdir()] == ["a.json"]


# -- the same check from Python ----------------------------------------------------------


def test_check_folders_yields_each_document_checked_or_the_input_error_that_stopped_it(
        tmp_path, default_encoder):
    from align.batch import CheckedDocument
    from align.errors import InputError

    en, fr = _folders(tmp_path, {
        "a.md": GOOD_EN, "guide/b.txt": BAD_EN, "c.md": GOOD_EN, "new.md": GOOD_EN,
        "logo.png": b"\x89PNG\r\n",
    }, {"a.md": GOOD_FR, "guide/b.txt": BAD_FR, "c.md": "  \n", "logo.png": b"\x89PNG\r\n"})
    reports = tmp_path / "reports"
    reports.mkdir()
    run = align.check_folders(en, fr, outputs=[reports / "{name}.json"])
    # What cannot be checked is known before anything is; nothing is made yet.
    assert [(u.label, u.missing) for u in run.unmatched] == [("new.md", fr / "new.md")]
    assert run.skipped == [en / "logo.png", fr / "logo.png"]
    assert [d.label for d in run.documents] == ["a.md", "c.md", "guide/b.txt"]
    assert not any(reports.iterdir())
    checked = {}
    for one in run:  # each as it is checked
        assert isinstance(one, CheckedDocument)
        checked[one.document.label] = one
    assert list(checked) == ["a.md", "c.md", "guide/b.txt"]
    good, empty, bad = checked.values()
    assert good.record.findings() == [] and good.written == [reports / "a.json"]
    # The unreadable translation is said of its document, not raised: the next is checked.
    assert empty.record is None and empty.written == []
    assert isinstance(empty.problem, InputError) and "c.md is empty" in str(empty.problem)
    assert [f.kind for _, f in bad.record.findings()] == ["number"]
    assert bad.problem is None and bad.unwritten is None
    # Written under each document's {name}, the folder the name brings made.
    assert bad.written == [reports / "guide/b.json"]
    assert [f.kind for _, f in align.load(reports / "guide/b.json").findings()] == ["number"]
    assert sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*")) == [
        "a.json", "guide", "guide/b.json"]
    # The records written are the baseline of the next check: b's finding is accepted.
    again = {one.document.label: one for one in align.check_folders(
        en, fr, baseline=reports / "{name}.json", exclude=["new.md", "c.md"])}
    assert again["guide/b.txt"].record.findings() == []
    assert [f.kind for link in again["guide/b.txt"].record.links for f in link.accepted] == [
        "number"]


def test_check_folders_raises_what_is_wrong_before_anything_is_checked(tmp_path,
                                                                        monkeypatch):
    from align.batch import check_documents, pairs_documents
    from align.errors import InputError, OutputError, UsageError

    en, fr = _folders(tmp_path, {"a.md": GOOD_EN, "b.md": GOOD_EN},
                      {"a.md": GOOD_FR, "b.md": GOOD_FR})
    (tmp_path / "rep").mkdir()
    (tmp_path / "rep/a.json").write_text("{}", encoding="utf-8")
    # No model is needed to say any of these.
    with pytest.raises(UsageError, match=r"\{name\}"):
        align.check_folders(en, fr, outputs=[tmp_path / "report.json"])
    with pytest.raises(OutputError, match="--force"):
        align.check_folders(en, fr, outputs=[tmp_path / "rep/{name}.json"], model="nope")
    (tmp_path / "empty-en").mkdir()
    (tmp_path / "empty-fr").mkdir()
    with pytest.raises(InputError, match="no file align reads"):
        align.check_folders(tmp_path / "empty-en", tmp_path / "empty-fr")
    # Files chosen of which none is a text: nothing to check, no failure.
    nothing = align.check_folders(en, fr, include=["logo.png"])
    assert list(nothing) == [] and nothing.unused_patterns == ["--include logo.png"]
    # One pattern or output given alone is one, not a list of its characters.
    alone = align.check_folders(en, fr, include="logo.png")
    assert list(alone) == [] and alone.unused_patterns == ["--include logo.png"]
    with pytest.raises(OutputError, match="--force"):
        align.check_folders(en, fr, outputs=str(tmp_path / "rep/{name}.json"))
    with pytest.raises(UsageError, match="source must be the path of a folder, not None"):
        align.check_folders(None, fr)
    # Files of pairs: two of one name are refused as the command line refuses them.
    _write(tmp_path, {"x/ui.tsv": GOOD_PAIRS, "y/x/ui.tsv": GOOD_PAIRS})
    monkeypatch.chdir(tmp_path / "y")
    with pytest.raises(UsageError, match="'x/ui' for both x/ui.tsv and ../x/ui.tsv: rename "
                       "one, or check them in two runs"):
        check_documents(pairs_documents(["x/ui.tsv", "../x/ui.tsv"]), outputs=["{name}.json"])


# -- the run's result for CI (--summary) ------------------------------------------------


def test_summary_gives_the_run_verdict_and_each_documents(tmp_path, default_encoder,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    # a.md faithful, b.md with 3 apples become 5, c.md with no counterpart.
    _folders(tmp_path, {"a.md": GOOD_EN, "b.md": BAD_EN, "c.md": GOOD_EN},
             {"a.md": GOOD_FR, "b.md": BAD_FR})
    (tmp_path / "rep").mkdir()
    result = runner.invoke(app, ["check", "en", "fr", "-q", "--summary", "run.json",
                                 "-o", "rep/{name}.json"])
    assert result.exit_code == EXIT_INPUT, result.output
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    # A file without counterpart leaves the run incomplete, however the others fared.
    assert (run["format"], run["verdict"], run["exit_code"]) == ("align/check-run",
                                                                "incomplete", EXIT_INPUT)
    assert run["without_counterpart"] == [{"present": str(Path("en/c.md")),
                                           "missing": str(Path("fr/c.md"))}]
    assert run["fail_on"] == ["major"]
    documents = {Path(d["source"]).name: d for d in run["documents"]}
    assert set(documents) == {"a.md", "b.md"}
    assert documents["a.md"]["summary"]["verdict"] == "pass"
    assert not documents["a.md"]["fails"]
    bad = documents["b.md"]
    assert bad["fails"] and bad["summary"]["verdict"] == "fail"
    assert bad["summary"]["by_kind"].get("number") == 1
    assert bad["outputs"] == [str(Path("rep/b.json"))]
    assert run["by_severity"]["major"] >= 1
    # Each document's record says the same verdict as the run's file says of it.
    record = json.loads((tmp_path / "rep/b.json").read_text(encoding="utf-8"))
    assert record["summary"]["verdict"] == "fail" and record["summary"]["failing"] >= 1
    assert record["signature"]["checks"]["fail_on"] == ["major"]

    # Without the lone file, the verdict is the gate's; an existing summary needs --force.
    (tmp_path / "en/c.md").unlink()
    again = runner.invoke(app, ["check", "en", "fr", "-q", "--summary", "run.json"])
    assert again.exit_code == EXIT_INPUT and "run.json exists" in again.stderr
    forced = runner.invoke(app, ["check", "en", "fr", "-q", "--summary", "run.json",
                                 "--force", "--fail-on", "critical"])
    assert forced.exit_code == EXIT_OK, forced.output
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert (run["verdict"], run["exit_code"], run["fail_on"]) == ("pass", 0, ["critical"])


def test_summary_must_be_json_and_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _folders(tmp_path, {"a.md": GOOD_EN}, {"a.md": GOOD_FR})
    result = runner.invoke(app, ["check", "en", "fr", "--summary", "run.txt"])
    assert result.exit_code == EXIT_USAGE and "NAME.json" in result.stderr
    # The summary may not overwrite an input, even with --force.
    result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "--force",
                                 "--summary", "en/a.md"])
    assert result.exit_code == EXIT_USAGE
    assert (tmp_path / "en/a.md").read_text(encoding="utf-8") == GOOD_EN
    # Nor an output of -o, which it would write over.
    result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-o", "./same.json",
                                 "--summary", "same.json"])
    assert result.exit_code == EXIT_USAGE and "also an output" in result.stderr
    # Nor a file an -o template names once {name} is filled in (a.json of a.md).
    result = runner.invoke(app, ["check", "en", "fr", "-o", "{name}.json",
                                 "--summary", "a.json"])
    assert result.exit_code == EXIT_USAGE and "a file of a.md" in result.stderr
    assert not (tmp_path / "a.json").exists()
    # A mistyped option ends the run before any check: with --force, the verdict an earlier
    # run left is gone rather than read as this run's.
    (tmp_path / "run.json").write_text('{"verdict": "pass"}', encoding="utf-8")
    result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "--summary", "run.json",
                                 "--force", "--fail-on", "grave"])
    assert result.exit_code == EXIT_USAGE and not (tmp_path / "run.json").exists()


def test_summary_of_one_document_that_cannot_be_read_says_why(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _folders(tmp_path, {"a.md": GOOD_EN}, {"a.md": "  \n"})
    result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-q", "--summary", "run.json"])
    assert result.exit_code == EXIT_INPUT, result.output
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert (run["verdict"], run["exit_code"]) == ("incomplete", EXIT_INPUT)
    [document] = run["documents"]
    assert document["summary"] is None and "a.md is empty" in document["problem"]


def test_summary_of_a_change_that_touched_no_text_is_a_pass(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _folders(tmp_path, {"a.md": GOOD_EN, "logo.png": b"\x89PNG"},
             {"a.md": GOOD_FR, "logo.png": b"\x89PNG"})
    result = runner.invoke(app, ["check", "en", "fr", "-q", "--include", "logo.png",
                                 "--summary", "run.json"])
    assert result.exit_code == EXIT_OK, result.output
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert (run["verdict"], run["exit_code"], run["documents"]) == ("pass", 0, [])


def test_summary_names_the_outputs_written_when_another_failed_to_render(
        tmp_path, monkeypatch, default_encoder):
    import align.render.html

    def broken(alignment, path):
        raise RuntimeError("renderer bug")

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ALIGN_DEBUG", raising=False)
    monkeypatch.setattr(align.render.html, "render", broken)
    _folders(tmp_path, {"a.md": GOOD_EN}, {"a.md": GOOD_FR})
    result = runner.invoke(app, ["check", "en/a.md", "fr/a.md", "-q", "-o", "a.json",
                                 "-o", "a.html", "--summary", "run.json"])
    assert result.exit_code == EXIT_INPUT, result.output
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    [document] = run["documents"]
    assert document["outputs"] == ["a.json"] and "cannot write a.html" in document["unwritten"]
    assert run["verdict"] == "incomplete" and (tmp_path / "a.json").exists()
