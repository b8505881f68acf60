"""Whatever people feed the tool: clear errors, warnings with a result, nothing lost.

Every bad input goes through the real command (typer's runner on `align.cli.app`);
interruptions are real signals sent to a real ``python -m align run`` process.
"""

from __future__ import annotations

import hashlib
import json
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pdf_pages import write_pdf
from typer.testing import CliRunner

from align import markup
from align.aligner import AlignSettings, align_sentences
from align.cli import app
from align.embedding_cache import EmbeddingCache
from align.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_MODEL, EXIT_OK, EXIT_USAGE, InputError
from align.models import MANIFEST, align_home, read_verified_manifest
from align.outputs import TEMP_PREFIX
from align.reading import decode_bytes
from align.record import Alignment, Link, Sentence, Side
from align.segment import BLANK, segment

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
STORY_FR = FIXTURES / "story.fr.txt"
STORY_EN = FIXTURES / "story.en.txt"
runner = CliRunner()


def flat(output: str) -> str:
    return " ".join(output.split())


def invoke(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(f"{TEMP_PREFIX}*"))


@pytest.fixture(scope="module")
def loaded(default_encoder):
    """The default model loaded once through the pipeline (the runner then reuses it)."""
    from align.pipeline import load_encoder

    return load_encoder()


# -- 1. clear errors -------------------------------------------------------------------


