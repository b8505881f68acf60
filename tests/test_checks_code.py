"""Markdown documentation: code is the program's, like placeholders.

Inline code spans and fenced code blocks are read as blanks by the checks that read text
(untranslated, names, numbers, doubled words …), and compared between the two sides as
placeholders are; a fenced block is one sentence of its own; a table cell, a heading and
a link's text begin anew for the name check; prose that quotes with backticks is prose."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import align
from align.checks import check_alignment
from align.checks.pairs import document_text, pairs_alignment
from align.checks.placeholders import blank_markup, code_spans
from align.segment import BLANK, segment


def check(pairs, languages=("en", "fr")):
    record = pairs_alignment(pairs, languages=languages)
    return check_alignment(record, source_text=document_text(record.source),
                           translation_text=document_text(record.translation))


def findings(pairs, kind=None, languages=("en", "fr")) -> list[list[tuple[str, str, str]]]:
    """Per pair, its findings (of `kind`, or all) as (kind, severity, reason)."""
    record = check(pairs, languages)
    return [[(f.kind, f.severity, f.reason) for f in link.findings
             if kind is None or f.kind == kind] for link in record.links]


def code_findings(pairs) -> list[list[tuple[str, str]]]:
    """Per pair, the findings that compare code, as (severity, reason)."""
    return [[(severity, reason) for _, severity, reason in link
             if "code" in reason] for link in findings(pairs, "mechanical")]


# -- what is code ------------------------------------------------------------------------


def test_inline_code_spans_are_blanked_with_their_offsets_kept():
    text = "Then set `timeout` to 30 and ``a`b`` there."
    assert blank_markup(text) == "Then set " + " " * 9 + " to 30 and " + " " * 7 + " there."
    assert [text[a:b] for a, b in code_spans(text)] == ["`timeout`", "``a`b``"]


@pytest.mark.parametrize("text", [
    "`Hello,' said `Bob', `how are you?'",  # old e-texts open a quotation with a backtick
    "``I do not know,'' said Alice.",
    "He wrote `yes' and `no' on the card.",
    "don`t`s",  # neither opens after a letter nor closes before one
    "`one paragraph\n\nanother`",  # a span does not cross a blank line
    "` nam , it 's ... ' no !",  # tokenised prose (sconf)
])
def test_backticks_that_quote_prose_are_no_code(text):
    assert code_spans(text) == []
    assert blank_markup(text) == text


def test_a_fenced_block_is_code_from_fence_to_fence():
    block = "```bash\npip install --upgrade mytool\nmytool init --force\n```"
    assert code_spans(block) == [(0, len(block))]
    assert blank_markup(block).strip() == ""
    # As a link joins it to the sentence before it, and with tildes and an info string.
    joined = "Run the following command: " + block
    assert [joined[a:b] for a, b in code_spans(joined)] == [block]
    tildes = "~~~toml {.config}\n[build]\ntimeout = 30\n~~~~"
    assert code_spans(tildes) == [(0, len(tildes))]
    # Inline spans inside a block are the block's.
    inner = "```\nset `a` and `b`\n```"
    assert code_spans(inner) == [(0, len(inner))]


@pytest.mark.parametrize("text", [
    "Title\n~~~~~\nSome text.",  # a reStructuredText heading's underline
    "He left.\n~~~\nShe came back later that night.",  # a scene break and prose
    "He left. ~~~ She came back\nlater that night.",  # the same, as a link joins them
])
def test_a_line_of_tildes_that_fences_nothing_is_text(text):
    assert code_spans(text) == []


def test_scene_breaks_of_tildes_around_a_scene_are_no_code_block():
    # Two bare fences of tildes with paragraphs between them are a story's scene breaks:
    # read as code, the scene between them would escape every check.
    story = ("She left.\n\n~~~\n\nIt rained all night. Pierre waited until 3.\n\n"
             "He slept.\n\n~~~\n\nMorning came.\n")
    assert code_spans(story) == []
    assert "It rained all night." in [text for _, text in sentences(story)]
    # With an info string, or without a blank line inside, tildes fence code as before.
    for code in ("~~~python\nimport os\n\nos.exit()\n~~~", "~~~\npip install x\nx init\n~~~"):
        assert [text for _, text in sentences(f"Run:\n\n{code}\n\nDone.\n")] == [
            "Run:", code, "Done."]


# -- the segmenter keeps a fenced block whole ----------------------------------------------


LONG_LINE = ("This introduction is one long line, longer than one hundred and twenty "
             "characters, so that the text is read one paragraph per line.")


def sentences(text: str, **options) -> list[tuple[int, str]]:
    seg = segment(text, **options)
    for s in seg.sentences:
        assert s.text == text[s.start:s.end]
    return [(s.paragraph, s.text) for s in seg.sentences]


def test_a_fenced_block_is_one_sentence_of_its_own_paragraph():
    block = '```python\n# Install the package.\nimport os\nprint("Done. Next step")\n```'
    text = f"{LONG_LINE}\nSecond line.\n\n{block}\n\n- item one\n- item two\n"
    assert sentences(text) == [(0, LONG_LINE), (1, "Second line."), (2, block),
                               (3, "- item one"), (4, "- item two")]
    # In wrapped text, without blank lines around it.
    block = "```bash\n# Install it. Then run it\npip install --upgrade mytool\n```"
    text = f"Run the following command to install it:\n{block}\nThen open the settings page.\n"
    assert sentences(text) == [(0, "Run the following command to install it:"), (1, block),
                               (2, "Then open the settings page.")]


def test_a_fenced_block_longer_than_max_chars_is_cut_between_its_lines():
    lines = [f"key_{k:02} = value number {k}" for k in range(30)]
    block = "```toml\n" + "\n".join(lines) + "\n```"
    found = sentences(f"Edit the file.\n\n{block}\n", max_chars=200)
    pieces = [text for _, text in found[1:]]
    assert found[0] == (0, "Edit the file.") and {p for p, _ in found[1:]} == {1}
    assert len(pieces) > 2 and all(len(p) <= 200 for p in pieces)
    assert "\n".join(pieces) == block  # whole lines: every cut is at a line break


def test_what_fences_no_block_is_segmented_as_before():
    text = "Title\n~~~~~\n\nSome text here.\n\nOther title\n~~~~~~~~~~~\n\nMore text."
    assert [t for _, t in sentences(text)] == [
        "Title", "~~~~~", "Some text here.", "Other title", "~~~~~~~~~~~", "More text."]
    assert [t for _, t in sentences("```\nSome text. More text.")] == [
        "```", "Some text.", "More text."]
    # --split lines keeps one sentence per line.
    block = "```\ncode here\n```"
    assert [t for _, t in sentences(block, split="lines")] == ["```", "code here", "```"]


PIECES = ["```", "```bash\n", "~~~", "~~~~ toml\n", "\n```\n", "\n~~~\n", "`", "``", "\n",
          "\n\n", "  ", "Title\n", "Run it. ", "x" * 300, "mot " * 80, "print(\"Done. Next\")",
          "# Comment. Then", "- item", "a, b; c: d", "\t", "\u2028", "é"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
                     max_size=40).map("".join),
       max_chars=st.sampled_from([0, 20, 60, 1000]), split=st.sampled_from(["auto", "lines"]))
def test_fenced_text_segments_losslessly(text, max_chars, split):
    seg = segment(text, max_chars=max_chars, split=split)
    covered, previous_end, previous_paragraph = [False] * len(text), 0, 0
    for s in seg.sentences:
        assert s.text == text[s.start:s.end] and s.start >= previous_end
        assert s.text[0] not in BLANK and s.text[-1] not in BLANK
        assert previous_paragraph <= s.paragraph < seg.paragraphs
        assert not max_chars or len(s.text) <= max_chars
        previous_end, previous_paragraph = s.end, s.paragraph
        covered[s.start:s.end] = [True] * (s.end - s.start)
    assert "".join(c for c, cov in zip(text, covered, strict=True) if not cov).strip(BLANK) == ""


# -- code read as blanks by the checks ------------------------------------------------------


def test_a_code_block_copied_as_it_is_is_not_untranslated_nor_a_doubled_word():
    block = "```bash\npip install --upgrade mytool\nmytool init --force\n```"
    assert findings([(block, block)]) == [[]]


def test_prose_around_code_is_still_checked():
    found = findings([
        # Copied prose with code in it is still a copy.
        ("Remove the file `a.txt` from the folder now.",
         "Remove the file `a.txt` from the folder now."),
        # A doubled word beside code is still one.
        ("Then run the the `mytool` command.", "Lancez ensuite la commande `mytool`."),
        # A number outside code still counts, one inside is the code's.
        ("Set `retries` to `3` and wait 30 seconds.",
         "Réglez `retries` à `3` et attendez 40 secondes."),
    ])
    assert found[0] == [("untranslated", "major", "the translation is identical to the source")]
    assert found[1] == [("mechanical", "minor", "doubled word in the source: the the")]
    assert found[2] == [("number", "major", "number 30 in the source is 40 in the translation")]


def test_an_html_comment_is_no_text():
    comment = "<!-- TODO: update the screenshots for version 2.4 -->"
    assert findings([(comment, comment)]) == [[]]


def test_code_is_no_term_spelled_two_ways_nor_an_apostrophe_of_the_translation():
    found = findings([
        ("Set `log-level` in the file. The loglevel is read when the program starts.",
         "Réglez `log-level` dans le fichier. Le loglevel est lu au démarrage du programme."),
        ("Run `echo 'it's done'` to test the output.",
         "Lancez `echo 'it's done'` pour tester l’affichage : c’est l’essentiel, l’outil "
         "s’en sert."),
    ], "mechanical")
    assert found == [[], []]


# -- code compared like placeholders ------------------------------------------------------------


def test_a_changed_inline_code_span_is_major():
    found = code_findings([
        ("Then set `timeout` to 30 seconds.", "Réglez ensuite `délai` sur 30 secondes."),
        ("Type `mytool build` and press Enter.", "Tapez `mytool` et appuyez sur Entrée."),
        ("Press Enter.", "Appuyez sur `Entrée`."),
    ])
    assert found == [
        [("major", "inline code differs: `timeout` of the source missing from the "
                   "translation; `délai` in the translation only")],
        [("major", "inline code differs: `mytool build` of the source missing from the "
                   "translation; `mytool` in the translation only")],
        [("major", "inline code differs: `Entrée` in the translation only")],
    ]


def test_inline_code_in_another_order_or_holding_placeholders_is_not_flagged():
    assert code_findings([
        ("Run `make` and then `make install`.", "Lancez `make install` après `make`."),
        ("Unknown option `%s`.", "Option inconnue « %s »."),  # the placeholder check's
        ("Use ``a`b`` here.", "Utilisez ``a`b`` ici."),
    ]) == [[], [], []]


def test_inline_code_set_as_plain_text_is_minor():
    assert code_findings([("Then set `timeout` to 30.", "Réglez ensuite timeout sur 30.")]) == [
        [("minor", "inline code differs: `timeout` of the source missing from the "
                   "translation; the same text stands outside code on the other side")]]


def test_a_placeholder_changed_inside_inline_code_is_reported_once():
    found = findings([("Run `ls {dir}` first.", "Lancez d'abord `ls {rep}`.")], "mechanical")
    assert [reason.split(":")[0] for _, _, reason in found[0]] == ["placeholders or tags differ"]


def test_a_changed_code_block_is_minor_and_a_lost_one_major():
    block = "```bash\n# Install the tool\npip install mytool\nmytool build --fast\n```"
    commented = "```bash\n# Installer l'outil\npip install mytool\nmytool build --fast\n```"
    changed = "```bash\n# Installer l'outil\npip install mytool\nmytool compile --fast\n```"
    found = code_findings([
        (block, commented),  # a translated comment: right
        (block, changed),
        ("Install it: " + block, "Installez-le."),
    ])
    assert found == [
        [],
        [("minor", "code block differs: «mytool build --fast» in the source, "
                   "«mytool compile --fast» in the translation")],
        [("major", "code blocks differ: 1 in the source, 0 in the translation")],
    ]


def test_a_number_changed_in_a_code_block_is_major_a_translated_string_minor():
    # The reader types the number; a sample string may rightly be translated.
    block = '```bash\nmytool sync --limit 500 --retries 3\necho "Done"\n```'
    fewer = '```bash\nmytool sync --limit 50 --retries 3\necho "Done"\n```'
    greeted = '```bash\nmytool sync --limit 500 --retries 3\necho "Terminé"\n```'
    assert code_findings([(block, fewer), (block, greeted)]) == [
        [("major", "code block differs: «mytool sync --limit 500 --retries 3» in the source, "
                   "«mytool sync --limit 50 --retries 3» in the translation, a number changed")],
        [("minor", 'code block differs: «echo "Done"» in the source, «echo "Terminé"» in the '
                   "translation")],
    ]


# -- the name check and Markdown -------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation"), [
    ("| Option | Meaning |", "| Option | Signification |"),
    ("| `--cache DIR` | `.cache` | Keep downloads in DIR |",
     "| `--cache DIR` | `.cache` | Conserver les téléchargements dans DIR |"),
    ("+----------+---------+\n| Option   | Meaning |\n+==========+=========+",
     "+----------+---------------+\n| Option   | Signification |\n+==========+===============+"),
    ("# Getting started with mytool", "# Bien démarrer avec mytool"),
    ("## Configuring the proxy", "## Configurer le proxy"),
    ("+ Keep the cache small.", "+ Gardez le cache petit."),
    ("See the [Troubleshooting guide](troubleshooting.md) for more help.",
     "Consultez le [guide de dépannage](depannage.md) pour plus d'aide."),
    ("![Main window of the tool](images/Main-Window.png)",
     "![Fenêtre principale de l'outil](images/Main-Window.png)"),
    # A capital in code is the code's: the code comparison reports this one.
    ("Set `Timeout` in the file.", "Réglez `Délai` dans le fichier."),
])
def test_markdown_cells_headings_items_and_links_begin_anew(source, translation):
    assert findings([(source, translation)], "name") == [[]]


def test_a_name_swapped_in_a_table_cell_is_still_major():
    assert findings([("| Ask Marie for access |", "| Demandez l'accès à Sophie |")], "name") == [
        [("name", "major", "name Marie in the source is Sophie in the translation")]]


# -- a Markdown page and its translation ----------------------------------------------------------


ENGLISH = """\
# Installing the tool

