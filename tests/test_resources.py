"""Resource files paired by key (`align.checks.resources`): what a translation lacks is
reported, and a file a program would reject is an error, not strings left out."""

from __future__ import annotations

import json

import pytest

from align.checks import check_alignment
from align.checks.resources import read_resource_pairs
from align.errors import InputError


def _keyed(record):
    def text(side, indices):
        return " ".join(side.sentences[k].text for k in indices)

    return [(l.key, text(record.source, l.source), text(record.translation, l.translation))
            for l in record.links]


def _android(folder, body):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "strings.xml").write_text(f"<resources>{body}</resources>", "utf-8")
    return folder / "strings.xml"


ENGLISH_ANDROID = ('<plurals name="photos"><item quantity="one">%d photo</item>'
                   '<item quantity="other">%d photos</item></plurals>'
                   '<string-array name="sort"><item>Newest</item><item>Oldest</item>'
                   "<item>By name</item></string-array>")


def test_a_missing_plural_form_or_array_item_is_a_missing_string(tmp_path):
    en = _android(tmp_path / "values", ENGLISH_ANDROID)
    fr = _android(tmp_path / "values-fr",
                  '<plurals name="photos"><item quantity="one">%d photo</item></plurals>'
                  '<string-array name="sort"><item>Plus récents</item>'
                  "<item>Plus anciens</item></string-array>")
    record = read_resource_pairs(en, fr)
    assert _keyed(record) == [
        ("photos[one]", "%d photo", "%d photo"),
        ("photos[other]", "%d photos", ""),  # French needs "other"
        ("sort[0]", "Newest", "Plus récents"),
        ("sort[1]", "Oldest", "Plus anciens"),
        ("sort[2]", "By name", ""),  # an array's item is no plural form
    ]
    found = {l.key: [(f.kind, f.severity) for f in l.findings]
             for l in check_alignment(record).links}
    assert found["photos[other]"] == [("untranslated", "major")]
    assert found["sort[2]"] == [("untranslated", "major")]


def test_the_plural_forms_the_translations_language_needs_are_asked_for(tmp_path):
    en = _android(tmp_path / "values", ENGLISH_ANDROID)
    # Russian needs "few" and "many", which English lacks: each is asked for, as the
    # translation of English's "other".
    ru = _android(tmp_path / "values-ru",
                  '<plurals name="photos"><item quantity="one">%d фото</item>'
                  '<item quantity="other">%d фото</item></plurals>')
    assert [k for k in _keyed(read_resource_pairs(en, ru)) if k[0].startswith("photos")] == [
        ("photos[one]", "%d photo", "%d фото"), ("photos[other]", "%d photos", "%d фото"),
        ("photos[few]", "%d photos", ""), ("photos[many]", "%d photos", "")]
    # Japanese has "other" only: English's "one" is not asked for.
    ja = _android(tmp_path / "values-ja",
                  '<plurals name="photos"><item quantity="other">%d 枚</item></plurals>')
    assert [k for k, *_ in _keyed(read_resource_pairs(en, ja))] == [
        "photos[other]", "sort[0]", "sort[1]", "sort[2]"]
    # French "many" (a million) falls back to "other": asked for by no one.
    es = _android(tmp_path / "values-es",
                  '<plurals name="photos"><item quantity="one">%d foto</item>'
                  '<item quantity="many">%d de fotos</item>'
                  '<item quantity="other">%d fotos</item></plurals>')
    fr = _android(tmp_path / "values-fr",
                  '<plurals name="photos"><item quantity="one">%d photo</item>'
                  '<item quantity="other">%d photos</item></plurals>')
    assert [k for k, *_ in _keyed(read_resource_pairs(es, fr))] == [
        "photos[one]", "photos[other]"]


def test_without_the_translations_language_its_general_form_is_still_asked_for(tmp_path):
    en = _android(tmp_path / "source", ENGLISH_ANDROID)
    other = _android(tmp_path / "target",
                     '<plurals name="photos"><item quantity="one">%d x</item></plurals>')
    assert ("photos[other]", "%d photos", "") in _keyed(read_resource_pairs(en, other))
    # A form it leaves out beside others of the string may be one its language lacks.
    other = _android(tmp_path / "target",
                     '<plurals name="photos"><item quantity="other">%d x</item></plurals>')
    assert "photos[one]" not in [k for k, *_ in _keyed(read_resource_pairs(en, other))]


