"""Reading already aligned pairs (``align check --pairs``) from TSV and TMX."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import document_text, read_pairs
from align.errors import InputError


def test_tsv_gives_one_link_per_line_in_order(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Hello.\tBonjour.\n\tAjouté.\nOmitted.\t\nBye.\tAu revoir.\n", "utf-8")
    record = read_pairs(path)
    assert [(l.source, l.translation) for l in record.links] == [
        ([0], [0]), ([], [1]), ([1], []), ([2], [2])
    ]
    source, translation = document_text(record.source), document_text(record.translation)
    assert source == "Hello.\n\nOmitted.\nBye."
    assert translation == "Bonjour.\nAjouté.\n\nAu revoir."
    for side, text in ((record.source, source), (record.translation, translation)):
        assert all(text[s.start : s.end] == s.text for s in side.sentences)


def test_tsv_crlf_is_read_and_a_header_only_when_it_clearly_is_one(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_bytes(b"source\ttranslation\r\nA\tB\r\n")
    record = read_pairs(path)
    assert [s.text for s in record.source.sentences] == ["A"]
    assert [s.text for s in record.translation.sentences] == ["B"]
    path.write_bytes(b"Source\tSource\r\nA\tB\r\n")  # a pair: "Source" translated
    record = read_pairs(path)
    assert [s.text for s in record.source.sentences] == ["Source", "A"]


def test_tsv_line_without_tab_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("A\tB\njust one side\n", "utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_pairs(path)


def test_tsv_of_more_columns_gives_its_first_two_when_every_line_has_them(tmp_path):
    path = tmp_path / "scored.tsv"
    path.write_text("Hello.\tBonjour.\t0.900\t0.040\t\n\tAjouté.\t0.000\t0.930\taddition\n"
                    "\n", "utf-8")
    record = read_pairs(path)
    assert [s.text for s in record.source.sentences] == ["Hello."]
    assert [s.text for s in record.translation.sentences] == ["Bonjour.", "Ajouté."]
    # The blank line at the end is no pair (an editor adds one).
    assert [(l.source, l.translation) for l in record.links] == [([0], [0]), ([], [1])]


def test_a_blank_line_between_pairs_stays_a_link_and_blank_lines_at_the_end_do_not(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("\nBonjour.\tHello.\n\nMerci.\tThanks.\n\n\n", "utf-8")
    record = read_pairs(path)
    # Link k is line k: lines 1 and 3 are blank, lines 5 and 6 end the file.
    assert [(l.source, l.translation) for l in record.links] == [
        ([], []), ([0], [0]), ([], []), ([1], [1])]


@pytest.mark.parametrize("name, content", [
    ("empty.tsv", ""), ("blank.tsv", "\n \n\t\n"), ("empty.csv", ""),
    ("empty.src.txt", "\n"),
])
def test_a_file_of_pairs_that_holds_none_is_an_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    if name.endswith(".src.txt"):
        (tmp_path / "empty.tgt.txt").write_text(content, "utf-8")
    with pytest.raises(InputError, match="holds no pairs"):
        read_pairs(path)


@pytest.mark.parametrize("text, line", [
    ("A\tB\nC\tD\tE\n", "line 2: more than one tab"),   # a tab inside a sentence
    ("A\tB\t0.5\nC\tD\tE\t0.4\n", "line 2: 4 columns where line 1 has 3"),
    ("A\tB\t0.5\nC\tD\n", "line 2: 2 columns where line 1 has 3"),
])
def test_tsv_lines_of_unequal_columns_are_an_error_naming_the_line(tmp_path, text, line):
    path = tmp_path / "pairs.tsv"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=line):
        read_pairs(path)


def test_moses_pair_gives_a_link_per_line_from_either_file(tmp_path):
    (tmp_path / "book.src.txt").write_text("Hello.\nOmitted.\n\nBye.\n", "utf-8")
    (tmp_path / "book.tgt.txt").write_text("Bonjour.\n\nAjouté.\nAu revoir.\n", "utf-8")
    for given in ("book.src.txt", "book.tgt.txt"):
        record = read_pairs(tmp_path / given)
        assert [(l.source, l.translation) for l in record.links] == [
            ([0], [0]), ([1], []), ([], [1]), ([2], [2])]
        assert [s.text for s in record.source.sentences] == ["Hello.", "Omitted.", "Bye."]


def test_moses_pair_of_unequal_files_or_without_its_other_half_is_an_error(tmp_path):
    (tmp_path / "a.src.txt").write_text("One.\nTwo.\n", "utf-8")
    with pytest.raises(InputError, match="a.tgt.txt does not exist"):
        read_pairs(tmp_path / "a.src.txt")
    (tmp_path / "a.tgt.txt").write_text("Un.\n", "utf-8")
    with pytest.raises(InputError, match="a.src.txt has 2 lines and .*a.tgt.txt 1"):
        read_pairs(tmp_path / "a.tgt.txt")


def test_tmx_uses_the_header_source_language(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="en"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept>.</seg>
</tuv>
<tuv xml:lang="fr-FR"><seg>Bonjour le monde.</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Merci.</seg></tuv><tuv xml:lang="en"><seg>Thanks.</seg></tuv></tu>
</body></tmx>""",
        "utf-8",
    )
    record = read_pairs(path)
    assert [s.text for s in record.source.sentences] == ["Bonjour le monde.", "Merci."]
    # The inline codes by their id, as translation tools show them.
    assert [s.text for s in record.translation.sentences] == ["Hello <1>world</1>.", "Thanks."]
    assert (record.source.language, record.translation.language) == ("fr", "en")


TMX_THREE = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="EN-US" datatype="xml" segtype="sentence"
 adminlang="EN-US" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="a"><tuv xml:lang="DE-DE"><seg>Hallo Welt</seg></tuv>
 <tuv xml:lang="EN-US"><seg>Hello world</seg></tuv>
 <tuv xml:lang="FR-FR"><seg>Bonjour le monde</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="EN-US"><seg>Three languages</seg></tuv>
 <tuv xml:lang="FR-CA"><seg>Trois langues (Canada)</seg></tuv>
 <tuv xml:lang="FR-FR"><seg>Trois langues</seg></tuv></tu>
<tu tuid="c"><tuv xml:lang="EN-US"><seg>Only German</seg></tuv>
 <tuv xml:lang="DE-DE"><seg>Nur Deutsch</seg></tuv></tu>
<tu tuid="d"><tuv xml:lang="EN-US"><seg>One variant is no pair</seg></tuv></tu>
</body></tmx>"""


def test_a_tmx_of_more_than_two_languages_gives_the_translation_language_asked(tmp_path):
    """Each unit's first variant other than the source was taken: German checked as the
    French asked for, and the record's language whatever the last unit had."""
    path = tmp_path / "memory.tmx"
    path.write_text(TMX_THREE, "utf-8")
    record = read_pairs(path, languages=(None, "fr"))
    # A unit without French has an empty translation: the untranslated check reports it.
    assert _pairs(record) == [("Hello world", "Bonjour le monde"),
                              ("Three languages", "Trois langues (Canada)"), ("Only German", "")]
    assert [link.key for link in record.links] == ["a", "b", "c"]
    assert (record.source.language, record.translation.language) == ("en-US", "fr-FR")
    # The tag as given wins over another of its language; the language by its primary
    # subtag, whatever the case or the separator.
    assert _pairs(read_pairs(path, languages=(None, "fr_FR")))[1] == (
        "Three languages", "Trois langues")
    assert _pairs(read_pairs(path, languages=(None, "de")))[:3:2] == [
        ("Hello world", "Hallo Welt"), ("Only German", "Nur Deutsch")]
    # The source language given chooses the source too.
    assert _pairs(read_pairs(path, languages=("de", "fr")))[0] == (
        "Hallo Welt", "Bonjour le monde")
    with pytest.raises(InputError) as caught:
        read_pairs(path)
    assert str(caught.value) == (
        f"{path} holds 3 languages (DE-DE, EN-US, FR-FR): say which one to check as the "
        "translation with --translation-lang")
    with pytest.raises(InputError, match="holds no translation in es: its languages are "
                                         "DE-DE, EN-US, FR-FR; give one of them"):
        read_pairs(path, languages=(None, "es"))


def test_a_tmx_unit_names_its_own_source_language(tmp_path):
    """TMX 1.4b: a ``<tu srclang>`` overrides the header's, often ``*all*``."""
    path = tmp_path / "all.tmx"
    path.write_text(
        """<tmx version="1.4"><header srclang="*all*" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu srclang="fr"><tuv xml:lang="en"><seg>The cat sleeps.</seg></tuv>
 <tuv xml:lang="fr"><seg>Le chat dort.</seg></tuv></tu>
<tu srclang="*all*"><tuv xml:lang="fr"><seg>Merci.</seg></tuv>
 <tuv xml:lang="en"><seg>Thanks.</seg></tuv></tu>
<tu srclang="fr"><tuv xml:lang="en"><seg>I have 3 apples.</seg></tuv>
 <tuv xml:lang="fr"><seg>J'ai 3 pommes.</seg></tuv></tu>
</body></tmx>""", "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [("Le chat dort.", "The cat sleeps."), ("Merci.", "Thanks."),
                              ("J'ai 3 pommes.", "I have 3 apples.")]
    assert (record.source.language, record.translation.language) == ("fr", "en")
    # In a file of two languages, the translation language given picks its variant, the
    # source is the other one.
    assert _pairs(read_pairs(path, languages=(None, "fr")))[0] == (
        "The cat sleeps.", "Le chat dort.")
    # ... and one it does not hold is refused, not given to the other language's text.
    with pytest.raises(InputError, match="holds no translation in de: its languages are en, fr"):
        read_pairs(path, languages=(None, "de"))


TMX_ANY_SOURCE = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="memoQ" creationtoolversion="10" o-tmf="memoQ"
 datatype="plaintext" segtype="sentence" adminlang="en-us" srclang="{srclang}"/><body>
<tu tuid="a1"><tuv xml:lang="FR-FR"><seg>Fermez la porte.</seg></tuv>
 <tuv xml:lang="EN-US"><seg>Close the door.</seg></tuv></tu>
<tu tuid="a2"><tuv xml:lang="EN-US"><seg>Open the window.</seg></tuv></tu>
<tu tuid="a3"><tuv xml:lang="en-us"><seg>Turn off the lights.</seg></tuv>
 <tuv xml:lang="fr-fr"><seg>Éteignez les lumières.</seg></tuv></tu>
<tu tuid="a4"><tuv lang="EN-US"><seg>Never leave the oven on.</seg></tuv>
 <tuv lang="FR-FR"><seg>Ne laissez jamais le four allumé.</seg></tuv></tu>