def zip_file(path: Path, entries: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return path


def _unreadable(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        path = tmp_path / "secret.txt"
        path.write_text("Un texte.\n", encoding="utf-8")
        path.chmod(0)
        return path
    # Permission bits do not stop root; this kernel file is write-only even for root.
    path = Path("/proc/sys/vm/compact_memory")
    if not path.exists():
        pytest.skip("running as root and no file root cannot read")
    return path


def _read_only_dir(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        return folder
    folder = Path("/proc/sys")  # not writable even for root
    if os.access(folder, os.W_OK):
        pytest.skip("running as root and no directory root cannot write")
    return folder


def bad_inputs(tmp: Path) -> list[tuple[str, list[str | Path], int, list[str]]]:
    """(what, arguments, exit code, fragments the message must hold) for each bad input."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "folder").mkdir(exist_ok=True)
    pdf = tmp / "book.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    docx = zip_file(tmp / "book.docx",
                    {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    png = tmp / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp / "blank.txt"
    blank.write_bytes(b" \n\t\r\n\xc2\xa0\n")
    damaged = tmp / "damaged.txt"
    damaged.write_bytes("Première ligne.\nDeuxième ligne, été ".encode() + b"\xe9t\xc3\xa9.\n")
    fifo = tmp / "pipe.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    edited = tmp / "edited.json"  # a record whose one link names a sentence it lacks
    edited.write_text(json.dumps(Alignment(
        Side([Sentence("Un.", 0, 3, 0)]), Side([Sentence("One.", 0, 4, 0)]),
        [Link([9], [0], 0.9)]).to_dict()), "utf-8")
    own_output = tmp / "book.src.txt"  # also the name of a Moses output
    shutil.copy(STORY_FR, own_output)
    run = ["run"]
    return [
        ("missing file", [*run, tmp / "nope.txt", STORY_EN], EXIT_INPUT,
         ["nope.txt: no such file", "check the path"]),
        ("a directory", [*run, tmp / "folder", STORY_EN], EXIT_INPUT,
         ["is a directory, not a file"]),
        ("PDF", [*run, pdf, STORY_EN], EXIT_INPUT,
         ["book.pdf is a damaged PDF document", "pdftotext book.pdf"]),
        ("damaged DOCX", [*run, STORY_FR, docx], EXIT_INPUT,
         ["book.docx looks like a Word document (DOCX) but cannot be read",
          "save it again"]),
        ("PNG image", [*run, png, STORY_EN], EXIT_INPUT,
         ["scan.png is a PNG image, not plain text", "OCR"]),
        ("empty file", [*run, empty, STORY_EN], EXIT_INPUT, ["empty.txt is empty"]),
        ("whitespace-only file", [*run, STORY_FR, blank], EXIT_INPUT, ["blank.txt is empty"]),
        ("undecodable bytes", [*run, damaged, STORY_EN], EXIT_INPUT,
         ["damaged.txt: invalid UTF-8 at line 2, column 21", "re-save it as UTF-8"]),
        ("named pipe (would block)", [*run, fifo, STORY_EN], EXIT_INPUT,
         ["is a named pipe, not a regular file"]),
        ("device (never ends)", [*run, "/dev/zero", STORY_EN], EXIT_INPUT,
         ["/dev/zero is a device, not a regular file"]),
        ("output in a missing directory", [*run, STORY_FR, STORY_EN, "-o", tmp / "no" / "x.json"],
         EXIT_INPUT, ["directory", "does not exist; create it"]),
        ("unknown output extension", [*run, STORY_FR, STORY_EN, "-o", tmp / "out.docx"],
         EXIT_USAGE, ["cannot tell which format to write", ".json"]),
        ("output is an input, even with --force",
         [*run, own_output, STORY_EN, "-o", own_output, "--force"], EXIT_USAGE,
         ["book.src.txt is one of the input files", "never overwritten"]),
        ("unknown option value", [*run, STORY_FR, STORY_EN, "--split", "words"], EXIT_USAGE,
         ["--split must be 'auto' or 'lines'"]),
        ("model not on this machine, offline", [*run, STORY_FR, STORY_EN, "-m",
                                                "no-such-org/no-such-model"],
         EXIT_MODEL, ["no-such-org/no-such-model"]),
        ("view: not a record", ["view", STORY_EN], EXIT_INPUT, ["is not JSON"]),
        ("a scanned PDF (no text in it)", [*run, write_pdf(tmp / "scan.pdf", [[], []]),
                                           STORY_EN], EXIT_INPUT,
         ["scan.pdf is a PDF document with no text in it (scanned pages?)",
          "run OCR on it first (e.g. `ocrmypdf scan.pdf scan-ocr.pdf`)"]),
        ("hand-edited record", ["view", edited], EXIT_INPUT,
         ["edited.json: damaged alignment record: link 1 names source sentence 9; the source "
          "has 1 sentence (0)"]),
        ("model folder missing", [*run, STORY_FR, STORY_EN, "-m", str(tmp / "nope")],
         EXIT_MODEL, [f"model folder '{tmp / 'nope'}' does not exist: check the path"]),
    ]


CASE_NAMES = [
    "missing file", "a directory", "PDF", "damaged DOCX", "PNG image", "empty file",
    "whitespace-only file", "undecodable bytes", "named pipe (would block)",
    "device (never ends)", "output in a missing directory", "unknown output extension",
    "output is an input, even with --force", "unknown option value",
    "model not on this machine, offline", "view: not a record",
    "a scanned PDF (no text in it)", "model folder missing", "hand-edited record",
]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_bad_input_is_one_plain_line_and_its_exit_code(name, tmp_path, loaded):
    cases = {case[0]: case for case in bad_inputs(tmp_path)}
    assert sorted(cases) == sorted(CASE_NAMES)
    _, args, code, fragments = cases[name]
    files = [Path(a) for a in args if isinstance(a, Path) and Path(a).is_file()]
    before = {f: sha(f) for f in files}
    exit_code, output = invoke(*args)
    assert exit_code == code, output
    assert output.startswith("align: error: "), output
    assert output.count("\n") == 1, output  # one line, however long
    for fragment in fragments:
        assert fragment in output
    assert {f: sha(f) for f in files} == before


def test_unreadable_file(tmp_path):
    path = _unreadable(tmp_path)
    exit_code, output = invoke("run", path, STORY_EN)
    assert exit_code == EXIT_INPUT
    assert "cannot be read (permission denied): check its permissions" in output


def test_output_in_a_read_only_directory(tmp_path):
    folder = _read_only_dir(tmp_path)
    exit_code, output = invoke("run", STORY_FR, STORY_EN, "-o", folder / "out.json")
    assert exit_code == EXIT_INPUT
    assert "is read-only" in output
    assert not (folder / "out.json").exists()


def test_existing_output_needs_force(tmp_path, loaded):
    out = tmp_path / "out.json"
    out.write_text("precious\n", encoding="utf-8")
    exit_code, output = invoke("run", STORY_FR, STORY_EN, "-o", out)
    assert exit_code == EXIT_INPUT
    assert "exists; pass --force to overwrite" in output
    assert out.read_text(encoding="utf-8") == "precious\n"
    exit_code, output = invoke("run", STORY_FR, STORY_EN, "-o", out, "--force", "--quiet")
    assert exit_code == EXIT_OK, output
    assert json.loads(out.read_text(encoding="utf-8"))["links"]


def test_check_command_reports_bad_input_the_same_way(tmp_path):
    exit_code, output = invoke("check", tmp_path / "nope.txt", STORY_EN)
    assert (exit_code, output.startswith("align: error: ")) == (EXIT_INPUT, True)
    exit_code, output = invoke("check", STORY_FR, STORY_EN, "--fail-on", "sometimes")
    assert exit_code == EXIT_USAGE and "--fail-on takes a severity" in output


# -- damaged caches: detected, rebuilt, said ---------------------------------------------


def _home_with_model(tmp_path: Path, *, copy: bool) -> Path:
    """An ALIGN_HOME holding the already-built models (copied, or linked when read-only)."""
    real = align_home() / "models"
    home = tmp_path / "home"
    home.mkdir()
    if copy:
        shutil.copytree(real, home / "models", symlinks=True)
    else:
        (home / "models").symlink_to(real, target_is_directory=True)
    return home


def _align_process(args: list[str | Path], home: Path, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, ALIGN_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, **kwargs)


def test_corrupt_cached_model_is_detected_rebuilt_and_reported(tmp_path, loaded):
    home = _home_with_model(tmp_path, copy=True)
    folder = home / "models" / "multilingual-e5-small"
    manifest = json.loads((folder / MANIFEST).read_text())
    weights = folder / "model.safetensors"
    with open(weights, "r+b") as f:  # flip one byte in the middle of the weights
        f.seek(weights.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert read_verified_manifest(folder) is None
    out = tmp_path / "out.json"
    done = _align_process(["run", STORY_FR, STORY_EN, "-o", out, "--quiet", "--no-cache"], home)
    assert done.returncode == EXIT_OK, done.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert any("failed its checksum check; rebuilt it" in w for w in record["warnings"])
    rebuilt = read_verified_manifest(folder)
    assert rebuilt is not None and rebuilt["files"] == manifest["files"]  # reproducible build


def _story_texts() -> list[str]:
    return [s.text for p in (STORY_FR, STORY_EN)
            for s in segment(p.read_text(encoding="utf-8")).sentences]


def test_corrupt_embedding_cache_rows_and_files_are_discarded_and_reported(
    tmp_path, monkeypatch, loaded
):
    home = _home_with_model(tmp_path, copy=False)
    monkeypatch.setenv("ALIGN_HOME", str(home))
    first = tmp_path / "first.json"
    assert invoke("run", STORY_FR, STORY_EN, "-o", first, "--quiet")[0] == EXIT_OK
    cache_file = home / "cache" / "embeddings.sqlite"
    with sqlite3.connect(cache_file) as conn:  # damage two vectors, keep their checksums
        rows = conn.execute("SELECT model, text_sha256, vector FROM embeddings LIMIT 2").fetchall()
        for model, key, vector in rows:
            damaged = bytes([vector[0] ^ 0x40]) + vector[1:]
            conn.execute("UPDATE embeddings SET vector = ? WHERE model = ? AND text_sha256 = ?",
                         (damaged, model, key))
    conn.close()
    second = tmp_path / "second.json"
    assert invoke("run", STORY_FR, STORY_EN, "-o", second, "--quiet")[0] == EXIT_OK
    record = json.loads(second.read_text(encoding="utf-8"))
    assert "embedding cache: 2 damaged vectors discarded and recomputed" in record["warnings"]
    links = [(lk["source"], lk["translation"]) for lk in record["links"]]
    first_links = [(lk["source"], lk["translation"])
                   for lk in json.loads(first.read_text(encoding="utf-8"))["links"]]
    assert links == first_links

    cache_file.write_bytes(b"this is not a database" * 100)  # the whole file damaged
    third = tmp_path / "third.json"
    assert invoke("run", STORY_FR, STORY_EN, "-o", third, "--quiet")[0] == EXIT_OK
    warnings = json.loads(third.read_text(encoding="utf-8"))["warnings"]
    assert any("was damaged; started a new one" in w for w in warnings)
    with EmbeddingCache(cache_file) as cache:
        found = cache.get(loaded.signature, _story_texts())
        assert len(found) == len(set(_story_texts())) and cache.notices == []


def test_unusable_embedding_cache_is_skipped_not_deleted(tmp_path, monkeypatch, loaded):
    home = _home_with_model(tmp_path, copy=False)
    (home / "cache").write_text("a file where the cache folder should be\n")
    monkeypatch.setenv("ALIGN_HOME", str(home))
    out = tmp_path / "out.json"
    assert invoke("run", STORY_FR, STORY_EN, "-o", out, "--quiet")[0] == EXIT_OK
    warnings = json.loads(out.read_text(encoding="utf-8"))["warnings"]
    assert any("cannot be used" in w and "continued without it" in w for w in warnings)
    assert (home / "cache").read_text() == "a file where the cache folder should be\n"


# -- 2. warnings, and still a result -----------------------------------------------------


def run_record(tmp_path: Path, source: Path, translation: Path, *extra: str) -> tuple[dict, str]:
    out = tmp_path / "out.json"
    exit_code, output = invoke("run", source, translation, "-o", out, "--force", *extra)
    assert exit_code == EXIT_OK, output
    return json.loads(out.read_text(encoding="utf-8")), output


def test_same_language_on_both_sides(tmp_path, loaded):
    record, output = run_record(tmp_path, STORY_EN, STORY_EN)
    assert record["source"]["language"] == record["translation"]["language"] == "en"
    assert "both sides look like the same language (en)" in " ".join(record["warnings"])
    assert "same language" in flat(output)


def test_language_other_than_the_one_given(tmp_path, loaded):
    record, _ = run_record(tmp_path, STORY_FR, STORY_EN, "--source-lang", "de")
    assert record["source"]["language"] == "de"  # as told, for segmentation
    assert any("story.fr.txt was given as de (--source-lang) but looks like fr" in w
               for w in record["warnings"])


def test_missing_chapter_is_reported_as_an_unmatched_region(tmp_path, loaded):
    lines = STORY_EN.read_text(encoding="utf-8").splitlines()
    shorter = tmp_path / "story.en.txt"
    shorter.write_text("\n".join(lines[:4] + lines[10:]) + "\n", encoding="utf-8")
    record, _ = run_record(tmp_path, STORY_FR, shorter, "--split", "lines")
    # Sentences 5-10 are gone; the one at the gap's edge may be merged with its neighbour.
    found = [re.fullmatch(r"source sentences (\d+)–(\d+) \(links? #[\d–]+; paragraphs "
                          r"\d+–\d+\) have no counterpart in the translation", w)
             for w in record["warnings"]]
    runs = [(int(m.group(1)), int(m.group(2))) for m in found if m]
    assert len(runs) == 1 and runs[0][0] in (5, 6) and runs[0][1] == 10, record["warnings"]


def test_sentence_of_thousands_of_characters_is_cut_and_said(tmp_path, loaded):
    clause = "et le train roulait toujours vers le sud, sans s'arrêter"
    long_fr = tmp_path / "long.fr.txt"
    long_fr.write_text(STORY_FR.read_text(encoding="utf-8") + ", ".join([clause] * 80) + ".\n",
                       encoding="utf-8")
    record, _ = run_record(tmp_path, long_fr, STORY_EN)
    assert max(len(s["text"]) for s in record["source"]["sentences"]) <= 1000
    assert any("longer than 1000" in w for w in record["warnings"])


def test_control_characters_are_kept_in_the_record_and_neutralised_in_views(tmp_path, loaded):
    fr = tmp_path / "ctl.fr.txt"
    fr.write_text("Bonjour\x1b[2J tout le monde.\x07 Le chat\x0b est sur la table.\n",
                  encoding="utf-8")
    en = tmp_path / "ctl.en.txt"
    en.write_text("Hello\x1b]0;title\x07 everyone. The cat is on the table.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    exit_code, output = invoke("run", fr, en, "-o", out, "-o", tmp_path / "out.html")
    assert exit_code == EXIT_OK, output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert "\x1b[2J" in "".join(s["text"] for s in record["source"]["sentences"])
    assert any("3 control characters (first U+001B at line 1, column 8)" in w
               for w in record["warnings"])
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    for control in ("\x1b", "\x07", "\x0b"):
        assert control not in output
        assert control not in html
    exit_code, viewed = invoke("view", out)
    assert exit_code == EXIT_OK and "\x1b" not in viewed


def test_a_few_stray_nul_bytes_in_a_long_text_are_control_characters(tmp_path, loaded):
    text = STORY_FR.read_text(encoding="utf-8") * 2
    fr = tmp_path / "scan.txt"
    fr.write_bytes(text.encode().replace(b"gare", b"ga\x00re", 1))
    record, _ = run_record(tmp_path, fr, STORY_EN)
    assert any("control character (first U+0000" in w for w in record["warnings"])


def test_input_files_are_never_modified(tmp_path, loaded):
    fr, en = tmp_path / "a.fr.txt", tmp_path / "a.en.txt"
    fr.write_bytes(STORY_FR.read_bytes().replace(b"\n", b"\r\n"))  # CRLF, BOM-less
    en.write_bytes(b"\xef\xbb\xbf" + STORY_EN.read_bytes())
    before = {p: (sha(p), p.stat().st_mtime_ns) for p in (fr, en)}
    for args in (["run", fr, en, "-o", tmp_path / "x.json", "-o", tmp_path / "x.html",
                  "-o", tmp_path / "x.src.txt", "--quiet"],
                 ["check", fr, en, "--quiet", "-o", tmp_path / "y.json"]):
        exit_code, output = invoke(*args)
        assert exit_code in (EXIT_OK, 1), output
    assert {p: (sha(p), p.stat().st_mtime_ns) for p in (fr, en)} == before


# -- 3. nothing lost when interrupted -----------------------------------------------------

CITIES = ["Lyon", "Turin", "Genève", "Milan", "Dijon", "Nice", "Gênes", "Modane"]


def long_pair(folder: Path, sentences: int) -> tuple[Path, Path]:
    """A pair of `sentences` distinct sentences per side (every one is embedded)."""
    fr, en = [], []
    for i in range(sentences):
        city = CITIES[i % len(CITIES)]
        fr.append(f"Le voyageur numéro {i} descendit du train à {city} et chercha un hôtel.")
        en.append(f"Traveller number {i} got off the train in {city} and looked for a hotel.")
    src, tgt = folder / "long.fr.txt", folder / "long.en.txt"
    src.write_text("\n".join(fr) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(en) + "\n", encoding="utf-8")
    return src, tgt


def _default_sigint() -> None:
    """In the child before it starts: SIGINT as a terminal gives it.  A shell without job
    control starts background jobs with SIGINT ignored, which children inherit, and Python
    then leaves it ignored: a run interrupted by the test would go on."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Watched:
    """``python -m align ...`` with stderr on a pseudo-terminal, so that its progress
    bars are drawn and the test can tell which stage the run is in."""

    def __init__(self, args: list[str | Path], home: Path | None = None) -> None:
        master, slave = pty.openpty()
        env = dict(os.environ, COLUMNS="120")
        if home is not None:
            env["ALIGN_HOME"] = str(home)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "align", *map(str, args)], cwd=ROOT, env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
            preexec_fn=_default_sigint,
        )
        os.close(slave)
        self.master = master
        self.screen = ""
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:  # a full pty would block the child: read until it closes
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if not ready:
                if self.process.poll() is not None:
                    return
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.screen += chunk.decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = 300) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.screen)
            if match:
                return match
            assert self.process.poll() is None, f"ended early: {self.screen[-2000:]}"
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} never appeared: {self.screen[-2000:]}")

    def wait_for_progress(self, label: str, at_least: int) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            counts = [int(m.group(1)) for m in re.finditer(rf"{label}.*?(\d+)/\d+", self.screen)]
            if counts and max(counts) >= at_least:
                return
            assert self.process.poll() is None, f"ended early: {self.screen[-2000:]}"
            time.sleep(0.05)
        raise AssertionError(f"{label} never reached {at_least}: {self.screen[-2000:]}")

    def finish(self, sig: int | None = None) -> int:
        if sig is not None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=120)
        self._reader.join(timeout=10)
        os.close(self.master)
        return code


