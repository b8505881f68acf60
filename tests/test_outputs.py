"""Writing outputs: everything is checked first, and no failure leaves a half-written file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import align.render.tsv
from align.errors import InputError, OutputError, UsageError
from align.outputs import TEMP_PREFIX, atomic_write_bytes, load_record, write_files, write_outputs
from align.record import FORMAT_VERSION, Alignment, Link, Sentence, Side


def small_alignment() -> Alignment:
    source = Side([Sentence("Bonjour.", 0, 8, 0), Sentence("Encore.", 9, 16, 0)], name="a.fr")
    translation = Side([Sentence("Hello.", 0, 6, 0)], name="a.en")
    return Alignment(source, translation, [Link([0], [0], 0.9), Link([1], [], 0.1)])


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_writes_every_output_and_returns_the_files(tmp_path):
    written = write_outputs(
        small_alignment(), [tmp_path / "out.json", tmp_path / "out.tsv", tmp_path / "m.src.txt"]
    )
    assert written == [
        tmp_path / "out.json",
        tmp_path / "out.tsv",
        tmp_path / "m.src.txt",
        tmp_path / "m.tgt.txt",
    ]
    assert load_record(tmp_path / "out.json") == small_alignment()
    assert (tmp_path / "out.tsv").read_text(
        "utf-8"
    ) == "Bonjour.\tHello.\t0.900\t\t\nEncore.\t\t0.100\t\t\n"
    assert (tmp_path / "m.tgt.txt").read_text("utf-8") == "Hello.\n\n"
    assert leftovers(tmp_path) == []


def test_new_files_get_the_usual_permissions_and_existing_ones_keep_theirs(tmp_path):
    umask = os.umask(0o022)
    try:
        write_outputs(small_alignment(), [tmp_path / "new.json"])
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("old")
        kept.chmod(0o600)
        write_outputs(small_alignment(), [kept], force=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(umask)


def test_an_unknown_extension_stops_everything_before_writing(tmp_path):
    with pytest.raises(UsageError, match=r"\.tsv"):
        write_outputs(small_alignment(), [tmp_path / "out.json", tmp_path / "out.docx"])
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path):
    existing = tmp_path / "out.json"
    existing.write_text("old")
    with pytest.raises(OutputError, match=r"out\.json exists; pass --force to overwrite"):
        write_outputs(small_alignment(), [tmp_path / "out.tsv", existing])
    assert existing.read_text() == "old"
    assert not (tmp_path / "out.tsv").exists()

    write_outputs(small_alignment(), [existing], force=True)
    assert load_record(existing) == small_alignment()


def test_the_second_file_of_a_moses_pair_is_checked_too(tmp_path):
    (tmp_path / "m.tgt.txt").write_text("old")
    with pytest.raises(OutputError, match="m.tgt.txt exists"):
        write_outputs(small_alignment(), [tmp_path / "m.src.txt"])
    assert not (tmp_path / "m.src.txt").exists()


def test_a_missing_directory_is_named(tmp_path):
    with pytest.raises(OutputError, match="directory .*nowhere does not exist"):
        write_outputs(small_alignment(), [tmp_path / "nowhere" / "out.json"])


def test_a_directory_is_not_overwritten(tmp_path):
    (tmp_path / "out.json").mkdir()
    with pytest.raises(OutputError, match="is a directory"):
        write_outputs(small_alignment(), [tmp_path / "out.json"], force=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only directories")
def test_a_read_only_directory_is_named(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="read-only"):
            write_outputs(small_alignment(), [locked / "out.json"])
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize(
    ("first", "second"),
    [("out.json", "./out.json"), ("m.src.txt", "m.tgt.txt"), ("out.tsv", "sub/../out.tsv")],
)
def test_two_outputs_naming_one_file_are_a_usage_error(tmp_path, first, second):
    (tmp_path / "sub").mkdir()
    with pytest.raises(UsageError, match="give each output its own name"):
        write_outputs(small_alignment(), [tmp_path / first, tmp_path / second])
    assert [p.name for p in tmp_path.iterdir()] == ["sub"]


def test_a_failing_renderer_costs_only_its_own_output_and_is_an_error_naming_it(
        tmp_path, monkeypatch):
    """A renderer's bug (an xlsx that failed on U+FFFE) took every output down with it,
    the .json record of a long run too, as an internal error: the others are written, the
    failed one is left as it was, and the error names it (exit code 3, not 70)."""
    monkeypatch.delenv("ALIGN_DEBUG", raising=False)
    existing, tsv = tmp_path / "out.json", tmp_path / "out.tsv"
    existing.write_text("old")
    tsv.write_text("old tsv")

    def broken(alignment, path):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(align.render.tsv, "render", broken)
    with pytest.raises(OutputError) as caught:
        write_outputs(small_alignment(), [tsv, existing, tmp_path / "m.src.txt"], force=True)
    assert str(caught.value) == (
        f"cannot write {tsv}: rendering it failed (RuntimeError: renderer bug); wrote "
        f"{existing}, {tmp_path / 'm.src.txt'}, {tmp_path / 'm.tgt.txt'}; this is a bug in "
        "align: run again with ALIGN_DEBUG=1 for the traceback and report it")
    assert load_record(existing) == small_alignment()
    # What a report of the run (`align check --summary`) lists as written.
    assert caught.value.written == [existing, tmp_path / "m.src.txt", tmp_path / "m.tgt.txt"]
    assert tsv.read_text() == "old tsv"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "m.src.txt", "m.tgt.txt", "out.json", "out.tsv"]
    # Alone, it writes nothing; with ALIGN_DEBUG the renderer's own error, for its traceback.
    with pytest.raises(OutputError, match="nothing else was written"):
        write_outputs(small_alignment(), [tmp_path / "new.tsv"])
    monkeypatch.setenv("ALIGN_DEBUG", "1")
    with pytest.raises(RuntimeError, match="renderer bug"):
        write_outputs(small_alignment(), [tmp_path / "new.tsv"])
    assert not (tmp_path / "new.tsv").exists() and leftovers(tmp_path) == []


def test_a_write_error_is_an_output_error_and_changes_nothing(tmp_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("old a")
    calls = []

    def disk_full(descriptor):
        calls.append(descriptor)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="cannot write .*b.txt: No space left on device"):
        write_files({first: b"new a", second: b"new b"})
    assert first.read_text() == "old a"
    assert not second.exists()
    assert leftovers(tmp_path) == []


def test_ctrl_c_while_replacing_leaves_each_file_whole(tmp_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("old a")
    second.write_text("old b")
    replace = os.replace

    def interrupted_second_time(source, destination):
        if Path(destination).name == "b.txt":
            raise KeyboardInterrupt
        replace(source, destination)

    monkeypatch.setattr(os, "replace", interrupted_second_time)
    with pytest.raises(KeyboardInterrupt):
        write_files({first: b"new a", second: b"new b"})
    assert first.read_text() == "new a"
    assert second.read_text() == "old b"
    assert leftovers(tmp_path) == []


def test_atomic_write_goes_through_a_symlink(tmp_path):
    target = tmp_path / "target.bin"
    target.write_bytes(b"old")
    link = tmp_path / "link.bin"
    link.symlink_to(target)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_load_record_explains_what_is_wrong(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_record(tmp_path / "missing.json")

    cases = {
        "text.json": ("hello", "not JSON"),
        "list.json": ("[1, 2]", "not an alignment record"),
        "other.json": ('{"format": "something/else"}', "not an alignment record"),
        "newer.json": (
            json.dumps({"format": "align/alignment", "format_version": FORMAT_VERSION + 1}),
            "newer than this program understands",
        ),
        "damaged.json": (
            json.dumps({"format": "align/alignment", "format_version": FORMAT_VERSION}),
            "damaged alignment record",
        ),
    }
    for name, (content, message) in cases.items():
        (tmp_path / name).write_text(content)
        with pytest.raises(InputError, match=message):
            load_record(tmp_path / name)
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage\xc3")
    with pytest.raises(InputError, match="not a JSON text file|not JSON"):
        load_record(tmp_path / "binary.json")


def _edited(record: dict, change) -> dict:
    edited = json.loads(json.dumps(record))
    change(edited)
    return edited


def test_a_hand_edited_record_that_no_view_could_show_is_refused_with_the_reason(tmp_path):
    from align.record import Finding, Span

    # Two sentences a side ("Un." "Deux." / "One." "Two."), two one-to-one links, one
    # finding on the second: the record as `align run -o x.json` writes it.
    source = Side([Sentence("Un.", 0, 3, 0), Sentence("Deux.", 4, 9, 0)], "fr.txt")
    translation = Side([Sentence("One.", 0, 4, 0), Sentence("Two.", 5, 9, 0)], "en.txt")
    finding = Finding("number", "major", "2 is not 3", [Span("source", 4, 9, "Deux.")])
    good = Alignment(source, translation, [Link([0], [0], 0.9, 0.1),
                                           Link([1], [1], 0.8, 0.7, [finding])]).to_dict()
    (tmp_path / "good.json").write_text(json.dumps(good))
    assert len(load_record(tmp_path / "good.json").links) == 2

    def link(n: int, key: str, value):
        return lambda r: r["links"][n].__setitem__(key, value)

    def first_finding(key: str, value):
        return lambda r: r["links"][1]["findings"][0].__setitem__(key, value)

    cases = {
        "beyond": (link(1, "source", [9]),
                   "link 2 names source sentence 9; the source has 2 sentences (0 to 1)"),
        "negative": (link(0, "translation", [-1]), "link 1 names translation sentence -1"),
        "no sentences": (lambda r: r["source"].__setitem__("sentences", []),
                         "link 1 names source sentence 0; the source has no sentences"),
        "twice": (link(1, "source", [0]), "link 2: source sentence 0 does not follow sentence 0"),
        "backwards": (link(0, "source", [1, 0]),
                      "link 1: source sentence 0 does not follow sentence 1"),
        "score": (link(0, "score", "high"), "link 1: score 'high' is not a number"),
        "divergence": (link(0, "divergence", [0.5]), "link 1: divergence [0.5] is not a number"),
        "severity": (first_finding("severity", "huge"),
                     "link 2: severity 'huge' is not one of info, minor, major, critical"),
        "kind": (first_finding("kind", None), "link 2: finding kind None is not a name"),
        "span": (lambda r: r["links"][1]["findings"][0]["spans"][0].__setitem__("end", 90),
                 "link 2: a number finding's span 'source' 4–90 is not in the text"),
        "offsets": (lambda r: r["translation"]["sentences"][1].__setitem__("start", 2),
                    "translation sentence 2: its offsets 2–9 do not fit its text"),
        # A lone surrogate ("\ud800" in the JSON) fits the offsets, but no UTF-8 file can
        # hold it: the JSON, TSV, Moses (and XLSX) views failed on it.
        "surrogate": (lambda r: r["source"]["sentences"][1].__setitem__("text", "De\ud800x."),
                      "source sentence 2 (in link 2) holds a lone surrogate, U+D800 at "
                      "character 3: no file can hold it; replace it (with U+FFFD, say) or "
                      "remove it"),
        "surrogate reason": (first_finding("reason", "2 is not \udfff3"),
                             "link 2: its number finding's reason holds a lone surrogate, "
                             "U+DFFF at character 10"),
        "surrogate span": (
            lambda r: r["links"][1]["findings"][0]["spans"][0].__setitem__("text", "\ud800"),
            "link 2: its number finding's span holds a lone surrogate, U+D800 at character 1"),
        "surrogate key": (link(0, "key", "menu.\udc00"),
                          "link 1: its key holds a lone surrogate, U+DC00 at character 6"),
        "surrogate warning": (lambda r: r.__setitem__("warnings", ["ok", "bad \ud800"]),
                              "its warnings holds a lone surrogate, U+D800 at character 5"),
        "surrogate name": (lambda r: r["translation"].__setitem__("name", "\udbff.txt"),
                           "the translation's name holds a lone surrogate, U+DBFF at "
                           "character 1"),
    }
    for name, (change, message) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(_edited(good, change)))
        with pytest.raises(InputError) as caught:
            load_record(path)
        assert f"{path}: damaged alignment record: {message}" in str(caught.value), name
    # A divergence left out (a record written before the checks ran) is not damage.
    path = tmp_path / "unchecked.json"
    path.write_text(json.dumps(_edited(good, link(0, "divergence", None))))
    assert load_record(path).links[0].divergence is None
    # Nor is a character beyond the BMP, which JSON may write as a surrogate pair.
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps(_edited(good, lambda r: r["source"]["sentences"][1].__setitem__(
        "text", "D\U0001f600ux."))))
    assert "\\ud83d\\ude00" in path.read_text()
    assert load_record(path).source.sentences[1].text == "D\U0001f600ux."


def test_an_output_given_twice_is_named_once_in_a_plain_sentence(tmp_path):
    out = tmp_path / "a.json"
    with pytest.raises(UsageError) as caught:
        write_outputs(small_alignment(), [out, out])
    assert str(caught.value) == f"{out} is given twice; give each output its own name"
    pair, half = tmp_path / "p.src.txt", tmp_path / "p.tgt.txt"
    with pytest.raises(UsageError) as caught:
        write_outputs(small_alignment(), [pair, half])
    # The half named second writes the pair's first file too.
    assert str(caught.value) == (f"{pair} and {half} both write {pair}; give each output its "
                                 "own name")
    assert leftovers(tmp_path) == [] and not out.exists()


def test_the_lines_said_of_the_files_written_add_what_their_format_left_out(tmp_path):
    from align.outputs import written_lines

    alignment = small_alignment()  # one 1-1 link, one 1-0; no language known
    paths = [tmp_path / "out.tmx", tmp_path / "out.tsv", tmp_path / "m.src.txt"]
    written = write_outputs(alignment, paths)
    tmx = tmp_path / "out.tmx"
    assert written_lines(alignment, written) == [
        f"wrote {tmx} (1 one-sided link (1-0, 0-1) left out: TMX has no unit for them)",
        f'align: warning: {tmx}: the source and translation languages are unknown and written '
        'as "und", which a CAT tool cannot use; give them with --source-lang CODE and '
        "--translation-lang CODE",
        f"wrote {tmp_path / 'out.tsv'}",
        f"wrote {tmp_path / 'm.src.txt'}",
        f"wrote {tmp_path / 'm.tgt.txt'}",
    ]
    alignment.source.language, alignment.translation.language = "fr", "en-GB"
    alignment.links.pop()
    assert written_lines(alignment, [tmx]) == [f"wrote {tmx}"]