</body></tmx>"""
ANY_SOURCE_PAIRS = [("Close the door.", "Fermez la porte."),
                    ("Turn off the lights.", "Éteignez les lumières."),
                    ("Never leave the oven on.", "Ne laissez jamais le four allumé.")]


@pytest.mark.parametrize("srclang", ["*all*", "de-DE", ""])
def test_a_tmx_of_any_source_orients_every_unit_by_its_languages(tmp_path, srclang):
    """A header whose srclang is ``*all*``, names a language no unit holds, or none:
    the first unit listing French first made it the source of that unit alone, so that
    the file mixed its sides.  One source language for the file, the one most units
    list first (2 of 3 here), each unit read by its tags (and TMX 1.1's ``lang``)
    whatever their order or case, and the guess said once."""
    path = tmp_path / "any.tmx"
    path.write_text(TMX_ANY_SOURCE.format(srclang=srclang), "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == ANY_SOURCE_PAIRS
    assert [link.key for link in record.links] == ["a1", "a3", "a4"]
    assert (record.source.language, record.translation.language) == ("en-US", "fr-FR")
    [warning] = record.warnings
    assert warning.startswith(f"{path}: ") and "read en-US as the source" in warning
    assert "2 of its 3 units" in warning and "--source-lang" in warning
    # The user's word settles it: the other way round, and nothing to warn of.
    given = read_pairs(path, languages=("fr", None))
    assert _pairs(given) == [(fr, en) for en, fr in ANY_SOURCE_PAIRS]
    assert not given.warnings
    assert _pairs(read_pairs(path, languages=(None, "en"))) == _pairs(given)
    # A header that names a language its units hold is no guess either.
    path.write_text(TMX_ANY_SOURCE.format(srclang="fr-FR"), "utf-8")
    named = read_pairs(path)
    assert _pairs(named) == _pairs(given) and not named.warnings


def test_a_tmx_of_any_source_is_written_back_with_each_text_in_its_language(tmp_path):
    import xml.etree.ElementTree as ET

    from align.render.tmx import render

    path = tmp_path / "any.tmx"
    path.write_text(TMX_ANY_SOURCE.format(srclang="*all*"), "utf-8")
    out = tmp_path / "x.tmx"
    root = ET.fromstring(render(read_pairs(path), out)[out])
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [[(tuv.get(lang), tuv.findtext("seg")) for tuv in tu.iter("tuv")]
            for tu in root.iter("tu")] == [[("en-US", en), ("fr-FR", fr)]
                                           for en, fr in ANY_SOURCE_PAIRS]


def test_a_tmx_whose_units_name_different_source_languages_reads_one_way(tmp_path):
    """Units that name their own srclang, some English, some French: one source language
    for the whole file (the record has one a side), the one most name, said as a guess."""
    path = tmp_path / "mixed.tmx"
    path.write_text(
        """<tmx version="1.4"><header srclang="*all*" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu srclang="fr"><tuv xml:lang="fr"><seg>Merci.</seg></tuv>
 <tuv xml:lang="en"><seg>Thanks.</seg></tuv></tu>
<tu srclang="en"><tuv xml:lang="en"><seg>The cat sleeps.</seg></tuv>
 <tuv xml:lang="fr"><seg>Le chat dort.</seg></tuv></tu>
<tu srclang="en"><tuv xml:lang="en"><seg>Good night.</seg></tuv>
 <tuv xml:lang="fr"><seg>Bonne nuit.</seg></tuv></tu>
</body></tmx>""", "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [("Thanks.", "Merci."), ("The cat sleeps.", "Le chat dort."),
                              ("Good night.", "Bonne nuit.")]
    assert (record.source.language, record.translation.language) == ("en", "fr")
    [warning] = record.warnings
    assert "read en as the source language of every unit, as 2 of the 3 units" in warning
    assert "--source-lang" in warning


def test_a_tmx_of_more_languages_and_any_source_reads_each_unit_by_its_tags(tmp_path):
    """Three languages, ``*all*``: English, which 2 of the 3 units list first, is the
    source of every unit, the German-first one too; a unit without the source language
    asked holds nothing to check and is left out, not read as a pair of other languages."""
    path = tmp_path / "memory.tmx"
    path.write_text(TMX_THREE.replace('srclang="EN-US"', 'srclang="*all*"'), "utf-8")
    record = read_pairs(path, languages=(None, "fr"))
    assert _pairs(record) == [("Hello world", "Bonjour le monde"),
                              ("Three languages", "Trois langues (Canada)"), ("Only German", "")]
    assert (record.source.language, record.translation.language) == ("en-US", "fr-FR")
    [warning] = record.warnings
    assert "2 of its 3 units" in warning
    # German asked as the source: unit b has none, and its English is no German.
    german = read_pairs(path, languages=("de", "fr"))
    assert _pairs(german) == [("Hallo Welt", "Bonjour le monde"), ("Nur Deutsch", "")]
    assert [link.key for link in german.links] == ["a", "c"]
    assert german.warnings == [f'{path}: 1 unit has no DE-DE variant and was left out (tuid "b")']


TMX_TWO = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="*all*" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-US"><seg>The cat sleeps.</seg></tuv>
 <tuv xml:lang="fr-FR"><seg>Le chat dort.</seg></tuv></tu>
<tu><tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv>
 <tuv xml:lang="en-US"><seg>It rains.</seg></tuv></tu>
<tu><tuv xml:lang="fr-FR"><seg>Il neige.</seg></tuv>
 <tuv xml:lang="en-US"><seg>It snows.</seg></tuv></tu>
</body></tmx>"""


@pytest.mark.parametrize(("languages", "message"), [
    (("es", None), "holds no source in es: its languages are en-US, fr-FR; give one of them "
                   "with --source-lang"),
    (("es", "fr"), "holds no source in es: its languages are en-US, fr-FR; give one of them "
                   "with --source-lang"),
    ((None, "de"), "holds no translation in de: its languages are en-US, fr-FR; give one of "
                   "them with --translation-lang"),
])
def test_a_tmx_language_given_that_no_unit_holds_is_an_error(tmp_path, languages, message):
    """A memory of English and French read with --source-lang es: French was read as the
    source, the warning asked for the --source-lang already given, and the TMX written
    back tagged the French ``es``; with --translation-lang de the English was tagged
    ``de``.  A language no unit holds is refused, as in a memory of more languages."""
    path = tmp_path / "memory.tmx"
    path.write_text(TMX_TWO, "utf-8")
    with pytest.raises(InputError) as caught:
        read_pairs(path, languages=languages)
    assert str(caught.value) == f"{path} {message}"
    # A language the file holds, by its primary subtag, is read as before.
    assert _pairs(read_pairs(path, languages=("en", None)))[1] == ("It rains.", "Il pleut.")
    assert _pairs(read_pairs(path, languages=(None, "en")))[1] == ("Il pleut.", "It rains.")


def test_a_tmx_source_language_no_unit_of_more_languages_holds_is_an_error(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX_THREE, "utf-8")
    with pytest.raises(InputError) as caught:
        read_pairs(path, languages=("es", "fr"))
    assert str(caught.value) == (f"{path} holds no source in es: its languages are DE-DE, "
                                 "EN-US, FR-FR; give one of them with --source-lang")


def test_a_tmx_of_untagged_variants_takes_the_languages_given(tmp_path):
    """No unit names a language: the ones given are all there is to go by."""
    path = tmp_path / "memory.tmx"
    path.write_text(TMX_TWO.replace(' xml:lang="en-US"', "").replace(' xml:lang="fr-FR"', ""),
                    "utf-8")
    record = read_pairs(path, languages=("es", "de"))
    assert _pairs(record)[0] == ("The cat sleeps.", "Le chat dort.") and not record.warnings


def test_check_refuses_a_tmx_language_no_unit_holds(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app

    path = tmp_path / "memory.tmx"
    path.write_text(TMX_TWO, "utf-8")
    out = tmp_path / "x.tmx"
    result = CliRunner().invoke(app, ["check", "--pairs", str(path), "--source-lang", "es",
                                      "--quiet", "--no-cache", "-o", str(out)])
    assert result.exit_code == 3, result.output
    assert "holds no source in es: its languages are en-US, fr-FR" in result.output
    assert not out.exists()


def test_a_tmx_of_more_languages_says_which_units_it_left_out(tmp_path):
    """Four languages, French checked against English: the units without English were
    left out without a word ("3 links" for 7 units).  Said once, counted, the first few
    named by their tuid, else their place among the file's units."""
    path = tmp_path / "memory.tmx"
    units = [("en", "de", "fr"), ("fr", "it"), ("fr", "en", "de"), ("de", "fr"), ("fr", "it"),
             ("fr", "de"), ("en", "de")]
    path.write_text(
        '<tmx version="1.4"><header srclang="*all*" datatype="plaintext" segtype="sentence"'
        ' adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        + "".join(("<tu>" if number in (4, 6) else f'<tu tuid="u{number}">')
                  + "".join(f'<tuv xml:lang="{tag}"><seg>{tag} {number}</seg></tuv>'
                            for tag in tags) + "</tu>"
                  for number, tags in enumerate(units, 1))
        + "</body></tmx>", "utf-8")
    record = read_pairs(path, languages=("en", "fr"))
    assert _pairs(record) == [("en 1", "fr 1"), ("en 3", "fr 3"), ("en 7", "")]
    assert record.warnings == [f'{path}: 4 units have no en variant and were left out '
                               '(tuid "u2", tu 4, tuid "u5", …)']
    # English guessed as the source (3 units list it first, 2 German, 2 Italian): the
    # same units left out, said after the guess.
    guessed = read_pairs(path, languages=(None, "fr"))
    assert _pairs(guessed) == _pairs(record)
    assert len(guessed.warnings) == 2 and guessed.warnings[1] == record.warnings[0]


def test_broken_tmx_is_an_input_error(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text("<tmx><body><tu>", "utf-8")
    with pytest.raises(InputError, match="not well-formed"):
        read_pairs(path)


def test_check_pairs_on_the_command_line_reports_and_gates(tmp_path, monkeypatch,
                                                           default_encoder):
    import json

    from typer.testing import CliRunner

    from align import embedding_cache
    from align.cli import app

    monkeypatch.setattr(embedding_cache, "default_cache_path",
                        lambda: tmp_path / "cache" / "embeddings.sqlite")
    lines = [
        "The weather is nice today.\tIl fait beau aujourd'hui.",
        "My brother works in a hospital.\tMon frère travaille dans un hôpital.",
        "We will leave on 13 August 1936.\tNous partirons le 14 août 1936.",
        "Omitted here.\t",
    ]
    pairs = tmp_path / "bilingual.tsv"
    pairs.write_text("\n".join(lines) + "\n", "utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "-o", str(report),
                                      "--no-cache", "--quiet"])
    assert result.exit_code == 1, result.output  # a major finding: the date, the empty string
    record = json.loads(report.read_text("utf-8"))
    assert [(l["source"], l["translation"]) for l in record["links"]] == [
        ([0], [0]), ([1], [1]), ([2], [2]), ([3], [])]
    kinds = [{f["kind"] for f in l["findings"]} for l in record["links"]]
    # A string a file of pairs leaves empty is not translated yet, not an omission.
    assert "number" in kinds[2] and kinds[3] == {"untranslated"}
    assert [(f["severity"], f["reason"]) for f in record["links"][3]["findings"]] == [
        ("major", "no translation")]
    assert record["links"][3]["divergence"] == 1.0
    assert record["signature"]["input"] == "pairs"
    # The report's summary heads the file, counted from the links' findings.
    from collections import Counter

    counted = Counter(f["kind"] for l in record["links"] for f in l["findings"])
    assert record["summary"]["by_kind"] == dict(counted)
    assert record["summary"]["findings"] == sum(counted.values())
    assert not (tmp_path / "cache").exists()  # --no-cache: neither cache written

    ignored = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--quiet", "--ignore",
                                       "number", "--ignore", "untranslated"])
    assert ignored.exit_code == 0, ignored.output
    assert (tmp_path / "cache" / "embeddings.sqlite").is_file()

    # --fail-on given twice gates on either, in either order: the date is a number finding,
    # and no name is wrong.
    for gates in (["name", "number"], ["number", "name"]):
        args = [x for gate in gates for x in ("--fail-on", gate)]
        gated = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--quiet", *args])
        assert gated.exit_code == 1, (gates, gated.output)
    only_names = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--quiet", "--fail-on",
                                          "name", "--fail-on", "glossary"])
    assert only_names.exit_code == 0, only_names.output
    # A kind at a severity: the changed date is a major number finding, not a critical one.
    for gate, code in (("number:major", 1), ("number:critical", 0), ("number:grave", 2)):
        gated = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--quiet",
                                         "--fail-on", gate])
        assert gated.exit_code == code, (gate, gated.output)


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1"><source>Hello <g id="b">world</g>!</source>
     <target>Bonjour <g id="b">le monde</g> !</target></trans-unit>
   <group id="menu">
    <trans-unit id="2"><source>Save<x id="1"/> as</source><target>Enregistrer sous</target>
    </trans-unit>
    <trans-unit id="3"><source>Not translated yet.</source></trans-unit>
   </group>
   <group id="code" translate="no">
    <trans-unit id="4"><source>printf</source><target>printf</target></trans-unit>
   </group>
   <trans-unit id="5"><source>Two. Segments.</source>
    <seg-source><mrk mtype="seg" mid="1">Two.</mrk> <mrk mtype="seg" mid="2">Segments.</mrk>
    </seg-source>
    <target><mrk mtype="seg" mid="1">Deux.</mrk> <mrk mtype="seg" mid="2">Segments.</mrk></target>
   </trans-unit>
   <trans-unit id="6"><source>Code <ph id="1">&lt;b&gt;</ph>bold</source>
     <target>Code <ph id="1">&lt;b&gt;</ph>gras</target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f1">
  <unit id="u1">
   <segment><source>Press <pc id="1">Start</pc>.</source>
    <target>Drücken Sie <pc id="1">Start</pc>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Then wait<ph id="2"/>.</source>
    <target>Dann warten<cp hex="2026"/></target></segment>
  </unit>
  <unit id="u2" translate="no"><segment><source>ID-42</source></segment></unit>
  <unit id="u3"><segment><source>Missing.</source></segment></unit>
 </file>