@pytest.fixture(scope="module")
def interrupt_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interrupt")
    return long_pair(folder, 2500)


@pytest.mark.parametrize(
    ("moment", "sig"),
    [
        ("loading", signal.SIGINT),
        ("embedding", signal.SIGINT),
        ("embedding", signal.SIGTERM),
        ("loading", signal.SIGKILL),
        ("embedding", signal.SIGKILL),
    ],
)
def test_interrupted_run_leaves_the_old_output_and_no_partial_file(
    moment, sig, interrupt_pair, tmp_path, loaded
):
    src, tgt = interrupt_pair
    out = tmp_path / "out"
    out.mkdir()
    previous = {out / "book.json": b'{"previous": "record"}\n', out / "book.html": b"<p>old</p>\n"}
    for path, data in previous.items():
        path.write_bytes(data)
    inputs = {p: sha(p) for p in (src, tgt)}
    run = Watched(["run", src, tgt, "--no-cache", "--force", "-o", out / "book.json",
                   "-o", out / "book.html"])
    if moment == "loading":
        run.wait_for(r"loading multilingual-e5-small")
    else:
        run.wait_for_progress("embedding sentences", 300)
    code = run.finish(sig)
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert code == EXIT_INTERRUPTED, run.screen[-2000:]
        assert "interrupted; no output file was left half-written" in run.screen
        assert "Traceback" not in run.screen
    assert temporaries(out) == []
    assert sorted(out.iterdir()) == sorted(previous)
    for path, data in previous.items():
        assert path.read_bytes() == data
    assert {p: sha(p) for p in (src, tgt)} == inputs


