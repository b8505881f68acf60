"""Reading already aligned pairs (``align check --pairs``) from TSV and TMX."""

from __future__ import annotations

import pytest

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


def test_tsv_header_is_not_assumed_and_crlf_is_read(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_bytes(b"source\ttranslation\r\nA\tB\r\n")
    record = read_pairs(path)
    assert [s.text for s in record.source.sentences] == ["source", "A"]
    assert [s.text for s in record.translation.sentences] == ["translation", "B"]


def test_tsv_line_without_tab_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("A\tB\njust one side\n", "utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_pairs(path)


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
    assert [s.text for s in record.translation.sentences] == ["Hello world.", "Thanks."]
    assert (record.source.language, record.translation.language) == ("fr", "en")


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
    assert result.exit_code == 1, result.output  # a major finding: the date, the omission
    record = json.loads(report.read_text("utf-8"))
    assert [(l["source"], l["translation"]) for l in record["links"]] == [
        ([0], [0]), ([1], [1]), ([2], [2]), ([3], [])]
    kinds = [{f["kind"] for f in l["findings"]} for l in record["links"]]
    assert "number" in kinds[2] and "omission" in kinds[3]
    assert record["links"][3]["divergence"] == 1.0
    assert not (tmp_path / "cache").exists()  # --no-cache: neither cache written

    ignored = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--quiet", "--ignore",
                                       "number", "--ignore", "omission"])
    assert ignored.exit_code == 0, ignored.output
    assert (tmp_path / "cache" / "embeddings.sqlite").is_file()
