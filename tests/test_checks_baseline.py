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
    # A number in a link reworded a little is still accepted (test_a_token_finding_…);
    # not in one rewritten.
    pytest.param({"translation": "Voulez-vous vraiment effacer 4 fichiers ?"}, id="text"),
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


def test_a_missing_baseline_is_named_as_the_baseline_with_what_to_give(tmp_path):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(PAIRS, "utf-8")
    missing = tmp_path / "nope.json"
    result = check("--pairs", str(pairs), "--baseline", str(missing),
                   "--model", str(tmp_path / "no-model"))
    assert result.exit_code == EXIT_INPUT, result.output
    said = " ".join(result.output.split())
    assert f"baseline {missing} does not exist" in said
    assert "(-o NAME.json)" in said


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
    assert key[2] == "Supprimer 4 fichiers ?"
    # Both read as their keys typography aside: no space before '?'.
    key = (*key[:2], "Supprimer 4 fichiers?", key[3])
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


# What a CI user met: typographic edits, a rewording next to an accepted number, a baseline
# of another language, a gate --ignore switches off.

def _span(record, side: str, i: int, text: str):
    from align.record import Span

    sentence = getattr(record, side).sentences[i]
    at = sentence.text.index(text)
    return Span(side, sentence.start + at, sentence.start + at + len(text), text)


def _findings(record, i: int, *findings: tuple[str, list[tuple[str, str]]]):
    """Findings on link `i` of `record`: (kind, [(side, text), ...]) each."""
    from align.record import Finding

    record.links[i].findings = [
        Finding(kind, "major", f"{kind}: " + ", ".join(t for _, t in spans),
                [_span(record, side, i, text) for side, text in spans])
        for kind, spans in findings]
    return record


def _accepted_by(tmp_path, old: tuple[str, str], new: tuple[str, str], *findings,
                 name: str = "", languages=(None, None)) -> tuple[int, object]:
    """How many of `findings` a baseline written from the link `old` accepts on the link
    `new`, and the run's record: each side's `findings` as (kind, [(side, text)])."""
    from align.checks.baseline import apply_baseline, read_baseline
    from align.checks.pairs import pairs_alignment
    from align.outputs import write_outputs

    before = _findings(pairs_alignment([old], name="ch1", languages=("en", "fr")), 0,
                       *findings[0])
    file = tmp_path / "accepted.json"
    file.unlink(missing_ok=True)
    write_outputs(before, [file])
    after = _findings(pairs_alignment([new], name=name or "ch1", languages=languages), 0,
                      *findings[1])
    return apply_baseline(after, read_baseline(file), str(file)), after


SOURCE = 'The archive of "Lyon" holds 3 files - he says: is that all?'
FRENCH = "L'archive de « Lyon » garde 4 fichiers – dit-il : c'est ça ?"


@pytest.mark.parametrize("edit", [
    pytest.param(lambda t: t.replace("'", "\u2019"), id="curly-apostrophe"),
    pytest.param(lambda t: t.replace("'", "\u00b4"), id="acute-apostrophe"),
    pytest.param(lambda t: t.replace("'", "`"), id="backtick-apostrophe"),
    pytest.param(lambda t: t.replace("« ", "«\u00a0").replace(" »", "\u00a0»"),
                 id="nbsp-guillemets"),
    pytest.param(lambda t: t.replace("« Lyon »", "\u201cLyon\u201d"), id="guillemets-to-quotes"),
    pytest.param(lambda t: t.replace("« Lyon »", "\u201eLyon\u201c"), id="low-quotes"),
    pytest.param(lambda t: t.replace(" :", "\u202f:").replace(" ?", "\u2009?"), id="thin-spaces"),
    pytest.param(lambda t: t.replace(" :", ":").replace(" ?", "?"), id="spaces-dropped"),
    pytest.param(lambda t: t.replace("–", "—"), id="em-dash"),
    pytest.param(lambda t: t.replace("–", "-"), id="hyphen"),
    pytest.param(lambda t: t.replace("  ", " ").replace(" ", "   "), id="runs-of-spaces"),
    pytest.param(lambda t: __import__("unicodedata").normalize("NFD", t), id="nfd"),
])
def test_typographic_edits_keep_accepted_findings_accepted(tmp_path, edit):
    # A number (close texts would do) and a glossary finding whose span is the whole
    # translation (only the texts themselves, typography aside, do).
    findings = [("number", [("source", "3"), ("translation", "4")]),
                ("glossary", [("source", "files"), ("translation", FRENCH)])]
    moved = [("number", [("source", "3"), ("translation", "4")]),
             ("glossary", [("source", "files"), ("translation", edit(FRENCH))])]
    count, after = _accepted_by(tmp_path, (SOURCE, FRENCH), (edit(SOURCE), edit(FRENCH)),
                                findings, moved)
    assert count == 2 and after.links[0].findings == []


