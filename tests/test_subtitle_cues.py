"""A subtitle file's cues kept in the record (number, identifier, times), named where a
finding is reported, and the timing check (`align.checks.timing`): a line shown at the
wrong time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import align
from align import subtitles
from align.cli import app
from align.errors import EXIT_FINDINGS, RecordError
from align.reading import read_document
from align.record import Alignment, Cue, Side, cue_label
from align.segment import segment

EN = ["Where is my brother?", "He left for the station this morning.",
      "We will meet him there at noon.", "Do you have the tickets?", "They are in my bag.",
      "Then let us go now.", "The train leaves in ten minutes.", "We must hurry."]
FR = ["Où est mon frère ?", "Il est parti pour la gare ce matin.",
      "Nous le retrouverons là-bas à midi.", "Tu as les billets ?", "Ils sont dans mon sac.",
      "Alors partons maintenant.", "Le train part dans dix minutes.",
      "Nous devons nous dépêcher."]


def srt_time(seconds: float) -> str:
    whole = int(seconds)
    return f"00:{whole // 60:02d}:{whole % 60:02d},{round((seconds - whole) * 1000):03d}"


def srt(lines: list[str], shift: float = 0.0) -> str:
    """Cue k (from 1) shown from 4k − 3 to 4k − 0.5 seconds (`shift` later): 2.5 s on screen,
    1.5 s between cues."""
    return "".join(f"{k}\n{srt_time(4 * k - 3 + shift)} --> {srt_time(4 * k - 0.5 + shift)}\n"
                   f"{line}\n\n" for k, line in enumerate(lines, 1))


#: The translation put in the wrong cues from cue 5 on (as the reviewer's ep5 is): cue 4
#: holds the text of cues 4 and 5, cues 5 to 7 the text of the next cue, cue 8 nothing.
SHIFTED = [*FR[:3], f"{FR[3]} {FR[4]}", *FR[5:], ""]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def timing_findings(record: Alignment) -> list[tuple[str, str]]:
    """(source text, reason) of each finding of the timing check."""
    return [(" ".join(record.source.sentences[k].text for k in link.source), f.reason)
            for link in record.links for f in link.findings
            if f.reason.startswith("shown at the wrong time")]


# -- the cues read and kept -------------------------------------------------------------


def test_a_subrip_file_keeps_each_cue_number_and_times_tied_to_its_paragraph(tmp_path):
    # Text before the first cue is a paragraph of its own (0), held by no cue.
    text = "Credits\n\n" + srt(["Hello there.", "Goodbye."]).replace("2\n", "12\n", 1)
    document = read_document(write(tmp_path, "a.srt", text))
    assert document.cues == [Cue(paragraph=1, number=1, start=1.0, end=3.5, id="1"),
                             Cue(paragraph=2, number=2, start=5.0, end=7.5, id="12")]


def test_a_webvtt_cue_keeps_its_identifier_and_an_ass_line_its_row(tmp_path):
    vtt = ("WEBVTT\n\nintro\n00:01.000 --> 00:03.500\nHello there.\n\n"
           "01:00:04.000 --> 01:00:06.250 line:85%\nGoodbye.\n")
    assert read_document(write(tmp_path, "a.vtt", vtt)).cues == [
        Cue(0, 1, 1.0, 3.5, "intro"), Cue(1, 2, 3604.0, 3606.25, None)]
    # A Comment line (the original, kept by the translator) is a row of the editor's grid.
    ass = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, "
           "Name, MarginL, MarginR, MarginV, Effect, Text\n"
           "Comment: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Where is he?\n"
           "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Où est-il ?\n"
           "Dialogue: 0,0:00:04.50,0:01:05.25,Default,,0,0,0,,{\\i1}Parti.{\\i0}\n")
    assert read_document(write(tmp_path, "a.ass", ass)).cues == [
        Cue(0, 2, 1.0, 3.0, None), Cue(1, 3, 4.5, 65.25, None)]
    assert read_document(write(tmp_path, "a.txt", "Hello there.\n\nGoodbye.\n")).cues is None


def test_a_cue_the_segmenter_cuts_into_paragraphs_holds_each_of_them():
    # Lines too long for wrapped prose: the segmenter makes each line a paragraph, so that
    # cue k (two lines, two speakers) begins at paragraph 2(k − 1).
    words = "word " * 40
    text = "".join(f"{k}\n00:00:{4 * k:02d},000 --> 00:00:{4 * k + 3:02d},000\n"
                   f"- First {k} {words}?\n- Second {words}.\n\n" for k in range(1, 5))
    cues: list[Cue] = []
    read = subtitles.read_subtitles(text, "long.srt", [], cues)
    segmented = segment(read)
    assert segmented.paragraphs == 8
    side = Side(segmented.sentences, cues=subtitles.segmented_cues(cues, read,
                                                                   segmented.sentences))
    assert [c.paragraph for c in side.cues] == [0, 2, 4, 6]
    assert [side.cue(k).number for k in range(len(side.sentences))] == [
        1, 1, 2, 2, 3, 3, 4, 4]


@pytest.fixture(scope="module")
def episode(tmp_path_factory, default_encoder):
    folder = tmp_path_factory.mktemp("episode")
    return folder, write(folder, "ep.en.srt", srt(EN))


def test_the_cues_are_kept_in_the_record_and_read_back_from_its_json(episode, tmp_path):
    folder, source = episode
    record = align.align_files(source, write(folder, "ep.fr.srt", srt(FR)))
    assert record.source.cues[6] == Cue(paragraph=6, number=7, start=25.0, end=27.5, id="7")
    assert [c.paragraph for c in record.translation.cues] == list(range(8))
    saved = json.loads(align.render_bytes(record, ".json"))
    assert saved["translation"]["cues"][0] == {"paragraph": 0, "number": 1, "start": 1.0,
                                               "end": 3.5, "id": "1"}
    align.write(record, tmp_path / "ep.json")
    loaded = align.load(tmp_path / "ep.json")
    assert loaded.source.cues == record.source.cues
    assert loaded.translation.cues == record.translation.cues
    # A cue tied to no paragraph of its side is a damaged record, said as one.
    saved["source"]["cues"][0]["paragraph"] = 8
    with pytest.raises(RecordError, match="source's cue 1: paragraph 8"):
        Alignment.from_dict(saved)


def test_a_side_not_read_from_subtitles_has_no_cues_and_no_timing_check(default_encoder):
    record = align.align_texts(" ".join(EN), " ".join(FR))
    assert record.source.cues is None and record.translation.cues is None
    saved = json.loads(align.render_bytes(record, ".json"))
    assert "cues" not in saved["source"] and "cues" not in saved["translation"]
    assert timing_findings(record) == []


# -- the timing check ---------------------------------------------------------------------


def test_a_faithful_translation_timed_a_little_apart_is_not_reported(episode):
    folder, source = episode
    # Re-spotted: every cue 0.3 s later than the source's.
    record = align.align_files(source, write(folder, "faithful.fr.srt", srt(FR, 0.3)))
    assert timing_findings(record) == []
    assert not [w for w in record.warnings if "are shown" in w]


def test_a_translation_put_in_the_cue_before_is_reported_as_shown_at_the_wrong_time(episode):
    folder, source = episode
    record = align.align_files(source, write(folder, "shifted.fr.srt", srt(SHIFTED)))
    # Cue 5 of the source merged into cue 4 of the translation, shown with the source's
    # cue 4: not this finding.  Cues 6 to 8 shown a cue early: cue k − 1 of the
    # translation, shown 4 s earlier (cue k from 4k − 3 to 4k − 0.5 s).
    assert timing_findings(record) == [
        (EN[5], "shown at the wrong time: the translation's cue 5 (0:00:17.000–0:00:19.500) "
                "renders the source's cue 6 (0:00:21.000–0:00:23.500) but is shown during "
                "the source's cue 5"),
        (EN[6], "shown at the wrong time: the translation's cue 6 (0:00:21.000–0:00:23.500) "
                "renders the source's cue 7 (0:00:25.000–0:00:27.500) but is shown during "
                "the source's cue 6"),
        (EN[7], "shown at the wrong time: the translation's cue 7 (0:00:25.000–0:00:27.500) "
                "renders the source's cue 8 (0:00:29.000–0:00:31.500) but is shown during "
                "the source's cue 7"),
    ]
    found = [f for link in record.links for f in link.findings
             if f.reason.startswith("shown at the wrong time")]
    assert {(f.kind, f.severity) for f in found} == {("timing", "major")}


def test_the_report_and_the_page_say_the_cue_of_a_finding(episode, tmp_path):
    folder, source = episode
    translation = write(folder, "shifted.fr.srt", srt(SHIFTED))
    result = CliRunner().invoke(app, ["check", str(source), str(translation),
                                      "-o", str(tmp_path / "ep.html")])
    assert result.exit_code == EXIT_FINDINGS, result.output
    # The link of the source's cue 6 (shown from 0:00:21) and the translation's cue 5.
    record = align.align_files(source, translation)
    number = next(i for i, link in enumerate(record.links, 1)
                  if [record.source.sentences[k].text for k in link.source] == [EN[5]])
    where = "source cue 6, 0:00:21; translation cue 5, 0:00:17"
    assert f"MAJOR timing · link {number}, {where} (" in " ".join(result.output.split())
    page = (tmp_path / "ep.html").read_text(encoding="utf-8")
    assert f'<th title="{where}">{number}<' in page
    # Where both sides' cues are the same, one: the first link is cue 1 of each.
    assert '<th title="cue 1, 0:00:01">1<' in page


def test_a_translation_shifted_as_a_whole_gives_one_warning_and_no_finding(episode):
    folder, source = episode
    # Every cue 5 s late: each shown during the next cue of the source.
    record = align.align_files(source, write(folder, "late.fr.srt", srt(FR, 5.0)))
    assert timing_findings(record) == []
    said = [w for w in record.warnings if "checked against the source's" in w]
    assert len(said) == 1
    assert said[0].startswith("late.fr.srt: its cues are shown 5.0 s later than ep.en.srt's "
                              "throughout (estimated from 8 linked cues)")


def test_a_short_cue_held_longer_in_the_translation_is_not_reported(episode):
    """A source's "Non." of 0.6 s whose translation starts 0.5 s later and is held for the
    second a reader needs overlaps it by a sixth of the shorter: on screen with no other
    source cue more than with its own, it is no line shown at the wrong time."""
    folder, source = episode
    short = srt(EN).replace("00:00:25,000 --> 00:00:27,500", "00:00:25,000 --> 00:00:25,600")
    held = srt(FR).replace("00:00:25,000 --> 00:00:27,500", "00:00:25,500 --> 00:00:26,500")
    record = align.align_files(write(folder, "short.en.srt", short),
                               write(folder, "held.fr.srt", held))
    assert timing_findings(record) == []


def test_a_label_names_both_sides_where_one_cue_number_is_shown_at_two_times(episode):
    """Cue 7 of each side, the translation's 4 s late: the label gives both times."""
    folder, source = episode
    late = srt(FR).replace("00:00:25,000 --> 00:00:27,500", "00:00:29,000 --> 00:00:31,000")
    record = align.align_files(source, write(folder, "late7.fr.srt", late))
    link = next(l for l in record.links
                if [record.source.sentences[k].text for k in l.source] == [EN[6]])
    assert cue_label(record, [link]) == "source cue 7, 0:00:25; translation cue 7, 0:00:29"


def test_cues_out_of_time_order_are_warned_of(tmp_path):
    """A file whose cues 2 and 3 are written in the other order: read in the file's order,
    a warning says that a player shows them otherwise."""
    text = srt(FR[:4])
    cues = text.split("\n\n")
    swapped = "\n\n".join([cues[0], cues[2], cues[1], *cues[3:]])
    doc = read_document(write(tmp_path, "swapped.fr.srt", swapped))
    assert [c.number for c in doc.cues] == [1, 2, 3, 4]
    assert doc.warnings[-1] == ("swapped.fr.srt: 1 cue(s) start before the cue above them "
                                "(from cue 2): read in the file's order, as a subtitle "
                                "editor lists them, while a player shows them by time")
    assert not [w for w in read_document(write(tmp_path, "in.fr.srt", text)).warnings
                if "start before" in w]