</xliff>
"""

PO = r'''# A catalogue
msgid ""
msgstr ""
"Language: fr_FR\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: main.c:10
msgid "Open the file"
msgstr "Ouvrir le fichier"

#, fuzzy
msgid "Close"
msgstr "Fermer"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] "%d fichiers"

msgid ""
"A long message "
"on two lines"
msgstr ""

#~ msgid "Old"
#~ msgstr "Vieux"
'''


def _pairs(record):
    def text(side, indices):
        return " ".join(side.sentences[k].text for k in indices)

    return [(text(record.source, l.source), text(record.translation, l.translation))
            for l in record.links]


def test_xliff_12_units_groups_segments_and_inline_codes(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF_12, "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [
        ("Hello <b>world</b>!", "Bonjour <b>le monde</b> !"),  # codes shown by their id
        ("Save<1/> as", "Enregistrer sous"),  # the translation lost a code
        ("Not translated yet.", ""),  # no target: an empty translation
        # group "code" is translate="no": left out
        ("Two.", "Deux."), ("Segments.", "Segments."),  # one pair per marked segment
        ("Code <b>bold", "Code <b>gras"),  # a placeholder is read as its original code
    ]
    # The file's tags, region kept for the outputs (the checks read en and fr).
    assert (record.source.language, record.translation.language) == ("en-US", "fr-FR")


def test_xliff_20_segments_in_order(tmp_path):
    path = tmp_path / "b.xliff"
    path.write_text(XLIFF_20, "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [
        ("Press <1>Start</1>.", "Drücken Sie <1>Start</1>."),
        ("Then wait<2/>.", "Dann warten…"),
        ("Missing.", ""),
    ]
    assert (record.source.language, record.translation.language) == ("en", "de")


def test_what_an_xliff_file_marks_not_to_translate_is_left_out(tmp_path):
    """XLIFF 2's ``<file translate="no">`` was read, its units reported untranslated; a
    flag is inherited by what the element holds, which may say otherwise."""
    path = tmp_path / "tn.xlf"
    path.write_text(
        """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"
 trgLang="fr">
 <file id="f1" translate="no">
  <unit id="n1"><segment><source>Brand name</source><target>Brand name</target></segment></unit>
  <group id="g"><unit id="n2"><segment><source>Acme</source></segment></unit></group>
  <unit id="y1" translate="yes"><segment><source>Read me.</source><target>Lisez-moi.</target>
  </segment></unit>
 </file>
 <file id="f2">
  <unit id="u1"><segment><source>Hello there.</source><target>Bonjour.</target></segment></unit>
  <unit id="n3" translate="no"><segment><source>printf</source></segment></unit>
 </file>
</xliff>""", "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [("Read me.", "Lisez-moi."), ("Hello there.", "Bonjour.")]
    assert [link.key for link in record.links] == ["y1", "u1"]


def test_the_header_of_a_po_file_is_no_string_in_xliff_either(tmp_path):
    """translate-toolkit's po2xliff writes the PO header as a unit whose target is its
    source: read as a pair, it was a major "untranslated" finding in every run."""
    path = tmp_path / "fr.xlf"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="fr.po" source-language="en-US" target-language="fr" datatype="po">
  <body>
   <trans-unit id="Project-Id-Version" restype="x-gettext-domain-header" approved="no"
    xml:space="preserve"><source>Project-Id-Version: demo
Content-Type: text/plain; charset=UTF-8
</source><target>Project-Id-Version: demo
Content-Type: text/plain; charset=UTF-8
</target></trans-unit>
   <trans-unit id="Open" approved="yes"><source>Open</source><target>Ouvrir</target>
   </trans-unit>
   <trans-unit id="printf" translate="no"><source>printf</source><target>printf</target>
   </trans-unit>
  </body>
 </file>
</xliff>""", "utf-8")
    assert _pairs(read_pairs(path)) == [("Open", "Ouvrir")]
    # Its header entry is no message in the PO file itself either.
    po = tmp_path / "fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Project-Id-Version: demo\\n"\n\n'
                  'msgid "Open"\nmsgstr "Ouvrir"\n', "utf-8")
    assert _pairs(read_pairs(po)) == [("Open", "Ouvrir")]


def test_an_xliff_code_point_that_is_no_character_is_read_as_a_replacement(tmp_path):
    """``<cp hex="D800"/>`` gave a lone surrogate, which crashed the tokenizer and no
    output could write: a code point no text may hold is U+FFFD; a control character,
    what ``<cp>`` is for, stays itself."""
    path = tmp_path / "cp.xlf"
    codes = ("0007", "00E9", "D800", "dfff", "FFFE", "FFFF", "110000", "zz", "1F600")
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="fr"><file id="f"><unit id="u"><segment><source>Bell</source><target>'
        + "".join(f'<cp hex="{code}"/>' for code in codes)
        + "</target></segment></unit></file></xliff>", "utf-8")
    assert _pairs(read_pairs(path)) == [("Bell", "\x07é" + "\ufffd" * 6 + "\U0001f600")]


def test_a_lone_surrogate_in_strings_of_any_file_is_a_replacement_one_for_one():
    from align.checks.pairs import pairs_alignment

    # A JSON resource file may write "\ud800"; one character for one keeps every offset.
    record = pairs_alignment([("Hello \ud800 world", "Bonjour \udfff\ud83d monde")])
    assert _pairs(record) == [("Hello \ufffd world", "Bonjour \ufffd\ufffd monde")]
    assert document_text(record.source) == "Hello \ufffd world"


def test_po_messages_plurals_and_untranslated(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text(PO, "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [
        ("Open the file", "Ouvrir le fichier"),
        ("Close", "Fermer"),
        ("One file", "Un fichier"),
        ("%d files", "%d fichiers"),
        ("A long message on two lines", ""),
    ]  # the header and the obsolete entry are not messages
    assert record.translation.language == "fr-FR"  # the catalogue's fr_FR as a BCP 47 tag


def test_a_po_file_is_read_in_the_charset_its_header_declares(tmp_path):
    """A catalogue in ISO-8859-1 (or any charset gettext knows) was refused as "not UTF-8
    text": gettext reads it in the charset its header declares, and so does align."""
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={}\\n"\n"Language: fr\\n"\n\n'
    path = tmp_path / "fr.po"
    path.write_bytes(header.format("ISO-8859-1").encode("ascii")
                     + 'msgid "Summer"\nmsgstr "Été"\n'.encode("latin-1"))
    record = read_pairs(path)
    assert _pairs(record) == [("Summer", "Été")] and record.translation.language == "fr"
    path.write_bytes(header.format("cp1251").encode("ascii")
                     + 'msgid "File"\nmsgstr "Файл"\n'.encode("cp1251"))
    assert _pairs(read_pairs(path)) == [("File", "Файл")]
    # A template's placeholder, or nothing declared: UTF-8.
    path.write_bytes(header.format("CHARSET").encode("ascii")
                     + 'msgid "Summer"\nmsgstr "Été"\n'.encode())
    assert _pairs(read_pairs(path)) == [("Summer", "Été")]
    # A charset that is not the file's, or none Python knows, is an error saying so; the
    # declaration in a message's text, after the header, is no declaration.
    path.write_bytes(header.format("UTF-8").encode("ascii")
                     + 'msgid "Summer"\nmsgstr "Été"\n'.encode("latin-1"))
    with pytest.raises(InputError, match="fr.po is not UTF-8 text"):
        read_pairs(path)
    path.write_bytes(header.format("klingon").encode("ascii") + b'msgid "a"\nmsgstr "b"\n')
    with pytest.raises(InputError, match="declares charset klingon, which is unknown"):
        read_pairs(path)
    path.write_bytes(b'msgid "Content-Type: text/plain; charset=ISO-8859-1"\n'
                     + 'msgstr "Été"\n'.encode())
    assert _pairs(read_pairs(path)) == [("Content-Type: text/plain; charset=ISO-8859-1", "Été")]


def test_broken_xliff_and_po_are_input_errors(tmp_path):
    xlf = tmp_path / "bad.xlf"
    xlf.write_text("<xliff><file><trans-unit>", "utf-8")
    with pytest.raises(InputError, match="not well-formed XLIFF"):
        read_pairs(xlf)
    po = tmp_path / "bad.po"
    po.write_text('msgid "a"\nmsgstr "b\nmsgid', "utf-8")
    with pytest.raises(InputError, match="bad.po, line 2: unterminated string"):
        read_pairs(po)
    po.write_text('msgid "a"\nmsgstr "b"\n\nthis is garbage\nmsgid "c"\nmsgstr "d"\n', "utf-8")
    with pytest.raises(InputError, match="bad.po is not a well-formed PO file"):
        read_pairs(po)


def test_check_pairs_reads_an_xliff_file_on_the_command_line(tmp_path, default_encoder):
    import json

    from typer.testing import CliRunner

    from align.cli import app

    path = tmp_path / "a.xlf"
    path.write_text(XLIFF_12, "utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", "--pairs", str(path), "-o", str(report),
                                      "--quiet", "--fail-on", "untranslated"])
    assert result.exit_code == 1, result.output  # unit 3 has no target
    record = json.loads(report.read_text("utf-8"))
    assert len(record["links"]) == 6
    assert [f["kind"] for f in record["links"][2]["findings"]] == ["untranslated"]
    lost_code = [f for f in record["links"][1]["findings"] if f["kind"] == "mechanical"]
    assert [(f["severity"], f["reason"]) for f in lost_code] == [
        ("major", "placeholders or tags differ: <1/> of the source missing from the translation")]
    assert not [f for link in record["links"][3:] for f in link["findings"]
                if f["reason"].startswith("placeholders")]


