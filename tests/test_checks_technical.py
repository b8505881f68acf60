"""Technical documentation: versions, paths, file names, command-line options, keyboard
shortcuts, and the options table of a plain-text README.

A version (``2.4.1``, ``Python 3.10``) is compared whole; paths, file names and options
outside code are compared like addresses; a shortcut is compared by its keys, whatever
the language names them; a line that starts with an option starts a sentence; the words
of code are no prose for the omission and addition check."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.numbers import mentions
from align.checks.pairs import document_text, pairs_alignment
from align.checks.placeholders import blank_markup
from align.segment import segment


def check(pairs, languages=("en", "fr"), encoder=None):
    record = pairs_alignment(pairs, languages=languages)
    return check_alignment(record, encoder, source_text=document_text(record.source),
                           translation_text=document_text(record.translation))


def reasons(pairs, kind=None, languages=("en", "fr")) -> list[list[tuple[str, str]]]:
    """Per pair, its findings (of `kind`, or all) as (severity, reason)."""
    return [[(f.severity, f.reason) for f in link.findings if kind is None or f.kind == kind]
            for link in check(pairs, languages).links]


def technical(pairs, languages=("en", "fr")) -> list[list[tuple[str, str]]]:
    """Per pair, the findings that compare paths, file names, options or shortcuts."""
    words = ("path ", "file name ", "option ", "shortcut ")
    return [[(s, r) for s, r in link if r.startswith(words)]
            for link in reasons(pairs, "mechanical", languages)]


# -- 1. versions ---------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "was", "now"), [
    ("This guide describes version 2.4.1 of the program.",
     "Ce guide décrit la version 2.4.0 du programme.", "2.4.1", "2.4.0"),
    ("Install it with pip install syncbox==2.4.1 first.",
     "Installez-le d'abord avec pip install syncbox==2.4.7.", "2.4.1", "2.4.7"),
    ("Version 10.2.3 fixes the upload problem.",
     "La version 10.2.9 corrige le problème d'envoi.", "10.2.3", "10.2.9"),
    ("It requires Python 3.10 or later.",
     "Il nécessite Python 3.1 ou une version ultérieure.", "3.10", "3.1"),
    ("Install version 2.4.1 now.", "Installez la version 2.5.1 maintenant.", "2.4.1", "2.5.1"),
    ("Requires numpy>=1.20 and v3.10 of the tool.",
     "Nécessite numpy>=1.2 et la v3.10 de l'outil.", "1.20", "1.2"),
    ("The server listens on 192.168.1.10 only.",
     "Le serveur n'écoute que sur 192.168.1.1.", "192.168.1.10", "192.168.1.1"),
])
def test_a_version_is_compared_whole(source, translation, was, now):
    found = reasons([(source, translation)], "number")[0]
    assert ("major", f"version {was} in the source is {now} in the translation") in found
    assert len(found) == 1, found


@pytest.mark.parametrize(("source", "translation"), [
    ("This guide describes version 2.4.1 of the program.",
     "Ce guide décrit la version 2.4.1 du programme."),
    ("It requires Python 3.10 or later.", "Il nécessite Python 3.10 ou ultérieur."),
    ("Download lrp-1.8.2.tar.gz and unpack it.",
     "Téléchargez lrp-1.8.2.tar.gz et décompressez-le."),
    ("Version 2.0 is out.", "La version 2 est sortie."),  # trailing zero parts aside
    # Dates and thousands written with points stay what they were.
    ("He wrote on 13.08.1936.", "Il écrivit le 13/08/1936."),
    ("He wrote on August 13, 1936.", "Il écrivit le 13.08.1936."),
    ("The town had 1.000.000 inhabitants.", "La ville avait 1,000,000 habitants."),
    ("It cost 1.000.000,50 euros.", "Cela coûta 1 000 000,50 euros."),
    # Two parts without a word that makes them a version are a decimal number.
    ("The beam is 3.10 m long.", "La poutre mesure 3,1 m."),
    ("The train leaves at 3.10 pm.", "Le train part à 15 h 10."),
])
def test_versions_dates_and_decimals_that_agree_are_not_reported(source, translation):
    assert reasons([(source, translation)], "number") == [[]]


def test_a_dotted_date_is_still_read_as_its_day_month_and_year():
    values = [sorted(m.values, key=str) for m in mentions("le 13.08.1936")]
    assert values == [[13.0], [8.0], [1936.0]]
    assert [m.text for m in mentions("version 2.4.1 and 10.2.3.4")] == ["2.4.1", "10.2.3.4"]


# -- 2. paths, file names and command-line options -----------------------------------------


@pytest.mark.parametrize(("source", "translation", "what", "was", "now"), [
    ("The settings are stored in /etc/syncbox/config.yaml.",
     "Les paramètres sont stockés dans /etc/syncbox/conf.yaml.",
     "path", "/etc/syncbox/config.yaml", "/etc/syncbox/conf.yaml"),
    ("To delete the cache, run rm -rf ~/.cache/syncbox now.",
     "Pour supprimer le cache, exécutez rm -rf ~/.config/syncbox maintenant.",
     "path", "~/.cache/syncbox", "~/.config/syncbox"),
    ("Logs are written to C:\\ProgramData\\SyncBox\\logs by default.",
     "Les journaux sont écrits par défaut dans C:\\ProgramData\\SyncBox\\log.",
     "path", "C:\\ProgramData\\SyncBox\\logs", "C:\\ProgramData\\SyncBox\\log"),
    ("The archive goes to ..\\logs next to it.", "L'archive va dans ..\\log à côté.",
     "path", "..\\logs", "..\\log"),
    ("The program is installed in /opt/datapilot/bin.",
     "Le programme est installé dans /opt/datapilot/lib.",
     "path", "/opt/datapilot/bin", "/opt/datapilot/lib"),
    ("Then run ./run.sh from the folder.", "Exécutez ensuite ./start.sh depuis le dossier.",
     "path", "./run.sh", "./start.sh"),
    ("Copy the sample configuration to lrp.conf and edit it.",
     "Copiez la configuration d'exemple dans lrp.cfg et modifiez-la.",
     "file name", "lrp.conf", "lrp.cfg"),
    ("See README.md for the details.", "Voir README.txt pour les détails.",
     "file name", "README.md", "README.txt"),
    ("Start the service with syncbox start --daemon.",
     "Démarrez le service avec syncbox start --debug.", "option", "--daemon", "--debug"),
    ("Copy the folder with the --recursive option.", "Copiez le dossier avec l'option --recurse.",
     "option", "--recursive", "--recurse"),
    ("Limit it with --max-size=5 here.", "Limitez-le ici avec --max-sz=5.",
     "option", "--max-size=5", "--max-sz=5"),
    ("Download it with curl -O followed by the address.",
     "Téléchargez-le avec curl -o suivi de l'adresse.", "option", "-O", "-o"),
    ("Copy the folder with cp -R source target.", "Copiez le dossier avec cp -r source cible.",
     "option", "-R", "-r"),
    ("Run ls -la in the terminal.", "Exécutez ls -lh dans le terminal.", "option", "-la", "-lh"),
])
def test_a_changed_path_file_name_or_option_is_reported(source, translation, what, was, now):
    assert technical([(source, translation)]) == [
        [("minor", f"{what} {was} in the source is {now} in the translation")]]


def test_an_option_whose_number_changed_is_one_number_finding():
    # The value is the number check's (major: the reader types it); the option, the same
    # on both sides, is not reported a second time.
    found = reasons([("Limit it with --max-size=5 here.", "Limitez-le ici avec --max-size=50.")])
    assert found == [[("major", "number 5 in the source is 50 in the translation")]]
    # Nor where the number is only part of the value: its digits are the number check's.
    assert technical([("Limit it with --max-size=5M here.", "Limitez-le ici avec --max-size=50M."),
                      ("Use --jobs=1,000 --tag=v2.", "Utilisez --jobs=1,500 --tag=v3.")]) == [
        [], []]
    assert technical([("Use --size=5M.", "Utilisez --size=5G.")]) == [
        [("minor", "option --size=5M in the source is --size=5G in the translation")]]
    # A value that is a word is the option's to compare.
    assert technical([("Run it with --mode=fast.", "Lancez-le avec --mode=rapide.")]) == [
        [("minor", "option --mode=fast in the source is --mode=rapide in the translation")]]


def test_a_size_changed_in_an_option_is_one_number_finding():
    # "5M" is also read as a code of capitals and digits: its digits, 5, are not in "50M",
    # so the changed number says it all.
    found = reasons([("Set it with --max-size=5M here.", "Réglez-le ici avec --max-size=50M.")])
    assert found == [[("major", "number 5 in the source is 50 in the translation")]]


def test_a_lost_or_added_option_is_reported_and_the_same_ones_are_not():
    pairs = [
        ("Run syncbox init --force to reset.", "Exécutez syncbox init pour réinitialiser."),
        ("Run syncbox init to reset.", "Exécutez syncbox init --force pour réinitialiser."),
        ("Run ls -la in /usr/local/bin or C:\\Restore with config.yaml.",
         "Exécutez ls -la dans /usr/local/bin ou c:\\restore avec config.yaml."),
    ]
    assert technical(pairs) == [
        [("minor", "option --force in the source is missing from the translation")],
        [("minor", "option --force in the translation is not in the source")],
        [],  # a Windows path ignores case, as Windows does
    ]


def test_paths_and_options_in_code_are_the_code_comparisons():
    found = reasons([("Edit `/etc/app/config.yaml` and run `app --daemon`.",
                      "Modifiez `/etc/app/conf.yaml` et lancez `app --debug`.")], "mechanical")
    assert [r for _, r in found[0] if r.startswith(("path", "file name", "option"))] == []
    assert any("inline code differs" in r for _, r in found[0])


@pytest.mark.parametrize(("source", "translation"), [
    ("Well -- I think so.", "Eh bien, je le crois."),
    ("It was -5 °C outside.", "Il faisait moins cinq dehors."),
    ("Take the A-1 road and the x-ray.", "Prenez la route et la radio."),
    ("Bring tea and/or coffee; he/she decides.", "Apportez du thé ou du café ; il décide."),
    ("Add 1/2 cup at 50 km/h, 24/7, w/o sugar.", "Ajoutez une demi-tasse, toujours, sans sucre."),
    ("He wrote on 13/08/1936, e.g. to Mr.Smith, i.e. home.",
     "Il écrivit le 13/08/1936, par exemple à M. Smith, c'est-à-dire chez lui."),
    ("He went home.", "Aussi papa , n’est -il pas question , dit -il , de partir ?"),
    ("Is the visit.com of Amazon.com good?", "La visite est-elle bonne ?"),
])
def test_prose_dashes_slashes_and_dots_are_no_paths_or_options(source, translation):
    assert technical([(source, translation)]) == [[]]


def test_a_dash_joined_to_a_word_in_prose_makes_no_option_of_the_document():
    pairs = [
        ("He said it--but I did not listen.", "Il le dit, mais je n'écoutais pas."),
        ("And she cried --almost screaming.", "Et elle pleura, criant presque."),
    ]
    assert technical(pairs) == [[], []]


def test_the_digits_of_a_path_or_a_file_name_are_no_numbers():
    assert blank_markup("Read /var/app2/log and lrp-1.8.2.tar.gz now.").split() == [
        "Read", "and", "now."]
    assert reasons([("Read /var/app2/log now.", "Lisez /var/app2/log maintenant.")],
                   "number") == [[]]


# -- 3. keyboard shortcuts -----------------------------------------------------------------


@pytest.mark.parametrize(("source", "translation", "languages", "was", "now"), [
    ("Press Ctrl+Shift+P to open the palette.", "Appuyez sur Ctrl+Maj+O pour ouvrir la palette.",
     ("en", "fr"), "Ctrl+Shift+P", "Ctrl+Maj+O"),
    ("Press Ctrl+Shift+E to open the view.", "Drücken Sie Strg+Umschalt+R, um sie zu öffnen.",
     ("en", "de"), "Ctrl+Shift+E", "Strg+Umschalt+R"),
    ("Press Ctrl+Alt+B to build.", "Appuyez sur Ctrl+Alt+V pour compiler.", ("en", "fr"),
     "Ctrl+Alt+B", "Ctrl+Alt+V"),
    ("Press Ctrl+Z to undo.", "Drücken Sie Strg+Y, um es rückgängig zu machen.", ("en", "de"),
     "Ctrl+Z", "Strg+Y"),
])
def test_a_changed_shortcut_is_major(source, translation, languages, was, now):
    assert technical([(source, translation)], languages) == [
        [("major", f"shortcut {was} in the source is {now} in the translation")]]


@pytest.mark.parametrize(("source", "translation", "languages"), [
    ("Press Ctrl+Shift+N to create a folder.", "Drücken Sie Strg+Umschalt+N.", ("en", "de")),
    ("Press Ctrl+Shift+N to create a folder.", "Pulse Ctrl+Mayús+N para crear una carpeta.",
     ("en", "es")),
    ("Press Shift+Ctrl+P now.", "Appuyez sur Ctrl+Maj+P maintenant.", ("en", "fr")),
    ("Press Ctrl+Alt+Del to lock it.", "Presione Ctrl+Alt+Supr para bloquearlo.", ("en", "es")),
    ("Press Cmd+S to save.", "Drücken Sie Befehl+S zum Speichern.", ("en", "de")),
    ("Press ⌘S to save.", "Appuyez sur Cmd+S pour enregistrer.", ("en", "fr")),
    ("Press Shift+Tab to go back.", "Appuyez sur Maj+Tab pour revenir.", ("en", "fr")),
    ("Press Ctrl+Enter to send, Esc to cancel.", "Appuyez sur Ctrl+Entrée pour envoyer.",
     ("en", "fr")),
    ("Press Alt+F4 or Ctrl + W.", "Drücken Sie Alt+F4 oder Strg + w.", ("en", "de")),
    ("Press Ctrl+Home to go up.", "Drücken Sie Strg+Pos1, um nach oben zu gehen.", ("en", "de")),
    # Prose that looks like it: no key after the modifier.
    ("The Control-room staff met the alt-right End-user.", "Le personnel s'est réuni.",
     ("en", "fr")),
])
def test_the_same_shortcut_in_another_language_is_not_reported(source, translation, languages):
    assert technical([(source, translation)], languages) == [[]]


def test_the_code_of_an_inline_code_span_keeps_backticks_of_its_own():
    """One helper gives the code inside a span's backticks, for the code comparison and the
    shortcut check alike: the backticks that open it, the spaces around, no more."""
    from align.checks.placeholders import code_inner, inline_code, inline_code_spans
    from align.checks.shortcuts import _in_code

    text = "Type `` `x` `` or ``` `` ``` or `` Ctrl+S `` here."
    inner = [text[slice(*code_inner(text, *span))] for span in inline_code_spans(text)]
    assert inner == ["`x`", "``", "Ctrl+S"]
    assert [t.group() for t in inline_code(text)] == ["`` `x` ``", "``` `` ```"]
    ((start, end, _),) = _in_code(text)
    assert text[start:end] == "Ctrl+S"


def test_a_shortcut_written_as_inline_code_is_compared_by_its_keys():
    # Markdown documentation sets shortcuts in code: `Strg+S` is `Ctrl+S` in German, not
    # changed code; a changed key is still major, said as a shortcut.
    pairs = [("Press `Ctrl+S` to save.", "Drücken Sie `Strg+S` zum Speichern."),
             ("Press `Ctrl+Shift+P` to open it.", "Drücken Sie `Strg+Umschalt+O`."),
             ("Press `Ctrl+S` to save the file.", "Drücken Sie Strg+S zum Speichern.")]
    found = reasons(pairs, "mechanical", ("en", "de"))
    assert found[0] == []
    assert found[1] == [("major", "shortcut Ctrl+Shift+P in the source is Strg+Umschalt+O in "
                                  "the translation")]
    assert found[2] == []


def test_a_modifier_named_like_a_month_is_no_number():
    assert reasons([("Press Shift+F5 to reload.", "Appuyez sur Maj+F5 pour recharger.")],
                   "number") == [[]]


# -- 4. an options table in plain text -----------------------------------------------------


def test_a_line_that_starts_with_an_option_starts_a_sentence():
    text = ("Options:\n\n"
            "    --config FILE    Read the configuration from FILE.\n"
            "    --keep N         Keep the last N archives (default: 7).\n"
            "    -v, --verbose    Print more.\n"
            "    -q               Print nothing.\n")
    sentences = [s.text for s in segment(text).sentences]
    assert sentences == [
        "Options:",
        "--config FILE    Read the configuration from FILE.",
        "--keep N         Keep the last N archives (default: 7).",
        "-v, --verbose    Print more.",
        "-q               Print nothing.",
    ]
    # Without full stops too, and the segments stay spans of the text.
    bare = "Options:\n\n  --keep N     Keep N archives\n  -o <file>    Write to file\n"
    spans = segment(bare).sentences
    assert [s.text for s in spans] == ["Options:", "--keep N     Keep N archives",
                                       "-o <file>    Write to file"]
    assert all(bare[s.start:s.end] == s.text for s in spans)


def test_the_description_of_an_option_begins_its_sentence_for_the_name_check():
    pairs = [("--config FILE    Read the configuration from FILE.",
              "--config FILE    Lee la configuración de FILE."),
             ("-v, --verbose    Print every file.", "-v, --verbose    Muestra cada archivo.")]
    assert reasons(pairs, languages=("en", "es")) == [[], []]
    assert blank_markup("-o <file>    Write to file").lstrip() == "Write to file"


@pytest.mark.parametrize(("text", "expected"), [
    ("Il se tut.\n-- oui, dit-il.", ["Il se tut.\n-- oui, dit-il."]),
    ("He stopped.\n— yes, he said.", ["He stopped.", "— yes, he said."]),
    ("He stopped.\n-- Yes, he said.", ["He stopped.", "-- Yes, he said."]),
    ("He stopped.\n--and then he went on.", ["He stopped.\n--and then he went on."]),
    ("He stopped.\n-x marks the spot, he said.", ["He stopped.\n-x marks the spot, he said."]),
    ("It was a well-\nknown fact. It was.", ["It was a well-\nknown fact.", "It was."]),
])
def test_dialogue_dashes_are_unchanged(text, expected):
    assert [s.text for s in segment("Title.\n\n" + text).sentences] == ["Title.", *expected]


# -- 5. code is no prose for the omission and addition check -------------------------------


def test_a_code_block_with_translated_comments_has_no_word_level_omission(default_encoder):
    pairs = [
        ("The weather is nice today.", "Il fait beau aujourd'hui."),
        ("She opened the window and looked outside.", "Elle ouvrit la fenêtre et regarda dehors."),
        ("My brother works in a hospital.", "Mon frère travaille dans un hôpital."),
        ("We will leave tomorrow morning.", "Nous partirons demain matin."),
        ("The children were playing in the garden.", "Les enfants jouaient dans le jardin."),
        # The comments rendered freely, the code kept.
        ("Run this: ```bash\n# Remove every temporary file that the previous build left "
         "behind\nmake clean\n# Build everything again with all warnings enabled\n"
         "make all WARN=1\n```",
         "Exécutez ceci : ```bash\n# Nettoyage\nmake clean\n# Recompilation\n"
         "make all WARN=1\n```"),
        ("```python\n# connect to the database and fetch the users\n"
         "rows = db.query(users_table).filter(active=True).all()\nprint(rows)\n```",
         "```python\n# se connecter à la base\n"
         "rows = db.query(users_table).filter(active=True).all()\nprint(rows)\n```"),
    ]
    record = check(pairs, encoder=default_encoder)
    code_from = {side: document_text(record.side(side)).index("```")
                 for side in ("source", "translation")}
    for link in record.links[-2:]:
        for finding in link.findings:
            if finding.kind in ("omission", "addition"):
                assert not any(span.start >= code_from[span.side] for span in finding.spans), (
                    finding.reason)