def test_a_change_of_letters_is_not_typography(tmp_path):
    findings = [("glossary", [("source", "files"), ("translation", FRENCH)])]
    changed = FRENCH.replace("L'archive", "L'Archive")
    count, _ = _accepted_by(tmp_path, (SOURCE, FRENCH), (SOURCE, changed), findings,
                            [("glossary", [("source", "files"), ("translation", changed)])])
    assert count == 0


EN = "The quotation was printed in Le Progrès on 2 June 1992."
FR = "La citation fut publiée dans Le Progrès le 2 juin 1982."
NUMBER = ("number", [("source", "1992"), ("translation", "1982")])


@pytest.mark.parametrize(("new", "finding", "expected"), [
    # fr2: a rewording elsewhere in the link; the numbers are those accepted.
    pytest.param((EN, FR.replace("fut publiée", "a été publiée")), NUMBER, 1, id="reworded"),
    pytest.param((EN.replace("printed", "first printed"), FR), NUMBER, 1, id="source-reworded"),
    pytest.param((EN, "La citation a été publiée dans Le Progrès le 2 juin 1983."),
                 ("number", [("source", "1992"), ("translation", "1983")]), 0,
                 id="other-number"),
    pytest.param((EN, "En 1982, Le Progrès l'a citée."), NUMBER, 0, id="rewritten"),
    pytest.param((EN, FR.replace("fut publiée", "a été publiée")),
                 ("name", [("source", "1992"), ("translation", "1982")]), 0, id="other-kind"),
])
def test_a_token_finding_stays_accepted_when_its_link_is_close(tmp_path, new, finding,
                                                              expected):
    count, _ = _accepted_by(tmp_path, (EN, FR), new, [NUMBER], [finding])
    assert count == expected


def test_closeness_is_for_findings_about_tokens_only(tmp_path):
    # A glossary finding pointing at the whole translation, an omission of the whole link
    # side and a shift of meaning with no span: a rewording may be what they are about.
    reworded = FR.replace("fut publiée", "a été publiée")
    old = [NUMBER, ("glossary", [("source", "quotation"), ("translation", FR)]),
           ("meaning-shift", []), ("name", [("source", "Le Progrès")])]
    new = [NUMBER, ("glossary", [("source", "quotation"), ("translation", reworded)]),
           ("meaning-shift", []), ("name", [("source", "Le Progrès")])]
    count, after = _accepted_by(tmp_path, (EN, FR), (EN, reworded), old, new)
    assert count == 2
    assert [f.kind for f in after.links[0].accepted] == ["number", "name"]
    assert [f.kind for f in after.links[0].findings] == ["glossary", "meaning-shift"]


def test_a_close_match_uses_up_the_accepted_finding(tmp_path):
    from align.checks.baseline import apply_baseline, read_baseline
    from align.checks.pairs import pairs_alignment
    from align.outputs import write_outputs

    before = _findings(pairs_alignment([(EN, FR)]), 0, NUMBER)
    write_outputs(before, [tmp_path / "accepted.json"])
    reworded = FR.replace("fut publiée", "a été publiée")
    after = pairs_alignment([(EN, reworded), (EN, reworded.replace("La ", "Cette "))])
    _findings(after, 0, NUMBER)
    _findings(after, 1, NUMBER)
    accepted = read_baseline(tmp_path / "accepted.json")
    assert apply_baseline(after, accepted, "accepted.json") == 1
    assert [len(link.findings) for link in after.links] == [0, 1]


def test_a_baseline_of_other_languages_or_files_is_said(tmp_path):
    count, after = _accepted_by(tmp_path, (EN, FR), (EN, FR), [NUMBER], [NUMBER],
                                languages=("en", "es"))
    assert count == 1  # still applied: the warning says why it may not fit
    [warning] = after.signature["baseline"]["warnings"]
    assert "translation language fr, not es" in warning
    count, after = _accepted_by(tmp_path, (EN, FR), (EN, FR), [NUMBER], [NUMBER],
                                name="ch2", languages=("en", "fr"))
    [warning] = after.signature["baseline"]["warnings"]
    assert "ch1" in warning and "ch2" in warning
    _, after = _accepted_by(tmp_path, (EN, FR), (EN, FR), [NUMBER], [NUMBER],
                            languages=("en", "fr"))
    assert "warnings" not in after.signature["baseline"]
    _, after = _accepted_by(tmp_path, (EN, FR), (EN, FR), [NUMBER], [NUMBER])
    assert "warnings" not in after.signature["baseline"]  # a language not known: no claim
    _, after = _accepted_by(tmp_path, (EN, FR), (EN, FR), [NUMBER], [NUMBER],
                            languages=("en", "fr-FR"))
    assert "warnings" not in after.signature["baseline"]  # fr-FR is fr, as the checks read it