Run the following command to install it:

```bash
pip install --upgrade mytool
mytool init --force
```

Then open the [settings page](https://example.com/settings) and set `timeout` to 30 seconds.

- The first option enables logging.
- The second option disables the cache.

| Option | Meaning |
|---|---|
| `--quiet` | Print nothing |
"""

FRENCH = """\
# Installer l'outil

Lancez la commande suivante pour l'installer :

```bash
pip install --upgrade mytool
mytool init --force
```

Ouvrez ensuite la [page des réglages](https://example.com/settings) et réglez `timeout` sur \
30 secondes.

- La première option active la journalisation.
- La seconde option désactive la cache.

| Option | Signification |
|---|---|
| `--quiet` | Ne rien afficher |
"""


def test_a_faithful_markdown_page_has_no_finding_on_its_code_table_or_heading():
    record = align.align_texts(ENGLISH, FRENCH)
    reasons = [(f.kind, f.reason) for _, f in record.findings()
               if f.severity in ("minor", "major", "critical")]
    assert reasons == []
    assert not [f for _, f in record.findings() if f.kind in ("untranslated", "name")]


def test_defects_planted_in_a_markdown_page_are_found():
    source = ENGLISH.replace("30 seconds.", "30 seconds. Do not delete the `.cache` folder "
                             "while a build is running.")
    translation = FRENCH.replace("`timeout` sur", "`délai` sur").replace(
        "mytool init --force\n", "mytool init\n")
    record = align.align_texts(source, translation)
    found = {(f.kind, f.severity, f.reason) for _, f in record.findings()
             if f.severity in ("minor", "major", "critical")}
    assert ("mechanical", "major", "inline code differs: `timeout` of the source missing "
            "from the translation; `délai` in the translation only") in found
    assert ("mechanical", "minor", "code block differs: «mytool init --force» in the source, "
            "«mytool init» in the translation") in found
    assert any(kind == "omission" and severity == "major" and "`.cache`" in reason
               for kind, severity, reason in found)


def settings_file(comment: str, count: int, key: str = "key") -> str:
    return "```toml\n" + "\n".join(f"# {comment.format(k)}\n{key}_{k:02} = {k * 10}"
                                   for k in range(count)) + "\n```"


def test_the_pieces_of_a_code_block_cut_at_max_chars_are_code_to_the_checks():
    """A block longer than --max-chars is cut between its lines, at other places on each
    side when its comments are translated: its pieces, even those that show no fence, are
    no text whose words, numbers or names could differ, nor copied text where the
    translation keeps the block as it is."""
    english = "Setting {}: keep the default value unless told otherwise"
    french = "Réglage {} : gardez la valeur par défaut sauf indication contraire"
    source = ("Here is the complete default file.\n\n" + settings_file(english, 40)
              + "\n\nThe server keeps its own file.\n\n" + settings_file(english, 12, "server")
              + "\n\nEach setting is described below.\n")
    translation = ("Voici le fichier par défaut complet.\n\n" + settings_file(french, 40)
                   + "\n\nLe serveur garde son propre fichier.\n\n"
                   + settings_file(english, 12, "server")
                   + "\n\nChaque réglage est décrit ci-dessous.\n")
    record = align.align_texts(source, translation, max_chars=300)
    assert len(record.source.sentences) > 10 and len(record.translation.sentences) > 10
    found = [(f.kind, f.severity, f.reason) for _, f in record.findings()
             if f.kind not in ("omission", "addition")]  # the word aligner's: not read here
    assert found == []


def test_a_code_block_read_line_by_line_is_code_to_the_checks():
    record = align.align_texts(ENGLISH, FRENCH, split="lines")
    assert [s.text for s in record.source.sentences][2:6] == [
        "```bash", "pip install --upgrade mytool", "mytool init --force", "```"]
    assert not [f for _, f in record.findings()
                if f.kind in ("untranslated", "name") or "doubled" in f.reason]


def test_a_markdown_footnote_reference_and_its_label_are_no_number():
    """``POUM.[^1]`` and ``[^1]: …``: the note's number belongs to the markup, not to the
    sentence, so the side that has the note holds no number the other lacks."""
    assert blank_markup("the POUM.[^1] This serves") == "the POUM." + " " * 5 + "This serves"
    assert blank_markup("[^note]: Workers' Party") == " " * 9 + "Workers' Party"
    assert findings([("comrades of the POUM.[^1]", "camarades du POUM.")], "number") == [[]]
    # A number of the sentence next to a note is still one.
    assert findings([("the 12 comrades[^1]", "les 13 camarades")], "number") == [[
        ("number", "major", "number 12 in the source is 13 in the translation")]]
