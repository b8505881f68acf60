"""From a digital-humanities researcher's review of the Python API: a mislabelled file said,
`check_folders` as documented, languages checked alike everywhere, error messages that
name the API's arguments, `check`'s options, a run iterated twice, and clear errors for a
hand-edited record."""

from __future__ import annotations

from pathlib import Path

import pytest

import align
from align.errors import OutputError, UsageError

TEXTS = Path(__file__).resolve().parent.parent / "texts" / "serge-nin-1936"

LETTER = (
    "Paris, le 13 août 1936.\n\nCher Gaston,\n\n"
    "Je vous écris depuis la rue de l'Université, où Hélène Dufrêne m'a rejoint hier soir. "
    "Le comité a réuni 1 000,5 francs pour les réfugiés de Barcelone. Nous partirons pour "
    "Perpignan le 20 septembre 1936. La police surveille toujours l'imprimerie de la rue "
    "Mouffetard. Transmettez mes amitiés à Françoise Lefèvre.\n\nVotre dévoué,\nÉtienne Méric\n")
LETTER_EN = (
    "Paris, 13 August 1936.\n\nDear Gaston,\n\n"
    "I am writing to you from the rue de l'Université, where Hélène Dufrêne joined me last "
    "night. The committee raised 1,000.5 francs for the refugees of Barcelona. We shall leave "
    "for Perpignan on 20 September 1936. The police are still watching the printing works in "
    "the rue Mouffetard. Give my regards to Françoise Lefèvre.\n\nYours faithfully,\n"
    "Étienne Méric\n")
# Another document altogether: what a mislabelled file pairs the letter with.
NOTE_EN = (
    "Archival note no. 47, Léon Blum file, deposited on 3 March 1937.\n\n"
    "The box holds 212 items, including 14 autograph letters. The correspondence with Jean "
    "Zay covers the period from 4 June 1936 to 21 June 1937. A letter from Marceau Pivert, "
    "dated 8 November 1936, is missing from the inventory. The restoration costs amount to "
    "2,350.75 francs.\n")


NOTE_FR = (
    "Note d'archives n° 47, dossier Léon Blum, versée le 3 mars 1937.\n\n"
    "Le carton contient 212 pièces, dont 14 lettres autographes. La correspondance avec Jean "
    "Zay couvre la période du 4 juin 1936 au 21 juin 1937. Une lettre de Marceau Pivert, "
    "datée du 8 novembre 1936, manque à l'inventaire. Le montant des frais de restauration "
    "s'élève à 2 350,75 francs.\n")


def _unrelated(record: align.Alignment) -> list[str]:
    return [w for w in record.warnings if "look unrelated" in w]


# -- 2: two unrelated texts ----------------------------------------------------------------


def test_two_unrelated_texts_are_warned_of():
    record = align.align_texts(LETTER, NOTE_EN)
    [warning] = _unrelated(record)
    assert "is the translation really a translation" in warning
    # The other way round the aligner pairs the letter's sentences two by two, and a link
    # of several sentences is more similar to anything than each of them.
    assert _unrelated(align.align_texts(NOTE_FR, LETTER_EN))


def test_related_texts_are_not_warned_of_as_unrelated():
    assert not _unrelated(align.align_files(TEXTS / "fr-retranslation.txt", TEXTS / "en.txt"))
    assert not _unrelated(align.align_texts(LETTER, LETTER_EN))
    assert not _unrelated(align.align_texts("Il pleut. Nous restons à la maison.",
                                            "It is raining. We are staying home."))
    assert not _unrelated(align.align_texts("Merci.", "Thanks."))


LITERARY = Path(__file__).resolve().parents[2] / "shared" / "data" / "literary-pairs"


@pytest.mark.skipif(not LITERARY.is_dir(), reason="the literary pairs are not here")
def test_a_free_literary_translation_is_not_unrelated_but_another_story_is():
    faithful = align.align_files(LITERARY / "maupassant_ficelle.fr.txt",
                                 LITERARY / "maupassant_ficelle.en.txt", check=False)
    assert not _unrelated(faithful)
    # Two stories of one author, one genre and one translator's time: still unrelated.
    other = align.align_files(LITERARY / "maupassant_parure.fr.txt",
                              LITERARY / "maupassant_ficelle.en.txt", check=False)
    assert _unrelated(other)