def test_csv_pairs_are_read_with_spreadsheet_quoting(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('Hello.,Bonjour.\n"One, two.","Un, deux."\n"He said ""no"".",\n'
                    ',"Ajouté,\nsur deux lignes."\n', "utf-8")
    assert _pairs(read_pairs(path)) == [
        ("Hello.", "Bonjour."),
        ("One, two.", "Un, deux."),
        ('He said "no".', ""),
        ("", "Ajouté,\nsur deux lignes."),  # a line break inside a field is kept
    ]
    path.write_text("Hello.,Bonjour.\nJust one field\n", "utf-8")
    with pytest.raises(InputError, match="row 2: 1 field"):
        read_pairs(path)


XLIFF_STATES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="fr" datatype="plaintext" original="ui">
  <body>
   <trans-unit id="1"><source>Open</source><target state="translated">Ouvrir</target></trans-unit>
   <trans-unit id="2"><source>Close the window</source>
     <target state="needs-translation">Close the window</target></trans-unit>
   <trans-unit id="3"><source>Print the page</source>
     <target state="needs-review-translation">Imprimer la page</target></trans-unit>
   <trans-unit id="4"><source>Quit</source><target state="final">Quitter</target></trans-unit>
  </body>
 </file>
</xliff>
"""


def test_states_that_files_mark_are_kept_and_written_only_where_marked(tmp_path):
    from align.record import Alignment

    po = tmp_path / "fr.po"
    po.write_text(PO, "utf-8")
    record = read_pairs(po)
    assert [l.state for l in record.links] == [None, "fuzzy", None, None, None]
    data = record.to_dict()
    assert [("state" in l) for l in data["links"]] == [False, True, False, False, False]
    assert [l.state for l in Alignment.from_dict(data).links] == [None, "fuzzy", None, None,
                                                                  None]
    xlf = tmp_path / "ui.xlf"
    xlf.write_text(XLIFF_STATES, "utf-8")
    assert [l.state for l in read_pairs(xlf).links] == [
        None, "needs-translation", "needs-review-translation", None]  # done states: None
    two = tmp_path / "two.xlf"
    two.write_text(XLIFF_20.replace("<segment><source>Then", '<segment state="initial">'
                                    "<source>Then").replace("<segment><source>Press",
                                                            '<segment state="final">'
                                                            "<source>Press"), "utf-8")
    assert [l.state for l in read_pairs(two).links] == [None, "initial", None]


def test_untranslated_strings_of_a_file_are_reported_by_what_the_file_says(tmp_path):
    from align.checks import check_alignment

    po = tmp_path / "fr.po"
    po.write_text(PO + '\nmsgid "%d/%d"\nmsgstr ""\n', "utf-8")
    record = check_alignment(read_pairs(po))  # these rules need no model
    found = [[(f.kind, f.severity, f.reason) for f in l.findings] for l in record.links]
    assert found[1] == [("untranslated", "minor",
                         "the translation is marked fuzzy: gettext does not use it")]
    assert found[4] == [("untranslated", "major", "no translation")]  # not an omission
    assert found[5] == [("untranslated", "info", "no translation")]  # placeholders only
    assert found[0] == found[2] == found[3] == []

    xlf = tmp_path / "ui.xlf"
    xlf.write_text(XLIFF_STATES, "utf-8")
    record = check_alignment(read_pairs(xlf))
    marked = [[(f.kind, f.severity, f.reason) for f in l.findings if f.reason.startswith(
        "the translation is marked")] for l in record.links]
    assert marked == [
        [], [("untranslated", "minor", "the translation is marked as not translated "
              "(needs-translation)")],
        [("untranslated", "info", "the translation is marked for review "
          "(needs-review-translation)")], []]

    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("Kept.\tGardé.\n\tAjouté sans source.\n", "utf-8")
    record = check_alignment(read_pairs(tsv))
    assert [f.kind for f in record.links[1].findings] == ["addition"]  # still an addition


def test_check_with_a_baseline_fails_only_on_new_findings(tmp_path, default_encoder):
    from typer.testing import CliRunner

    from align.cli import app

    pairs = tmp_path / "ui.tsv"
    pairs.write_text("Delete 3 files?\tSupprimer 4 fichiers ?\nOpen\tOuvrir\n", "utf-8")
    accepted = tmp_path / "accepted.json"
    runner = CliRunner()
    first = runner.invoke(app, ["check", "--pairs", str(pairs), "-o", str(accepted),
                                "--quiet", "--fail-on", "minor"])
    assert first.exit_code == 1, first.output  # 3 against 4
    same = runner.invoke(app, ["check", "--pairs", str(pairs), "--baseline", str(accepted),
                               "--fail-on", "minor"])
    assert same.exit_code == 0, same.output
    assert "1 finding accepted in" in " ".join(same.output.split())
    pairs.write_text("Save\tEnregistrer\nDelete 3 files?\tSupprimer 4 fichiers ?\n"
                     "Open 2 tabs\tOuvrir 5 onglets\n", "utf-8")
    reviewed = tmp_path / "reviewed.json"
    new = runner.invoke(app, ["check", "--pairs", str(pairs), "--baseline", str(accepted),
                              "--fail-on", "minor", "-o", str(reviewed)])
    assert new.exit_code == 1, new.output  # the new number, not the accepted one
    assert "Ouvrir 5 onglets" in new.output and "Supprimer 4 fichiers" not in new.output
    # Reviewed and accepted as it stands, that run's record is the next baseline: it keeps
    # what the first baseline set aside beside its own new finding.
    again = runner.invoke(app, ["check", "--pairs", str(pairs), "--baseline", str(reviewed),
                                "--fail-on", "minor"])
    assert again.exit_code == 0, again.output
    assert "2 findings accepted in" in " ".join(again.output.split())


def test_the_python_api_checks_against_a_baseline_too(tmp_path, default_encoder):
    import align

    pairs = tmp_path / "ui.tsv"
    pairs.write_text("Delete 3 files?\tSupprimer 4 fichiers ?\n", "utf-8")
    record = align.check(read_pairs(pairs))
    assert [f.kind for _, f in record.findings()] == ["number"]
    align.write(record, tmp_path / "accepted.json")
    again = align.check(read_pairs(pairs), baseline=tmp_path / "accepted.json")
    assert again.findings() == [] and again.signature["baseline"]["accepted"] == 1


def test_check_runs_the_projects_own_rules_and_gates_on_them(tmp_path, default_encoder):
    from typer.testing import CliRunner

    from align.cli import app

    pairs = tmp_path / "ui.tsv"
    pairs.write_text("Sign in with Google\tSe connecter avec Google\n"
                     "Sign out\tSe déloguer\n", "utf-8")
    rules = tmp_path / "rules.tsv"
    rules.write_text("(?i)^sign out$\t(?i)^se déconnecter$\tuse the style guide's term\n"
                     "\t!(?i)logu\tanglicism\tmajor\n", "utf-8")
    result = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--rules", str(rules),
                                      "--fail-on", "rule"])
    assert result.exit_code == 1, result.output
    assert "anglicism: «logu»" in result.output and "style guide" in result.output
    clean = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--rules", str(rules),
                                     "--fail-on", "rule", "--ignore", "rule"])
    assert clean.exit_code == 0, clean.output


def _workbook(path, rows):
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_workbook_pairs_by_heading_language_tags_or_first_two_columns(tmp_path):
    headed = _workbook(tmp_path / "headed.xlsx", [
        ("id", "Target", "Source", "note"),
        (1, "Ouvrir", "Open", "menu"),
        (2, "Supprimer 4 fichiers ?", "Delete 3 files?", None),
        (None, None, None, None),
    ])
    assert _pairs(read_pairs(headed)) == [("Open", "Ouvrir"),
                                          ("Delete 3 files?", "Supprimer 4 fichiers ?")]
    tagged = read_pairs(_workbook(tmp_path / "tagged.xlsx", [
        ("en-US", "fr-FR"), ("Quit", None), (None, None), (3, 3.5)]))
    assert _pairs(tagged) == [("Quit", ""), ("", ""), ("3", "3.5")]  # empty rows inside kept
    assert (tagged.source.language, tagged.translation.language) == ("en-US", "fr-FR")
    # A bare code is a string, not a heading: "It" is "Es" in German.
    plain = read_pairs(_workbook(tmp_path / "plain.xlsx", [("It", "Es"), ("Yes", "Ja")]))
    assert _pairs(plain) == [("It", "Es"), ("Yes", "Ja")]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError):
        read_pairs(broken)


@pytest.mark.parametrize("heading", [("English", "Français"), ("en", "fr"),
                                     ("Quelltext", "Übersetzung")])
def test_a_workbook_and_a_csv_of_the_same_rows_read_their_header_alike(tmp_path, heading):
    rows = [heading, ("Open", "Ouvrir")]
    csv = tmp_path / "pairs.csv"
    csv.write_text("".join(",".join(row) + "\n" for row in rows), "utf-8")
    from_csv = read_pairs(csv)
    from_xlsx = read_pairs(_workbook(tmp_path / "pairs.xlsx", rows))
    assert _pairs(from_xlsx) == _pairs(from_csv) == [("Open", "Ouvrir")]
    assert ((from_xlsx.source.language, from_xlsx.translation.language)
            == (from_csv.source.language, from_csv.translation.language))


def test_a_review_spreadsheet_is_read_back_as_the_links_it_shows(tmp_path):
    from align.checks.pairs import pairs_alignment
    from align.outputs import write_outputs

    record = pairs_alignment([("One. Two.", "Un. Deux."), ("Three.", ""), ("", "Quatre.")])
    review = tmp_path / "review.xlsx"
    write_outputs(record, [review])
    assert _pairs(read_pairs(review)) == [("One. Two.", "Un. Deux."), ("Three.", ""),
                                          ("", "Quatre.")]


XLIFF_12_LIMITS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="fr" datatype="plaintext" original="ui">
  <body>
   <trans-unit id="1" maxwidth="12" size-unit="char"><source>Save changes</source>
     <target>Enregistrer les modifications</target></trans-unit>
   <trans-unit id="2" maxwidth="14" size-unit="char"><source>Open <x id="1"/>file</source>
     <target>Ouvrir <x id="1"/>fichier</target></trans-unit>
   <trans-unit id="3" maxbytes="10"><source>Settings</source>
     <target>Paramètres</target></trans-unit>
   <trans-unit id="4" maxwidth="5"><source>Quit the program</source>
     <target>Quitter le programme</target></trans-unit>
   <trans-unit id="5" maxwidth="8" size-unit="byte"><source>Two. Three.</source>
     <seg-source><mrk mtype="seg" mid="1">Two.</mrk> <mrk mtype="seg" mid="2">Three.</mrk>
     </seg-source>
     <target><mrk mtype="seg" mid="1">Deux.</mrk> <mrk mtype="seg" mid="2">Trois.</mrk></target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_20_LIMITS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" srcLang="en" trgLang="fr" xmlns="urn:oasis:names:tc:xliff:document:2.0"
       xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0">
 <file id="f1">
  <unit id="1" slr:sizeRestriction="12">
   <segment><source>Save changes</source><target>Enregistrer les modifications</target></segment>
  </unit>
  <unit id="2" slr:sizeRestriction="0,17">
   <segment><source>Open the file</source><target>Ouvrir le fichier</target></segment>
  </unit>
 </file>
 <file id="f2">
  <slr:profiles generalProfile="example:pixels" storageProfile="xliff:utf16"/>
  <unit id="3" slr:sizeRestriction="3" slr:storageRestriction="12">
   <segment><source>Cancel</source><target>Annuler</target></segment>
  </unit>
 </file>
</xliff>
"""


def test_length_limits_that_xliff_files_set_are_kept_with_the_translations_length(tmp_path):
    from align.record import Alignment

    one = tmp_path / "ui.xlf"
    one.write_text(XLIFF_12_LIMITS, "utf-8")
    record = read_pairs(one)
    assert [l.max_length for l in record.links] == [
        {"limit": 12, "unit": "characters", "length": 29},
        {"limit": 14, "unit": "characters", "length": 14},  # "Ouvrir fichier": no code
        {"limit": 10, "unit": "bytes", "length": 11},  # "è" is two bytes in UTF-8
        None,  # maxwidth in the default unit, pixels: not checked
        # the unit's limit bounds its whole translation, "Deux. Trois.", on its first link
        {"limit": 8, "unit": "bytes", "length": 12}, None,
    ]
    data = record.to_dict()
    assert [("max_length" in l) for l in data["links"]] == [True, True, True, False, True,
                                                            False]
    assert Alignment.from_dict(data).links[0].max_length == record.links[0].max_length
    two = tmp_path / "ui2.xlf"
    two.write_text(XLIFF_20_LIMITS, "utf-8")
    assert [l.max_length for l in read_pairs(two).links] == [
        {"limit": 12, "unit": "characters", "length": 29},
        {"limit": 17, "unit": "characters", "length": 17},  # "min,max"
        # a general profile in pixels is not checked; storage in UTF-16: 7 × 2 bytes
        {"limit": 12, "unit": "bytes", "length": 14},
    ]


def test_a_translation_over_its_files_limit_is_a_major_length_finding(tmp_path):
    from typer.testing import CliRunner

    from align.checks import check_alignment
    from align.cli import app

    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF_12_LIMITS, "utf-8")
    record = check_alignment(read_pairs(path))
    over = [(i, f.severity, f.reason) for i, f in record.findings() if f.kind == "length"]
    assert over == [
        (0, "major", "the translation is 29 characters long, over the limit of 12 its file sets"),
        (2, "major", "the translation is 11 bytes long, over the limit of 10 its file sets"),
        (4, "major", "the translation is 12 bytes long, over the limit of 8 its file sets"),
    ]  # unit 2 is exactly at its limit
    assert [f.spans[0].text for i, f in record.findings() if f.kind == "length"][0] == (
        "Enregistrer les modifications")
    within = tmp_path / "within.xlf"
    within.write_text(XLIFF_12_LIMITS.replace('maxwidth="12"', 'maxwidth="30"')
                      .replace('maxbytes="10"', 'maxbytes="11"')
                      .replace('maxwidth="8"', 'maxwidth="12"'), "utf-8")
    failed = CliRunner().invoke(app, ["check", "--pairs", str(path), "--quiet", "--no-cache",
                                      "--fail-on", "length"])
    passed = CliRunner().invoke(app, ["check", "--pairs", str(within), "--quiet",
                                      "--no-cache", "--fail-on", "length"])
    assert (failed.exit_code, passed.exit_code) == (1, 0), failed.output + passed.output


