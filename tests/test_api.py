"""The Python API as the docs present it: what `align` exports, checks of one's own, and
the same results from Python as from the command line."""

from __future__ import annotations

import copy
import functools
import types
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import align
from align.errors import RecordError, UsageError
from align.record import Finding

# A sentence whose translation is left out ("Il faisait très froid ce jour-là.") joins its
# neighbour in a 2-1 link: a link the run measures by the sum of its sentences' vectors.
FRENCH = ("Le 3 mars 2021, Marie est arrivée à Lyon avec 25 valises.\n\n"
          "Elle n'avait pas faim. Son frère Paul l'attendait à la gare depuis deux heures.\n"
          "Il faisait très froid ce jour-là. Ils sont rentrés à pied.\n")
# A translation with a changed number, a reversed negation and a swapped name too.
ENGLISH = ("On March 3, 2021, Marie arrived in Lyon with 35 suitcases.\n\n"
           "She was hungry. Her brother Peter had been waiting for her at the station for "
           "two hours.\nThey walked home.\n")


def test_the_documented_api_is_exported():
    for name in ("align_files", "align_texts", "align_sides", "check", "check_strings", "load",
                 "write"):
        assert callable(getattr(align, name)), name
    assert set(align.__all__) >= {"check_strings", "align_sides"}


def _exclaiming_check() -> types.ModuleType:
    """A check of a project's own, as docs/checks.md "Adding a check" describes one."""
    module = types.ModuleType("exclaiming")
    module.KINDS = ("exclamation",)

    def run(ctx):
        return [(i, Finding("exclamation", "minor", "the translation exclaims", []))
                for i, source, translation in ctx.paired()
                if "!" in translation.text and "!" not in source.text]

    module.run = run
    return module


def test_a_check_of_ones_own_is_counted_ignored_and_gated_like_the_built_in_ones(
        monkeypatch, default_encoder):
    from align import checks
    from align.checks.pairs import pairs_alignment

    monkeypatch.setattr(checks, "CHECKS", (*checks.CHECKS, _exclaiming_check()))
    pairs = [("Il est parti.", "He left!"), ("Elle est restée.", "She stayed.")]
    record = checks.check_alignment(pairs_alignment(pairs), default_encoder)
    assert [f.kind for f in record.links[0].findings if f.kind == "exclamation"] == [
        "exclamation"]
    assert checks.summarise(record)["by_kind"]["exclamation"] == 1
    assert checks.fails(record, "exclamation") and not checks.fails(record, "number")
    quiet = checks.check_alignment(pairs_alignment(pairs), default_encoder,
                                   ignore=["exclamation"])
    assert not [f for l in quiet.links for f in l.findings if f.kind == "exclamation"]


def test_a_saved_alignment_checked_from_python_finds_what_the_run_found(tmp_path,
                                                                         default_encoder):
    from align.checks import check_alignment

    run = align.align_texts(FRENCH, ENGLISH)
    assert any(len(l.source) > 1 for l in run.links)  # the joined link the test is about
    saved = tmp_path / "run.json"
    align.write(run, saved)

    def said(record):
        return [(l.source, l.translation, l.divergence, sorted(f.kind for f in l.findings))
                for l in record.links]

    # The function docs/checks.md names measures the links as the run did (the sum of a
    # joined link's sentence vectors, not the joined text embedded again), as align.check.
    assert said(check_alignment(align.load(saved), default_encoder)) == said(run)
    assert said(align.check(align.load(saved))) == said(run)


def test_a_record_of_pairs_checked_from_python_takes_that_checks_signature(tmp_path):
    from align.checks.pairs import read_pairs

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Bonjour.\tHello.\nMerci beaucoup.\tThank you very much.\n", "utf-8")
    record = align.check(read_pairs(pairs))
    # As `align check --pairs` writes it: what checked the pairs, since nothing else made
    # their links.
    assert record.signature["input"] == "pairs"
    assert record.signature["model"]["id"] and record.signature["version"] == align.__version__


def test_a_glossary_file_may_be_given_by_its_path(tmp_path, default_encoder):
    from align.checks import check_alignment
    from align.checks.pairs import pairs_alignment

    terms = tmp_path / "terms.tsv"
    terms.write_text("syndicat\tunion\n", "utf-8")
    pairs = [("Le syndicat a voté la grève.", "The trade association voted to strike.")]
    record = check_alignment(pairs_alignment(pairs, languages=("fr", "en")), default_encoder,
                             glossary=str(terms))
    assert [f.kind for f in record.links[0].findings if f.kind == "glossary"] == ["glossary"]


