"""Translation text that was not translated: identical to the source, or in the source language.

Text the source itself writes in the translation's language (an English author quoting
a French line) is rightly kept as it is and not reported.  A song's line that subtitles
mark as sung (``♪ Hey, hey, don't let me down ♪``) on both sides is often kept in its
language on purpose: it is reported as info, saying so.

In strings that are already aligned (``--pairs``), an empty translation is a string not
translated yet, and a translation its file marks as not done (a fuzzy PO entry, an
XLIFF target in state ``needs-translation`` …) is reported with that state: translation
tools and gettext do not use such a translation as final."""

from __future__ import annotations

import re

from align.checks.base import CheckContext, words
from align.checks.lexicon import MUSIC_NOTES, fold
from align.checks.placeholders import blank_markup, one_branch, placeholder_keys, readable_links
from align.language import MIN_SHARE, identifier_probabilities, language_scores
from align.record import Finding

KINDS = ("untranslated",)

#: Fewer words of running text than this: too few to tell the language.  Measured on the
#: short lines and clauses of ../shared/data (docs/checks.md): of three words, 81–88 % of
#: English strings read as English and 0–0.2 % of French ones (English in fact, or OCR
#: debris); of two, a lone shared word ("a pénétré", "A midi") makes 0.7–3.8 % of French
#: strings read as English.
MIN_RUNNING_WORDS = 3


def _severity(n_words: int) -> str:
    # One word ("Paris", "OK") is often legitimately the same in both languages.
    return "major" if n_words >= 4 else "minor" if n_words >= 2 else "info"


def _words(text: str) -> list[str]:
    """The words of `text` that a translator writes: placeholders, tags and addresses
    (``%1$s``, ``<a href="/help">``) are the program's, the same in every language."""
    return [w.text for w in words(blank_markup(text))]


def _running(text: str) -> list[str]:
    """The words of running text of `text`, which show its language: not numbers, nor
    names, which stay the same in both languages, nor the words of placeholders, tags,
    addresses and code.  A capital alone does not make a name of a function word that
    starts a sentence ("The", "Your"), a Markdown heading (``# The``) or a table cell
    (``| The``); a title's capitals do ("Source: La Lutte Contre le Stalinisme", kept as
    it is in a translation)."""
    visible = blank_markup(text)
    running = []
    for word in words(visible):
        if not word.text[0].isalpha():
            continue
        if word.text[0].isupper():
            before = visible[:word.start].rstrip(" \"'«“‘¿¡(")
            starts_sentence = not before or before[-1] in ".!?…|#" + MUSIC_NOTES
            if not (starts_sentence and language_scores(word.text.lower())):
                continue
        running.append(word.text)
    return running




def _sung(text: str) -> bool:
    """Whether `text` is a line of a song as subtitles mark one: opened by a music note
    (``♪ Hey, hey, don't let me down ♪``, ``♫ Hey``) and followed by no words after the
    note closing it (``♪ Hey ♪ Where are my keys?`` holds a spoken line), or enclosed in
    hashes where a file writes no notes (``# Hey Jude #``; a hash only opening it makes a
    Markdown heading)."""
    visible = blank_markup(text).strip()
    if visible[:1] in MUSIC_NOTES:
        last = max(visible.rfind(note) for note in MUSIC_NOTES)
        return last == 0 or not any(c.isalpha() for c in visible[last:])
    return (len(visible) > 2 and visible[0] == visible[-1] == "#"
            and visible[1] != "#" and visible[-2] != "#")


#: A run of a program's characters: a word with the underscores, dots and digits of a name.
_NAME_RUN = re.compile(r"[\w$]+(?:\.[\w$]+)*")
#: What makes such a run an identifier: snake_case (``cache_size``, ``MAX_SIZE``), camelCase
#: (``maxSize``), a dotted name (``os.path``, ``app.title``).
_IDENTIFIER = re.compile(r"[^\W_]_+[^\W_]|[a-z][A-Z]|[^\W_]\.[^\W_]")


def _prose(text: str) -> list[str]:
    """The words of `text` that are prose: not those of its markup (`_words`), of its
    identifiers (`_IDENTIFIER`), nor numbers; of an ICU argument, those of one branch
    (`one_branch`), which is all a reader sees at one time."""
    visible = blank_markup(one_branch(text))
    visible = _NAME_RUN.sub(lambda m: " " * len(m.group()) if _IDENTIFIER.search(m.group())
                            else m.group(), visible)
    return [w.text for w in words(visible) if w.text[0].isalpha()]


def _reads_as(running: list[str], language: str, other: str) -> bool:
    """Whether words of running text are `language` rather than `other`: its function
    words hold a real share of them (one word shared by five languages, the "a" of "Anna a
    envoyé 5 photos", is not enough), and twice the share of `other`'s."""
    scores = language_scores(" ".join(running))
    return scores.get(language, 0.0) >= MIN_SHARE and \
        scores.get(language, 0.0) > 2 * scores.get(other, 0.0)


def _identified_as(text: str, language: str, other: str) -> bool:
    """Whether the language identifier finds `text` more `language` than `other`.  It
    reads all of a sentence's words, where the function words of a short one may be few and
    shared: Italian "a" (at, to) is in English's profile and not in Italian's, and made
    "Siamo rimasti a casa a Natale." read as English."""
    probabilities = identifier_probabilities(" ".join(_words(text)))
    return probabilities.get(language, 0.0) > probabilities.get(other, 0.0)