def test_each_string_keeps_its_key_in_its_file(tmp_path):
    """The id a file gives a string (XLIFF unit and segment, TMX tuid, PO context or
    source reference) is kept as the link's key, for the report to say which string."""
    from align.record import Alignment

    one = tmp_path / "a.xlf"
    one.write_text(XLIFF_12, "utf-8")
    assert [l.key for l in read_pairs(one).links] == ["1", "2", "3", "5#1", "5#2", "6"]
    two = tmp_path / "b.xliff"
    two.write_text(XLIFF_20, "utf-8")
    assert [l.key for l in read_pairs(two).links] == ["u1#1", "u1#2", "u3"]
    po = tmp_path / "fr.po"
    po.write_text(PO.replace('#, fuzzy\nmsgid "Close"', '#, fuzzy\nmsgctxt "menu"\nmsgid "Close"'),
                  "utf-8")
    record = read_pairs(po)
    # The forms of a plural message without context or reference are known by its msgid
    # and their number (gettext knows a message by its msgid).
    keys = ["main.c:10", "menu", "One file[0]", "One file[1]", None]
    assert [l.key for l in record.links] == keys
    data = record.to_dict()
    assert [l.get("key") for l in data["links"]] == keys
    assert "key" not in data["links"][4]  # written only where the file gives one
    assert Alignment.from_dict(data).links[1].key == "menu"
    tmx = tmp_path / "m.tmx"
    tmx.write_text('<tmx version="1.4"><header srclang="en"/><body>'
                   '<tu tuid="greeting"><tuv xml:lang="en"><seg>Hello.</seg></tuv>'
                   '<tuv xml:lang="fr"><seg>Bonjour.</seg></tuv></tu>'
                   '<tu><tuv xml:lang="en"><seg>Bye.</seg></tuv>'
                   '<tuv xml:lang="fr"><seg>Au revoir.</seg></tuv></tu></body></tmx>', "utf-8")
    assert [l.key for l in read_pairs(tmx).links] == ["greeting", None]


def test_the_report_names_the_string_by_its_key(tmp_path):
    from rich.console import Console

    from align.checks import check_alignment
    from align.checks.report import print_report

    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF_12_LIMITS.replace('<trans-unit id="1"', '<trans-unit id="menu.save"'),
                    "utf-8")
    record = check_alignment(read_pairs(path))
    console = Console(record=True, width=200)
    print_report(record, console)
    # The unit's number in the file beside the link's (`Link.origin`), then its key.
    assert "MAJOR length · link 1, unit 1 · menu.save (1-1" in console.export_text()


RESOURCE_EN_JSON = """{"menu": {"file": "File", "save": "Save", "quit": "Quit the program"},
 "greeting": "Welcome back, {name}!",
 "items": ["One", "Two"],
 "@greeting": {"description": "shown at login"},
 "ext": {"message": "Open a tab", "description": "WebExtension form"}}"""
RESOURCE_FR_JSON = """{"menu": {"file": "Fichier", "save": "Enregistrer"},
 "greeting": "Bon retour, {nom} !",
 "items": ["Un", "Deux"],
 "ext": {"message": "Ouvrir un onglet", "description": "WebExtension form"},
 "old": "Ancien texte"}"""


def _keyed(record):
    return [(l.key, *pair, l.state) for l, pair in zip(record.links, _pairs(record), strict=True)]


def test_json_resource_files_pair_their_strings_by_key(tmp_path):
    from align.checks.resources import is_resource_pair, read_resource_pairs

    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text(RESOURCE_EN_JSON, "utf-8")
    fr.write_text(RESOURCE_FR_JSON, "utf-8")
    assert is_resource_pair(en, fr)
    assert _keyed(read_resource_pairs(en, fr)) == [
        ("menu.file", "File", "Fichier", None),
        ("menu.save", "Save", "Enregistrer", None),
        ("menu.quit", "Quit the program", "", None),  # not translated
        ("greeting", "Welcome back, {name}!", "Bon retour, {nom} !", None),
        ("items.0", "One", "Un", None),
        ("items.1", "Two", "Deux", None),
        ("ext", "Open a tab", "Ouvrir un onglet", None),  # the message, not its description
        ("old", "", "Ancien texte", "obsolete"),  # a key only the translation still has
    ]


def test_properties_strings_and_android_resources_pair_by_key(tmp_path):
    from align.checks.resources import is_resource_pair, read_resource_pairs

    en, de = tmp_path / "en.properties", tmp_path / "de.properties"
    en.write_text("# comment\nsave=Save\nquit : Quit \\\n  now\n! other\nname Caf\\u00e9\n",
                  "latin-1")
    de.write_bytes("save=Speichern\nquit=Jetzt beenden\nname=Caf\u00e9\n".encode("latin-1"))
    assert _keyed(read_resource_pairs(en, de)) == [
        ("save", "Save", "Speichern", None), ("quit", "Quit now", "Jetzt beenden", None),
        ("name", "Café", "Café", None)]
    en, fr = tmp_path / "en.strings", tmp_path / "fr.strings"
    en.write_text('/* Menu */\n"save" = "Save";\n// a note\n"url" = "See http://example.com";\n'
                  '"quote" = "Say \\"hi\\"";\n', "utf-8")
    fr.write_bytes('"save" = "Enregistrer";\n"url" = "Voir http://example.com";\n'
                   '"quote" = "Dites « salut »";\n'.encode("utf-16"))
    assert _keyed(read_resource_pairs(en, fr)) == [
        ("save", "Save", "Enregistrer", None),
        ("url", "See http://example.com", "Voir http://example.com", None),
        ("quote", 'Say "hi"', "Dites « salut »", None)]
    en, ru = tmp_path / "en.xml", tmp_path / "ru.xml"
    en.write_text("""<resources>
 <string name="app" translatable="false">Notely</string>
 <string name="welcome">Welcome, <b>%1$s</b>!</string>
 <string name="dont">Don\\'t show again</string>
 <plurals name="files"><item quantity="one">%d file</item>
  <item quantity="other">%d files</item></plurals>
 <string-array name="days"><item>Monday</item><item>Tuesday</item></string-array>
</resources>""", "utf-8")
    ru.write_text("""<resources>
 <string name="welcome">Добро пожаловать, <b>%1$s</b>!</string>
 <string name="dont">Больше не показывать</string>
 <plurals name="files"><item quantity="one">%d файл</item><item quantity="few">%d файла</item>
  <item quantity="many">%d файлов</item><item quantity="other">%d файла</item></plurals>
 <string-array name="days"><item>Понедельник</item><item>Вторник</item></string-array>
</resources>""", "utf-8")
    assert is_resource_pair(en, ru)
    assert _keyed(read_resource_pairs(en, ru)) == [
        ("welcome", "Welcome, <b>%1$s</b>!", "Добро пожаловать, <b>%1$s</b>!", None),
        ("dont", "Don't show again", "Больше не показывать", None),
        ("files[one]", "%d file", "%d файл", None),
        ("files[other]", "%d files", "%d файла", None),
        ("days[0]", "Monday", "Понедельник", None),
        ("days[1]", "Tuesday", "Вторник", None),
        # Russian's own plural forms, paired with the general English one.
        ("files[few]", "%d files", "%d файла", None),
        ("files[many]", "%d files", "%d файлов", None),
    ]
    marked = tmp_path / "marked.xml"
    marked.write_text('<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">'
                      '<string name="n">You have <xliff:g id="count" example="3">%d</xliff:g>'
                      ' <b>new</b> messages</string></resources>', "utf-8")
    # <xliff:g> only marks what is not translated; other markup is kept as written.
    assert _pairs(read_resource_pairs(marked, marked))[0][0] == "You have %d <b>new</b> messages"
    page = tmp_path / "page.xml"
    page.write_text("<html><body>Not resources</body></html>", "utf-8")
    assert not is_resource_pair(page, page)
    # The plural forms of one string are translated several ways by design, and Russian
    # negates with "не".
    from align.checks import check_alignment

    checked = check_alignment(read_resource_pairs(en, ru))
    assert [(l.key, f.kind, f.severity) for l in checked.links for f in l.findings] == []


def test_check_two_resource_files_on_the_command_line(tmp_path, default_encoder):
    import json

    from typer.testing import CliRunner

    from align.cli import app

    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text(RESOURCE_EN_JSON, "utf-8")
    fr.write_text(RESOURCE_FR_JSON, "utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", str(en), str(fr), "-o", str(report), "--quiet",
                                      "--no-cache"])
    assert result.exit_code == 1, result.output  # a missing string and a lost placeholder
    record = json.loads(report.read_text("utf-8"))
    found = {l["key"]: [(f["kind"], f["severity"]) for f in l["findings"]]
             for l in record["links"]}
    assert found["menu.quit"] == [("untranslated", "major")]
    assert ("mechanical", "major") in found["greeting"]  # {name} became {nom}
    assert found["old"] == [("addition", "info")]
    assert found["menu.save"] == [] and found["items.0"] == []
    assert record["signature"]["input"] == "pairs"