def test_the_signature_says_what_decided_the_findings_and_the_summary_the_verdict(
        default_encoder):
    from align.checks import summarise
    from align.checks.rules import Rule

    pairs = [("Le syndicat a voté la grève le 3 mai.", "The union voted to strike on May 5.")]
    rule = Rule(None, r"\bstrike\b", forbidden=True, message="say walkout")
    record = align.check_pairs(pairs, glossary=[("syndicat", "union")], rules=[rule],
                               ignore="length", fail_on=["number:major", "critical"])
    checks = record.signature["checks"]
    assert checks["ignore"] == ["length"]
    assert checks["fail_on"] == ["number:major", "critical"]
    assert checks["glossary"]["required"] == 1 and checks["rules"]["rules"] == 1
    # 3 mai against May 5: a major number finding, which the first gate reaches.
    summary = summarise(record)
    assert summary["verdict"] == "fail" and summary["failing"] == 1
    # Another glossary gives another digest; the same one the same.
    other = align.check_pairs(pairs, glossary=[("grève", "strike")])
    same = align.check_pairs(pairs, glossary=[("syndicat", "union")])
    assert other.signature["checks"]["glossary"]["digest"] != checks["glossary"]["digest"]
    assert same.signature["checks"]["glossary"]["digest"] == checks["glossary"]["digest"]
    # The same terms in another order are the same glossary.
    two = [("syndicat", "union"), ("grève", "strike")]
    assert (align.check_pairs(pairs, glossary=two).signature["checks"]["glossary"]
            == align.check_pairs(pairs, glossary=two[::-1]).signature["checks"]["glossary"])
    # Without gates there is no verdict; checked again with one, the record gets it, and a
    # gate nothing reaches passes.
    assert "verdict" not in summarise(same) and "rules" not in same.signature["checks"]
    assert summarise(align.check(same, fail_on="critical"))["verdict"] == "pass"
    # The verdict survives the JSON record and reading it back.
    assert summarise(align.Alignment.from_dict(record.to_dict()))["verdict"] == "fail"
    with pytest.raises(UsageError, match="fail_on takes a severity"):
        align.check_pairs(pairs, fail_on="grave")
    with pytest.raises(UsageError, match="fail_on must be"):
        align.check_pairs(pairs, fail_on=[3])
    # A record edited by hand into a gate no check could have had is refused on reading.
    edited = record.to_dict()
    edited["signature"]["checks"]["fail_on"] = ["number:huge"]
    with pytest.raises(RecordError, match="fail_on 'number:huge' is no gate"):
        align.Alignment.from_dict(edited)
    # One gate given as a str to the checks themselves is one gate, not its letters.
    from align.checks import check_alignment

    rechecked = check_alignment(record, default_encoder, fail_on="critical")
    assert rechecked.signature["checks"]["fail_on"] == ["critical"]


def test_threads_sharing_the_encoder_take_turns(default_encoder):
    texts = [f"Phrase numéro {k} : le train part à {k} heures." for k in range(40)]
    alone = default_encoder.encode(texts)
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(default_encoder.encode, [texts] * 4))
    for vectors in together:
        assert np.allclose(vectors, alone, atol=1e-5)


def test_a_missing_passage_is_named_even_where_the_aligner_joins_its_end_to_a_link(tmp_path):
    """The English letter without its paragraphs 5-9 (the French sentences 7-15, checked
    by hand against the full alignment, each of which is one of its links).  The aligner
    leaves four of them unaligned and joins the rest to the link after the gap; the checks
    find those to have no counterpart, and the warning names the whole run."""
    import re
    from pathlib import Path

    letter = Path(__file__).resolve().parents[1] / "texts" / "serge-nin-1936"
    paragraphs = (letter / "en.txt").read_text(encoding="utf-8").split("\n\n")
    assert len(paragraphs) == 10
    cut = tmp_path / "en-cut.txt"
    cut.write_text("\n\n".join(paragraphs[:4] + paragraphs[9:]), encoding="utf-8")
    record = align.align_files(letter / "fr-retranslation.txt", cut)
    runs = [tuple(map(int, m.groups())) for w in record.warnings
            if (m := re.match(r"source sentences (\d+)–(\d+) .* no counterpart", w))]
    assert len(runs) == 1, record.warnings
    [(first, last)] = runs
    assert 7 <= first and last <= 15 and last - first + 1 >= 5


# -- the model: loaded once, and the one that measured a saved record -------------------------


