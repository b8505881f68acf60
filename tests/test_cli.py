"""The command line, through typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pty_reading import pseudo_terminal
from typer.testing import CliRunner

from align.cli import app
from align.errors import EXIT_INPUT, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[1]
LETTER_FR = ROOT / "texts" / "serge-nin-1936" / "fr-retranslation.txt"
LETTER_EN = ROOT / "texts" / "serge-nin-1936" / "en.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def letter_outputs(tmp_path_factory, default_encoder):
    out = tmp_path_factory.mktemp("letter")
    result = runner.invoke(app, [
        "run", str(LETTER_FR), str(LETTER_EN),
        "-o", str(out / "letter.json"), "-o", str(out / "letter.tsv"),
        "-o", str(out / "letter.tmx"), "-o", str(out / "letter.src.txt"),
    ])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_run_writes_every_requested_format(letter_outputs):
    out, _ = letter_outputs
    record = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    n_links = len(record["links"])
    assert n_links >= 15
    tsv_lines = (out / "letter.tsv").read_text(encoding="utf-8").splitlines()
    assert len(tsv_lines) == n_links
    assert (out / "letter.tmx").read_text(encoding="utf-8").count("<tu ") >= 15
    src = (out / "letter.src.txt").read_text(encoding="utf-8").splitlines()
    tgt = (out / "letter.tgt.txt").read_text(encoding="utf-8").splitlines()
    assert len(src) == len(tgt) == n_links


def test_reference_letter_aligns_one_to_one_with_its_numbered_paragraphs(letter_outputs):
    out, view = letter_outputs
    record = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    links = record["links"]
    # The retranslation was written sentence for sentence: every link is 1-1.
    assert all(len(l["source"]) == 1 and len(l["translation"]) == 1 for l in links)
    assert [l["source"][0] for l in links] == [l["translation"][0] for l in links]
    starts = [s["text"][:2] for s in record["translation"]["sentences"]]
    for marker in ("1.", "2.", "3.", "4.", "– "):
        assert marker in starts
    assert record["source"]["language"] == "fr"
    assert record["translation"]["language"] == "en"
    assert record["signature"]["model"]["id"] == "multilingual-e5-small"
    assert "Schavitz" in view


def test_view_rerenders_the_saved_record_without_the_model(letter_outputs, tmp_path):
    out, _ = letter_outputs
    result = runner.invoke(app, ["view", str(out / "letter.json")])
    assert result.exit_code == 0, result.output
    assert "Schavitz" in result.output
    again = runner.invoke(app, ["view", str(out / "letter.json"), "-o", str(tmp_path / "x.tsv")])
    assert again.exit_code == 0
    assert (tmp_path / "x.tsv").read_text(encoding="utf-8") == (
        out / "letter.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("exported", ["letter.tsv", "letter.tgt.txt"])
def test_the_pairs_align_writes_read_back_as_pairs(letter_outputs, tmp_path, exported):
    # Align, export, correct the pairs by hand, check them again: the TSV's score,
    # divergence and kinds columns, or the Moses pair's two files, must read back.
    out, _ = letter_outputs
    record = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    result = runner.invoke(app, ["check", "--pairs", str(out / exported),
                                 "-o", str(tmp_path / "again.json")])
    assert result.exit_code in (0, 1), result.output
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert len(again["links"]) == len(record["links"])
    for side in ("source", "translation"):
        assert [s["text"] for s in again[side]["sentences"]] == [
            s["text"] for s in record[side]["sentences"]]
    # The doubled word of the English text is found in the pairs as in the run.
    assert any(f["kind"] == "mechanical" and "that that" in f["reason"]
               for link in again["links"] for f in link["findings"])


def test_check_prints_what_reading_noticed(tmp_path, default_encoder):
    # A Windows-1252 file is read with a warning; the report says it, as the run's view does.
    legacy = tmp_path / "fr-1252.txt"
    legacy.write_bytes(LETTER_FR.read_text(encoding="utf-8").encode("cp1252"))
    result = runner.invoke(app, ["check", str(legacy), str(LETTER_EN)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert warnings and "fr-1252.txt" in warnings[0] and "Windows-1252" in result.output


def test_check_of_one_sentence_says_one_link(tmp_path, default_encoder):
    source, translation = tmp_path / "a.en", tmp_path / "a.fr"
    source.write_text("The server listens on port 8080.\n", encoding="utf-8")
    translation.write_text("Le serveur écoute sur le port 8000.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(source), str(translation)])
    assert result.exit_code == 1, result.output  # the changed port is major
    assert result.output.startswith("1 link, agreement "), result.output


def _findings(record: dict) -> list:
    return [[(f["kind"], f["severity"], f["reason"],
              [(s["side"], s["start"], s["end"], s["text"]) for s in f["spans"]])
             for f in link["findings"]] for link in record["links"]]


def test_check_of_a_saved_record_keeps_its_links_and_finds_what_the_run_found(
        tmp_path, default_encoder):
    # Two French sentences rendered as one English one: a 2-1 link, which the run measures
    # by the sum of its sentence vectors; checking the saved record again must too.
    merged = LETTER_EN.read_text(encoding="utf-8").replace(
        "POUM. This serves as", "POUM, and this serves as")
    (tmp_path / "en.txt").write_text(merged, encoding="utf-8")
    run = runner.invoke(app, ["run", str(LETTER_FR), str(tmp_path / "en.txt"),
                              "-o", str(tmp_path / "run.json"), "-q"])
    assert run.exit_code == 0, run.output
    first = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert any(len(l["source"]) == 2 and len(l["translation"]) == 1 for l in first["links"])
    result = runner.invoke(app, ["check", "--pairs", str(tmp_path / "run.json"),
                                 "-o", str(tmp_path / "again.json"),
                                 "--glossary", str(_glossary(tmp_path))])
    assert result.exit_code in (0, 1), result.output
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert [(l["source"], l["translation"]) for l in again["links"]] == [
        (l["source"], l["translation"]) for l in first["links"]]
    assert [l["divergence"] for l in again["links"]] == [l["divergence"] for l in first["links"]]
    # What the run found, plus the glossary's finding; nothing lost or moved.
    glossary = [[f for f in link if f[0] == "glossary"] for link in _findings(again)]
    assert sum(map(len, glossary)) == 1
    assert [[f for f in link if f[0] != "glossary"] for link in _findings(again)] == (
        _findings(first))
    # How the links were made is kept; what checked them now is said beside it.
    assert again["signature"]["alignment"] == first["signature"]["alignment"]
    assert again["signature"]["checked"]["model"]["id"] == "multilingual-e5-small"
    # The Python API does the same.
    import align

    api = align.check(align.load(tmp_path / "run.json"))
    assert [l.divergence for l in api.links] == [l["divergence"] for l in first["links"]]
    assert api.signature["checked"]["version"] == align.__version__


def _glossary(folder: Path) -> Path:
    path = folder / "terms.tsv"
    # «bureaucrates» is in one French sentence; its English rendering is "bureaucrats".
    path.write_text("bureaucrates\tapparatchiks\n", encoding="utf-8")
    return path


def test_existing_output_is_kept_without_force(letter_outputs):
    out, _ = letter_outputs
    before = (out / "letter.tsv").read_bytes()
    result = runner.invoke(app, ["view", str(out / "letter.json"), "-o", str(out / "letter.tsv")])
    assert result.exit_code == EXIT_INPUT
    assert "--force" in result.output
    assert (out / "letter.tsv").read_bytes() == before


def test_missing_input_is_one_line_and_exit_3(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope.txt"), str(LETTER_EN)])
    assert result.exit_code == EXIT_INPUT
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_unknown_output_extension_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["run", str(LETTER_FR), str(LETTER_EN), "-o",
                                 str(tmp_path / "out.docx")])
    assert result.exit_code == EXIT_USAGE
    assert ".json" in result.output


def test_split_lines_takes_one_sentence_per_line(tmp_path, default_encoder):
    fixtures = Path(__file__).parent / "fixtures"
    out = tmp_path / "story.json"
    result = runner.invoke(app, ["run", str(fixtures / "story.fr.txt"),
                                 str(fixtures / "story.en.txt"), "--split", "lines",
                                 "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["source"]["sentences"]) == 14
    assert [(l["source"], l["translation"]) for l in record["links"]] == [
        ([i], [i]) for i in range(14)
    ]



def test_a_sentence_beyond_the_models_512_tokens_is_reported_or_cut(tmp_path, default_encoder):
    if not hasattr(default_encoder, "too_long"):
        pytest.skip("only the OpenVINO backend reports truncated sentences")
    # 990 CJK characters without punctuation: more than 512 tokens, under 1,000 characters.
    long = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(990))
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("Une phrase courte.\n\n" + long + "\n", encoding="utf-8")
    tgt.write_text("A short sentence.\n\n" + long[::-1] + "\n", encoding="utf-8")

    def warnings(*extra: str) -> list[str]:
        out = tmp_path / "out.json"
        result = runner.invoke(app, ["run", str(src), str(tgt), "-o", str(out), "--quiet",
                                     "--force", "--no-check", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text(encoding="utf-8"))["warnings"]

    assert any("2 sentence(s) longer than the model's 512 tokens" in w for w in warnings())
    # Said again when the vectors come from the embedding cache.
    assert any("2 sentence(s) longer than the model's 512 tokens" in w for w in warnings())
    assert not any("512 tokens" in w for w in warnings("--max-chars", "300"))

def test_model_json_names_id_path_and_signature(default_encoder):
    result = runner.invoke(app, ["model", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["id"] == "multilingual-e5-small"
    assert Path(info["path"]).is_dir()
    assert info["signature"].startswith("multilingual-e5-small@")


def test_python_dash_m_align_is_the_same_command():
    result = subprocess.run([sys.executable, "-m", "align", "run", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "--split" in result.stdout and "--output" in result.stdout


def test_a_real_process_flushes_its_output_and_keeps_its_exit_code(letter_outputs):
    # The command ends its process without the interpreter's teardown (`cli._leave`):
    # what it printed to a pipe must all arrive, and the exit code must be its own.
    out, _ = letter_outputs
    # Buffered output, as a pipe gives it by default (an environment may ask for none).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    shown = subprocess.run([sys.executable, "-m", "align", "view", str(out / "letter.json")],
                           capture_output=True, text=True, timeout=300, env=env)
    assert shown.returncode == 0, shown.stderr
    # The last words of the letter are in the last row of the view (wrapped in its column),
    # and the line under the table, the last thing printed, arrives whole.
    assert "suppressing workers" in shown.stdout and "[…]" in shown.stdout
    assert " ".join(shown.stdout.split()).endswith("0 = faithful, 1 = unrelated, from 0.5 on "
                                                   "divergent")
    # Written with sys.stdout.write, not through rich (which flushes as it prints).
    described = subprocess.run([sys.executable, "-m", "align", "model", "--json"],
                               capture_output=True, text=True, timeout=300, env=env)
    assert described.returncode == 0, described.stderr
    assert json.loads(described.stdout)["id"]
    checked = subprocess.run(
        [sys.executable, "-m", "align", "check", str(LETTER_FR), str(LETTER_EN),
         "--fail-on", "minor"], capture_output=True, text=True, timeout=300, env=env)
    # The English text doubles a word ("that that"): a minor finding, so exit 1.
    assert checked.returncode == 1, checked.stderr
    assert "that that" in checked.stdout + checked.stderr
    missing = subprocess.run([sys.executable, "-m", "align", "check", "no-such-file.txt",
                              str(LETTER_EN)], capture_output=True, text=True, timeout=300,
                             env=env)
    assert missing.returncode == EXIT_INPUT
    assert missing.stderr.strip().startswith("align: error: no-such-file.txt")


def test_view_open_writes_a_page_and_hands_it_to_the_browser(letter_outputs, monkeypatch,
                                                            tmp_path):
    out, _ = letter_outputs
    opened: list[str] = []
    # The page must outlive the command (the browser reads it later), so it goes to
    # the system's temporary folder; here that folder is the test's own.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    result = runner.invoke(app, ["view", str(out / "letter.json"), "--open"])
    assert result.exit_code == 0, result.output
    assert len(opened) == 1 and opened[0].startswith("file://")
    page = Path(opened[0][len("file://"):])
    assert page.is_relative_to(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "Schavitz" in html and "Content-Security-Policy" in html


def test_view_open_says_so_when_no_browser_takes_the_page(letter_outputs, monkeypatch,
                                                         tmp_path):
    """On a server or in a container `webbrowser` finds no browser and returns False: the
    command must not claim it opened the page, and must say where the page is."""
    out, _ = letter_outputs
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    result = runner.invoke(app, ["view", str(out / "letter.json"), "--open"])
    assert result.exit_code == 0, result.output
    assert "opened" not in result.output
    assert "no web browser found here; the page is" in result.output
    [page] = tmp_path.glob("align-view-*/letter.html")
    assert str(page) in result.output.replace("\n", "")


def test_the_view_says_what_its_score_column_holds(letter_outputs):
    """Each checked link shows two numbers running opposite ways (similarity up, divergence
    down): both are labelled, and a line under the table says what they mean."""
    out, view = letter_outputs
    record = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    first = record["links"][0]
    assert f"div {first['divergence']:.2f}" in view
    assert "div: its divergence, 0 = faithful, 1 = unrelated" in " ".join(view.split())


def test_the_check_summary_labels_its_breakdown_by_kind(tmp_path):
    """The letter's four findings: two minor and two info; by kind one meaning-shift, one
    untranslated, two mechanical (checks.md lists them).  The kinds follow their own
    label, not the last severity named."""
    result = runner.invoke(app, ["check", str(LETTER_FR), str(LETTER_EN)])
    first = " ".join(result.output.split("agreement")[1].split("\n\n")[0].split())
    assert "findings: 2 minor, 2 info; by kind: " in first, result.output


def test_check_pairs_takes_the_translation_language_of_a_multilingual_tmx(tmp_path):
    """A translation memory of three languages: the option given on the command line
    chooses which variant is checked as the translation."""
    tmx = tmp_path / "three.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
        'creationtool="t" creationtoolversion="1" o-tmf="t" segtype="sentence" '
        'adminlang="en" srclang="en" datatype="plaintext"/><body>'
        '<tu><tuv xml:lang="en"><seg>The house is red.</seg></tuv>'
        '<tuv xml:lang="de"><seg>Das Haus ist rot.</seg></tuv>'
        '<tuv xml:lang="fr"><seg>La maison est rouge.</seg></tuv></tu>'
        "</body></tmx>\n", encoding="utf-8")
    refused = runner.invoke(app, ["check", "--pairs", str(tmx)])
    assert refused.exit_code == 3 and "--translation-lang" in refused.output
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["check", "--pairs", str(tmx), "--translation-lang", "fr",
                                 "-o", str(report)])
    assert result.exit_code == 0, result.output
    record = json.loads(report.read_text(encoding="utf-8"))
    assert [s["text"] for s in record["translation"]["sentences"]] == ["La maison est rouge."]
    assert record["translation"]["language"] == "fr"
    assert [link["findings"] for link in record["links"]] == [[]]


def test_a_check_report_in_a_log_keeps_each_line_whole(tmp_path):
    """Written to a file or a CI log, a finding's lines are not wrapped at 80 columns, so
    that grep finds a whole sentence (checked by hand against en.txt, link 15)."""
    result = runner.invoke(app, ["check", str(LETTER_FR), str(LETTER_EN)])
    lines = result.output.splitlines()
    assert ("  translation: It is my opinion that that we should loudly and publicly notify "
            "the anarchists and the syndicalists that:") in lines, result.output


def test_a_reader_that_leaves_ends_the_run_with_the_broken_pipe_code(letter_outputs):
    """`align view x.json | head`: the reader gone, the run ends with 141, as a shell says
    of a process that SIGPIPE ends, not with 1, which `align check` gives for findings."""
    out, _ = letter_outputs
    process = subprocess.Popen([sys.executable, "-m", "align", "view", str(out / "letter.json")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the first line
    assert process.wait(timeout=300) == 141, process.stderr.read()


def test_map_alone_is_written_as_svg(letter_outputs, tmp_path):
    out, _ = letter_outputs
    result = runner.invoke(app, ["view", str(out / "letter.json"), "-o", str(tmp_path / "m.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<svg", "<?xml"))


def test_a_word_document_aligns_as_its_text_does(tmp_path, letter_outputs):
    """The French letter saved as a .docx (one Word paragraph per paragraph, its lines
    joined by line breaks) gives the links the .txt gives."""
    import docx

    document = docx.Document()
    for paragraph in LETTER_FR.read_text(encoding="utf-8").split("\n\n"):
        lines = paragraph.strip().split("\n")
        run = document.add_paragraph().add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
    document.save(tmp_path / "lettre.docx")
    result = runner.invoke(app, ["run", str(tmp_path / "lettre.docx"), str(LETTER_EN),
                                 "-o", str(tmp_path / "out.json"), "--quiet"])
    assert result.exit_code == 0, result.output
    from_docx = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    from_txt = json.loads((letter_outputs[0] / "letter.json").read_text(encoding="utf-8"))
    assert from_docx["source"]["encoding"] == "docx"
    assert [s["text"] for s in from_docx["source"]["sentences"]] == [
        s["text"] for s in from_txt["source"]["sentences"]]
    assert [(l["source"], l["translation"]) for l in from_docx["links"]] == [
        (l["source"], l["translation"]) for l in from_txt["links"]]


def test_eval_writes_scores_and_the_predicted_links(tmp_path, default_encoder):
    # Written for this test: four English sentences, the French of the second and
    # third joined into one sentence, and a French sentence the English lacks; the
    # gold links say so by hand.
    (tmp_path / "doc.en").write_text(
        "The train left the station at dawn.\n"
        "The rain had not stopped for three days.\n"
        "Nobody on the platform waved goodbye to the soldiers.\n"
        "A week later the letter arrived in Barcelona.\n", encoding="utf-8")
    (tmp_path / "doc.fr").write_text(
        "Le train quitta la gare à l'aube.\n"
        "Il pleuvait depuis trois jours, et personne sur le quai ne fit signe d'adieu "
        "aux soldats.\n"
        "Les mouettes criaient au-dessus du port.\n"
        "Une semaine plus tard, la lettre arriva à Barcelone.\n", encoding="utf-8")
    (tmp_path / "doc.gold").write_text("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n",
                                       encoding="utf-8")
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", str(tmp_path / "doc.en"), str(tmp_path / "doc.fr"),
                                 str(tmp_path / "doc.gold"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text(encoding="utf-8"))
    [document] = scores["documents"]
    assert document["links"] == [[[0], [0]], [[1, 2], [1]], [[], [2]], [[3], [3]]]
    assert document["strict_f1"] == scores["total"]["strict_f1"] == 1.0
    assert "strict F1 1.000" in result.output


@pytest.mark.parametrize("command", [
    ["run", str(LETTER_FR), str(LETTER_EN)],
    ["eval", str(LETTER_FR), str(LETTER_EN), str(LETTER_EN)],
    ["check", str(LETTER_FR), str(LETTER_EN)],
])
def test_an_unknown_backend_is_a_usage_error(command):
    # Every command that takes --backend: a mistyped value is the command line's fault.
    result = runner.invoke(app, [*command, "--backend", "gpu"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output == ("align: error: --backend must be 'auto', 'openvino', 'int8' or "
                             "'fp32', not 'gpu'\n")


def test_check_runs_the_backend_it_is_given(tmp_path, default_encoder):
    # The float32 reference, as `run` and `eval` can: the record says which ran.
    source, translation = tmp_path / "a.en", tmp_path / "a.fr"
    source.write_text("The night was dark.\n", encoding="utf-8")
    translation.write_text("La nuit était noire.\n", encoding="utf-8")
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["check", str(source), str(translation), "--backend", "fp32",
                                 "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["signature"]["model"]["backend"] == (
        "fp32")


def test_model_names_a_missing_model_folder_as_run_does(tmp_path):
    from align.errors import EXIT_MODEL

    missing = str(tmp_path / "nope")
    for extra in ([], ["--json"]):
        result = runner.invoke(app, ["model", "-m", missing, *extra])
        assert result.exit_code == EXIT_MODEL, result.output
        assert result.output == (f"align: error: model folder {missing!r} does not exist: "
                                 "check the path\n")


@pytest.mark.parametrize("command", ["model", "run"])
def test_model_a_file_is_not_a_model_folder(command, tmp_path):
    from align.errors import EXIT_MODEL

    # `run` says the same as `model`, before anything is embedded (it said the existing
    # file "does not exist").
    args = ["model", "-m", str(LETTER_EN), "--json"] if command == "model" else [
        "run", str(LETTER_EN), str(LETTER_EN), "-m", str(LETTER_EN), "-o",
        str(tmp_path / "x.json")]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_MODEL, result.output
    assert "is a file, not a model folder" in result.output
    assert result.output.count("\n") == 1
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("hub_reachable", [False, True])
def test_model_not_on_this_machine_is_a_model_error(monkeypatch, hub_reachable):
    from align import models
    from align.errors import EXIT_MODEL

    # Not a folder, not in the Hugging Face cache: offline it cannot be had; online it
    # is not here yet. Either way there is no path or signature to show.
    monkeypatch.setattr(models, "hub_reachable", lambda timeout=3.0: hub_reachable)
    result = runner.invoke(app, ["model", "-m", "no-such-org/no-such-model", "--json"])
    assert result.exit_code == EXIT_MODEL, result.output
    assert "'no-such-org/no-such-model' is not on this machine" in result.output
    assert result.output.count("\n") == 1


def test_a_ci_log_gets_no_progress_bars_and_the_view_alone_on_stdout(tmp_path):
    # FORCE_COLOR, as CI setups set it for coloured logs: colour in the view is wanted,
    # redrawn progress bars in a log file are not; `wrote FILE` is status, on stderr.
    env = {**os.environ, "FORCE_COLOR": "1", "PYTHONPATH": str(ROOT)}
    out = tmp_path / "letter.json"
    done = subprocess.run([sys.executable, "-m", "align", "run", str(LETTER_FR), str(LETTER_EN),
                           "-o", str(out)], capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert "wrote" not in done.stdout and f"wrote {out}" in done.stderr
    assert "\r" not in done.stderr and "\x1b[?25l" not in done.stderr  # no bar, no hidden cursor


def test_the_check_report_shows_control_characters_as_the_view_does(tmp_path):
    source, translation = tmp_path / "fr.txt", tmp_path / "en.txt"
    # An escape sequence (clear the screen) and a right-to-left override inside the text.
    source.write_text("Le chat dort sur le canapé.\n\nLa maison est \x1b[2Jgrande et "
                      "\u202eblanche.\n\nLe chien mange sa soupe.\n", "utf-8")
    translation.write_text("The cat sleeps on the sofa.\n\nThe dog eats its soup.\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    checked = subprocess.run([sys.executable, "-m", "align", "check", str(source),
                              str(translation)], capture_output=True, text=True, timeout=300,
                             env=env)
    assert "La maison est" in checked.stdout  # the omitted sentence is reported
    assert "\x1b" not in checked.stdout and "\u202e" not in checked.stdout
    assert "\ufffd[2Jgrande" in checked.stdout


def test_an_interrupted_run_stops_its_progress_display_and_shows_the_cursor():
    import io

    from rich.console import Console

    from align import cli

    with pseudo_terminal() as (terminal, written):
        reporter = cli.RichReporter(Console(file=terminal, force_terminal=True))
        assert reporter.live  # a real terminal

        @cli._friendly
        def command():
            reporter.status("embedding sentences")
            raise KeyboardInterrupt

        with pytest.raises(cli.typer.Exit):
            command()
    [shown] = written
    assert b"\x1b[?25l" in shown and shown.rindex(b"\x1b[?25h") > shown.rindex(b"\x1b[?25l")
    assert reporter not in cli._LIVE_REPORTERS
    # Not a terminal (a file, even with FORCE_COLOR's force_terminal): no live display.
    assert not cli.RichReporter(Console(file=io.StringIO(), force_terminal=True)).live


def test_run_of_one_sentence_each_says_one_sentence_and_one_link(tmp_path, default_encoder):
    source, translation = tmp_path / "one.fr.txt", tmp_path / "one.en.txt"
    source.write_text("Mme Loisel eut un succès.\n", encoding="utf-8")
    translation.write_text("Madame Loisel was a great success.\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(source), str(translation),
                                 "-o", str(tmp_path / "one.html")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Not a terminal: the header's lines whole, however long, and no line padded.
    assert lines[0] == "one.fr.txt (fr), 1 sentence  ⟷  one.en.txt (en), 1 sentence"
    assert " · 1 link · 1 one-to-one · 0 findings" in lines[1]
    assert not [line for line in lines if line != line.rstrip()]
    page = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert ">1 link between one.fr.txt and one.en.txt<" in page


def test_a_missing_passage_names_the_links_that_hold_it(tmp_path, default_encoder):
    """The English letter without its paragraphs 5-9: the warning names the source
    sentences and the links (the view's "#", the page's rows) that hold them."""
    import re

    paragraphs = LETTER_EN.read_text(encoding="utf-8").split("\n\n")
    cut = tmp_path / "en-cut.txt"
    cut.write_text("\n\n".join(paragraphs[:4] + paragraphs[9:]), encoding="utf-8")
    result = runner.invoke(app, ["run", str(LETTER_FR), str(cut), "-o",
                                 str(tmp_path / "cut.json"), "-o", str(tmp_path / "cut.html")])
    assert result.exit_code == 0, result.output
    pattern = (r"warning: source sentences (\d+)–(\d+) \(links #(\d+)–(\d+); paragraphs \d+–\d+\) "
               r"have no counterpart in the translation")
    [found] = [m for line in result.output.splitlines() if (m := re.fullmatch(pattern, line))]
    first, last, first_link, last_link = map(int, found.groups())
    links = json.loads((tmp_path / "cut.json").read_text(encoding="utf-8"))["links"]
    held = [n + 1 for n, link in enumerate(links)
            if set(link["source"]) & set(range(first - 1, last))]
    assert (held[0], held[-1]) == (first_link, last_link)
    # The view's row of that number shows the run's first sentence.
    letter = json.loads((tmp_path / "cut.json").read_text(encoding="utf-8"))["source"]
    opening = letter["sentences"][first - 1]["text"][:12]
    row = re.search(rf"^ *{first_link}   (.*)$", result.output, re.MULTILINE)
    assert row and opening.split()[0] in row.group(1), (opening, row)
    page = (tmp_path / "cut.html").read_text(encoding="utf-8")
    assert f'(<a href="#L{first_link}">links #{first_link}–{last_link}</a>; ' in page


def test_forced_colour_in_a_pipe_still_prints_each_report_line_whole(tmp_path):
    # FORCE_COLOR (CI systems set it) makes rich take a pipe for a terminal: the colour it
    # asks for stays, but the lines must stay whole, as docs/cli.md promises for any pipe.
    source, translation = tmp_path / "fr.txt", tmp_path / "en.txt"
    long_fr = ("La maison que mon grand-père avait construite au bord de la rivière, avec "
               "ses volets bleus et son jardin plein de roses anciennes, a été vendue l'an "
               "dernier à des inconnus.")
    source.write_text(f"Le chat dort sur le canapé.\n\n{long_fr}\n\nLe chien mange sa "
                      "soupe.\n", "utf-8")
    translation.write_text("The cat sleeps on the sofa.\n\nThe dog eats its soup.\n", "utf-8")
    env = {**os.environ, "FORCE_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)
    checked = subprocess.run([sys.executable, "-m", "align", "check", str(source),
                              str(translation)], capture_output=True, text=True, timeout=300,
                             env=env)
    assert checked.returncode == 1, checked.stderr
    assert "\x1b[" in checked.stdout  # still coloured, as asked
    plain = re.sub(r"\x1b\[[0-9;]*m", "", checked.stdout).splitlines()
    summary = next(line for line in plain if " links, agreement " in line)
    assert "findings:" in summary
    assert any(line.startswith("  source:") and line.endswith("inconnus.") for line in plain)


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--source-lang", "french", "'french' is not a language code: give fr"),
    ("--translation-lang", "English", "'English' is not a language code: give en"),
    ("--source-lang", "klingon", "'klingon' is not a language code: give a code of 2 or 3"),
    ("--source-lang", "fr FR", "'fr FR' is not a language code: give a code of 2 or 3"),
])
@pytest.mark.parametrize("command", ["check", "run"])
def test_a_language_name_is_refused_where_a_code_is_wanted(tmp_path, command, option, value,
                                                           said):
    source, translation = tmp_path / "fr.txt", tmp_path / "en.txt"
    source.write_text("Le chat dort.\n", "utf-8")
    translation.write_text("The cat sleeps.\n", "utf-8")
    result = runner.invoke(app, [command, str(source), str(translation), option, value])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output.startswith(f"align: error: {option} {said}")
    assert result.output.count("\n") == 1


def test_a_language_code_with_a_region_or_script_is_still_taken():
    from align.language import require_language_code

    for code in ("fr", "FR", "fr_FR", "zh-Hant-TW", "yue", "es-419"):
        require_language_code(code, "--source-lang")  # raises nothing


@pytest.mark.parametrize(("args", "said"), [
    (["frobnicate"], "no such command 'frobnicate' (see align --help)"),
    (["check", "a.txt", "b.txt", "--frob"], "no such option: --frob"),
    (["check", "a.txt", "b.txt", "-o"], "option '-o' requires an argument (see align check "
     "--help)"),
    (["run", "a.txt", "b.txt", "--max-link", "abc"], "invalid value for '--max-link': give a "
     "whole number (see align run --help)"),
    (["run", "a.txt"], "missing argument 'TRANSLATION' (see align run --help)"),
])
def test_a_usage_mistake_is_one_line_and_exit_2(args, said):
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output.startswith("align: error: ") and said in result.output
    assert result.output.count("\n") == 1 and "Usage:" not in result.output


def test_help_and_no_arguments_still_show_the_help():
    for args, code in ((["--help"], 0), (["check", "-h"], 0), ([], 2)):
        result = runner.invoke(app, args)
        assert result.exit_code == code and "Usage: align" in result.output


@pytest.mark.parametrize("command", ["run", "check", "view", "eval", "model", "cache"])
def test_help_names_each_value_readably(command):
    shown = runner.invoke(app, [command, "--help"], terminal_width=200).output
    # No raw type placeholders: <str>, <path>, <list[Path]>, nor {source} in the usage line.
    assert not re.search(r"<(str|int|path|list\[\w+\])>", shown), shown
    assert not re.search(r"\{[a-z]+\}", shown.splitlines()[0]), shown


def test_fail_on_and_ignore_take_comma_lists_in_any_case(tmp_path, default_encoder):
    pairs, out = tmp_path / "pairs.tsv", tmp_path / "out.json"
    pairs.write_text("Le contrat a été signé le 12 mars.\tThe contract was signed on 13 March.\n"
                     "Marie Dupont a payé.\tMarie Dupont paid.\n", "utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs), "--fail-on", "Number,NAME",
                                 "--fail-on", "length:Major", "--ignore", "Untranslated, length",
                                 "-o", str(out)])
    assert result.exit_code == 1, result.output  # 12 → 13 is a number finding
    checks = json.loads(out.read_text("utf-8"))["signature"]["checks"]
    assert checks["fail_on"] == ["number", "name", "length:major"]
    assert checks["ignore"] == ["length", "untranslated"]


def test_a_gate_list_keeps_its_refusals():
    from align.checks import gate_list

    assert gate_list("MAJOR, number", "fail_on") == ("major", "number")
    result = runner.invoke(app, ["check", "a.txt", "b.txt", "--fail-on", "number,nmae"])
    assert result.exit_code == EXIT_USAGE and "not 'nmae'" in result.output


def test_fail_on_help_says_no_built_in_check_is_critical():
    shown = " ".join(runner.invoke(app, ["check", "--help"], terminal_width=200).output.split())
    assert "no built-in check says critical, only --rules can" in shown


def test_model_before_the_default_is_built_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_HOME", str(tmp_path))
    shown = runner.invoke(app, ["model"])
    assert shown.exit_code == 0, shown.output
    assert "None" not in shown.output
    assert "not built yet (built on first use, or by `align model --build`)" in shown.output
    info = json.loads(runner.invoke(app, ["model", "--json"]).output)
    assert info["ready"] is False and info["checksum"] is None  # the old keys stay


@pytest.mark.parametrize("content", ["", "# source<TAB>translation\n\n# none yet\n"])
@pytest.mark.parametrize("command", ["run", "check"])
def test_a_glossary_without_terms_is_said_on_stderr(tmp_path, command, content):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text(content, "utf-8")
    missing = tmp_path / "missing.txt"  # the run then stops before the model loads
    result = runner.invoke(app, [command, str(missing), str(missing), "--glossary",
                                 str(glossary)])
    assert f"align: warning: glossary {glossary} holds no terms" in result.output
    assert result.output.count("holds no terms") == 1
    quiet = runner.invoke(app, [command, str(missing), str(missing), "--glossary",
                                str(glossary), "-q"])
    assert "holds no terms" not in quiet.output


def test_an_empty_language_code_detects_the_language_as_no_code_does(tmp_path):
    """A CI script passes `--source-lang "$LANG_CODE"` with the variable unset: the empty
    value is no code, not a mistake."""
    source, translation = tmp_path / "fr.txt", tmp_path / "en.txt"
    source.write_text("Le chat dort sur le canapé du salon.\n", encoding="utf-8")
    translation.write_text("The cat sleeps on the living-room sofa.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(source), str(translation),
                                      "--source-lang", "", "-q"])
    assert result.exit_code == 0, result.output


def _unlabelled_record(folder: Path) -> Path:
    """A record of three short strings whose languages are not known, one left untranslated."""
    from align.outputs import write_outputs
    from align.record import Alignment, Link, Sentence, Side

    source = Side([Sentence("OK", 0, 2, 0), Sentence("Annuler", 3, 10, 1),
                   Sentence("Enregistrer", 11, 22, 2)], name="ui.fr.txt")
    translation = Side([Sentence("OK", 0, 2, 0), Sentence("Cancel", 3, 9, 1)], name="ui.en.txt")
    record = Alignment(source, translation,
                       [Link([0], [0], 1.0), Link([1], [1], 0.9), Link([2], [], 0.0)])
    [path] = write_outputs(record, [folder / "ui.json"])
    return path


def test_view_sets_the_languages_and_says_what_a_tmx_cannot_hold(tmp_path):
    record = _unlabelled_record(tmp_path)
    tmx = tmp_path / "ui.tmx"
    result = runner.invoke(app, ["view", str(record), "-o", str(tmx)])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmx} (1 one-sided link (1-0, 0-1) left out: TMX has no unit for them)" \
        in result.output
    assert (f'align: warning: {tmx}: the source and translation languages are unknown and '
            'written as "und"') in result.output
    assert "--source-lang CODE and --translation-lang CODE" in result.output
    result = runner.invoke(app, ["view", str(record), "-o", str(tmx), "--force",
                                 "--source-lang", "fr_fr", "--translation-lang", "en"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    import xml.etree.ElementTree as ET

    root = ET.parse(tmx).getroot()
    assert root.find("header").get("srclang") == "fr-FR"
    assert [tuv.get(lang) for tuv in root.iter("tuv")][:2] == ["fr-FR", "en"]
    assert json.loads(record.read_text("utf-8"))["source"]["language"] is None  # input kept
    refused = runner.invoke(app, ["view", str(record), "--source-lang", "french"])
    assert refused.exit_code == EXIT_USAGE
    assert "--source-lang 'french' is not a language code: give fr" in refused.output


def test_view_quiet_prints_no_view_and_no_status(tmp_path):
    record = _unlabelled_record(tmp_path)
    shown = runner.invoke(app, ["view", str(record), "-o", str(tmp_path / "ui.tsv")])
    assert "wrote" in shown.output
    for option in ("-q", "--quiet"):
        quiet = runner.invoke(app, ["view", str(record), option])
        assert quiet.exit_code == 0 and quiet.output == ""
        quiet = runner.invoke(app, ["view", str(record), option, "--force", "-o",
                                    str(tmp_path / "ui.tmx")])
        assert quiet.exit_code == 0 and quiet.output == ""
        assert (tmp_path / "ui.tmx").exists()


def test_a_tmx_of_unknown_languages_written_by_run_says_which_option_to_give(
        tmp_path, default_encoder):
    source, translation = tmp_path / "ui.fr.txt", tmp_path / "ui.en.txt"
    source.write_text("OK\nAnnuler\nEnregistrer\n", encoding="utf-8")
    translation.write_text("OK\nCancel\nSave\n", encoding="utf-8")
    tmx = tmp_path / "ui.tmx"
    result = runner.invoke(app, ["run", str(source), str(translation), "--split", "lines",
                                 "-o", str(tmx)])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmx}\n" in result.output
    assert f"align: warning: {tmx}: the " in result.output and "--source-lang" in result.output
    quiet = runner.invoke(app, ["run", str(source), str(translation), "--split", "lines",
                                "-o", str(tmx), "--force", "-q"])
    assert "warning" not in quiet.output


def test_check_writes_the_inline_codes_of_a_tmx_back_as_tmx_codes(tmp_path, default_encoder):
    given = tmp_path / "ext.tmx"
    given.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="FR-FR" '
        'datatype="xml" segtype="sentence" adminlang="EN-US" creationtool="x" '
        'creationtoolversion="1" o-tmf="x"/><body>'
        '<tu><tuv xml:lang="FR-FR"><seg>Cliquez sur <bpt i="1">&lt;b&gt;</bpt>Enregistrer'
        '<ept i="1">&lt;/b&gt;</ept> pour 12 fichiers.</seg></tuv><tuv xml:lang="EN-US"><seg>'
        'Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> for 12 files.</seg>'
        '</tuv></tu><tu><tuv xml:lang="FR-FR"><seg>Fermer <ph x="2"/></seg></tuv>'
        '<tuv xml:lang="EN-US"><seg></seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    out = tmp_path / "ext_out.tmx"
    result = runner.invoke(app, ["check", "--pairs", str(given), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert f"wrote {out} (1 one-sided link (1-0, 0-1) left out" in result.output
    text = out.read_text("utf-8")
    assert '<seg>Click <bpt i="1" x="1" />Save<ept i="1" /> for 12 files.</seg>' in text
    assert "&lt;1&gt;" not in text


# -- the verdict of one document, gates no finding can reach, a cold start said

VERDICT_PAIRS = ("The report has 12 pages.\tLe rapport compte 15 pages.\n"
                 "Open the dashboard.\tOuvrez le tableau de bord.\n")


@pytest.mark.parametrize(("options", "verdict", "code"), [
    pytest.param([], "fails --fail-on major: 1 finding at major or above", 1, id="severity"),
    pytest.param(["--fail-on", "number:minor"],
                 "fails --fail-on number:minor: 1 finding of kind number at minor or above", 1,
                 id="kind-severity"),
    pytest.param(["--fail-on", "name", "--fail-on", "number"],
                 "fails --fail-on name --fail-on number: 1 finding reaching them", 1, id="two"),
    pytest.param(["--fail-on", "name"], "passes --fail-on name", 0, id="pass"),
    pytest.param(["--fail-on", "major", "--fail-on", "Major"],
                 "fails --fail-on major: 1 finding at major or above", 1, id="given-twice"),
])
def test_one_document_ends_its_report_with_its_verdict(tmp_path, default_encoder, options,
                                                       verdict, code):
    """As the overall line of several documents: on stdout, last, and not under -q."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(VERDICT_PAIRS, "utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs), *options])
    assert result.exit_code == code, result.output
    assert result.stdout.splitlines()[-1] == verdict
    quiet = runner.invoke(app, ["check", "--pairs", str(pairs), *options, "-q"])
    assert quiet.exit_code == code and quiet.stdout == ""