@pytest.mark.parametrize(("path", "language"), [
    ("fr.json", "fr"), ("locales/de/app.json", "de"), ("messages_fr.properties", "fr"),
    ("res/values-fr/strings.xml", "fr"), ("res/values-pt-rBR/strings.xml", "pt"),
    ("fr.lproj/Localizable.strings", "fr"), ("zh-Hans.json", "zh"), ("ui/de_DE.properties", "de"),
    # The default resources name no language; nor does a project's folder far above.
    ("res/values/strings.xml", None), ("my-app/src/main/res/values/strings.xml", None),
    ("app.json", None), ("Base.lproj/Main.strings", None),
])
def test_the_language_a_resource_files_path_names(path, language):
    from pathlib import Path

    from align.checks.resources import path_language

    assert path_language(Path(path)) == language


def test_resource_files_take_their_languages_from_their_paths(tmp_path):
    from align.checks.resources import read_resource_pairs

    (tmp_path / "values").mkdir()
    (tmp_path / "values-fr").mkdir()
    en, fr = tmp_path / "values" / "strings.xml", tmp_path / "values-fr" / "strings.xml"
    en.write_text('<resources><string name="a">Open</string></resources>', "utf-8")
    fr.write_text('<resources><string name="a">Ouvrir</string></resources>', "utf-8")
    record = read_resource_pairs(en, fr)
    assert (record.source.language, record.translation.language) == (None, "fr")


def test_check_takes_the_languages_where_detection_cannot(tmp_path, default_encoder):
    """Short strings may not tell their language; a termbase needs it, and
    --source-lang/--translation-lang give it."""
    import json

    from typer.testing import CliRunner

    from align.cli import app

    termbase = tmp_path / "terms.tbx"
    termbase.write_text(
        '<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1">'
        '<langSet xml:lang="en"><tig><term>trade union</term></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>syndicat</term></tig><tig><term>trade-union</term>'
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>'
        "</langSet></termEntry></body></text></martif>", "utf-8")
    pairs = tmp_path / "ui.tsv"
    pairs.write_text("The trade union met.\tLe trade-union s'est réuni.\n", "utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--glossary", str(termbase),
                                      "--source-lang", "en", "--translation-lang", "fr",
                                      "--quiet", "--no-cache", "-o", str(report)])
    assert result.exit_code == 0, result.output
    record = json.loads(report.read_text("utf-8"))
    assert (record["source"]["language"], record["translation"]["language"]) == ("en", "fr")
    assert [f["kind"] for f in record["links"][0]["findings"]] == ["glossary"]


def test_the_review_spreadsheet_keeps_the_keys_and_reads_them_back(tmp_path):
    from openpyxl import load_workbook

    from align.checks.resources import read_resource_pairs
    from align.render.xlsx import render

    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text(RESOURCE_EN_JSON, "utf-8")
    fr.write_text(RESOURCE_FR_JSON, "utf-8")
    record = read_resource_pairs(en, fr)
    sheet = tmp_path / "review.xlsx"
    sheet.write_bytes(render(record, sheet)[sheet])
    book = load_workbook(sheet, read_only=True)
    first = next(book.worksheets[0].iter_rows(values_only=True))
    # The key, then the state of the strings a file marks (here a key only French has).
    assert first[-2:] == ("key", "state") and first[1:3] == ("source", "translation")
    again = read_pairs(sheet)
    assert [l.key for l in again.links] == [l.key for l in record.links]
    assert _pairs(again) == _pairs(record)


def test_dotnet_resx_and_flutter_arb_files_pair_by_key(tmp_path):
    from align.checks.resources import is_resource_pair, read_resource_pairs

    resx = ('<?xml version="1.0" encoding="utf-8"?><root>'
            '<resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>'
            '<data name="Save" xml:space="preserve"><value>{}</value></data>'
            '<data name="Logo" type="System.Resources.ResXFileRef, System.Windows.Forms">'
            '<value>logo.png;System.Drawing.Bitmap</value></data></root>')
    en, fr = tmp_path / "Strings.resx", tmp_path / "Strings.fr.resx"
    en.write_text(resx.format("Save"), "utf-8")
    fr.write_text(resx.format("Enregistrer"), "utf-8")
    assert is_resource_pair(en, fr)
    record = read_resource_pairs(en, fr)
    assert _keyed(record) == [("Save", "Save", "Enregistrer", None)]
    assert record.translation.language == "fr"  # Strings.fr.resx
    en, de = tmp_path / "app_en.arb", tmp_path / "app_de.arb"
    en.write_text('{"@@locale": "en", "hello": "Hello {name}", "@hello": {"placeholders": {}}}',
                  "utf-8")
    de.write_text('{"@@locale": "de", "hello": "Hallo {name}"}', "utf-8")
    assert _keyed(read_resource_pairs(en, de)) == [("hello", "Hello {name}", "Hallo {name}", None)]


def test_an_alignment_record_is_not_taken_for_a_resource_file(tmp_path):
    from align.checks.resources import read_resource_pairs

    record = tmp_path / "letter.json"
    record.write_text('{"format": "align/alignment", "format_version": 1, "links": []}', "utf-8")
    with pytest.raises(InputError, match="alignment record that align wrote"):
        read_resource_pairs(record, record)


def test_pairs_from_a_file_get_a_score_that_tells_translations_from_unrelated_text(
        default_encoder):
    from align.checks import check_alignment
    from align.checks.pairs import pairs_alignment

    pairs = [
        ("The weather is nice today.", "Il fait beau aujourd'hui."),
        ("My brother works in a hospital.", "Mon frère travaille dans un hôpital."),
        ("The train leaves at seven in the morning.", "Le train part à sept heures du matin."),
        ("She closed the window because of the cold.", "Elle ferma la fenêtre à cause du froid."),
        ("We read the letter twice.", "Nous avons lu la lettre deux fois."),
        ("The children are playing in the garden.", "Les enfants jouent dans le jardin."),
        ("He forgot his umbrella at the office.", "Il a oublié son parapluie au bureau."),
        ("The museum is closed on Mondays.", "Le musée est fermé le lundi."),
        ("I need to buy bread and milk.", "Les négociations ont échoué à Genève."),  # unrelated
        ("Untranslated yet.", ""),
    ]
    record = check_alignment(pairs_alignment(pairs), default_encoder)
    scores = [link.score for link in record.links]
    # A file gives no aligner's score: the score is the pair's similarity on the file's own
    # scale, in [0, 1], as for aligned text (it was 0 for every pair).
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert min(scores[:8]) > 0.5
    assert scores[8] < 0.3 and scores[8] < min(scores[:8]) - 0.3
    assert scores[9] == 0.0  # no translation: nothing to compare


def test_checks_read_a_tag_with_a_region_by_its_language(default_encoder):
    from align.checks import check_alignment
    from align.checks.pairs import pairs_alignment

    # French negates once with several negative words (negative concord), English with
    # one: no shift.  A German side's capitals are nouns, not names.  Both rules are the
    # language's, whatever its region.
    french = check_alignment(pairs_alignment(
        [("Je n'ai jamais rien vu de pareil dans ma vie.", "I have never seen anything like it "
          "in my life.")], languages=("fr-FR", "en-GB")), default_encoder)
    assert not [f for f in french.links[0].findings if f.kind == "meaning-shift"]
    german = check_alignment(pairs_alignment(
        [("Die Regierung hat das Gesetz gestern beschlossen.",
          "Le gouvernement a adopté la loi hier.")], languages=("de-CH", "fr-CH")),
        default_encoder)
    assert not [f for f in german.links[0].findings if f.kind == "name"]
    assert (german.source.language, german.translation.language) == ("de-CH", "fr-CH")


PO_POLISH = r'''msgid ""
msgstr ""
"Language: pl\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\n"

#: src/files.c:12
msgid "%d file deleted"
msgid_plural "%d files deleted"
msgstr[0] "Usunięto %d plik"
msgstr[1] "Usunięto %d pliki"
msgstr[2] "Usunięto plików"

msgid "Downloaded %d of %d items"
msgid_plural "Downloaded %d of %d items"
msgstr[0] "Pobrano %d z %d elementu"
msgstr[1] "Pobrano %d z %d elementów"
msgstr[2] "Pobrano %d z %d elementów"
'''


def test_po_plural_forms_are_each_a_link_and_are_checked(tmp_path, default_encoder):
    from align.checks import check_alignment

    path = tmp_path / "pl.po"
    path.write_text(PO_POLISH, "utf-8")
    record = read_pairs(path)
    # Polish has three forms: the third is a link too, keyed as the third form.
    assert _pairs(record)[:3] == [("%d file deleted", "Usunięto %d plik"),
                                  ("%d files deleted", "Usunięto %d pliki"),
                                  ("%d files deleted", "Usunięto plików")]
    assert [l.key for l in record.links[:3]] == [
        "src/files.c:12[0]", "src/files.c:12[1]", "src/files.c:12[2]"]
    check_alignment(record, default_encoder)
    lost = [f for f in record.links[2].findings if f.kind == "mechanical"]
    assert [f.severity for f in lost] == ["major"] and "%d" in lost[0].reason
    # One message whose plural reads as its singular, its forms translated differently by
    # design: not one source translated several ways.
    assert not [f for l in record.links[3:] for f in l.findings
                if "translated differently" in f.reason]


def test_i18next_plural_keys_follow_each_languages_forms(tmp_path, default_encoder):
    import json

    from align.checks.resources import read_resource_pairs
    from align.pipeline import check_strings

    english = {"files_one": "{{count}} file deleted", "files_other": "{{count}} files deleted"}
    (tmp_path / "en.json").write_text(json.dumps(english), "utf-8")
    # Japanese has one form: no "one" is asked for.
    (tmp_path / "ja.json").write_text(json.dumps({"files_other": "{{count}} 個を削除しました"}),
                                      "utf-8")
    japanese = read_resource_pairs(tmp_path / "en.json", tmp_path / "ja.json")
    assert [(l.key, l.state) for l in japanese.links] == [("files_other", None)]
    # Russian's "few" and "many", which English lacks, translate English's "other": checked
    # against it, so a "few" that lost its {{count}} is a placeholder finding.
    (tmp_path / "ru.json").write_text(json.dumps({
        "files_one": "{{count}} файл удалён", "files_few": "файла удалено",
        "files_many": "{{count}} файлов удалено", "files_other": "{{count}} файла удалено"}),
        "utf-8")
    russian = check_strings(read_resource_pairs(tmp_path / "en.json", tmp_path / "ru.json"))
    few = next(l for l in russian.links if l.key == "files_few")
    assert few.state is None and "{{count}}" in russian.source.sentences[few.source[0]].text
    assert [f.severity for f in few.findings if f.kind == "mechanical"] == ["major"]
    assert not [f for l in russian.links if l.key != "files_few" for f in l.findings
                if f.severity in ("major", "critical")]