#: The share of running text's words that are a language's function words, at least, for
#: the text to be written in it: prose has some two in five.
WRITTEN_SHARE = 0.2


def _written_in(running: list[str], language: str) -> bool:
    return language_scores(" ".join(running)).get(language, 0.0) >= WRITTEN_SHARE


def _quoted_in_target_language(text: str, source: str | None, target: str | None) -> bool:
    """Whether the source text is itself written in the translation's language (a
    quotation the author left untranslated), so that copying it is right."""
    if source is None or target is None or source == target:
        return False
    text_words = _words(text)
    if len(text_words) < 4:
        return False
    scores = language_scores(" ".join(text_words))
    return scores.get(target, 0.0) > 2 * scores.get(source, 0.0)


def _copied(text: str) -> str:
    """`text` as compared for a copy: its placeholders, tags and addresses left out (they
    stay in every translation), case, spacing and apostrophes ignored, accents kept
    (``Préférences`` for ``Preferences`` is the French word, written by hand), and so is
    punctuation (``Source :`` for ``Source:`` is the translation's typography)."""
    return " ".join(blank_markup(text).lower().replace("’", "'").split())


#: XLIFF states that say a translation is still to be made, not only to be reviewed.
_NOT_TRANSLATED = frozenset({"new", "needs-translation", "initial"})


def _state_finding(ctx: CheckContext, i: int) -> Finding | None:
    """What the file of pairs says of link `i`'s translation, where it says it is not done."""
    state = ctx.alignment.links[i].state
    source, translation = ctx.sources[i], ctx.translations[i]
    if not source:
        return None
    if not translation:
        # An empty string left for later, not a sentence the aligner could not place.
        # A string of placeholders and digits ("%d", "{0}/{1}") reads the same untranslated.
        lettered = any(w.text[0].isalpha() for w in words(blank_markup(source.text)))
        return Finding("untranslated", "major" if lettered else "info",
                       "no translation", ctx.whole(source))
    if state is None:
        return None
    if state == "fuzzy":
        severity, reason = "minor", "the translation is marked fuzzy: gettext does not use it"
    elif state in _NOT_TRANSLATED:
        severity, reason = "minor", f"the translation is marked as not translated ({state})"
    else:
        severity, reason = "info", f"the translation is marked for review ({state})"
    return Finding("untranslated", severity, reason, ctx.whole(translation))


#: What a reason adds for a song's line kept in its language: subtitles often keep a song's
#: words as sung, on purpose, so it is listed for a reader (info) but fails no gate.
_SONG = " (a song's line, which subtitles often keep as sung)"


def _untranslated(source: str, translation: str, severity: str, reason: str,
                  spans: list) -> Finding:
    """The finding, info where both sides are a song's line (`_sung`), which subtitles
    often keep in its language on purpose."""
    if _sung(source) and _sung(translation):
        severity, reason = "info", reason + _SONG
    return Finding("untranslated", severity, reason, spans)


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    source_language, target_language = ctx.source_language, ctx.translation_language
    # The pieces of a code block cut at max_chars read as blanks, as whole blocks do.
    sources, translations = readable_links(ctx, "source"), readable_links(ctx, "translation")
    for i in range(len(ctx.alignment.links)):
        source, translation = sources[i], translations[i]
        if ctx.pairs_input:
            state = _state_finding(ctx, i)
            if state is not None:
                out.append((i, state))
        if not source or not translation:
            continue
        source_words, translation_words = _words(source.text), _words(translation.text)
        target_words = [w for w in translation_words if w[0].isalpha()]
        if not target_words:
            continue
        if _copied(source.text) == _copied(translation.text):
            if _quoted_in_target_language(source.text, source_language, target_language):
                continue  # Poe quotes Crébillon in French; Baudelaire rightly keeps it
            # Names, numbers and titles ("La Lutte Contre le Stalinisme") stay the same in
            # both languages; running text, written in lower case, does not, nor do a
            # program's identifiers ("| cache_size | 512 |"), which are no prose.
            prose = _prose(translation.text)
            lower_case = sum(w[0].islower() for w in prose)
            # The words may be the source's while the string is not (an ICU argument
            # renamed, <b> made <strong>): the placeholder check has that difference.
            reason = "the translation is identical to the source"
            if placeholder_keys(source.text) != placeholder_keys(translation.text):
                reason += " but for its placeholders or tags"
            severity = _severity(len(prose)) if lower_case >= 2 else "info"
            out.append((i, _untranslated(source.text, translation.text, severity, reason,
                                         ctx.whole(translation))))
            continue
        running = _running(translation.text)
        if (
            source_language is None
            or target_language is None
            or source_language == target_language
            or len(running) < MIN_RUNNING_WORDS
        ):
            continue
        if _reads_as(running, source_language, target_language) and not _identified_as(
            translation.text, target_language, source_language
        ):
            in_source = {fold(w) for w in source_words}
            copied = sum(fold(w) in in_source for w in target_words) / len(target_words)
            if copied >= 0.6 and not _written_in(running, source_language):
                # A quotation in a third language that both texts keep as written
                # (Virgil's Latin in a French novel and in its English translation): a
                # word or two shared with the source language is no source text left.
                continue
            reason = (
                "the translation repeats the source text"
                if copied >= 0.6
                else f"the translation reads as {source_language}, the source language"
            )
            severity = _severity(len(running))
            out.append((i, _untranslated(source.text, translation.text, severity, reason,
                                         ctx.whole(translation))))
    return out