@pytest.mark.parametrize(("options", "warned"), [
    pytest.param(["--fail-on", "glossary"], "--fail-on glossary can never fail the run: "
                 "glossary findings come only from --glossary FILE, which is not given",
                 id="glossary"),
    pytest.param(["--fail-on", "rule:minor,major"], "--fail-on rule:minor can never fail the "
                 "run: rule findings come only from --rules FILE, which is not given",
                 id="rule"),
])
def test_a_fail_on_whose_findings_need_a_file_not_given_is_said(tmp_path, options, warned):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(VERDICT_PAIRS, "utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs), *options,
                                 "--model", str(tmp_path / "no-model")])
    assert warned in " ".join(result.stderr.split())
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("dashboard\ttableau de bord\n", "utf-8")
    given = runner.invoke(app, ["check", "--pairs", str(pairs), *options, "--glossary",
                                str(glossary), "--rules", str(glossary),
                                "--model", str(tmp_path / "no-model")])
    assert "can never" not in given.stderr


def test_a_step_run_once_is_said_off_a_terminal_once_and_not_under_quiet():
    import io

    from rich.console import Console

    from align.cli import RichReporter

    for quiet, said in ((False, 1), (True, 0)):
        out = io.StringIO()
        reporter = RichReporter(Console(file=out, force_terminal=False), quiet=quiet)
        reporter.status("loading the model")
        reporter.status("building multilingual-e5-small into /x (once, about 30 s)")
        reporter.status("converting x for OpenVINO (once, about 15 s)")
        assert out.getvalue().count("align: ") == said, out.getvalue()
        assert "loading" not in out.getvalue() and "converting" not in out.getvalue()


