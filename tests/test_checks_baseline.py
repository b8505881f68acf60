"""Baselines of accepted findings (``align check --baseline FILE``) in the small format the
HTML page saves (``NAME.accepted.json``), through the real pipeline and model.

The full record as a baseline is tested in test_checks_pairs.py and test_checks_rules.py;
the page that writes this format, in test_browser.py."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.errors import EXIT_INPUT, InputError

runner = CliRunner()

PAIRS = ("Delete 3 files?\tSupprimer 4 fichiers ?\n"
         "Open\tOuvrir\n"
         "Open 2 tabs\tOuvrir 5 onglets\n")


def baseline(*accepted: dict, version: int = 1) -> dict:
    return {"format": "align-baseline", "format_version": version,
            "signature": "align 0.1.0|written by hand", "accepted": list(accepted)}


def accepted(kind: str, source: str, translation: str, *spans: tuple[str, str]) -> dict:
    return {"kind": kind, "source": source, "translation": translation,
            "spans": [{"side": side, "text": text} for side, text in spans]}


def check(*arguments: str):
    return runner.invoke(app, ["check", *arguments, "--fail-on", "minor"])


def test_a_small_baseline_sets_aside_exactly_the_findings_it_names(tmp_path, default_encoder):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(PAIRS, "utf-8")
    first = check("--pairs", str(pairs))
    assert first.exit_code == 1, first.output
    assert "Supprimer 4 fichiers" in first.output and "Ouvrir 5 onglets" in first.output

    # Written by hand: spaces differ from the texts (they are not compared), the spans are
    # given in another order than the check gives them.
    file = tmp_path / "ui.accepted.json"
    file.write_text(json.dumps(baseline(accepted(
        "number", "Delete  3 files?", " Supprimer 4\u00a0fichiers ?",
        ("translation", "4"), ("source", "3")))), "utf-8")
    result = check("--pairs", str(pairs), "--baseline", str(file), "-o",
                   str(tmp_path / "run.json"))
    assert result.exit_code == 1, result.output  # the other number still fails the run
    assert "Ouvrir 5 onglets" in result.output and "Supprimer 4 fichiers" not in result.output
    assert "1 finding accepted in" in " ".join(result.output.split())
    record = json.loads((tmp_path / "run.json").read_text("utf-8"))
    assert [[f["kind"] for f in link.get("accepted", [])] for link in record["links"]] == [
        ["number"], [], []]
    assert record["signature"]["baseline"] == {"file": str(file), "accepted": 1}

    # Both accepted: nothing left to fail on.
    file.write_text(json.dumps(baseline(
        accepted("number", "Delete 3 files?", "Supprimer 4 fichiers ?",
                 ("source", "3"), ("translation", "4")),
        accepted("number", "Open 2 tabs", "Ouvrir 5 onglets",
                 ("source", "2"), ("translation", "5")))), "utf-8")
    assert check("--pairs", str(pairs), "--baseline", str(file)).exit_code == 0


@pytest.mark.parametrize("changed", [
    pytest.param({"kind": "name"}, id="kind"),
    pytest.param({"translation": "Supprimer 4 fichiers !"}, id="text"),
    pytest.param({"spans": [{"side": "source", "text": "3"}]}, id="fewer-spans"),
    pytest.param({"spans": [{"side": "source", "text": "3"}, {"side": "source", "text": "4"}]},
                 id="span-side"),
])
def test_a_finding_that_differs_in_any_part_of_its_key_is_not_set_aside(
        tmp_path, default_encoder, changed):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(PAIRS.splitlines(keepends=True)[0], "utf-8")
    entry = accepted("number", "Delete 3 files?", "Supprimer 4 fichiers ?",
                     ("source", "3"), ("translation", "4"))
    file = tmp_path / "ui.accepted.json"
    file.write_text(json.dumps(baseline({**entry, **changed})), "utf-8")
    result = check("--pairs", str(pairs), "--baseline", str(file))
    assert result.exit_code == 1, result.output
    assert "0 findings accepted in" in " ".join(result.output.split())


def test_an_accepted_finding_counts_as_many_times_as_the_baseline_holds_it(
        tmp_path, default_encoder):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text("Delete 3 files?\tSupprimer 4 fichiers ?\n" * 3, "utf-8")
    entry = accepted("number", "Delete 3 files?", "Supprimer 4 fichiers ?",
                     ("source", "3"), ("translation", "4"))
    file = tmp_path / "ui.accepted.json"
    file.write_text(json.dumps(baseline(entry, entry)), "utf-8")
    result = check("--pairs", str(pairs), "--baseline", str(file))
    assert result.exit_code == 1, result.output
    assert "2 findings accepted in" in " ".join(result.output.split())


GOOD = accepted("number", "a 3", "b 4", ("source", "3"))


@pytest.mark.parametrize(("content", "problem"), [
    pytest.param("{not json", "is not JSON", id="not-json"),
    pytest.param(json.dumps(baseline(GOOD, version=2)), "format version 2 is newer",
                 id="newer-version"),
    pytest.param(json.dumps({**baseline(GOOD), "format_version": "1"}), "format version '1'",
                 id="version-not-a-number"),
    pytest.param(json.dumps({**baseline(), "accepted": {"kind": "number"}}),
                 "'accepted' is not a list", id="accepted-not-a-list"),
    pytest.param(json.dumps({k: v for k, v in baseline().items() if k != "accepted"}),
                 "'accepted' is not a list", id="no-accepted"),
    pytest.param(json.dumps(baseline(GOOD, "number")), "accepted finding 2 is not an object",
                 id="finding-not-an-object"),
    pytest.param(json.dumps(baseline(GOOD, {**GOOD, "kind": ""})),
                 "accepted finding 2: 'kind' is not", id="empty-kind"),
    pytest.param(json.dumps(baseline({**GOOD, "source": None})),
                 "accepted finding 1: 'source' is not", id="source-not-text"),
    pytest.param(json.dumps(baseline({k: v for k, v in GOOD.items() if k != "translation"})),
                 "accepted finding 1: 'translation' is not", id="no-translation"),
    pytest.param(json.dumps(baseline({**GOOD, "spans": "3"})),
                 "accepted finding 1: 'spans' is not a list", id="spans-not-a-list"),
    pytest.param(json.dumps(baseline({**GOOD, "spans": [{"side": "middle", "text": "3"}]})),
                 "accepted finding 1: span 1: 'side' is", id="span-side"),
    pytest.param(json.dumps(baseline({**GOOD, "spans": [{"side": "source", "text": 3}]})),
                 "accepted finding 1: span 1: 'text' is not", id="span-text"),
])
def test_a_malformed_baseline_is_an_input_error_naming_the_problem(tmp_path, content, problem):
    from align.checks.baseline import read_baseline

    file = tmp_path / "bad.accepted.json"
    file.write_text(content, "utf-8")
    with pytest.raises(InputError) as error:
        read_baseline(file)
    assert problem in str(error.value) and "bad.accepted.json" in str(error.value)


def test_check_refuses_a_malformed_baseline_before_the_model_runs(tmp_path):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(PAIRS, "utf-8")
    file = tmp_path / "bad.accepted.json"
    file.write_text(json.dumps(baseline({**GOOD, "spans": None})), "utf-8")
    result = check("--pairs", str(pairs), "--baseline", str(file),
                   "--model", str(tmp_path / "no-model"))
    assert result.exit_code == EXIT_INPUT, result.output
    assert "accepted finding 1: 'spans' is not a list" in " ".join(result.output.split())


def test_a_record_is_still_a_baseline_and_reads_the_same_keys(tmp_path):
    from align.checks.baseline import finding_key, read_baseline
    from align.checks.pairs import pairs_alignment
    from align.outputs import write_outputs
    from align.record import Finding, Span

    record = pairs_alignment([("Delete 3 files?", "Supprimer 4 fichiers ?")])
    source, translation = record.source.sentences[0], record.translation.sentences[0]
    finding = Finding("number", "major", "3 is 4", [
        Span("source", source.start + 7, source.start + 8, "3"),
        Span("translation", translation.start + 10, translation.start + 11, "4")])
    record.links[0].findings.append(finding)
    write_outputs(record, [tmp_path / "accepted.json"])
    small = tmp_path / "small.accepted.json"
    small.write_text(json.dumps(baseline(accepted(
        "number", "Delete 3 files?", "Supprimer 4 fichiers ?",
        ("source", "3"), ("translation", "4")))), "utf-8")
    key = finding_key(record, 0, finding)
    assert read_baseline(tmp_path / "accepted.json") == read_baseline(small) == {key: 1}


def test_applying_a_baseline_reads_each_links_texts_once(monkeypatch):
    """`apply_baseline` keys each finding by its link's two texts: built once a link, not
    once a finding; the findings it sets aside are the same."""
    from collections import Counter

    from align.checks import baseline as module
    from align.checks.pairs import pairs_alignment
    from align.record import Finding

    record = pairs_alignment([("Open 2 tabs", "Ouvrir 5 onglets"), ("Open", "Ouvrir")])
    record.links[0].findings = [Finding("number", "major", f"number {n}", []) for n in range(3)]
    key = module.finding_key(record, 0, record.links[0].findings[0])
    calls = []
    real = module.link_texts
    monkeypatch.setattr(module, "link_texts", lambda *a: calls.append(a) or real(*a))
    assert module.apply_baseline(record, Counter({key: 2}), "b.json") == 2
    assert len(calls) == 1  # link 0 once; link 1 holds no finding
    assert len(record.links[0].accepted) == 2 and len(record.links[0].findings) == 1
