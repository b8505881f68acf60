"""Translation text that was not translated: identical to the source, or in the source language.

Text the source itself writes in the translation's language (an English author quoting
a French line) is rightly kept as it is and not reported.  A song's line that subtitles
mark as sung (``♪ Hey, hey, don't let me down ♪``) on both sides is often kept in its
language on purpose: it is reported as info, saying so.  A sentence of a link left in the
source language beside translated ones is reported as that sentence, and a translated
sentence that keeps a quotation in the source language (``Gorky said to me: «Это не
революция, это погром»``) as that quotation, minor: it is often kept on purpose.
Severities count words as `word_count` does: a run of Han or kana letters is a word per two
letters.  Words of a script without case (Han, kana, Hangul, Arabic, Thai …) that the
translation's language does not write are running text, not names: Han from two words, the
others from four, since a name runs to three (``محمد بن سلمان``); fewer of them than of the
translation's other words are names kept beside their translation.

In strings that are already aligned (``--pairs``), an empty translation is a string not
translated yet, and a translation its file marks as not done (a fuzzy PO entry, an
XLIFF target in state ``needs-translation`` …) is reported with that state: translation
tools and gettext do not use such a translation as final."""

from __future__ import annotations

import re

from align.checks.base import CheckContext, LinkText, word_weight, words
from align.checks.lexicon import MUSIC_NOTES, fold
from align.checks.placeholders import blank_markup, one_branch, placeholder_keys, readable_links
from align.language import (
    CASELESS_SCRIPT_LANGUAGES,
    HAN_OR_KANA,
    KANA,
    MIN_SHARE,
    caseless_script,
    first_caseless_script,
    identifier_probabilities,
    language_scores,
)
from align.record import Finding
from align.segment import sentence_spans

KINDS = ("untranslated",)

#: Fewer words of running text than this: too few to tell the language.  Measured on the
#: short lines and clauses of ../shared/data (docs/checks.md): of three words, 81–88 % of
#: English strings read as English and 0–0.2 % of French ones (English in fact, or OCR
#: debris); of two, a lone shared word ("a pénétré", "A midi") makes 0.7–3.8 % of French
#: strings read as English.
MIN_RUNNING_WORDS = 3
#: How many times the words of a translated sentence around its quotations those kept in
#: the source language may hold, and be a quotation the sentence cites (`_kept_quotations`).
QUOTATION_SHARE = 2


def _severity(n_words: int) -> str:
    # One word ("Paris", "OK") is often legitimately the same in both languages.
    return "major" if n_words >= 4 else "minor" if n_words >= 2 else "info"


#: The languages (primary subtags) that write Han: a Han or kana word is running text
#: unless the translation's language writes it too (a Chinese name is the same in a
#: Japanese text).
_HAN_LANGUAGES = frozenset({"zh", "ja", "yue", "wuu", "lzh"})


def _foreign_script(word: str, language: str | None) -> bool:
    """Whether `word` holds Han or kana letters that `language` (None: unknown) does not
    write: Chinese or Japanese left in an English translation, Japanese in a Chinese one."""
    if not HAN_OR_KANA.search(word):
        return False
    if language == "ja":
        return False
    if language in _HAN_LANGUAGES:
        return KANA.search(word) is not None
    return True


#: A name runs to three words at most (محمد بن سلمان, דוד בן גוריון, 서울특별시 강남구): in a
#: script without case, more words than this are running text.
MAX_NAME_WORDS = 3


def _caseless_words(text: str, language: str | None) -> tuple[int, int]:
    """How many words of `text` are written in a script without case (Hangul, Arabic, Thai
    …), and how many of them in one that `language` (None: unknown) does not write, counted
    as `word_weight` counts them (Thai's run of letters, a word per four characters)."""
    total = foreign = 0
    if first_caseless_script(text) is None:
        return total, foreign  # most texts, read without cutting them into words
    for word in words(text):
        script = first_caseless_script(word.text)
        if script is None:
            continue
        n = word_weight(word.text)
        total += n
        if language not in CASELESS_SCRIPT_LANGUAGES[script]:
            foreign += n
    return total, foreign


def _in_foreign_script(word: str, language: str | None) -> bool:
    """Whether `word` is written in a script without case that `language` does not write."""
    if _foreign_script(word, language):
        return True
    script = caseless_script(word[0])
    return script is not None and language not in CASELESS_SCRIPT_LANGUAGES[script]