def test_a_cold_start_says_on_stderr_that_it_builds_the_default_model(tmp_path):
    """A CI job's first run builds the model (half a minute): one line says so."""
    source, translation = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text("The report has twelve pages.\n", "utf-8")
    translation.write_text("Le rapport compte douze pages.\n", "utf-8")
    env = {**os.environ, "ALIGN_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT),
           "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "align", "check", str(source),
                           str(translation), "--backend", "fp32"], capture_output=True,
                          text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if "building" in line]
    assert len(lines) == 1 and lines[0].startswith(
        "align: building multilingual-e5-small into "), done.stderr
    assert "(once, about 30 s)" in lines[0]


# -- what -o writes, run's exit code, the recap after run's view

def _output_help(command: str) -> str:
    """The help of `command`'s ``-o``, its lines joined."""
    shown = runner.invoke(app, [command, "--help"], terminal_width=200).output
    block = shown.split("--output", 1)[1]
    # The option's help ends where the next option starts (a line opening with a dash).
    block = re.split(r"\n {2,4}-", block, maxsplit=1)[0]
    return " ".join(block.split())


@pytest.mark.parametrize("command", ["run", "check", "view", "eval"])
def test_the_help_of_o_lists_exactly_the_formats_it_writes(command):
    from align.render import KNOWN_EXTENSIONS

    said = set(re.findall(r"\.[a-z]+(?:\.[a-z]+)*", _output_help(command)))
    # eval writes its scores as JSON, nothing else; the others take any renderer's ending.
    assert said == ({".json"} if command == "eval" else set(KNOWN_EXTENSIONS))
    assert ".sarif" in KNOWN_EXTENSIONS and ".htm" in KNOWN_EXTENSIONS  # so the above means it