def test_killed_run_leaves_the_embedding_cache_sound(interrupt_pair, tmp_path, loaded):
    src, tgt = interrupt_pair
    home = _home_with_model(tmp_path, copy=False)
    run = Watched(["run", src, tgt, "-o", tmp_path / "book.json"], home=home)
    run.wait_for_progress("embedding sentences", 1200)  # several chunks stored by now
    assert run.finish(signal.SIGKILL) == -signal.SIGKILL
    assert not (tmp_path / "book.json").exists()

    cache_file = home / "cache" / "embeddings.sqlite"
    texts = [s.text for p in (src, tgt) for s in segment(p.read_text(encoding="utf-8")).sentences]
    with EmbeddingCache(cache_file) as cache:
        found = cache.get(loaded.signature, texts)
        assert cache.notices == []  # every stored row passes its checksum
        (verdict,) = cache.conn.execute("PRAGMA integrity_check").fetchone()
        assert verdict == "ok"
    assert len(found) >= 256
    sample = sorted(found)[:64]
    fresh = loaded.encode(sample)
    cosines = np.sum(np.stack([found[t] for t in sample]) * fresh, axis=1)
    assert cosines.min() > 0.999

    done = _align_process(["run", src, tgt, "-o", tmp_path / "book.json", "--quiet"], home)
    assert done.returncode == EXIT_OK, done.stderr
    record = json.loads((tmp_path / "book.json").read_text(encoding="utf-8"))
    assert not any("cache" in w for w in record["warnings"])
    assert len(record["source"]["sentences"]) == len(record["translation"]["sentences"]) == 2500


