"""Reading PDF documents (`align.pdf`): the running text back from glyphs on pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_pages import LEADING, LEFT, SIZE, TOP, typeset, wrap, write_pdf

from align.errors import InputError
from align.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
LETTER_EN = ROOT / "texts" / "serge-nin-1936" / "en.txt"
LETTER_FR = ROOT / "texts" / "serge-nin-1936" / "fr-retranslation.txt"


def letter_paragraphs() -> list[str]:
    """The English letter's paragraphs, as the file has them: one line each, but for the
    credits block of three lines."""
    text = LETTER_EN.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("indent", [False, True], ids=["spaced", "indented"])
def test_letter_set_on_pages_reads_back_paragraph_for_paragraph(tmp_path, indent):
    # Two pages with a running head and page numbers; point 3 runs on to the second page.
    pages = typeset(letter_paragraphs(), head="Victor Serge, Letter to Andres Nin",
                    indent=indent, lines_per_page=20)
    assert len(pages) == 2
    doc = read_document(write_pdf(tmp_path / "letter.pdf", pages))
    assert doc.encoding == "pdf"
    assert doc.text.split("\n\n") == letter_paragraphs()
    assert doc.warnings == ["letter.pdf: read from PDF (2 pages); 4 running head(s), foot(s) "
                            "and page number(s) left out"]


def test_hyphenated_words_are_joined_and_compounds_keep_their_hyphen(tmp_path):
    lines = ["The transla-", "tion of the Franco-", "Prussian war was well re-",
             "ceived in 1936."]
    page = [(LEFT, TOP - LEADING * k, SIZE, line) for k, line in enumerate(lines)]
    doc = read_document(write_pdf(tmp_path / "h.pdf", [page]))
    assert doc.text == "The translation of the Franco-Prussian war was well received in 1936."


def test_a_hyphen_at_a_line_end_is_kept_where_the_document_writes_the_word_with_it(tmp_path):
    # "safe-conduct" is written with its hyphen on a line of its own; "translation" whole.
    lines = ["A safe-conduct and a translation.", "The safe-", "conduct was late; the transla-",
             "tion too."]
    page = [(LEFT, TOP - LEADING * k, SIZE, line) for k, line in enumerate(lines)]
    doc = read_document(write_pdf(tmp_path / "h.pdf", [page]))
    assert doc.text == ("A safe-conduct and a translation. The safe-conduct was late; the "
                        "translation too.")


def test_accented_text_and_typographic_marks_are_decoded(tmp_path):
    line = "« L’été où j’ai lu Œdipe », dit-il – déjà…"
    doc = read_document(write_pdf(tmp_path / "fr.pdf", [[(LEFT, TOP, SIZE, line)]]))
    assert doc.text == line


def test_a_page_in_two_columns_is_read_column_by_column(tmp_path):
    left = ("The first column holds the opening of the text, which goes on for a few lines "
            "before it ends here.")
    right = ("The second column is read after the first one, although its lines stand beside "
             "those of the first.")
    page = [(LEFT, TOP - LEADING * k, SIZE, line) for k, line in enumerate(wrap(left, 200))]
    page += [(320, TOP - LEADING * k, SIZE, line) for k, line in enumerate(wrap(right, 200))]
    assert len(page) >= 6  # three lines or more each, side by side
    doc = read_document(write_pdf(tmp_path / "columns.pdf", [page]))
    assert doc.text.split("\n\n") == [left, right]


def test_notes_at_the_foot_of_a_page_follow_the_text(tmp_path):
    # The paragraph runs on to the next page past the page's two notes (in 8-point type);
    # the notes come after the text, as a Word document's do.
    page1 = [(LEFT, TOP, SIZE, "Serge wrote to Nin from Brussels,1 where he had"),
             (LEFT, TOP - LEADING, SIZE, "arrived that spring after his release from the"),
             (LEFT, 120, 8, "1 He lived in Uccle."),
             (LEFT, 110, 8, "2 See the letter of 13 August.")]
    page2 = [(LEFT, TOP, SIZE, "Soviet Union.2 The letter is short."),
             (LEFT, TOP - 3 * LEADING, SIZE, "A second paragraph.")]
    doc = read_document(write_pdf(tmp_path / "notes.pdf", [page1, page2]))
    assert doc.text.split("\n\n") == [
        "Serge wrote to Nin from Brussels,1 where he had arrived that spring after his "
        "release from the Soviet Union.2 The letter is short.",
        "A second paragraph.",
        "1 He lived in Uccle.\n2 See the letter of 13 August.",
    ]
    assert doc.warnings == ["notes.pdf: 2 line(s) of notes at the foot of 1 page(s) moved "
                            "after the text"]


def test_a_pdf_without_text_is_a_scan_to_run_ocr_on(tmp_path):
    with pytest.raises(InputError) as caught:
        read_document(write_pdf(tmp_path / "scan.pdf", [[], []]))
    assert str(caught.value) == (
        "scan.pdf is a PDF document with no text in it (scanned pages?): run OCR on it "
        "first (e.g. `ocrmypdf scan.pdf scan-ocr.pdf`) and align that")


def test_a_line_that_repeats_inside_the_text_is_not_a_running_head(tmp_path):
    # Only the first and last lines of a page can be heads and feet: the same words in
    # the body of several pages are text.
    body = "Long live the revolution!"
    pages = [[(LEFT, TOP, SIZE, f"Chapter {n}."), (LEFT, TOP - 2 * LEADING, SIZE, body),
              (LEFT, TOP - 4 * LEADING, SIZE, f"End of part {n}.")] for n in (1, 2, 3)]
    doc = read_document(write_pdf(tmp_path / "p.pdf", pages))
    # "Chapter N." heads and "End of part N." feet repeat but for their digits: left out.
    assert doc.text.split("\n\n") == [body, body, body]


def test_the_letter_from_pdf_aligns_as_the_letter_from_text(tmp_path, default_encoder):
    import align

    pdf = write_pdf(tmp_path / "letter.pdf", typeset(letter_paragraphs(), lines_per_page=20,
                                                     head="Victor Serge, Letter to Andres Nin"))
    from_pdf = align.align_files(LETTER_FR, pdf)
    from_text = align.align_files(LETTER_FR, LETTER_EN)
    assert [(l.source, l.translation) for l in from_pdf.links] == [
        (l.source, l.translation) for l in from_text.links]
    assert [s.text for s in from_pdf.translation.sentences] == [
        s.text for s in from_text.translation.sentences]
    assert any("that that" in f.reason for _, f in from_pdf.findings())
