"""The untranslated check on subtitles: a song's line kept as sung is listed but fails no
default gate, while an ordinary line left in the source language stays major."""

from __future__ import annotations

import pytest

from align.checks import check_alignment
from align.checks.pairs import pairs_alignment

SONG = " (a song's line, which subtitles often keep as sung)"


def untranslated(pairs, languages=("en", "es")) -> list[list[tuple[str, str]]]:
    """Each pair's untranslated findings, as (severity, reason)."""
    record = check_alignment(pairs_alignment(pairs, languages=languages))
    return [[(f.severity, f.reason) for f in link.findings if f.kind == "untranslated"]
            for link in record.links]


@pytest.mark.parametrize("line", [
    "♪ Hey, hey, don't let me down ♪",
    "♫ Hey, hey, don't let me down ♫",
    "♪ Hey, hey, don't let me down",  # a note opening the line only
    "<i>♪ Hey, hey, don't let me down ♪</i>",
    "# Hey, hey, don't let me down #",  # as files without notes write a song
])
def test_a_song_line_kept_as_sung_is_info_saying_so(line):
    assert untranslated([(line, line)]) == [
        [("info", "the translation is identical to the source" + SONG)]]


def test_a_song_line_left_in_the_source_language_but_not_copied_is_info_too():
    """The translation keeps the English words, with its own notes or its own words, and
    is read as English."""
    found = untranslated([("♪ Hey, hey, don't let me down ♪", "# Hey, hey, don't let me down #"),
                          ("♪ You and me, we are going home now ♪",
                           "♪ You and me, we're going home now ♪")])
    assert found[0] == [("info", "the translation repeats the source text" + SONG)]
    assert found[1] == [("info", "the translation repeats the source text" + SONG)]


@pytest.mark.parametrize(("source", "translation"), [
    # An ordinary line left in English (the reviewer's cue 23).
    ("I'll call my brother Andrés.", "I'll call my brother Andrés."),
    # A song line on one side only is no song kept: the translation is an English line.
    ("♪ Hey, hey, don't let me down ♪", "Hey, hey, don't let me down"),
    # A song's line and a spoken one in one link: the spoken one is left in English.
    ("♪ Hey, hey ♪ Where are my keys, Miguel?", "♪ Hey, hey ♪ Where are my keys, Miguel?"),
    # A Markdown heading opens with a hash and does not close with one.
    ("# Install all the files now", "# Install all the files now"),
])
def test_an_ordinary_line_left_untranslated_stays_major(source, translation):
    (found,), = untranslated([(source, translation)])
    assert found[0] == "major"
    assert SONG not in found[1]