def test_the_review_workbook_carries_the_strings_states_and_languages_back(tmp_path):
    from align.checks.pairs import Pair, pairs_alignment
    from align.outputs import write_outputs

    record = pairs_alignment([Pair("Save", "Enregistrer", key="menu.save"),
                              Pair("Quit", "Quitter", "fuzzy", key="menu.quit"),
                              Pair("", "Délai dépassé", "obsolete", key="errors.timeout")],
                             languages=("en", "fr-CA"))
    review = tmp_path / "review.xlsx"
    write_outputs(record, [review])
    back = read_pairs(review)
    # Checked again, the sheet says what the files said: the fuzzy string, the key the
    # source no longer has, and the languages a short string cannot show.
    assert [(l.key, l.state) for l in back.links] == [
        ("menu.save", None), ("menu.quit", "fuzzy"), ("errors.timeout", "obsolete")]
    assert (back.source.language, back.translation.language) == ("en", "fr-CA")


def test_an_xliff_placeholder_is_compared_by_the_code_it_holds(tmp_path):
    """`<ph id="1">{0}</ph>` in the source and `<ph id="1">{1}</ph>` in the target have one
    id but not one code: `{0}` is lost and `{1}` given twice, which a program fills in
    wrong."""
    path = tmp_path / "ph.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ui" '
        'source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="u1"><source>Hello <ph id="1">{0}</ph>, you have <ph id="2">{1}'
        '</ph> messages.</source><target>Hallo <ph id="1">{1}</ph>, Sie haben '
        '<ph id="2">{1}</ph> Nachrichten.</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8")
    record = check_alignment(read_pairs(path))
    reasons = [f.reason for _, f in record.findings() if f.severity == "major"]
    assert any("{0} of the source missing from the translation" in r for r in reasons), reasons


def test_a_plural_form_for_one_number_alone_may_leave_the_count_out(tmp_path):
    """CLDR's ``zero``, ``one`` and ``two`` in Arabic are 0, 1 and 2 alone: their forms may
    write the number in words (``صورة واحدة``) without ``{{count}}``; Russian's ``one`` is
    also 21, 31 … and needs it.  A count the translation adds to a form that is one number
    in the source (English ``One day left``) is right."""
    import json

    from align.checks import check_alignment
    from align.checks.resources import read_resource_pairs

    def mechanical(name, strings, source=None):
        en = tmp_path / ("en.json" if source is None else "values/strings.xml")
        if source is None:
            en.write_text(json.dumps({"photos_one": "{{count}} photo",
                                      "photos_other": "{{count}} photos",
                                      "step_one": "Step one of {{count}}"}), "utf-8")
            path = tmp_path / name
            path.write_text(json.dumps(strings), "utf-8")
        else:
            en.parent.mkdir(exist_ok=True)
            en.write_text(source, "utf-8")
            path = tmp_path / name / "strings.xml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(strings, "utf-8")
        record = read_resource_pairs(en, path)
        record.source.language = "en"  # Android's default "values" names none
        record = check_alignment(record)
        return {(l.key, f.severity) for l in record.links for f in l.findings
                if f.kind == "mechanical"}

    arabic = {"photos_zero": "لا توجد صور", "photos_one": "صورة واحدة", "photos_two": "صورتان",
              "photos_few": "{{count}} صور", "photos_many": "{{count}} صورة",
              "photos_other": "{{count}} صورة",
              # No plural: a key that ends like one, alone, keeps its placeholder.
              "step_one": "الخطوة الأولى"}
    assert mechanical("ar.json", arabic) == {("step_one", "major")}
    arabic["photos_few"] = "بعض الصور"  # "few" is 3–10, 103–110 …: the count is needed
    assert mechanical("ar.json", arabic) == {("photos_few", "major"), ("step_one", "major")}
    russian = {"photos_one": "фотография", "photos_few": "{{count}} фотографии",
               "photos_many": "{{count}} фотографий", "photos_other": "{{count}} фотографии",
               "step_one": "Шаг первый из {{count}}"}
    assert mechanical("ru.json", russian) == {("photos_one", "major")}
    # French "one" is 0 and 1: "Une photo" would be shown for 0.
    french = {"photos_one": "Une photo", "photos_other": "{{count}} photos",
              "step_one": "Étape un sur {{count}}"}
    assert mechanical("fr.json", french) == {("photos_one", "major")}

    android = """<resources><plurals name="days">
 <item quantity="one">One day left</item><item quantity="other">%d days left</item>
</plurals></resources>"""
    russian = """<resources><plurals name="days">
 <item quantity="one">Остался %d день</item><item quantity="few">Осталось %d дня</item>
 <item quantity="many">Осталось %d дней</item><item quantity="other">Осталось %d дня</item>
</plurals></resources>"""
    assert mechanical("values-ru", russian, android) == set()
    # A form of several numbers ("many": 5–20, 25 …) needs its count.
    assert mechanical("values-ru", russian.replace("Осталось %d дней", "Осталось много дней"),
                      android) == {("days[many]", "major")}
    # Only the count is excused: a name lost from the form is still a finding.
    assert mechanical("values-ru", russian, android.replace("One day", "%s: one day")) == {
        ("days[one]", "major")}


# -- malformed PO strings, text files of pairs in other encodings, headers, empty XML --


@pytest.mark.parametrize(("content", "line", "problem"), [
    # The string of line 5 never closes: polib read "Enregistre", its last character lost.
    ('msgid "Hello"\nmsgstr "Bonjour"\n\nmsgid "Save file"\nmsgstr "Enregistrer\n', 5,
     "unterminated string"),
    # A stray quote on a line of its own opens a string it never closes.
    ('msgid "Save"\nmsgstr "Enregistrer"\n"\n', 3, "unterminated string"),
    # An escaped quote closes nothing: the string is still open at the end of its line.
    ('msgid "Say"\nmsgstr "Dire \\"\n', 2, "unterminated string"),
    ('msgid "Say"\nmsgstr ""\n"Dire \\"\n', 3, "unterminated string"),
    # Text after the closing quote: polib read 'a\\" b' from this one.
    ('msgid "a"\nmsgstr "a\\\\" b"\n', 2, "after the string's closing quote"),
    ('msgid "a"\nmsgstr "b" c\n', 2, "after the string's closing quote"),
    # No quotes at all: polib read "onjou".
    ('msgid "Hello"\nmsgstr Bonjour\n', 2, "msgstr without a string"),
    # Escapes msgfmt refuses ("invalid control sequence"): \q, \', \?, a \x with no digit.
    ('msgid "a"\nmsgstr "b\\q"\n', 2, r"escape \\q"),
    ('msgid "it\\\'s"\nmsgstr "c\\\'est"\n', 1, r"escape \\'"),
    ('msgid "a"\nmsgstr "Why\\?"\n', 2, r"escape \\\?"),
    ('msgid "a"\nmsgstr "\\xZ"\n', 2, r"escape \\x"),
    # Line numbers are counted at line feeds only, as gettext counts them: a form feed or a
    # U+2028 inside an earlier string does not shift them.
    ('msgid "a\fb"\nmsgstr "c\u2028d"\n\nmsgid "e"\nmsgstr "f\\q"\n', 5, "escape"),
    ('msgid "a\x85b"\r\nmsgstr "c"\r\n\r\nmsgid "e"\r\nmsgstr "f\r\n', 5,
     "unterminated string"),
    # An obsolete entry is checked as msgfmt checks it.
    ('msgid "a"\nmsgstr "b"\n\n#~ msgid "old"\n#~ msgstr "vieux\n', 5, "unterminated string"),
])
def test_a_malformed_po_string_is_an_error_naming_its_line(tmp_path, content, line, problem):
    """A PO file that gettext's ``msgfmt --check`` refuses is refused, never read with a
    string changed."""
    path = tmp_path / "broken.po"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=rf"broken\.po, line {line}: .*{problem}"):
        read_pairs(path)