WRITER = r"""
import sys
from pathlib import Path
from align.outputs import write_files
folder = Path(sys.argv[1])
payload = bytes(range(256)) * (int(sys.argv[2]) // 256)
print("writing", flush=True)
write_files({folder / "a.json": payload, folder / "b.html": payload[::-1]})
print("written", flush=True)
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4])
def test_interrupt_while_writing_leaves_each_file_old_or_new(sig, delay, tmp_path):
    size = 96 * 2**20
    old = {tmp_path / "a.json": b"old a\n", tmp_path / "b.html": b"old b\n"}
    for path, data in old.items():
        path.write_bytes(data)
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(size)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             preexec_fn=_default_sigint)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    time.sleep(delay)
    child.send_signal(sig)
    child.wait(timeout=120)
    payload = bytes(range(256)) * (size // 256)
    new = {tmp_path / "a.json": payload, tmp_path / "b.html": payload[::-1]}
    for path in old:
        assert path.read_bytes() in (old[path], new[path])
    if sig == signal.SIGINT:
        assert temporaries(tmp_path) == []
    # A killed writer cannot clean up; the next write into the folder does.
    from align.outputs import atomic_write_bytes

    atomic_write_bytes(tmp_path / "next.tsv", b"x\n")
    assert temporaries(tmp_path) == []


# -- 5. fuzzing --------------------------------------------------------------------------

PIECES = ["\n", "\r\n", "\r", "\n\n", "\r\r\n", "\u2028", "\u2029", "\x85", "\x0c", "\t", " ",
          "\u00a0", "\u200b", "\ufeff", "!!!", "???", "...", "…", "?!", "。", ".", ";", "«", "»",
          "—", "x" * 3000, "mot, " * 400, "Fin.", "M. Dupont", "Ça"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)),
                 max_size=40).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_reader_on_any_bytes_decodes_or_says_why(data):
    try:
        text, encoding, warnings = decode_bytes(data, "f.txt")
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("f.txt")
        return
    assert text.strip() and "\r" not in text
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_reader_is_lossless_for_unicode_text(text, codec):
    text = text.replace("\x00", "")
    # A text that opens as an HTML document does is read as one (its markup dropped).
    assume(not markup.looks_like_html(text.encode(codec)))
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if codec == "utf-8" and expected.startswith("\ufeff"):
        expected = expected[1:]  # indistinguishable from a byte-order mark
    try:
        decoded, _, _ = decode_bytes(text.encode(codec), "f.txt")
    except InputError as error:
        assert not expected.strip(BLANK) and "is empty" in str(error)
        return
    assert decoded == expected


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, split=st.sampled_from(["auto", "lines"]),
       language=st.sampled_from([None, "fr", "en", "de", "zh"]))
def test_read_then_segment_is_lossless(text, split, language):
    try:
        decoded, _, _ = decode_bytes(text.replace("\x00", "").encode(), "f.txt")
    except InputError:
        return
    seg = segment(decoded, split=split, language=language, max_chars=1000)
    previous_end = 0
    covered = bytearray(len(decoded))
    for s in seg.sentences:
        assert s.text == decoded[s.start:s.end]
        assert 0 < len(s.text) <= 1000
        assert s.start >= previous_end
        previous_end = s.end
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    left_out = "".join(c for c, cov in zip(decoded, covered, strict=True) if not cov)
    assert left_out.strip(BLANK) == ""


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(0, 250),
    m=st.integers(0, 250),
    distinct=st.integers(1, 6),
    seed=st.integers(0, 2**32 - 1),
    max_link=st.integers(2, 6),
)
def test_aligner_on_random_similarities_is_monotone_and_complete(n, m, distinct, seed,
                                                                  max_link):
    """Vectors drawn from a handful of directions: similarity matrices full of ties,
    near-identical rows and very different lengths (n = 1, m = 250 ...)."""
    rng = np.random.default_rng(seed)
    basis = rng.normal(size=(distinct, 8)).astype(np.float32)
    basis /= np.linalg.norm(basis, axis=1, keepdims=True)
    src = basis[rng.integers(0, distinct, size=n)]
    tgt = basis[rng.integers(0, distinct, size=m)]
    config = AlignSettings(max_link=max_link, max_side=max(1, max_link - 1))
    result = align_sentences(src, tgt, rng.integers(1, 3000, size=n),
                             rng.integers(1, 3000, size=m), settings=config)
    assert [i for link in result.links for i in link.source] == list(range(n))
    assert [j for link in result.links for j in link.translation] == list(range(m))
    allowed = {tuple(t) for t in config.link_types().tolist()}
    for link in result.links:
        assert (len(link.source), len(link.translation)) in allowed
        assert 0.0 <= link.score <= 1.0