def _count(running: list[str]) -> int:
    """How many words `running` holds for a severity (`word_weight`: a run of Han or kana
    letters is a word per two letters)."""
    return sum(word_weight(w) for w in running)


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


def _prose_text(text: str) -> str:
    """`text` as prose: its markup (`_words`) and identifiers (`_IDENTIFIER`) blanked; of an
    ICU argument, one branch (`one_branch`), which is all a reader sees at one time."""
    visible = blank_markup(one_branch(text))
    return _NAME_RUN.sub(lambda m: " " * len(m.group()) if _IDENTIFIER.search(m.group())
                         else m.group(), visible)


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


def _in_source_language(text: str, source_words: list[str], source_language: str,
                        target_language: str) -> tuple[str, str] | None:
    """The severity and reason of translation `text` left in the source language (its
    words repeating `source_words`, or only reading as that language), or None."""
    running = _running(text)
    caseless, foreign = _caseless_words(blank_markup(text), target_language)
    foreign += sum(word_weight(w) for w in running if _foreign_script(w, target_language))
    n_words = _count([w for w in running if not caseless_script(w[0])]) + caseless
    if 2 * foreign < n_words:
        # Fewer words of a script the translation's language does not write than of others
        # are names kept beside their translation ("CEO Kim Min-jun (김민준) opened…"), which
        # the letters of a script would make read as its language.
        running = [w for w in running if not _in_foreign_script(w, target_language)]
        n_words -= foreign
    if n_words < MIN_RUNNING_WORDS:
        return None
    if not _reads_as(running, source_language, target_language) or _identified_as(
        text, target_language, source_language
    ):
        return None
    target_words = [w for w in _words(text) if w[0].isalpha()]
    in_source = {fold(w) for w in source_words}
    copied = sum(fold(w) in in_source for w in target_words) / len(target_words)
    if copied >= 0.6 and not _written_in(running, source_language):
        # A quotation in a third language that both texts keep as written (Virgil's Latin
        # in a French novel and in its English translation): a word or two shared with the
        # source language is no source text left.
        return None
    reason = (
        "the translation repeats the source text"
        if copied >= 0.6
        else f"the translation reads as {source_language}, the source language"
    )
    return _severity(n_words), reason


#: Quotation marks, opening and closing: guillemets (and the German and Danish ones turned
#: inward), curly, low (German, Polish), straight, and the corner brackets of Chinese and
#: Japanese.
_QUOTATION_MARKS = (("«", "»"), ("»", "«"), ("‹", "›"), ("“", "”"), ("„", "“"), ("„", "”"),
                    ("‘", "’"), ("‚", "‘"), ('"', '"'), ("'", "'"), ("「", "」"), ("『", "』"))


def _quotation_pattern(opening: str, closing: str) -> re.Pattern:
    # A mark touching a letter on its outer side is an apostrophe ("l'État", "don’t") or
    # the inside of a word; a straight quote, or a single curly one (an apostrophe too),
    # touches its quotation's first and last characters, where guillemets may be spaced
    # ("« l'État, c'est moi »").
    inner = r"(?=\S)" if opening in "\"'‘‚" else ""
    before_closing = r"(?<=\S)" if closing in "\"'’‘" else ""
    return re.compile(rf"(?<!\w){re.escape(opening)}{inner}(.+?){before_closing}"
                      rf"{re.escape(closing)}(?!\w)", re.S)


_QUOTATIONS = tuple(_quotation_pattern(o, c) for o, c in _QUOTATION_MARKS)