def test_an_option_of_another_command_says_which_command_takes_it():
    """`align run … --fail-on major` is refused (run sets no exit code for findings): the
    error says that `align check` takes it, rather than only that run does not."""
    result = runner.invoke(app, ["run", "a.txt", "b.txt", "--fail-on", "major"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output == ("align: error: no such option: --fail-on; align check takes it "
                             "(see align check --help)\n")
    # --split: run and check take it, view does not.
    result = runner.invoke(app, ["view", "x.json", "--split", "lines"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output == ("align: error: no such option: --split; align run and align check "
                             "take it (see align run --help or align check --help)\n")
    # An option no command takes is said as before.
    result = runner.invoke(app, ["run", "a.txt", "b.txt", "--frob"])
    assert result.output.startswith("align: error: no such option: --frob")
    assert "take" not in result.output and result.output.count("\n") == 1


def test_an_option_of_another_command_leaves_out_click_s_guesses():
    """click guesses run's options nearest to --baseline (--backend, --max-link): beside
    "align check takes it" they point away from the command to use."""
    result = runner.invoke(app, ["run", "a.txt", "b.txt", "--baseline", "x.json"])
    assert result.exit_code == EXIT_USAGE, result.output
    assert result.output == ("align: error: no such option: --baseline; align check takes it "
                             "(see align check --help)\n")
    # A misspelt option of the command itself keeps click's guesses, which help there.
    result = runner.invoke(app, ["run", "a.txt", "b.txt", "--baselin", "x.json"])
    assert "(Possible options: --backend, --max-link, --split) (see align run --help)" in (
        result.output)


@pytest.mark.parametrize("command", ["run", "check"])
def test_the_example_of_a_command_s_help_is_a_line_of_its_own(command):
    shown = runner.invoke(app, [command, "--help"], terminal_width=80).output
    examples = [line for line in shown.splitlines() if "Example:" in line]
    assert len(examples) == 1, shown
    assert examples[0].startswith(f"  Example: align {command} original.txt translation.txt ")


def test_run_ends_its_view_with_a_recap_of_the_findings(tmp_path, default_encoder):
    """The letter's findings (checks.md): two minor, the typewriter apostrophe of «I'm»
    (link 13) and the doubled «that that» (link 15), and two info, which the recap counts
    but does not list."""
    result = runner.invoke(app, ["run", str(LETTER_FR), str(LETTER_EN)])
    assert result.exit_code == 0, result.output
    view, _, recap = result.stdout.partition("from 0.5 on divergent\n")
    assert "Schavitz" in view
    lines = recap.splitlines()
    assert lines[:2] == ["", "findings: 2 minor, 2 info; at minor or above, worst first:"]
    apostrophe, doubled = sorted(lines[2:])
    # Not a terminal: each line whole, as the view's own lines, for grep and logs.
    assert apostrophe.startswith("  MINOR mechanical · link 13: typewriter (') apostrophe in "
                                 "«I'm», where")
    assert "…" not in apostrophe and len(apostrophe) > 80
    assert doubled == "  MINOR mechanical · link 15: doubled word in the translation: that that"
    quiet = runner.invoke(app, ["run", str(LETTER_FR), str(LETTER_EN), "-q"])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def _record_of_many_findings():
    """30 source sentences, 27 translated one for one; the last three left out (a passage,
    3 major omissions), a major meaning-shift at link 6, a minor finding at each of links
    1-25 but 6, an info one at link 27."""
    from align.record import Alignment, Finding, Link, Sentence, Side

    def side(count: int, name: str) -> Side:
        return Side([Sentence(f"S{k}.", 4 * k, 4 * k + 3, k) for k in range(count)],
                    name=name, path=name)

    links = [Link([k], [k], 0.9, 0.3) for k in range(27)]
    links += [Link([k], [], 0.0, 1.0, [Finding("omission", "major", "nothing translates it")])
              for k in range(27, 30)]
    for k in range(25):
        if k != 5:
            links[k].findings.append(Finding("mechanical", "minor", f"slip number {k + 1}"))
    links[5].divergence = 0.9
    links[5].findings.append(Finding("meaning-shift", "major", "the translation says " * 20))
    links[26].findings.append(Finding("untranslated", "info", "identical"))
    return Alignment(side(30, "fr.txt"), side(27, "en.txt"), links,
                     signature={"checks": {"ignore": [], "fail_on": []}})


def test_the_recap_lists_twenty_findings_worst_first_then_how_to_see_the_rest(capsys,
                                                                                tmp_path):
    from align import cli

    record = _record_of_many_findings()
    cli._print_view(record, [tmp_path / "out.json"])
    recap = capsys.readouterr().out.split("from 0.5 on divergent\n")[1].splitlines()
    assert recap[:2] == ["", "findings: 4 major, 24 minor, 1 info; at minor or above, worst "
                         "first:"]
    listed = recap[2:-1]
    assert len(listed) == 20
    # The passage left out is one line, where its worst finding stands (divergence 1.0).
    assert listed[0].startswith("  MAJOR omission · links 28–30: 3 source sentences with no "
                                "counterpart in the")
    # Not a terminal: a long reason whole, though longer than the console's 80 columns.
    assert listed[1] == "  MAJOR meaning-shift · link 6: " + " ".join(["the translation says"]
                                                                       * 20)
    assert listed[2:] == [f"  MINOR mechanical · link {n}: slip number {n}"
                          for n in (1, 2, 3, 4, 5, *range(7, 20))]
    assert recap[-1] == (f"  … and 6 more findings at minor or above: align view "
                         f"{tmp_path / 'out.json'} --only-findings")
    # Without a record written: how to keep them all, not `align check fr.txt en.txt`,
    # which would check without the run's --glossary, --rules, --ignore, --split ...
    cli._print_view(record, [])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "  … and 6 more findings at minor or above: add -o out.json and see them all with "
        "align view out.json --only-findings")


class _Terminal:
    """A file that says it is a terminal, as a console writing to one sees it."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("width", [80, 40])
def test_the_recap_in_a_terminal_is_one_line_a_finding_cut_to_its_width(width):
    from rich.console import Console

    from align.render.terminal import print_recap

    terminal = _Terminal()
    console = Console(file=terminal, force_terminal=True, color_system=None, width=width)
    print_recap(_record_of_many_findings(), console)
    shown = "".join(terminal.written)
    # The heading wraps as any text on a terminal; after it, 20 findings, each on one line
    # no wider than the terminal, then the count of the rest.
    listed, rest = shown.split("worst first:\n")[1].split("  … and 6 more findings")
    listed = listed.splitlines()
    assert len(listed) == 20 and "minor or" in rest, listed
    assert all(len(line) <= width for line in listed), listed
    if width == 80:
        assert listed[1] == ("  MAJOR meaning-shift · link 6: the translation says the "
                             "translation says the t…")
        assert listed[2] == "  MINOR mechanical · link 1: slip number 1"
    else:
        # Too narrow for "  … · link 6: ": the link as the view's # column numbers it,
        # leaving the reason room for a useful start.
        assert listed[0] == "MAJOR omission #28–30: 3 source sentenc…"
        assert listed[1] == "MAJOR meaning-shift #6: the translation…"
        assert listed[2] == "MINOR mechanical #1: slip number 1"


def test_the_recap_of_a_run_without_checks_is_left_out(capsys):
    from align import cli

    record = _record_of_many_findings()
    record.signature = {}
    for link in record.links:
        link.findings, link.divergence = [], None
    cli._print_view(record, [])
    assert "findings:" not in capsys.readouterr().out