def test_a_key_ending_like_a_plural_form_is_an_ordinary_key(tmp_path):
    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text(json.dumps({"pick_one": "Pick one item", "pick_many": "Pick several items",
                              "use_other": "Use another account"}), "utf-8")
    fr.write_text(json.dumps({"pick_one": "Choisissez un élément"}), "utf-8")
    assert _keyed(read_resource_pairs(en, fr)) == [
        ("pick_one", "Pick one item", "Choisissez un élément"),
        ("pick_many", "Pick several items", ""),
        ("use_other", "Use another account", "")]
    # i18next's forms are those of a string that has "other" and another form.
    en.write_text(json.dumps({"n_one": "{{count}} file", "n_other": "{{count}} files"}),
                  "utf-8")
    fr.write_text(json.dumps({"n_one": "{{count}} fichier"}), "utf-8")
    assert ("n_other", "{{count}} files", "") in _keyed(read_resource_pairs(en, fr))


@pytest.mark.parametrize(("entries", "where"), [
    ('"save" = "Enregistrer";\n"quote" = "Touchez "Terminé" ici.";\n',
     r'fr\.strings:2: malformed entry "quote" = "Touchez ": expected ";", '
     r"found 'Terminé\" ici.\";' \(a \" inside a value is written \\\"\)"),
    ('"settings" = "Réglages"\n"save" = "Enregistrer";\n',
     r"fr\.strings:1: malformed entry \"settings\" = \"Réglages\": expected \";\", "
     r"found '\"save\" = \"Enregistrer\";' on line 2"),
    ('"save" = "Enregistrer";\n"settings" = "Réglages"', r'fr\.strings:2: .*end of the file'),
    ('/* note */\n"save" "Enregistrer";\n', r'fr\.strings:2: .*expected "=" or ";"'),
    ('"save" = "Enregistrer";\n/* unclosed\n"a" = "b";\n', r"fr\.strings:2: malformed entry: "),
    ('"save" = ;\n', r"fr\.strings:1: .*expected a quoted value"),
])
def test_a_strings_file_ios_would_reject_is_an_error(tmp_path, entries, where):
    en, fr = tmp_path / "en.strings", tmp_path / "fr.strings"
    en.write_text('"save" = "Save";\n"quote" = "Tap \\"Done\\" here.";\n', "utf-8")
    fr.write_text(entries, "utf-8")
    with pytest.raises(InputError, match=where):
        read_resource_pairs(en, fr)


def test_a_strings_file_may_write_bare_words_and_a_key_alone(tmp_path):
    en = tmp_path / "en.strings"
    en.write_text('// one\nsave = "Save"; /* two */ "Done";\nurl="http://a.example/b"//x\n;',
                  "utf-8")
    assert _keyed(read_resource_pairs(en, en)) == [
        ("save", "Save", "Save"), ("Done", "Done", "Done"),
        ("url", "http://a.example/b", "http://a.example/b")]