def _quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of `text`, marks included, as offsets: of marks that could pair in
    two ways (the closing “ of German is English's opening one), the earlier opening."""
    found = sorted({(m.start(), m.end()) for pattern in _QUOTATIONS
                    for m in pattern.finditer(text) if any(c.isalpha() for c in m.group(1))},
                   key=lambda span: (span[0], -span[1]))
    quotations: list[tuple[int, int]] = []
    for start, end in found:
        if not quotations or start >= quotations[-1][1]:
            quotations.append((start, end))
    return quotations


def _kept_quotations(text: str, source_language: str,
                     target_language: str) -> list[tuple[int, int]]:
    """The quotations of `text` (offsets, marks included) not in the translation's language,
    where `text` outside its quotation marks is the translation's own sentence: three words
    at least (names count: "As Louis XV said" is the sentence's), its running text reading as
    the translation's language.  A translation that keeps a quotation in the source
    language on purpose ("Gorky said to me: «Это не революция, это погром»") is no text left
    untranslated; a sentence written in the source language around its quotation is, and so
    is one whose quotations are most of its words (`QUOTATION_SHARE`)."""
    quotations = _quotations(text)
    if not quotations:
        return []
    outside = list(text)
    for start, end in quotations:
        outside[start:end] = " " * (end - start)
    unquoted = "".join(outside)
    own = [w for w in _words(unquoted) if w[0].isalpha()]
    if _count(own) < MIN_RUNNING_WORDS or not _reads_as(_running(unquoted), target_language,
                                                         source_language):
        return []
    kept = [(start, end) for start, end in quotations
            if not _reads_as(_running(text[start:end]), target_language, source_language)]
    # A quotation of more than twice the words of the sentence around it is the sentence's
    # content, not a passage it cites: dialogue left untranslated ('Il a dit : « I do not
    # know where the key is, … »'), as major as the sentence it is.
    quoted = _count([w for s, e in kept for w in _words(text[s:e]) if w[0].isalpha()])
    return [] if quoted > QUOTATION_SHARE * _count(own) else kept


def _quotation_kept(ctx: CheckContext, source: str, translation: LinkText, start: int,
                    quotations: list[tuple[int, int]]) -> Finding:
    """The finding of `quotations` (offsets from `start` in `translation`'s text) kept in
    the source language by a translated sentence: minor, since it may be kept on purpose
    (a historian keeps Gorky's Russian) or forgotten, and pointed to at the quotations."""
    text = translation.text
    quoted = ", ".join(text[start + s:start + e] for s, e in quotations)
    noun = "a quotation" if len(quotations) == 1 else "quotations"
    return _untranslated(source, text, "minor", f"{noun} kept in the source language: {quoted}",
                         [ctx.span(translation, start + s, start + e) for s, e in quotations])


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
            prose_text = _prose_text(translation.text)
            prose = [w.text for w in words(prose_text)
                     if w.text[0].isalpha() and not caseless_script(w.text[0])]
            # Han and kana have no case: a passage of them in a language that does not write
            # them is running text, however many words it is (`word_weight`).
            lower_case = sum(word_weight(w) if _foreign_script(w, target_language)
                             else w[0].islower() for w in prose)
            # Nor have Hangul, Arabic, Thai …, written in words a name may run to: more than
            # a name's words of a script the language does not write are running text.
            caseless, foreign = _caseless_words(prose_text, target_language)
            if foreign > MAX_NAME_WORDS:
                lower_case += foreign
            # The words may be the source's while the string is not (an ICU argument
            # renamed, <b> made <strong>): the placeholder check has that difference.
            reason = "the translation is identical to the source"
            if placeholder_keys(source.text) != placeholder_keys(translation.text):
                reason += " but for its placeholders or tags"
            n_words = _count(prose) + caseless
            severity = _severity(n_words) if lower_case >= 2 else "info"
            out.append((i, _untranslated(source.text, translation.text, severity, reason,
                                         ctx.whole(translation))))
            continue
        if (
            source_language is None
            or target_language is None
            or source_language == target_language
        ):
            continue
        # A sentence left as the source wrote it beside translated ones, in one link (a
        # Japanese sentence before its English neighbour, English stuck to Chinese): found
        # as that sentence, which the link's other words may hide or the link's finding
        # would not point to.
        passages = sentence_spans(translation.text, target_language)
        left = [(start, end, found) for start, end in passages if len(passages) > 1
                and (found := _in_source_language(translation.text[start:end], source_words,
                                                  source_language, target_language))]
        if 0 < len(left) < len(passages):
            for start, end, (severity, reason) in left:
                kept = _kept_quotations(translation.text[start:end], source_language,
                                        target_language)
                if kept:
                    out.append((i, _quotation_kept(ctx, source.text, translation, start,
                                                   kept)))
                    continue
                out.append((i, _untranslated(source.text, translation.text, severity,
                                             "a sentence of " + reason,
                                             [ctx.span(translation, start, end)])))
            continue
        found = _in_source_language(translation.text, source_words, source_language,
                                    target_language)
        if found is not None:
            kept = _kept_quotations(translation.text, source_language, target_language)
            if kept:
                out.append((i, _quotation_kept(ctx, source.text, translation, 0, kept)))
                continue
            severity, reason = found
            out.append((i, _untranslated(source.text, translation.text, severity, reason,
                                         ctx.whole(translation))))
    return out