def test_threads_that_ask_for_the_model_at_once_load_it_once(monkeypatch, default_encoder):
    import threading
    import time

    from align import encoders, pipeline

    loads: list[str] = []

    def slow_load(model=None, *, status=None, backend="auto"):
        loads.append(threading.current_thread().name)
        time.sleep(0.2)
        return default_encoder

    monkeypatch.setattr(pipeline, "_encoders", {})
    monkeypatch.setattr(encoders, "load_encoder", slow_load)
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: pipeline.load_encoder(), range(8)))
    assert len(loads) == 1 and all(e is default_encoder for e in got)
    # The default model by its name is the same model.
    assert pipeline.load_encoder("multilingual-e5-small") is default_encoder
    assert len(loads) == 1


def _measures(record):
    return [(l.divergence, sorted((f.kind, f.severity) for f in l.findings))
            for l in record.links]


def test_a_saved_record_is_checked_again_with_the_model_that_measured_it(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app

    run = align.align_texts(FRENCH, ENGLISH, backend="openvino")
    made = run.signature["model"]["backend"]
    assert made.startswith("openvino-") and "int8" not in made
    saved = tmp_path / "run.json"
    align.write(run, saved)
    again = align.check(align.load(saved))
    assert again.signature["checked"]["model"]["backend"] == made
    assert _measures(again) == _measures(run)
    assert not any("may differ" in w for w in again.warnings)
    # As `align check --pairs` does with the same file.
    out = tmp_path / "again.json"
    result = CliRunner().invoke(app, ["check", "--pairs", str(saved), "-o", str(out),
                                      "--fail-on", "critical", "-q"])
    assert result.exit_code in (0, 1), result.output
    assert align.load(out).signature["checked"]["model"]["backend"] == made
    from align.encoders import auto_backend

    if auto_backend() == "int8":  # built here: a backend given is the one used
        assert align.check(align.load(saved), backend="int8").signature["checked"]["model"][
            "backend"].startswith("openvino-int8-")


def test_a_record_whose_model_is_not_here_is_checked_with_the_default_and_says_so(tmp_path):
    from align.checks.pairs import pairs_alignment

    record = align.check(pairs_alignment([("Il est parti.", "He left.")],
                                         languages=("fr", "en")))
    record.signature["model"] = {**record.signature["model"], "id": "no-such/model-here",
                                 "signature": "no-such/model-here"}
    again = align.check(record)
    assert again.signature["model"]["id"] == "multilingual-e5-small"
    assert any("no-such/model-here" in w and "may differ" in w for w in again.warnings)


# -- what a researcher may get wrong, and hears about in Python's terms ----------------------


@functools.cache
def _letter_dict() -> dict:
    """The reference letter's record, as `align run` makes it (aligned once per session)."""
    from pathlib import Path

    texts = Path(__file__).resolve().parents[1] / "texts" / "serge-nin-1936"
    return align.align_files(texts / "fr-retranslation.txt", texts / "en.txt").to_dict()


def _letter() -> align.Alignment:
    return align.Alignment.from_dict(copy.deepcopy(_letter_dict()))


@pytest.mark.parametrize("edit, said", [
    (lambda r: setattr(r.links[0], "source", [99]), "link 1 names source sentence 99"),
    (lambda r: setattr(r.links[0], "score", "high"), "link 1: score 'high' is not a number"),
])
def test_an_edited_record_that_cannot_be_read_back_is_not_written(tmp_path, edit, said):
    from align.errors import UsageError

    record = _letter()
    edit(record)
    with pytest.raises(UsageError, match=said):
        align.write(record, tmp_path / "edited.json", tmp_path / "edited.tsv")
    assert not list(tmp_path.iterdir())


def test_numpy_numbers_in_an_edited_record_are_written_as_plain_numbers(tmp_path):
    record = _letter()
    record.links[0].score = np.float32(0.5)
    record.links[0].source = list(np.array(record.links[0].source))
    align.write(record, tmp_path / "edited.json", tmp_path / "edited.tsv")
    again = align.load(tmp_path / "edited.json")
    assert again.links[0].score == 0.5 and again.links[0].source == _letter().links[0].source
    assert isinstance(record.links[0].score, np.float32)  # the record given is left as it was


@pytest.mark.parametrize("source, translation, said", [
    ("", "", "source_text is empty"),
    ("   \n\n", "Hello.", r"source_text is empty \(only spaces, line breaks or invisible"),
    ("Bonjour. Ça va.", "", "translation_text is empty"),
    # Read as a file of it is: a byte-order mark, a zero-width space are no text either.
    ("\ufeff", "Hello.", "source_text is empty: give"),
    ("Bonjour.", "\ufeff\r\n\u200b", r"translation_text is empty \(only spaces, line"),
])
def test_an_empty_text_is_an_input_error_as_an_empty_file_is(tmp_path, source, translation,
                                                               said):
    from align.errors import InputError

    with pytest.raises(InputError, match=said):
        align.align_texts(source, translation)
    (tmp_path / "s.txt").write_bytes(source.encode("utf-8"))
    (tmp_path / "t.txt").write_bytes(translation.encode("utf-8"))
    with pytest.raises(InputError, match="is empty: give a file"):
        align.align_files(tmp_path / "s.txt", tmp_path / "t.txt")


@pytest.mark.parametrize("call, said", [
    (lambda: align.align_texts(None, "Hello."), "source_text must be a str, not NoneType"),
    (lambda: align.align_texts(b"Bonjour.", "Hello."), "source_text must be a str, not bytes"),
    (lambda: align.align_texts("Bonjour.", "Hello.", max_chars="100"),
     "max_chars must be an int, not '100'"),
    (lambda: align.align_texts("Bonjour.", "Hello.", cache="no"),
     "cache must be True or False, not 'no'"),
    (lambda: align.align_texts("Bonjour.", "Hello.", settings=[4]),
     "settings must be an AlignSettings"),
    (lambda: align.align_texts("Bonjour.", "Hello.", settings={"bnd": 4}),
     "settings: 'bnd' is not an AlignSettings field"),
    (lambda: align.align_texts("Bonjour.", "Hello.", model=object()), "model must be"),
    (lambda: align.align_texts("Bonjour.", "Hello.", ignore=[3]), "ignore must be"),
    (lambda: align.align_texts("Bonjour.", "Hello.", source_language=3),
     "source_language must be"),
    (lambda: align.align_texts("Bonjour.", "Hello.", options={"cache": False}),
     "options must be an align.Options"),
    (lambda: align.check("letter.json"), r"check takes an alignment record .* align.load"),
    (lambda: align.check_strings([("Bonjour.", "Hello.")]), "align.check_pairs"),
    (lambda: align.check_pairs("Bonjour.\tHello."), "check_pairs takes a list"),
    (lambda: align.check_pairs([("Bonjour.",)]), "pair 1 is not"),
    (lambda: align.align_texts("Bonjour.", "Hello.", glossary=5), "glossary must be"),
    (lambda: align.align_texts("Bonjour.", "Hello.", glossary=[("chat",)]), "glossary must be"),
    (lambda: align.align_texts("Bonjour.", "Hello.", rules=5), "rules must be"),
    (lambda: align.check(_letter(), glossary=[("POUM", 3)]), "glossary must be"),
])
def test_a_wrong_value_from_python_is_a_usage_error_naming_the_parameter(call, said):
    from align.errors import UsageError

    with pytest.raises(UsageError, match=said):
        call()


@pytest.mark.parametrize("settings, said", [
    ({"band": -3}, r"AlignSettings\(band=-3\): band must be at least 0"),
    ({"max_side": 0}, "max_side must be at least 1"),
    ({"max_link": 1}, "max_link must be at least 2"),
    ({"length_weight": float("nan")}, "length_weight must be a finite number"),
    ({"band": 2.5}, "band must be an int"),
    ({"skip": "low"}, "skip must be a number"),
    ({"refine_budget": -1}, "refine_budget must be at least 0"),
    ({"z_cap": 0}, "z_cap must be above 0"),
    ({"end_skip": 0.1}, "end_skip must be at most 0"),
    ({"skip": 0.5}, "skip must be at most 0"),
])
def test_settings_the_search_cannot_use_are_refused_when_made(settings, said):
    from align.aligner import AlignSettings
    from align.errors import UsageError

    with pytest.raises(UsageError, match=said):
        AlignSettings(**settings)


def test_settings_as_a_dict_one_kind_as_a_str_and_a_path_as_model_are_taken():
    from pathlib import Path

    from align.aligner import AlignSettings

    options = align.Options(settings={"band": 4}, ignore="mechanical",
                            model=Path("some-folder"), max_chars=np.int64(300))
    assert options.settings == AlignSettings(band=4)
    assert options.ignore == ("mechanical",) and options.model == "some-folder"
    assert options.max_chars == 300 and type(options.max_chars) is int
    assert AlignSettings(skip=0).skip == 0.0  # the signature's numbers keep their types


def test_check_returns_a_new_record_and_leaves_the_one_given_as_it_was(tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text("chat\tfeline\n", "utf-8")
    record = align.align_texts("Le chat dort sur le tapis. Il a 3 ans.",
                               "The cat sleeps on the rug. He is 5 years old.")
    before = (_measures(record), dict(record.signature), list(record.warnings))
    checked = align.check(record, glossary=terms)
    assert checked is not record
    assert "glossary" in [f.kind for l in checked.links for f in l.findings]
    assert (_measures(record), dict(record.signature), list(record.warnings)) == before
    # The same glossary as a dict of source term to required translation.
    as_dict = align.check(record, glossary={"chat": "feline"})
    assert [f.reason for l in as_dict.links for f in l.findings if f.kind == "glossary"] == [
        f.reason for l in checked.links for f in l.findings if f.kind == "glossary"]


def test_check_pairs_checks_strings_paired_in_python():
    record = align.check_pairs([("Il a 3 enfants.", "He has 5 children."),
                                ("Merci beaucoup.", "Thank you very much.")],
                               source_language="fr", translation_language="en")
    assert record.signature["input"] == "pairs" and record.source.language == "fr"
    assert "number" in [f.kind for f in record.links[0].findings]
    assert all(l.divergence is not None for l in record.links)


def test_the_api_shows_in_dir_and_help_and_the_stages_are_reachable():
    import pydoc
    import subprocess
    import sys

    assert {"align_files", "check", "check_pairs", "Options", "AlignError"} <= set(dir(align))
    text = pydoc.render_doc(align, renderer=pydoc.plaintext)
    functions = text[text.index("FUNCTIONS"):text.index("DATA")]
    assert all(f"\n    {name}(" in functions for name in ("align_files", "check", "load"))
    assert issubclass(align.AlignError, Exception) and align.Options().model is None
    # The stages, from a fresh interpreter where nothing has imported them yet.
    code = ("import align, sys; assert 'align.reading' not in sys.modules; "
            "print(align.reading.read_document.__name__, align.checks.CHECKS is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["read_document", "True"], out.stderr


def test_the_package_says_it_is_typed():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    assert (root / "align" / "py.typed").is_file()
    data = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["align"]


# -- a record edited by hand: refused when read, as format.md promises, not in a view --------


def _edited(edit) -> dict:
    data = copy.deepcopy(_letter_dict())
    edit(data)
    return data


def _set(path: str, value):
    """An edit of the record's dict setting the value at ``a.b.0.c`` to `value`."""
    def edit(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[int(key)] if key.isdigit() else data[key]
        data[int(last) if last.isdigit() else last] = value
    return edit


@pytest.mark.parametrize("edit, said", [
    (_set("signature", "x"), "its signature 'x' is not an object"),
    (_set("signature.model", "x"), "its signature model 'x' is not an object"),
    (_set("source.language", 5), "the source's language 5 is not a string"),
    (_set("created", 5), "its created 5 is not a date string"),
    (_set("warnings", [1]), r"its warnings \[1\] are not a list of strings"),
    (_set("links.0.score", 2.5), "link 1: score 2.5 is not between 0 and 1"),
    (_set("links.0.divergence", -1), "link 1: divergence -1 is not between 0 and 1"),
    (_set("source.sentences.0.paragraph", 99), "source sentence 1: paragraph 99 is not one"),
    # Numbered from 1 as every sentence of problem() is, the number the links would
    # write (from 0) beside it.
    (_set("links", []), r"source sentence 1 is in no link \(no link names 0, its number in "
                        r"the links\); the links hold 0 of the 16"),
    (lambda d: d["links"].__delitem__(slice(3, None)),
     r"source sentence 4 is in no link \(no link names 3,"),
    (lambda d: d.__delitem__("links"), "the links hold 0 of the 16 source sentences"),
    (_set("format_version", None), "format_version None is not a whole number"),
    (_set("source.sentences.0", "Bonjour"), "source sentence 1 is str, not an object"),
    (_set("links.0.findings", [{"kind": "x"}]), "link 1: a finding has no field 'severity'"),
])
def test_a_hand_edited_record_no_view_could_show_is_refused_when_read(tmp_path, edit, said):
    import json

    from align.errors import InputError

    assert len(_letter_dict()["source"]["sentences"]) == 16  # the counts said above
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(_edited(edit)), "utf-8")
    with pytest.raises(InputError, match=said):
        align.load(path)
    with pytest.raises(ValueError, match=said):  # from_dict's error is a ValueError too
        align.Alignment.from_dict(_edited(edit))


def test_a_record_read_back_is_checked_and_renders_every_view(tmp_path, default_encoder):
    # The edits above that load now refuses made these fail, the checks and the views
    # inside align.
    record = align.load(_write_letter(tmp_path))
    for link in record.links:  # what the check finds is its own, not the file's
        link.divergence, link.findings = None, []
    checked = align.check(record)
    assert checked.signature["checked"]["model"]["signature"] == (
        default_encoder.signature["signature"])
    assert all(link.divergence is not None for link in checked.links)
    assert _measures(checked) == _measures(_letter())  # what the run that made it found
    written = align.write(checked, *(tmp_path / f"out.{ext}" for ext in ("html", "xlsx", "tmx")))
    assert len(written) == 3


def _write_letter(tmp_path):
    import json

    path = tmp_path / "letter.json"
    path.write_text(json.dumps(_letter_dict()), "utf-8")
    return path


def test_checking_a_hand_built_record_no_view_could_show_is_the_usage_error_write_gives():
    from align.errors import UsageError

    source = align.Side([align.Sentence("Bonjour.", 0, 8, 0)], "a", language="fr")
    translation = align.Side([align.Sentence("Hello.", 0, 6, 0)], "b", language="en")
    # A side built without its paragraph count counts them from its sentences.
    assert source.paragraphs == 1
    assert align.Alignment(source, translation, [align.Link([0], [0])]).problem() is None
    bad = align.Alignment(source, translation, [align.Link([0], [5])])
    said = "link 1 names translation sentence 5; the translation has 1 sentence"
    for call in (align.check, align.check_strings):
        with pytest.raises(UsageError, match=said):
            call(bad)


def test_check_pairs_refuses_no_pairs_as_the_cli_refuses_a_file_of_none():
    from align.errors import UsageError

    with pytest.raises(UsageError, match="no pairs given"):
        align.check_pairs([])


# -- options the run would refuse late are refused before any work ---------------------------


@pytest.mark.parametrize("option, said", [
    ({"ignore": "bogus"}, "unknown finding kind 'bogus'"),
    ({"split": "words"}, "unknown split mode 'words': use one of auto, lines"),
    ({"source_language": "x!"}, "'x!' is not a language code"),
    ({"backend": "gpu"}, "unknown backend 'gpu': use one of auto, openvino, int8, fp32"),
    ({"max_chars": 5}, "max-chars 5 is not a sentence length"),
])
def test_an_option_the_run_would_refuse_is_refused_before_any_document_is_read(
        tmp_path, option, said):
    from align.errors import AlignError

    for side in ("fr", "en"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.txt").write_text("Bonjour.\n" if side == "fr" else "Hello.\n",
                                               "utf-8")
    # Raised by the call itself, not when the check is iterated, after the model work.
    with pytest.raises(AlignError, match=said):
        align.check_folders(tmp_path / "fr", tmp_path / "en", **option)
    # Files that do not exist: the option is said first, before reading.
    with pytest.raises(AlignError, match=said):
        align.align_files(tmp_path / "missing.fr", tmp_path / "missing.en", **option)
    with pytest.raises(AlignError, match=said):
        align.align_texts("Bonjour.", "Hello.", **option)


@pytest.mark.parametrize("option", ["split", "max_chars", "backend", "ignore"])
def test_an_option_refused_before_any_work_is_refused_as_where_it_is_used(option):
    from align.checks import check_alignment
    from align.checks.pairs import pairs_alignment
    from align.encoders import load_encoder
    from align.segment import segment

    bad = {"split": "words", "max_chars": 5, "backend": "gpu", "ignore": ["bogus"]}[option]
    late = {"split": lambda: segment("Bonjour.", split=bad),
            "max_chars": lambda: segment("Bonjour.", max_chars=bad),
            "backend": lambda: load_encoder(backend=bad),
            "ignore": lambda: check_alignment(pairs_alignment([("a", "b")]), ignore=bad)}
    with pytest.raises(Exception) as where_used:
        late[option]()
    with pytest.raises(Exception) as early:
        align.align_texts("Bonjour.", "Hello.", **{option: bad})
    assert type(early.value) is type(where_used.value)
    assert str(early.value) == str(where_used.value)


def test_a_model_folder_that_is_not_there_is_said_before_the_folders_are_checked(tmp_path):
    from align.errors import ModelError

    for side in ("fr", "en"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.txt").write_text("Bonjour.\n" if side == "fr" else "Hello.\n",
                                               "utf-8")
    # By the call, not when the check is iterated (a single document's run loads the
    # model where it first needs it, and says what is wrong with the document first).
    with pytest.raises(ModelError, match="model folder './nope' does not exist"):
        align.check_folders(tmp_path / "fr", tmp_path / "en", model="./nope")
    # As for the documents of a list, when there are several.
    from align.batch import Document, check_documents

    documents = [Document(name, f"{name}.txt", tmp_path / "fr" / "a.txt",
                          tmp_path / "en" / "a.txt") for name in ("a", "b")]
    with pytest.raises(ModelError, match="model folder './nope' does not exist"):
        check_documents(documents, model="./nope")


# -- wrong arguments are usage errors naming them ------------------------------------------


@pytest.mark.parametrize("call, said", [
    (lambda: align.write(_letter_dict(), "x.json"),
     r"write takes an alignment record \(align.Alignment\), not dict; Alignment.from_dict"),
    (lambda: align.write(_letter(), ["a.json"]),
     "each path must be a str or a Path, not list; give the paths as separate arguments"),
    (lambda: align.write(_letter()), "give at least one path"),
    (lambda: align.align_files(None, "b.txt"), "align_files: source must be the path of a file"),
    (lambda: align.load(None), "load: path must be the path of a file"),
    (lambda: align.align_texts("a.", "b.", glossry={}),
     "unknown option 'glossry': the options are model, backend, split, .*glossary"),
    (lambda: align.check_pairs([("a", "b")], ignroe="number"), "unknown option 'ignroe'"),
    (lambda: align.align_sides(_letter().source, _letter().translation, "multilingual-e5-small"),
     "align_sides: encoder must be an encoder"),
    (lambda: align.align_sides("a", _letter().translation, None),
     "align_sides: source must be an align.Side, not str"),
])
def test_a_wrong_argument_is_a_usage_error_naming_it(call, said):
    from align.errors import UsageError

    with pytest.raises(UsageError, match=said):
        call()


def test_align_sides_takes_the_default_options_and_reporter(default_encoder):
    source = align.Side([align.Sentence("Bonjour le monde.", 0, 17, 0)], "a")
    translation = align.Side([align.Sentence("Hello world.", 0, 12, 0)], "b")
    record, _, _ = align.align_sides(source, translation, default_encoder)
    assert [(l.source, l.translation) for l in record.links] == [([0], [0])]


def test_from_dict_of_a_record_without_its_version_says_so_not_that_it_is_newer():
    from align.errors import InputError

    with pytest.raises(InputError, match="format_version None is not a whole number") as got:
        align.Alignment.from_dict({"format": "align/alignment"})
    assert "newer" not in str(got.value)


# -- one sentence a side; texts in memory as files are read --------------------------------


def test_one_sentence_a_side_is_scored_on_the_checks_scale_not_as_unrelated():
    # With one sentence on a side the aligner's background is the link's own similarity:
    # every link scored 0.  Scored as check_pairs scores the same pair instead (the
    # checks' prior scale), a faithful translation is near 1.
    aligned = align.align_texts("Bonjour le monde.", "Hello world.", check=False)
    paired = align.check_pairs([("Bonjour le monde.", "Hello world.")])
    [link] = aligned.links
    assert link.score == pytest.approx(paired.links[0].score, abs=2e-3)
    assert link.score > 0.8
    assert aligned.agreement() == pytest.approx(link.score)  # 1 - score before the checks
    checked = align.align_texts("Bonjour le monde.", "Hello world.")
    assert checked.links[0].score == link.score and checked.agreement() > 0.8


def test_texts_in_memory_have_the_offsets_of_the_same_texts_read_from_files(tmp_path):
    french = "\ufeffLe chat dort.\r\nIl fait beau.\rIl pleut.\r\n"
    english = "The cat sleeps.\r\nThe weather is nice.\rIt rains.\r\n"
    (tmp_path / "c.fr").write_bytes(french.encode("utf-8"))
    (tmp_path / "c.en").write_bytes(english.encode("utf-8"))

    def spans(record):
        return [[(s.text, s.start, s.end) for s in side.sentences]
                for side in (record.source, record.translation)]

    from_memory = align.align_texts(french, english, check=False)
    from_files = align.align_files(tmp_path / "c.fr", tmp_path / "c.en", check=False)
    assert spans(from_memory) == spans(from_files)
    # Counted by hand: "Le chat dort." then "\n", BOM dropped, each line ending one "\n".
    assert spans(from_memory)[0] == [("Le chat dort.", 0, 13), ("Il fait beau.", 14, 27),
                                     ("Il pleut.", 28, 37)]


def test_the_written_record_is_to_dict_with_its_summary(tmp_path):
    import json

    from align.checks import summarise

    record = _letter()
    align.write(record, tmp_path / "r.json")
    written = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert written.pop("summary") == summarise(record)
    assert written == json.loads(json.dumps(record.to_dict()))


def test_a_language_name_given_as_its_code_is_refused_by_the_api_too():
    from align.errors import UsageError

    # Named as Python passes it, not as the command line's flag.
    with pytest.raises(UsageError, match="^source_language 'french' is not a language code: "
                                         "give fr"):
        align.check_pairs([("Le chat dort.", "The cat sleeps.")], source_language="french")


def test_checked_pairs_say_the_languages_the_checks_read(default_encoder):
    """A file of pairs seldom names its languages: the record says the detected ones, so
    that the page and the TMX tag the texts."""
    import align

    record = align.check_pairs([
        ("Le chat dort sur le canapé depuis ce matin.", "The cat has been asleep on the sofa "
         "since this morning."),
        ("Il a payé deux cents francs pour la chambre.", "He paid two hundred francs for the "
         "room."),
    ])
    assert (record.source.language, record.translation.language) == ("fr", "en")
    # A language given is kept as given.
    given = align.check_pairs([("Le chat dort.", "The cat sleeps.")],
                              source_language="fr-CA")
    assert given.source.language == "fr-CA"


# -- a service's view: texts that are not clean, records in memory, errors by type -----------


def test_a_lone_surrogate_in_a_text_is_read_as_a_replacement_character_and_said():
    """JSON sent to a service can hold "\\ud800", which no encoder takes: the text reads it
    as U+FFFD, one for one (the offsets hold), as a file's undecodable byte is shown."""
    record = align.align_texts("Bonjour \ud800 le monde. Il fait beau.",
                               "Hello world. The weather is fine.")
    assert "\ufffd" in record.source.sentences[0].text
    assert record.source.sentences[0].end - record.source.sentences[0].start == len(
        record.source.sentences[0].text)
    [said] = [w for w in record.warnings if "surrogate" in w]
    assert said == ("source: 1 lone surrogate (U+D800 at line 1, column 9), no character: "
                    "read as U+FFFD")


def test_a_text_of_nul_characters_is_refused_and_control_characters_are_said_as_for_a_file(
        tmp_path):
    from align.errors import InputError

    with pytest.raises(InputError, match="source_text does not look like text .*NUL"):
        align.align_texts("\0" * 100, "Hello world.")
    record = align.align_texts("Bonjour\x1b le monde.", "Hello world.")
    (tmp_path / "fr.txt").write_text("Bonjour\x1b le monde.", "utf-8")
    (tmp_path / "en.txt").write_text("Hello world.", "utf-8")
    from_files = align.align_files(tmp_path / "fr.txt", tmp_path / "en.txt")
    assert [w.replace("source:", "fr.txt:") for w in record.warnings
            if "control" in w] == [w for w in from_files.warnings if "control" in w] == [
        "fr.txt: 1 control character (first U+001B at line 1, column 8); they are kept in "
        "the text"]


def test_every_view_renders_to_bytes_in_memory_as_write_writes_it(tmp_path):
    record = _letter()
    for ending in ("json", "html", "tsv", "tmx", "src.txt", "tgt.txt", "svg", "xlsx"):
        [written] = [path for path in align.write(record, tmp_path / f"letter.{ending}",
                                                  force=True)
                     if path.name == f"letter.{ending}"]
        data = align.render_bytes(record, ending)
        assert isinstance(data, bytes)
        if ending == "html":  # its "made" date is when it was rendered: the rest is equal
            assert data.startswith(b"<!DOCTYPE html>")
            continue
        if ending == "xlsx":  # a zip archive, stamped when written
            assert data[:2] == b"PK"
            continue
        assert data == written.read_bytes(), ending
    assert align.render_bytes(record, ".tsv") == align.render_bytes(record, "tsv")
    assert align.loads(align.render_bytes(record, "json")) == record
    assert align.loads(align.render_bytes(record, "json").decode("utf-8")) == record
    with pytest.raises(UsageError, match="cannot tell which format"):
        align.render_bytes(record, "docx")


def test_a_record_read_from_a_string_says_what_is_wrong_as_a_file_would():
    from align.errors import InputError

    with pytest.raises(InputError, match="not JSON"):
        align.loads("{")
    with pytest.raises(InputError, match="not an alignment record"):
        align.loads("[1, 2]")


def test_an_unknown_backend_is_a_usage_error_from_python_as_from_the_command_line():
    with pytest.raises(UsageError, match="unknown backend 'gpu'"):
        align.align_texts("Bonjour.", "Hello.", backend="gpu")


def test_the_errors_the_docs_name_are_exported():
    from align import errors

    for name in ("AlignError", "UsageError", "InputError", "OutputError", "ModelError",
                 "RecordError"):
        assert getattr(align, name) is getattr(errors, name)
        assert name in align.__all__


def test_a_lone_surrogate_in_pairs_is_read_as_a_replacement_character_and_said():
    record = align.check_pairs([("Bonjour le monde.", "Hello world."),
                                ("Il fait \ud800 beau.", "The weather \udc00\udc01 is fine.")])
    assert record.source.sentences[1].text == "Il fait \ufffd beau."
    assert record.warnings == [
        "source texts: 1 lone surrogate (first in pair 2), no character: read as U+FFFD",
        "translation texts: 2 lone surrogates (first in pair 2), no character: read as U+FFFD"]