def test_check_says_on_stderr_that_the_baseline_is_of_another_language(
        tmp_path, default_encoder):
    from align.checks.pairs import pairs_alignment
    from align.outputs import write_outputs

    pairs = tmp_path / "ui.tsv"
    pairs.write_text("Delete 3 files?\tBorrar 4 archivos?\n", "utf-8")
    record = _findings(pairs_alignment([("Delete 3 files?", "Supprimer 4 fichiers ?")],
                                       name="ui", languages=("en", "fr")), 0,
                       ("number", [("source", "3"), ("translation", "4")]))
    write_outputs(record, [tmp_path / "fr.json"])
    result = runner.invoke(app, ["check", "--pairs", str(pairs), "--source-lang", "en",
                                 "--translation-lang", "es", "--baseline",
                                 str(tmp_path / "fr.json")])
    assert "warning" in result.stderr and "translation language fr, not es" in result.stderr


@pytest.mark.parametrize(("options", "warned"), [
    pytest.param(["--ignore", "number", "--fail-on", "number"], "number", id="kind"),
    pytest.param(["--ignore", "number", "--fail-on", "number:minor", "--fail-on", "major"],
                 "number:minor", id="kind-severity"),
    pytest.param(["--ignore", "name", "--fail-on", "number"], None, id="other-kind"),
])
def test_a_fail_on_that_ignore_switches_off_is_said(tmp_path, options, warned):
    pairs = tmp_path / "ui.tsv"
    pairs.write_text(PAIRS, "utf-8")
    result = runner.invoke(app, ["check", "--pairs", str(pairs), *options,
                                 "--model", str(tmp_path / "no-model")])
    said = " ".join(result.stderr.split())
    if warned is None:
        assert "can never" not in said
    else:
        assert f"--fail-on {warned} can never fail the run" in said


def test_typography_is_smoothed_the_same_read_once_or_twice():
    from align.checks.baseline import typographic

    for text in ("Supprimer 4 fichiers \u2060?", "l\u2019\u00e9t\u00e9 \u00ab oui \u00bb",
                 "a \u00ad\u200b: b"):
        assert typographic(typographic(text)) == typographic(text)


def test_accepted_keys_differing_in_typography_add_their_counts():
    from collections import Counter

    from align.checks.baseline import apply_baseline
    from align.checks.pairs import pairs_alignment

    record = pairs_alignment([("Summer 3", "l'été 3"), ("Summer 3", "l\u2019été 3")])
    for i in (0, 1):
        _findings(record, i, ("number", [("translation", "3")]))
    from align.record import finding_key

    accepted = Counter(finding_key(record, i, record.links[i].findings[0]) for i in (0, 1))
    assert len(accepted) == 2
    assert apply_baseline(record, accepted, "b.json") == 2


def test_a_finding_whose_spans_moved_on_an_unchanged_link_stays_accepted(tmp_path):
    """What a CI user met: an entry added elsewhere in a .po file moved an omission's words
    from «boîte» to «boîte de» on a pair nobody touched; the build failed again."""
    pair = ("Close the dialog box.", "Fermez la boîte de dialogue.")
    count, after = _accepted_by(
        tmp_path, pair, pair,
        [("addition", [("translation", "boîte")])],
        [("addition", [("translation", "boîte de")]),
         ("meaning-shift", [("translation", "Fermez")])])
    # The addition is the accepted one measured again; the meaning shift is no accepted
    # finding of its kind, and is still reported.
    assert count == 1
    assert [f.kind for f in after.links[0].accepted] == ["addition"]
    assert [f.kind for f in after.links[0].findings] == ["meaning-shift"]


def test_a_finding_of_a_reworded_link_is_not_accepted_by_its_kind_alone(tmp_path):
    count, _ = _accepted_by(
        tmp_path, ("Close the dialog box.", "Fermez la boîte de dialogue."),
        ("Close the dialog box.", "Fermez la fenêtre de dialogue."),
        [("addition", [("translation", "boîte")])],
        [("addition", [("translation", "fenêtre")])])
    assert count == 0


def test_an_omission_about_other_words_of_an_unchanged_link_is_another_finding(tmp_path):
    pair = ("He sold the old car to his neighbour last year.", "Il a vendu la voiture.")
    count, after = _accepted_by(
        tmp_path, pair, pair,
        [("omission", [("source", "old")])],
        [("omission", [("source", "to his neighbour last year")])])
    assert count == 0
    assert [f.kind for f in after.links[0].findings] == ["omission"]