# -- 3: check_folders as `align check SRC_DIR TGT_DIR` ---------------------------------------


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "fr", tmp_path / "en"
    src.mkdir()
    tgt.mkdir()
    (src / "letter.txt").write_text(LETTER, encoding="utf-8")
    (tgt / "letter.txt").write_text(LETTER_EN.replace("20 September", "22 September"),
                                    encoding="utf-8")
    (src / "note.txt").write_text("Il pleut. Nous restons à la maison.\n", encoding="utf-8")
    (tgt / "note.txt").write_text("It is raining. We are staying home.\n", encoding="utf-8")
    return src, tgt


def test_check_folders_has_an_overall_verdict_with_fail_on(tmp_path):
    src, tgt = _folders(tmp_path)
    run = align.check_folders(src, tgt, fail_on="major")
    # The changed date is major: the run fails, as `align check` (--fail-on major) says.
    assert run.verdict() == "fail"
    assert [d.record.verdict()["verdict"] for d in run] == ["fail", "pass"]
    assert align.check_folders(src, tgt, fail_on="critical").verdict() == "pass"


def test_check_folders_without_gates_has_no_verdict_but_is_incomplete_when_a_file_is_alone(
        tmp_path):
    src, tgt = _folders(tmp_path)
    assert align.check_folders(src, tgt).verdict() is None
    (src / "alone.txt").write_text("Seul.\n", encoding="utf-8")
    assert align.check_folders(src, tgt, fail_on="major").verdict() == "incomplete"


def test_the_docs_say_check_folders_fail_on_default():
    python = _from_python()
    assert "fail_on" in python.split("check_folders", 1)[1][:900]
    assert "fail_on" in (align.check_folders.__doc__ or "")


# -- 4: languages --------------------------------------------------------------------------


PAIRS = [("Nous partirons pour Perpignan le 20 septembre 1936 avec tous nos amis.",
          "We shall leave for Perpignan on 20 September 1936 with all our friends."),
         ("La police surveille toujours l'imprimerie de la rue Mouffetard depuis le printemps.",
          "The police have been watching the printing works in the rue Mouffetard since "
          "spring.")]


def test_check_pairs_warns_of_a_language_the_strings_do_not_look_like():
    record = align.check_pairs(PAIRS, source_language="en", translation_language="en")
    said = [w for w in record.warnings if "was given as en" in w]
    assert len(said) == 1 and "looks like fr" in said[0] and "--source-lang" in said[0]
    assert not [w for w in align.check_pairs(PAIRS, source_language="fr",
                                             translation_language="en").warnings
                if "was given as" in w]


def test_a_code_of_no_language_is_warned_of_as_align_texts_does():
    record = align.check_pairs(PAIRS, source_language="zz")
    assert any("was given as zz" in w and "looks like fr" in w for w in record.warnings)


# -- 5: messages that name the API's arguments ----------------------------------------------


def test_an_existing_output_names_force_true(tmp_path):
    record = align.check_pairs(PAIRS[:1], source_language="fr", translation_language="en")
    align.write(record, tmp_path / "r.json")
    with pytest.raises(OutputError, match=r"force=True"):
        align.write(record, tmp_path / "r.json")


def test_check_folders_outputs_without_name_names_outputs(tmp_path):
    src, tgt = _folders(tmp_path)
    with pytest.raises(UsageError) as caught:
        align.check_folders(src, tgt, outputs=str(tmp_path / "all.json"))
    said = str(caught.value).replace(str(tmp_path), "DIR")  # its path names the test
    assert "outputs" in said and "{name}" in said


def test_a_language_that_cannot_be_told_names_the_api_argument():
    from align.pipeline import _language_warnings
    from align.record import Sentence, Side

    sentences = [Sentence(f"Zq {k}.", 5 * k, 5 * k + 4, 0) for k in range(20)]
    told = Side([Sentence("Bonjour.", 0, 8, 0)], "fr.txt", None, "fr", None, 1)
    [said] = _language_warnings(told, Side(sentences, "x.txt", None, None, None, 1))
    assert "--translation-lang" in said and "translation_language=" in said


# -- 6: check's options ------------------------------------------------------------------


