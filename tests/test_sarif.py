"""The SARIF 2.1.0 log (`align.render.sarif`): its structure as SARIF and GitHub code scanning
require it, each finding at its file, line and column, file-of-pairs lines, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from align.record import Alignment, Finding, Link, Sentence, Side, Span
from align.render import renderer_for, sarif

#: A short letter and its translation with one planted defect: 45 became 54 (line 4).
SOURCE = "Le train part à huit heures.\nIl arrive à Lyon vers midi.\n\nLe billet coûte 45 euros.\n"
TRANSLATION = ("The train leaves at eight.\nIt reaches Lyon around noon.\n\n"
               "The ticket costs 54 euros.\n")


def validate(log: dict) -> list[dict]:
    """Check by hand what SARIF 2.1.0 and code scanning require of `log`; its results."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://") and log["$schema"].endswith(
        "sarif-schema-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "align" and isinstance(driver["version"], str) and driver["version"]
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "helpUri" not in rule
        assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", rule["name"])
    assert run["columnKind"] in ("unicodeCodePoints", "utf16CodeUnits")
    for result in run["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        assert len(result["locations"]) == 1
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uri and "\\" not in uri and " " not in uri
            region = physical.get("region", {})
            for name in ("startLine", "startColumn", "endLine", "endColumn"):
                assert name not in region or (isinstance(region[name], int) and region[name] >= 1)
            for name in ("charOffset", "charLength"):
                assert name not in region or (isinstance(region[name], int) and region[name] >= 0)
            if "endLine" in region:
                assert (region["endLine"], region["endColumn"]) >= (
                    region["startLine"], region["startColumn"])
        fingerprints = result["partialFingerprints"]
        assert fingerprints and all(isinstance(v, str) and v for v in fingerprints.values())
        for suppression in result.get("suppressions", []):
            assert suppression["kind"] in ("inSource", "external")
    return run["results"]


def rendered(record: Alignment, name: str = "report.sarif") -> bytes:
    path = Path(name)
    return sarif.render(record, path)[path]


@pytest.fixture(scope="module")
def letter(tmp_path_factory, default_encoder):
    """The letter aligned and checked by the real model: its record and its folder."""
    from align.pipeline import align_files

    folder = tmp_path_factory.mktemp("letter")
    (folder / "src.txt").write_text(SOURCE, "utf-8")
    (folder / "tgt.txt").write_text(TRANSLATION, "utf-8")
    return align_files(folder / "src.txt", folder / "tgt.txt"), folder


def test_sarif_is_chosen_by_its_ending():
    assert renderer_for(Path("out.sarif")) is sarif
    assert renderer_for(Path("OUT.SARIF")) is sarif
    assert sarif.EXTENSIONS == (".sarif",)


def test_a_changed_number_is_an_error_at_its_line_and_column_of_the_translation(
        letter, monkeypatch):
    record, folder = letter
    monkeypatch.chdir(folder)
    log = json.loads(rendered(record))
    results = validate(log)
    numbers = [r for r in results if r["ruleId"] == "number"]
    assert len(numbers) == 1, results
    result = numbers[0]
    assert result["level"] == "error"  # major
    assert "45" in result["message"]["text"] and "54" in result["message"]["text"]
    assert "The ticket costs 54 euros." in result["message"]["text"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "tgt.txt"  # relative to the current folder
    # By hand: line 4 of TRANSLATION is "The ticket costs 54 euros." ("The ticket costs " is
    # 17 characters), so "54" is columns 18 and 19; the region ends before column 20.
    assert TRANSLATION.split("\n")[3] == "The ticket costs 54 euros."
    assert TRANSLATION.split("\n")[3].index("54") + 1 == 18
    region = physical["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 18)
    assert (region["endLine"], region["endColumn"]) == (4, 20)
    assert TRANSLATION[region["charOffset"]:][:region["charLength"]] == "54"
    # The source's 45 beside it, in the source file: "Le billet coûte " is 16 code points.
    source = result["relatedLocations"][0]["physicalLocation"]
    assert source["artifactLocation"]["uri"] == "src.txt"
    assert (source["region"]["startLine"], source["region"]["startColumn"]) == (4, 17)
    assert log["runs"][0]["properties"]["signature"] == record.signature["string"]
    assert result["properties"]["severity"] == "major" and result["properties"]["link"] >= 1


def test_the_log_is_the_same_each_time_and_from_the_saved_record(letter, monkeypatch):
    record, folder = letter
    monkeypatch.chdir(folder)
    first = rendered(record)
    assert rendered(record) == first
    assert rendered(Alignment.from_dict(json.loads(json.dumps(record.to_dict())))) == first
    assert first.endswith(b"\n") and not first.startswith(b"\xef\xbb\xbf")


def test_a_pair_of_a_tsv_file_is_at_its_line_there(tmp_path, default_encoder, monkeypatch):
    from align.checks.pairs import read_pairs
    from align.pipeline import check_strings

    pairs = tmp_path / "ui.tsv"
    # line 1: a header; 2: a pair; 3: blank; 4: the pair whose number changed (link 3)
    pairs.write_text("source\ttranslation\nOuvrir\tOpen\n\nSupprimer 3 fichiers ?\t"
                     "Delete 4 files?\n", "utf-8")
    record = check_strings(read_pairs(pairs))
    monkeypatch.chdir(tmp_path)
    results = validate(json.loads(rendered(record)))
    number = next(r for r in results if r["ruleId"] == "number")
    assert number["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "ui.tsv"}, "region": {"startLine": 4}}
    assert number["properties"]["origin"] == {"line": 4} and number["properties"]["link"] == 3


def test_the_cli_writes_a_sarif_log(letter, monkeypatch):
    from typer.testing import CliRunner

    from align.cli import app

    record, folder = letter
    monkeypatch.chdir(folder)
    (folder / "r.json").write_bytes(renderer_for(Path("r.json")).render(
        record, Path("r.json"))[Path("r.json")])
    result = CliRunner().invoke(app, ["view", "r.json", "-o", "view.sarif", "--force"])
    assert result.exit_code == 0, result.output
    assert (folder / "view.sarif").read_bytes() == rendered(record)


# -- records built by hand: no model --------------------------------------------------


def record_of(source: str, translation: str, links: list[Link], *, path: Path | None = None,
              source_path: Path | None = None) -> Alignment:
    def side(text: str, name: str, where: Path | None) -> Side:
        sentences, start = [], 0
        for k, line in enumerate(text.split("\n")):
            if line:
                sentences.append(Sentence(line, start, start + len(line), k))
            start += len(line) + 1
        return Side(sentences, name=name, path=str(where) if where else None,
                    encoding="utf-8")

    return Alignment(side(source, "a.fr", source_path), side(translation, "a.en", path), links,
                     signature={"version": "0.1.0", "string": "align 0.1.0|test"})


def test_levels_follow_severities_and_accepted_findings_are_suppressed():
    findings = [Finding("number", severity, "number 1 in the source is 2 in the translation",
                        [Span("translation", 0, 1, "2")])
                for severity in ("critical", "major", "minor", "info")]
    link = Link([0], [0], 0.9, 0.4, findings=findings,
                accepted=[Finding("name", "minor", "Paris is missing", [])])
    record = record_of("1 à Paris", "2", [link])
    results = validate(json.loads(rendered(record)))
    assert [r["level"] for r in results] == ["error", "error", "warning", "note", "warning"]
    assert [("suppressions" in r) for r in results] == [False] * 4 + [True]
    assert results[-1]["suppressions"][0]["kind"] == "external"
    # Four equal findings are told apart, each stable.
    marks = [r["partialFingerprints"][sarif.FINGERPRINT] for r in results[:4]]
    assert len(set(marks)) == 4 and len({m.rsplit(":", 1)[0] for m in marks}) == 1
    assert sarif.written_summary(record).startswith("5 results, 1 of them suppressed")


def test_a_finding_only_on_the_source_side_is_located_in_the_source_file(tmp_path,
                                                                         monkeypatch):
    (tmp_path / "a.fr").write_text("Bonjour.\nEncore.\n", "utf-8")
    (tmp_path / "a.en").write_text("Hello.\n", "utf-8")
    omission = Finding("omission", "major", "the source sentence has no counterpart",
                       [Span("source", 9, 16, "Encore.")])
    record = record_of("Bonjour.\nEncore.", "Hello.",
                       [Link([0], [0], 0.9, 0.1), Link([1], [], 0.1, 0.9, [omission])],
                       path=tmp_path / "a.en", source_path=tmp_path / "a.fr")
    monkeypatch.chdir(tmp_path)
    (result,) = validate(json.loads(rendered(record)))
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "a.fr"
    assert physical["region"] == {"startLine": 2, "startColumn": 1, "endLine": 2,
                                  "endColumn": 8, "charOffset": 9, "charLength": 7}


def test_without_the_file_or_with_another_text_there_only_offsets_are_given(tmp_path):
    shift = Finding("meaning-shift", "minor", "the two sides differ", [])
    links = [Link([0], [0], 0.9, 0.1), Link([1], [1], 0.2, 0.7, [shift])]
    missing = record_of("Un.\nDeux.", "One.\nThree.", links, path=tmp_path / "gone.txt")
    changed = tmp_path / "changed.txt"
    changed.write_text("One.\nTwo.\n", "utf-8")  # not what the record read
    for record in (missing, record_of("Un.\nDeux.", "One.\nThree.", links, path=changed)):
        (result,) = validate(json.loads(rendered(record)))
        # No span: the link's translation sentence, "Three." at offset 5.
        assert result["locations"][0]["physicalLocation"]["region"] == {
            "charOffset": 5, "charLength": 6}


def test_crlf_endings_and_a_byte_order_mark_keep_lines_and_count_in_file_offsets(
        tmp_path, monkeypatch):
    (tmp_path / "b.en").write_bytes("\ufeffOne.\r\nTwo 3.\r\n".encode())
    number = Finding("number", "major", "number 2 in the source is 3 in the translation",
                     [Span("translation", 9, 10, "3")])
    record = record_of("Un.\nDeux 2.", "One.\nTwo 3.", [Link([0], [0]), Link([1], [1], 0.9, 0.5,
                                                                          [number])],
                       path=tmp_path / "b.en")
    monkeypatch.chdir(tmp_path)
    (result,) = validate(json.loads(rendered(record)))
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 5, 6)
    assert region["charOffset"] == 10  # "One.\r\nTwo " in the file's characters


def test_paths_are_relative_uris_with_forward_slashes_or_file_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sarif.file_uri(str(tmp_path / "docs" / "my letter.txt")) == "docs/my%20letter.txt"
    assert sarif.file_uri("docs/fr/été.txt") == "docs/fr/%C3%A9t%C3%A9.txt"
    elsewhere = tmp_path.parent.resolve() / "other.txt"
    assert sarif.file_uri(str(elsewhere)) == elsewhere.as_uri()
    # Given through the parent folder, a file under the current directory is named from it.
    assert sarif.file_uri(f"../{tmp_path.name}/docs/a.txt") == "docs/a.txt"


def test_a_fingerprint_holds_when_a_link_is_added_above():
    """A reason naming a link ("translated differently in link 1") names another once a
    link is added above it: the fingerprint leaves the numbers out."""
    reason = "the source's «Save the file.» is translated differently in link {}"
    links = [Link([0], [0], 1.0),
             Link([1], [1], 1.0, findings=[Finding("mechanical", "minor", reason.format(1),
                                                   [Span("translation", 0, 1, "x")])])]
    before = record_of("Save the file.\nSave the file.", "a\nb", links)
    after = record_of("Open it.\nSave the file.\nSave the file.", "c\na\nb",
                      [Link([0], [0], 1.0), Link([1], [1], 1.0),
                       Link([2], [2], 1.0, findings=[Finding(
                           "mechanical", "minor", reason.format(2),
                           [Span("translation", 0, 1, "x")])])])

    def prints(record):
        return [r["partialFingerprints"] for r in validate(json.loads(rendered(record)))]

    assert prints(before) == prints(after) and len(prints(before)) == 1


def test_a_key_of_a_resource_file_is_a_logical_location(tmp_path):
    finding = Finding("untranslated", "major", "the translation is empty", [])
    record = record_of("Save", "", [Link([0], [], 0.0, 1.0, [finding], key="menu.save")],
                       path=tmp_path / "fr.json")
    record.signature["input"] = "pairs"
    (result,) = validate(json.loads(rendered(record)))
    assert result["locations"][0]["logicalLocations"][0]["name"] == "menu.save"
    assert result["properties"]["key"] == "menu.save"
    assert "region" not in result["locations"][0]["physicalLocation"]