def test_stringsdict_plural_rules_are_read_as_plural_forms(tmp_path, default_encoder):
    from typer.testing import CliRunner

    from align.cli import app

    def plist(entries):
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD '
                'PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
                f'<plist version="1.0"><dict>{entries}</dict></plist>\n')

    def rule(name, forms):
        return (f"<key>{name}</key><dict><key>NSStringFormatSpecTypeKey</key>"
                "<string>NSStringPluralRuleType</string><key>NSStringFormatValueTypeKey</key>"
                "<string>d</string>"
                + "".join(f"<key>{q}</key><string>{t}</string>" for q, t in forms.items())
                + "</dict>")

    def entry(key, form, *rules):
        return (f"<key>{key}</key><dict><key>NSStringLocalizedFormatKey</key>"
                f"<string>{form}</string>{''.join(rules)}</dict>")

    (tmp_path / "en.lproj").mkdir()
    (tmp_path / "ru.lproj").mkdir()
    en = tmp_path / "en.lproj" / "Localizable.stringsdict"
    ru = tmp_path / "ru.lproj" / "Localizable.stringsdict"
    en.write_text(plist(
        entry("photo.count", "%#@photos@", rule("photos", {"one": "%d photo",
                                                            "other": "%d photos"}))
        + entry("moved", "%#@files@ in %#@folders@",
                rule("files", {"one": "%d file", "other": "%d files"}),
                rule("folders", {"one": "%d folder", "other": "%d folders"}))), "utf-8")
    ru.write_text(plist(
        entry("photo.count", "%#@photos@", rule("photos", {
            "one": "%d фото", "few": "%d фото", "many": "%d фото"}))), "utf-8")
    keyed = _keyed(read_resource_pairs(en, ru))
    assert keyed[:2] == [("photo.count[one]", "%d photo", "%d фото"),
                         ("photo.count[other]", "%d photos", "")]  # missing
    assert [k for k, *_ in keyed[2:]] == [
        "moved", "moved.files[one]", "moved.files[other]", "moved.folders[one]",
        "moved.folders[other]", "photo.count[few]", "photo.count[many]",
        "moved.files[few]", "moved.files[many]", "moved.folders[few]", "moved.folders[many]"]
    assert keyed[2] == ("moved", "%#@files@ in %#@folders@", "")
    # On the command line, a file of plural rules is not aligned as prose.
    result = CliRunner().invoke(app, ["check", str(en), str(en), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    ru.write_text(plist("<key>a</key"), "utf-8")
    with pytest.raises(InputError, match="not a well-formed property list"):
        read_resource_pairs(en, ru)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_strings_without_a_byte_order_mark_are_read(tmp_path, encoding):
    en, fr = tmp_path / "en.strings", tmp_path / "fr.strings"
    en.write_text('"save" = "Save";\n', "utf-8")
    fr.write_bytes('/* é */\n"save" = "Enregistrer";\n'.encode(encoding))
    assert _keyed(read_resource_pairs(en, fr)) == [("save", "Save", "Enregistrer")]


def test_an_empty_or_cut_json_file_says_so(tmp_path):
    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text('{"a": "Open",\n "b": "Close"}', "utf-8")
    fr.write_bytes(b"")
    with pytest.raises(InputError, match=r"fr\.json is empty"):
        read_resource_pairs(en, fr)
    fr.write_text('{"a": "Ouvrir",\n "b": "Ferm', "utf-8")
    with pytest.raises(InputError, match=r"Unterminated string.*line 2, column 7"):
        read_resource_pairs(en, fr)


def test_a_malformed_strings_file_fails_the_command_with_its_line(tmp_path):
    from typer.testing import CliRunner

    from align.cli import app

    en, fr = tmp_path / "en.strings", tmp_path / "fr.strings"
    en.write_text('"a" = "Open";\n"b" = "Close";\n', "utf-8")
    fr.write_text('"a" = "Ouvrir";\n"b" = "Fermer"\n', "utf-8")
    result = CliRunner().invoke(app, ["check", str(en), str(fr), "--no-cache"])
    assert result.exit_code == 3
    assert "fr.strings:2: malformed entry" in result.output


def test_a_source_with_no_strings_against_a_translation_with_some_is_an_input_error(tmp_path):
    """An extraction gone wrong: every string would only be "not in the source" (info), and
    the check would pass."""
    en, fr = tmp_path / "en.json", tmp_path / "fr.json"
    en.write_text("{}", "utf-8")
    fr.write_text('{"a": "Ouvrir", "b": "Fermer"}', "utf-8")
    with pytest.raises(InputError, match=r"en\.json holds no strings, while .*fr\.json holds 2"):
        read_resource_pairs(en, fr)


@pytest.mark.parametrize(("source", "translation", "said"), [
    ("en.json", "values-fr/strings.xml",
     "is a JSON resource file and {translation} an Android XML resource file"),
    ("en.json", "fr.txt", "is a JSON resource file and {translation} no resource file"),
    ("en.txt", "fr.properties", "is no resource file and {translation} a Java properties"),
])
def test_resource_files_of_two_kinds_or_against_a_text_are_refused(tmp_path, source,
                                                                   translation, said):
    from typer.testing import CliRunner

    from align.cli import app

    files = {"en.json": '{"hello": "Hello"}', "en.txt": "Hello.",
             "fr.txt": "Bonjour.", "fr.properties": "hello=Bonjour\n",
             "values-fr/strings.xml": '<resources><string name="hello">Bonjour</string>'
                                      "</resources>"}
    for name in (source, translation):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(files[name], "utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / source),
                                      str(tmp_path / translation), "--no-cache"])
    assert result.exit_code == 3, result.output
    message = " ".join(result.output.split())
    assert said.format(translation=tmp_path / translation) in message
    assert "give two resource files of one kind" in message