def test_check_refuses_an_unknown_option_as_align_files_does():
    record = align.check_pairs(PAIRS[:1], source_language="fr", translation_language="en")
    with pytest.raises(UsageError, match=r"unknown option 'modle'.*glossary"):
        align.check(record, modle="x")
    with pytest.raises(UsageError, match=r"split"):
        align.check(record, split="lines")


def test_check_takes_the_languages():
    record = align.check_pairs(PAIRS, source_language="en", translation_language="en")
    fixed = align.check(record, source_language="fr", translation_language="en")
    assert (fixed.source.language, fixed.translation.language) == ("fr", "en")
    assert record.source.language == "en"  # the record given left as it was
    assert not any("was given as" in w for w in fixed.warnings)


def test_check_with_the_language_keeps_what_the_run_segmented_as():
    """The sentences of a text aligned as German stay as they were split: a check that
    reads it as French does not take back the warning that says so."""
    source = " ".join(s for s, _ in PAIRS)
    translation = " ".join(t for _, t in PAIRS)
    record = align.align_texts(source, translation, source_language="de")
    assert any("segmented as de" in w for w in record.warnings)
    fixed = align.check(record, source_language="fr")
    assert any("segmented as de" in w for w in fixed.warnings)


# -- 8: a run iterated twice ------------------------------------------------------------


def test_a_documents_check_iterated_twice_gives_the_same_results(tmp_path):
    src, tgt = _folders(tmp_path)
    (tmp_path / "out").mkdir()
    run = align.check_folders(src, tgt, outputs=str(tmp_path / "out" / "{name}.json"))
    first = list(run)
    second = list(run)
    assert [d is e for d, e in zip(first, second, strict=True)] == [True, True]
    assert all(d.unwritten is None and len(d.written) == 1 for d in second)


# -- 10: offsets ----------------------------------------------------------------------


def _from_python() -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("## From Python", 1)[1].split("\n## ", 1)[0]


def test_the_readme_says_which_text_offsets_index_and_its_recipe_holds():
    import align.reading

    python = " ".join(_from_python().split())
    assert "align.reading.read_string(text, \"source\")[0]" in python
    text = "\ufeffParis, le 13 août 1936.\r\nHélène Dufrêne est arrivée hier.\r\n"
    record = align.align_texts(text, "Paris, 13 August 1936.\nHélène Dufrêne arrived "
                               "yesterday.\n")
    assert text[record.source.sentences[1].start:record.source.sentences[1].end] != \
        record.source.sentences[1].text  # what the README warns of
    read = align.reading.read_string(text, "source")[0]
    assert all(read[s.start:s.end] == s.text for s in record.source.sentences)


def test_the_readme_says_how_to_slice_a_pair_and_that_recipe_holds():
    assert 'joined by `"\\n"`' in " ".join(_from_python().split())
    pairs = [("Paris, le 13 août 1936.", "Paris, 13 August 1936."),
             ("Nous partirons le 20 septembre 1936.", "We shall leave on 22 September 1936.")]
    record = align.check_pairs(pairs, source_language="fr", translation_language="en")
    spans = [(i, span) for i, f in record.findings() for span in f.spans]
    assert {span.text for _, span in spans} >= {"20", "22"}
    for i, span in spans:
        side = record.source if span.side == "source" else record.translation
        start = span.start - side.sentences[i].start
        own = pairs[i][0 if span.side == "source" else 1]
        assert own[start:start + len(span.text)] == span.text


# -- 11: smaller points -----------------------------------------------------------------------


def test_render_bytes_of_an_unknown_format_names_the_format():
    record = align.check_pairs(PAIRS[:1], source_language="fr", translation_language="en")
    with pytest.raises(UsageError) as caught:
        align.render_bytes(record, "csv")
    assert "record.csv" not in str(caught.value) and "csv" in str(caught.value)


@pytest.mark.parametrize(("field", "value", "said"), [
    ("source", [99], "names source sentence 99"),
    # Measured before without an error, and wrongly: sentence -1 is the last one.
    ("source", [-1], "names source sentence -1"),
    ("divergence", float("nan"), "divergence nan is not a number"),
])
def test_agreement_of_a_damaged_record_is_a_clear_error(field, value, said):
    record = align.check_pairs(PAIRS, source_language="fr", translation_language="en")
    setattr(record.links[0], field, value)
    with pytest.raises(UsageError, match=said):
        record.agreement()
