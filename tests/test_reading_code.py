"""Code in web pages, Word documents and OpenDocument texts is read as Markdown writes it.

A code block (``<pre>``, Word paragraphs in a code style or a monospace font, ODT
preformatted paragraphs) becomes a fenced block, its lines as written; inline code
(``<code>``, ``<samp>``, monospace runs) an inline code span.  The checks read Markdown
code as the program's text (`align.checks.placeholders.code_spans`), and the segmenter
keeps a fenced block whole (`align.segment.fenced_blocks`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from align.checks.placeholders import code_spans
from align.reading import decode_bytes, read_document
from align.segment import segment


def page(body: str) -> str:
    return decode_bytes(f"<!DOCTYPE html><html><body>{body}</body></html>".encode(),
                        "help.html")[0]


# -- web pages ------------------------------------------------------------------------------


def test_a_pre_block_is_a_fenced_block_of_its_lines_as_written():
    # The newline after <pre> is the markup's (HTML drops it); indentation, blank lines
    # inside and the highlighter's spans are the code's.
    text = page("<p>Build the program from source:</p>"
                "<pre>\n./configure --prefix=/usr/local\nmake\nmake install\n</pre>"
                "<p>Then check the installation.</p>"
                '<pre><code class="language-python">def main():\n'
                '    <span class="k">if</span> debug:\n\tprint("debug mode")\n\n'
                "    run()</code></pre>")
    assert text == ("Build the program from source:\n\n"
                    "```\n./configure --prefix=/usr/local\nmake\nmake install\n```\n\n"
                    "Then check the installation.\n\n"
                    '```\ndef main():\n    if debug:\n\tprint("debug mode")\n\n    run()\n```')


def test_a_pre_block_inside_a_list_item_ends_the_items_text():
    text = page("<ol><li>Download the package with the following command:\n"
                "<pre>curl -O https://example.com/a.tar.gz\ntar xzf a.tar.gz</pre></li>"
                "<li>Install it.</li></ol>")
    assert text == ("Download the package with the following command:\n\n"
                    "```\ncurl -O https://example.com/a.tar.gz\ntar xzf a.tar.gz\n```\n\n"
                    "Install it.")


def test_a_fence_is_longer_than_any_run_of_backticks_in_the_code():
    text = page("<p>Markdown writes code in fences.</p><pre>```\nmake\n```</pre><pre>  </pre>")
    assert text == "Markdown writes code in fences.\n\n````\n```\nmake\n```\n````"  # no blank


def test_a_long_listing_is_one_block_cut_between_its_lines():
    """A page that is nearly all one listing (a configuration file's 120 lines) is code,
    cut at ``max_chars`` between its lines, not mid-line."""
    listing = [f"  option_{k}: value_{k}  # default for item {k}" for k in range(120)]
    text = page("<p>The complete default configuration file is shown below.</p><pre>"
                + "\n".join(listing) + "</pre><p>Change only the options you need.</p>")
    assert text == ("The complete default configuration file is shown below.\n\n```\n"
                    + "\n".join(listing) + "\n```\n\nChange only the options you need.")
    pieces = [s.text for s in segment(text, max_chars=1000).sentences][1:-1]
    assert len(pieces) > 1 and all(len(piece) <= 1000 for piece in pieces)
    assert [line.strip() for piece in pieces for line in piece.split("\n")] == [
        "```", *(line.strip() for line in listing), "```"]  # whole lines


def test_a_text_published_as_one_pre_is_no_code():
    """A plain text put on the web in a <pre> (an RFC, an old e-text) is read as before:
    its lines, not one block that the checks would pass over."""
    lines = ["Network Working Group", "", "   Status of this Memo", "",
             "   This memo provides information for the Internet community."]
    assert page("<h1>RFC 1</h1><pre>" + "\n".join(lines) + "</pre>") == (
        "RFC 1\n\nNetwork Working Group\n\nStatus of this Memo\n\n"
        "This memo provides information for the Internet community.")


def test_inline_code_and_sample_output_are_code_spans_key_names_are_not():
    text = page("<p>Run <code>syncbox init</code>, then press <kbd>Ctrl</kbd>+<kbd>S</kbd>."
                " It prints <samp>Saved.</samp> The<code> --port </code>option.</p>"
                "<table><tr><td><code>max_file_size</code></td><td>5 MB</td></tr></table>"
                "<p>Quote with <code>`a`</code> or <code>``</code>.</p>")
    assert text == ("Run `syncbox init`, then press Ctrl+S. It prints `Saved.` The `--port` "
                    "option.\n\n`max_file_size`\n\n5 MB\n\n"
                    "Quote with `` `a` `` or ``` `` ```.")


def test_the_code_a_page_is_read_with_is_code_to_the_checks():
    text = page("<p>To check the status of the service, run:</p>"
                "<pre>syncbox status\nsyncbox status --verbose</pre>"
                "<p>If the status shows <code>offline</code>, restart it.</p>")
    sentences = [s.text for s in segment(text).sentences]
    assert sentences == ["To check the status of the service, run:",
                         "```\nsyncbox status\nsyncbox status --verbose\n```",
                         "If the status shows `offline`, restart it."]
    assert [sentences[1]] == [sentences[1][a:b] for a, b in code_spans(sentences[1])]
    assert [sentences[2][a:b] for a, b in code_spans(sentences[2])] == ["`offline`"]


# -- Word documents -----------------------------------------------------------------------

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word(tmp_path: Path, *paragraphs: str, styles: str = "") -> str:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(xml.replace("<w:p>", f"<w:p {_NS}>", 1)
                                             .replace("<w:tbl>", f"<w:tbl {_NS}>", 1)))
    for style in styles.split("</w:style>")[:-1]:
        document.styles.element.append(parse_xml(
            style.replace("<w:style ", f"<w:style {_NS} ", 1) + "</w:style>"))
    path = tmp_path / "manual.docx"
    document.save(path)
    return read_document(path).text


def run(text: str, font: str = "", style: str = "") -> str:
    properties = (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "") + (
        f'<w:rStyle w:val="{style}"/>' if style else "")
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{''.join(runs)}</w:p>"


TAB = "<w:r><w:tab/></w:r>"  # a tab in the paragraph's own font


def test_word_paragraphs_in_a_monospace_font_are_one_fenced_block(tmp_path):
    """Consecutive paragraphs whose text is all in a monospace font are one block, their
    tabs kept; an empty paragraph inside is a blank line of it."""
    assert word(
        tmp_path,
        para(run("A script is a Python file with a main function:")),
        para(run("def main():", "Consolas")),
        para(TAB, run("config = load('settings.ini')", "Consolas")),
        para(TAB, TAB, run("print(", "Courier New"), run("'debug mode')", "Courier New")),
        para(),
        para(TAB, run("run(config)", "DejaVu Sans Mono")),
        para(),
        para(run("If the program does not start, check the log file.")),
    ) == ("A script is a Python file with a main function:\n\n"
          "```\ndef main():\n\tconfig = load('settings.ini')\n\t\tprint('debug mode')\n\n"
          "\trun(config)\n```\n\n"
          "If the program does not start, check the log file.")


def test_a_manuscript_all_in_courier_is_prose(tmp_path):
    """A novel or a screenplay set all in a monospace font (standard manuscript format) is
    prose: code is what stands apart from the text in its font."""
    text = word(tmp_path, para(run("CHAPTER ONE", "Courier New")),
                para(run("The rain had not stopped for three days. ", "Courier New"),
                     run("Nobody", "Courier New"), run(" came.", "Courier New")),
                para(run("“Who is there?” she asked.", "Courier New")))
    assert text == ("CHAPTER ONE\n\nThe rain had not stopped for three days. Nobody came.\n\n"
                    "“Who is there?” she asked.")


_CODE_STYLES = (
    '<w:style w:type="paragraph" w:styleId="HTMLPreformatted"><w:name w:val="HTML Preformatted"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Source Code"/></w:style>'
    '<w:style w:type="character" w:styleId="VerbatimChar"><w:name w:val="Verbatim Char"/>'
    '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr></w:style>'
)


def test_word_paragraphs_in_a_code_style_are_a_fenced_block_and_monospace_runs_code_spans(
        tmp_path):
    assert word(
        tmp_path,
        para(run("Run "), run("syncbox init", "Courier New"), run(" then open "),
             run("config.yaml", style="VerbatimChar"), run(" in an editor.")),
        para(run("host = db.example.com"), style="HTMLPreformatted"),
        para(run("  port = 5432"), style="HTMLPreformatted"),
        para(run("The"), run(" --limit ", "Consolas"), run("option.")),
        para(run("datapilot export \\"), style="SourceCode"),
        styles=_CODE_STYLES,
    ) == ("Run `syncbox init` then open `config.yaml` in an editor.\n\n"
          "```\nhost = db.example.com\n  port = 5432\n```\n\n"
          "The `--limit` option.\n\n"
          "```\ndatapilot export \\\n```")


def test_word_code_in_table_cells_is_code_of_each_cell(tmp_path):
    """Code in a table cell is the cell's: a block per cell, and a line alone in its cell
    (an option's name) inline code, as ``<td><code>`` is."""
    def cell(*paragraphs: str) -> str:
        return f"<w:tc>{''.join(paragraphs)}</w:tc>"

    table = ("<w:tbl><w:tr>" + cell(para(run("--limit N", "Consolas")))
             + cell(para(run("How many rows.")))
             + "</w:tr><w:tr>" + cell(para(run("Example:")))
             + cell(para(run("export \\", "Consolas")), para(run("  --limit 5", "Consolas")))
             + "</w:tr><w:tr>" + cell(para(run("--quiet", "Consolas")))
             + cell(para(run("No output."))) + "</w:tr></w:tbl>")
    assert word(tmp_path, table) == ("`--limit N`\n\nHow many rows.\n\nExample:\n\n"
                                     "```\nexport \\\n  --limit 5\n```\n\n"
                                     "`--quiet`\n\nNo output.")


# -- OpenDocument texts ---------------------------------------------------------------------

ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
<office:automatic-styles><style:style style:name="P1" style:family="paragraph"
 style:parent-style-name="Preformatted_20_Text"/></office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Text_20_body">Start a backup with <text:span
 text:style-name="Source_20_Text">safecopy backup</text:span>:</text:p>
<text:p text:style-name="Preformatted_20_Text">safecopy list --date 2024-03-15</text:p>
<text:p text:style-name="P1">safecopy restore --file report.docx \\<text:line-break/><text:s
 text:c="4"/>--to C:\\Restore</text:p>
<text:p text:style-name="Text_20_body">Done.</text:p>
</office:text></office:body></office:document-content>
"""


def test_opendocument_preformatted_paragraphs_are_a_fenced_block(tmp_path):
    path = tmp_path / "guide.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", ODT)
    assert read_document(path).text == (
        "Start a backup with `safecopy backup`:\n\n"
        "```\nsafecopy list --date 2024-03-15\nsafecopy restore --file report.docx \\\n"
        "    --to C:\\Restore\n```\n\nDone.")