def test_a_malformed_po_string_exits_with_an_input_error(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app

    path = tmp_path / "broken.po"
    path.write_text('msgid "Hello"\nmsgstr "Bonjour"\n\nmsgid "Save file"\n'
                    'msgstr "Enregistrer\n', "utf-8")
    result = CliRunner().invoke(app, ["check", "--pairs", str(path), "-o",
                                      str(tmp_path / "b.json")])
    assert result.exit_code == 3, result.output
    assert "broken.po, line 5: unterminated string" in result.output
    assert not (tmp_path / "b.json").exists()


def test_po_escapes_are_read_as_gettext_reads_them(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text(
        'msgid "Say \\"hi\\""\nmsgstr "Dites \\"salut\\""\n\n'
        'msgid "C:\\\\dir\\\\"\nmsgstr "C:\\\\dossier\\\\"\n\n'
        'msgid "One\\nTwo"\nmsgstr "Un\\nDeux"\n\n'
        'msgid "Name:\\tvalue"\nmsgstr   "Nom :\\tvaleur"   \n\n'
        'msgid ""\n"Long "\n  "line"\nmsgstr ""\n"Longue "\n"ligne"\n', "utf-8")
    assert _pairs(read_pairs(path)) == [
        ('Say "hi"', 'Dites "salut"'),
        ("C:\\dir\\", "C:\\dossier\\"),
        ("One\nTwo", "Un\nDeux"),  # a line break inside a string is kept
        ("Name: value", "Nom : valeur"),  # a tab, as a side writes it
        ("Long line", "Longue ligne"),
    ]


@pytest.mark.parametrize(("string", "read"), [
    # A line separator, a next line (U+0085) and a form feed written as themselves are
    # characters of the string, not line ends (gettext and polib reading a file end lines
    # at line feeds only); the text is then read as every text is, each a line break.
    ("a\u2028b", "a\nb"),
    ("a\x85b", "a\nb"),
    ("a\fb", "a\nb"),
    # Escapes msgfmt reads that polib leaves as typed (ANSI colours, a bell): both sides
    # read them the same way.
    ("esc \\033[0m", "esc \\033[0m"),
    ("x\\x41", "x\\x41"),
    ("ding\\a", "ding\\a"),
    # and those polib reads as gettext does (\v and \f line breaks too, as above)
    ("a\\vb\\bc\\fd", "a\nb\bc\nd"),
])
def test_a_po_file_msgfmt_accepts_is_read(tmp_path, string, read):
    path = tmp_path / "fr.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "{string}"\nmsgstr "{string}"\n\nmsgid "Save"\nmsgstr "Enregistrer"\n',
                    "utf-8", newline="")
    assert _pairs(read_pairs(path)) == [(read, read), ("Save", "Enregistrer")]


def test_the_repro_po_files_are_read(tmp_path):
    """The files of the review, as bytes: a raw U+2028 in both strings, CRLF line ends."""
    path = tmp_path / "ls.po"
    path.write_bytes(b'msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n'
                     b'\r\nmsgid "a\xe2\x80\xa8b"\r\nmsgstr "c\xe2\x80\xa8d"\r\n')
    assert _pairs(read_pairs(path)) == [("a\nb", "c\nd")]  # a line break, as above
    # Old Mac line ends, a lone CR, as polib reading the file splits them.
    mac = tmp_path / "cr.po"
    mac.write_bytes(b'msgid "Save"\rmsgstr "Enregistrer"\r\rmsgid "Open"\rmsgstr "Ouvrir"\r')
    assert _pairs(read_pairs(mac)) == [("Save", "Enregistrer"), ("Open", "Ouvrir")]


def test_a_utf16_tsv_as_excel_saves_unicode_text_is_read(tmp_path):
    """Excel's "Unicode Text" export: UTF-16LE with a byte-order mark and CRLF."""
    path = tmp_path / "u16.tsv"
    path.write_bytes("Save\tEnregistrer\r\nCafé menu\tMenu café\r\n".encode("utf-16"))
    record = read_pairs(path)
    assert _pairs(record) == [("Save", "Enregistrer"), ("Café menu", "Menu café")]
    assert record.source.encoding == record.translation.encoding == "utf-16"
    # Without its mark too, and the record says how it was read.
    path.write_bytes("Save\tEnregistrer\r\nCafé menu\tMenu café\r\n".encode("utf-16-le"))
    record = read_pairs(path)
    assert _pairs(record) == [("Save", "Enregistrer"), ("Café menu", "Menu café")]
    assert any("UTF-16" in warning for warning in record.warnings)


def test_text_files_of_pairs_are_decoded_as_texts_are(tmp_path):
    """Windows-1252 (a spreadsheet's CSV export), UTF-16 CSV and Moses, a UTF-16 PO file:
    decoded as `align.reading` decodes a text, the encoding said in the warnings."""
    csv = tmp_path / "pairs.csv"
    csv.write_bytes("Café,Café\r\nSummer,Été\r\n".encode("cp1252"))
    record = read_pairs(csv)
    assert _pairs(record) == [("Café", "Café"), ("Summer", "Été")]
    assert record.source.encoding == "cp1252"
    assert any("Windows-1252" in warning for warning in record.warnings)
    csv.write_bytes('"One, two","Un, deux"\r\n'.encode("utf-16"))
    assert _pairs(read_pairs(csv)) == [("One, two", "Un, deux")]
    tsv = tmp_path / "latin.tsv"
    tsv.write_bytes("Café menu\tMenu café\n".encode("latin-1"))
    assert _pairs(read_pairs(tsv)) == [("Café menu", "Menu café")]
    (tmp_path / "m.src.txt").write_bytes("Summer\n".encode("utf-16"))
    (tmp_path / "m.tgt.txt").write_bytes("Été\n".encode("cp1252"))
    record = read_pairs(tmp_path / "m.src.txt")
    assert _pairs(record) == [("Summer", "Été")]
    assert (record.source.encoding, record.translation.encoding) == ("utf-16", "cp1252")
    po = tmp_path / "fr.po"
    po.write_bytes('msgid "Summer"\nmsgstr "Été"\n'.encode("utf-16"))
    assert _pairs(read_pairs(po)) == [("Summer", "Été")]
    # Mostly UTF-8 with a broken sequence is still an error naming where.
    tsv.write_bytes("Café\tCafé\nÉté\tSummer\n".encode() + b"Caf\xe9\tx\n")
    with pytest.raises(InputError, match="invalid UTF-8 at line 3"):
        read_pairs(tsv)


@pytest.mark.parametrize(("header", "languages"), [
    ("source,target", (None, None)),
    ("Source,Translation", (None, None)),
    ("SOURCE TEXT,Target text", (None, None)),
    ("Original,Traduction", (None, None)),
    ("Quelle,Übersetzung", (None, None)),
    ("English,Français", ("en", "fr")),
    ("English (US),German", ("en", "de")),
    ("en,fr", ("en", "fr")),
    ("EN,DE", ("en", "de")),
    ("en-US,fr-FR", ("en-US", "fr-FR")),
])
def test_a_csv_or_tsv_header_row_is_no_pair(tmp_path, header, languages):
    for suffix, separator in ((".csv", ","), (".tsv", "\t")):
        path = tmp_path / f"pairs{suffix}"
        path.write_text(header.replace(",", separator) + "\nSave" + separator
                        + "Enregistrer\n", "utf-8")
        record = read_pairs(path)
        assert _pairs(record) == [("Save", "Enregistrer")], (suffix, header)
        assert (record.source.language, record.translation.language) == languages


@pytest.mark.parametrize("first", [
    "It,Es",  # a German UI string: bare codes in title case are words
    "English,Anglais",  # a language's name translated: the same language on both sides
    "Translation,Traduction",  # the word itself translated
    "Source,Quelle",
    "Save,Enregistrer",
])
def test_a_first_row_that_may_be_a_pair_stays_one(tmp_path, first):
    path = tmp_path / "pairs.csv"
    path.write_text(first + "\nSave,Enregistrer\n", "utf-8")
    assert len(read_pairs(path).links) == 2


def test_an_empty_xliff_or_tmx_file_says_it_is_empty(tmp_path):
    for name in ("empty.xlf", "empty.tmx"):
        for content in (b"", b"\n  \n", b"\xef\xbb\xbf"):
            path = tmp_path / name
            path.write_bytes(content)
            with pytest.raises(InputError, match=rf"{name} is empty"):
                read_pairs(path)


def test_xml_bytes_not_in_the_declared_encoding_are_said_to_be(tmp_path):
    unit = ('<xliff version="1.2"><file source-language="en" target-language="fr"><body>'
            '<trans-unit id="1"><source>Café open</source><target>Café ouvert</target>'
            '</trans-unit></body></file></xliff>')
    path = tmp_path / "enc.xlf"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + unit.encode("latin-1"))
    with pytest.raises(InputError, match=r"not well-formed XLIFF .*not UTF-8, the encoding "
                                         r"its XML declaration names .*line 2"):
        read_pairs(path)
    path.write_bytes(unit.encode("latin-1"))  # no declaration: XML reads UTF-8
    with pytest.raises(InputError, match="not UTF-8, the encoding XML reads when none is"):
        read_pairs(path)
    # Declared as it is: read.
    path.write_bytes(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + unit.encode("latin-1"))
    assert _pairs(read_pairs(path)) == [("Café open", "Café ouvert")]
    # Broken for another reason: no word of encodings.
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff><file>')
    with pytest.raises(InputError, match="not well-formed XLIFF") as raised:
        read_pairs(path)
    assert "encoding" not in str(raised.value)
    tmx = tmp_path / "enc.tmx"
    tmx.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx><body><tu>'
                    + '<tuv xml:lang="en"><seg>Café</seg></tuv>'.encode("latin-1")
                    + b"</tu></body></tmx>")
    with pytest.raises(InputError, match="not well-formed TMX .*not UTF-8"):
        read_pairs(tmx)


def test_one_po_string_in_two_contexts_may_be_translated_apart(tmp_path, default_encoder):
    """gettext holds each string once per context: ``Open`` written twice is two contexts
    (a menu's verb, a state), which exist to be translated apart; the same string in a TSV
    file, or two strings alike but for their case, is still one string translated two
    ways."""
    po = tmp_path / "pl.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n\n'
                  'msgctxt "menu"\nmsgid "Open the selected file"\nmsgstr "Otwórz wybrany plik"\n\n'
                  'msgctxt "status"\nmsgid "Open the selected file"\n'
                  'msgstr "Otwarty wybrany plik"\n', "utf-8")
    record = read_pairs(po)
    check_alignment(record, default_encoder)
    assert not [f for l in record.links for f in l.findings
                if "translated differently" in f.reason]
    tsv = tmp_path / "pl.tsv"
    tsv.write_text("Open the selected file\tOtwórz wybrany plik\n"
                   "Open the selected file\tOtwarty wybrany plik\n", "utf-8")
    record = read_pairs(tsv, languages=("en", "pl"))
    check_alignment(record, default_encoder)
    assert [f.severity for l in record.links for f in l.findings
            if "translated differently" in f.reason] == ["minor"]


#: A gettext template as xgettext writes it: a fuzzy header with the placeholder CHARSET,
#: every msgstr empty.
POT = r'''# SOME DESCRIPTIVE TITLE.
#, fuzzy
msgid ""
msgstr ""
"Language: \n"
"Content-Type: text/plain; charset=CHARSET\n"

#: src/main.c:10
msgid "Open the file"
msgstr ""

#: src/main.c:12
msgid "One file"
msgid_plural "%d files"
msgstr[0] ""
msgstr[1] ""
'''


def test_a_gettext_template_is_refused_as_holding_no_translation(tmp_path):
    """A ``.pot`` file was read as TSV ("line 1: no tab"): it is a PO file whose
    translations are all empty by design, so checking it can only be a mistake for the
    catalogue made from it."""
    path = tmp_path / "messages.pot"
    path.write_text(POT, "utf-8")
    with pytest.raises(InputError, match=r"messages\.pot is a gettext template: it holds no "
                                         r"translation \(every msgstr is empty\)"):
        read_pairs(path)


def test_a_gettext_template_with_translations_is_read_as_po(tmp_path):
    """A ``.pot`` file that does hold translations (an English catalogue kept under the
    template's name) is read as its ``.po`` twin is, its untranslated entries empty."""
    path = tmp_path / "messages.pot"
    path.write_text(POT.replace('msgid "Open the file"\nmsgstr ""',
                                'msgid "Open the file"\nmsgstr "Open the file…"'), "utf-8")
    record = read_pairs(path)
    assert _pairs(record) == [("Open the file", "Open the file…"), ("One file", ""),
                              ("%d files", "")]
    assert record.links[0].key == "src/main.c:10"


def test_a_pair_longer_than_the_model_reads_is_named_in_a_warning(default_encoder):
    import align

    # The same sentence forty and sixty times: over 512 tokens a side, of which 512 are read.
    french = " ".join(["Le conseil municipal a adopté le budget après un long débat."] * 40)
    english = " ".join(["The city council adopted the budget after a long debate."] * 60)
    record = align.check_pairs([("Bonjour.", "Hello."), (french, english),
                                ("Merci.", "Thank you.")])
    said = [w for w in record.warnings if "512 tokens" in w]
    assert said and said[0].startswith("pair 2 (source and translation) longer than the "
                                       "model's 512 tokens")
    one_side = align.check_pairs([(french, "The council adopted the budget.")])
    assert [w for w in one_side.warnings if "512 tokens" in w][0].startswith(
        "pair 1 (source) longer")
    short = align.check_pairs([("Bonjour.", "Hello."), ("Merci.", "Thank you.")])
    assert not any("tokens" in w for w in short.warnings)


def test_tmx_isolated_codes_open_or_close_and_paired_codes_are_named_by_x(tmp_path):
    """TMX 1.4b: ``<it pos="begin">`` opens a code whose end is in another segment,
    ``pos="end"`` closes one; a ``<bpt>``/``<ept>`` pair is the code ``x`` names (``i``
    only matches the two), so that the same code nested in itself keeps its id."""
    path = tmp_path / "codes.tmx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="en"><seg>Open <it pos="begin" x="4">&lt;u&gt;</it>the file.</seg></tuv>
<tuv xml:lang="fr"><seg>Fin <it pos="end" x="4"/>ici.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>A <bpt i="1" x="1"/>a <bpt i="2" x="1"/>b<ept i="2"/> c<ept
 i="1"/>.</seg></tuv><tuv xml:lang="fr"><seg>B <bpt i="5" x="7"/>x<ept i="5"/> <bpt
 i="3">y</bpt>z<ept i="3"/>.</seg></tuv></tu>
</body></tmx>""",
        "utf-8",
    )
    record = read_pairs(path)
    assert _texts(record) == [("Open <4>the file.", "Fin </4>ici."),
                              ("A <1>a <1>b</1> c</1>.", "B <7>x</7> <3>z</3>.")]


def test_xliff_isolated_codes_open_or_close(tmp_path):
    path = tmp_path / "codes.xlf"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"
 target-language="fr" datatype="plaintext" original="x"><body>
<trans-unit id="u1"><source>Open <it id="1" pos="open">&lt;u&gt;</it>it.</source>
<target>Ouvrez<it id="1" pos="close">&lt;/u&gt;</it>.</target></trans-unit>
</body></file></xliff>""",
        "utf-8",
    )
    assert _texts(read_pairs(path)) == [("Open <1>it.", "Ouvrez</1>.")]


def _texts(record) -> list[tuple[str, str]]:
    return [(" ".join(record.source.sentences[k].text for k in link.source),
             " ".join(record.translation.sentences[k].text for k in link.translation))
            for link in record.links]
