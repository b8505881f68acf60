"""Mechanical defects: doubled words, unbalanced brackets and quotes, final punctuation that
differs, a repeated source sentence translated differently, one translation given to
different source sentences, one term spelled two ways, apostrophes written two ways in
the translation (``I'm`` beside ``can’t``), and spaces: a leading or trailing space on one
side only (software strings are joined to others by them), a double space, and in strings
a different number of line breaks.

These look at both sides: the source can carry defects too (``that that``), and a
reviewer wants to know before blaming the translation.  A finding says which side holds
the doubled word, and a translation that copies the source's own (``make make``) is not
blamed for it.

Markdown code (`` `mytool init` ``, a fenced block) is the program's: its words, brackets,
hyphens and apostrophes are none of the text's (``mytool`` ending one command line and
starting the next is no doubled word).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache

from align.checks.base import CheckContext, LinkText, quote, words
from align.checks.lexicon import fold
from align.checks.placeholders import blank_code, readable_links, readable_sentences
from align.checks.resources import plural_form
from align.record import Finding, SideName, Span

KINDS = ("mechanical",)

#: Words that grammar doubles: "vous vous trompez", "nous nous", "had had", "die die",
#: Dutch "zei dat dat klopte" (the conjunction, then the demonstrative: the verb comes last
#: in a Dutch clause, so what follows says nothing).
_LEGITIMATE_DOUBLES = frozenset({"vous", "nous", "had", "die", "das", "der", "sie", "dat"})
#: English "that that" is the conjunction and then the demonstrative when a verb follows
#: ("he said that that was wrong").  Otherwise it is reported: mostly a slip ("that that
#: we should"), though "that that man" (conjunction, then determiner) is grammar too and
#: is not told apart here.
_THAT_THAT_VERBS = frozenset(
    "is was are were has had have would will could can should must might may "
    "does did seems seemed means meant made makes sounds sounded".split()
)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
_QUOTES = (("«", "»"), ("“", "”"))
#: What may follow a sentence's final mark: closing quotes and brackets, emphasis, spaces
#: (any that `str.isspace` knows: also the no-break spaces U+00A0, U+202F and the thin
#: space U+2009 that French sets before "!", "?" and "»") and invisible joiners.
_TRAILING = frozenset(" \t\n\"'“”‘’«»„‹›)]}*_」』）】\u200b\u2060\ufeff")


def _strip_trailing(text: str) -> str:
    end = len(text)
    while end and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def doubled_words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every word written twice in a row (``that that``), outside
    Markdown code (written over with backticks, so that no two words meet across it)."""
    found = []
    tokens = words(blank_code(text, "`"))
    for n, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False)):
        same = a.text.casefold() == b.text.casefold()
        gap = text[a.end : b.start]
        # A tab separates the cells of a table row ("Cronstadt<TAB>Cronstadt"), not two
        # words of a sentence; one line break is a wrapped line, two a paragraph.
        if (same and a.text.isalpha() and gap.isspace() and "\t" not in gap
                and gap.count("\n") < 2):
            # The verb must follow in the same clause: "that that. Was he …" is a slip.
            after = tokens[n + 2] if n + 2 < len(tokens) else None
            if (a.text.casefold() == "that" and after is not None
                    and text[b.end:after.start].isspace()
                    and after.text.casefold() in _THAT_THAT_VERBS):
                continue
            if a.text.casefold() not in _LEGITIMATE_DOUBLES:
                found.append((a.start, b.end, a.text))
    return found


_LIST_MARKER = re.compile(r"(?:^|(?<=\s))(?:[a-zA-Z]|\d{1,2})\s?\)")


def _brackets_balance(text: str, opening: str, closing: str) -> bool:
    """Whether every `closing` of `text` closes an `opening` and every `opening` is closed.

    A closing bracket with nothing open that ends a list marker ("a) first, b) second",
    "1 ) …" in tokenised text) closes nothing and is not counted."""
    if opening not in text and closing not in text:
        return True
    depth = 0
    for k, char in enumerate(text):
        if char == opening:
            depth += 1
        elif char == closing:
            if depth:
                depth -= 1
            elif not (closing == ")" and _LIST_MARKER.match(text, _marker_start(text, k))):
                return False
    return depth == 0


def _marker_start(text: str, k: int) -> int:
    """Where a list marker ending with the bracket at `k` would start ("b)", "12 )")."""
    start = k
    if start and text[start - 1] == " ":
        start -= 1
    while start and text[start - 1].isalnum() and k - start < 4:
        start -= 1
    return start


#: A terminal control sequence (``ESC [ 31 m``): kept in the text as a control character
#: (the reading warns of it), not a bracket the text opens.
_CONTROL_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]")


def imbalance(text: str) -> list[str]:
    """The bracket and quote pairs of `text` left open or closed without their partner
    (those of its Markdown code are the code's)."""
    text = _CONTROL_SEQUENCE.sub("", blank_code(text))
    problems = [opening + closing for opening, closing in _BRACKETS
                if not _brackets_balance(text, opening, closing)]
    for opening, closing in _QUOTES:
        opens, closes = text.count(opening), text.count(closing)
        if opening == "“" and "„" in text:  # German quotes open with „ and close with “
            opens, closes = text.count("„"), text.count("“") + text.count("”")
        if opens != closes:
            problems.append(opening + closing)
    if text.count('"') % 2:
        problems.append('""')
    return problems


_MARKS = {"？": "?", "！": "!", "؟": "?", ";": "?", "‼": "!", "⁉": "?", "⁈": "?"}


_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def final_mark(text: str) -> str:
    """How `text` ends: ``?``, ``!``, ``…``, ``""`` when it ends in a letter or a digit or
    holds none (a heading ``Chapter 1``, a scene break ``* * *``), else ``.``."""
    # French sets the mark off with a space inside the quotes: "« Quoi ? »".
    stripped = _strip_trailing(text)
    if stripped.endswith(("...", "…", "⋯", "……")):
        return "…"
    # The full-width and other scripts' marks are the same marks: "！" "？" (Chinese,
    # Japanese), "؟" (Arabic), ";" the Greek question mark, "¿…?" read by its end.
    mark = _MARKS.get(stripped[-1:], stripped[-1:])
    if mark == ";" and _GREEK.search(stripped):
        mark = "?"  # Greek asks with ";" (U+037E, which Unicode normalises to U+003B)
    if mark in ("?", "!"):
        return mark
    # No mark at all: no letter or digit to end (a scene break "* * *"), or one ends the text
    # (a heading "Chapter 1"; a combining accent ends a letter written decomposed).
    if not _has_word(stripped) or stripped[-1].isalnum() or (
            unicodedata.combining(stripped[-1])):
        return ""
    return "."


def _doubled(ctx: CheckContext, i: int, source: LinkText,
             translation: LinkText) -> list[tuple[int, Finding]]:
    """The doubled words of link `i`, each said to be the source's or the translation's.
    A translation that writes a doubled word its source has too (copied: ``make make`` of a
    command line) reproduces the source's and is not blamed for it: the source's finding
    points at it."""
    out = []
    in_source: Counter[str] = Counter()
    for start, end, word in doubled_words(source.text):
        in_source[word.casefold()] += 1
        out.append((i, Finding("mechanical", "minor",
                               f"doubled word in the source: {_as_written(source, start, end)}",
                               [ctx.span(source, start, end)])))
    for start, end, word in doubled_words(translation.text):
        if in_source[word.casefold()] > 0:
            in_source[word.casefold()] -= 1
            continue
        out.append((i, Finding(
            "mechanical", "minor",
            f"doubled word in the translation: {_as_written(translation, start, end)}",
            [ctx.span(translation, start, end)],
        )))
    return out


def _as_written(link_side: LinkText, start: int, end: int) -> str:
    """The two words as the text writes them (``The the``), a line break between them
    read as a space."""
    return " ".join(link_side.text[start:end].split())


def _continued(text: str, following: str, pair: str) -> bool:
    """Whether paragraph `text` is balanced for the quote `pair` under the conventions of a
    quotation that runs over several paragraphs: English opens every paragraph with the
    quote and closes only the last (`following` opens again); French marks each paragraph
    after the first with the closing guillemet, whether the speech opened with « (« … /
    » … / » … ») or with a dialogue dash (— … / » … / » …)."""
    opening, closing = pair[0], pair[1]
    if opening in "([{" or "„" in text:
        return False
    if opening == closing:
        return text.count(opening) % 2 == 1 and following.startswith(opening)
    opens, closes = text.count(opening), text.count(closing)
    if text.lstrip().startswith(closing):
        closes -= 1
        if closes == opens + 1:  # the last paragraph closes what the first opened
            return True
    return opens == closes or (opens == closes + 1 and following.startswith((opening, closing)))


def _paragraph_imbalance(ctx: CheckContext) -> dict[tuple[SideName, int], list[str]]:
    """`imbalance` of every paragraph of both sides that holds an unbalanced sentence, less
    the quotes that run on into the next paragraph (`_continued`)."""
    out = {}
    for side in ("source", "translation"):
        paragraphs: dict[int, list[str]] = defaultdict(list)
        for sentence, text in zip(ctx.alignment.side(side).sentences,
                                  readable_sentences(ctx, side), strict=True):
            paragraphs[sentence.paragraph].append(text)
        numbers = sorted(paragraphs)
        for k, number in enumerate(numbers):
            if any(imbalance(text) for text in paragraphs[number]):
                text = " ".join(paragraphs[number])
                following = (" ".join(paragraphs[numbers[k + 1]]).lstrip()
                             if k + 1 < len(numbers) else "")
                out[(side, number)] = [pair for pair in imbalance(text)
                                       if not _continued(text, following, pair)]
    return out


def _balance(ctx: CheckContext, i: int, paragraphs: dict[tuple[SideName, int], list[str]],
             source: LinkText, translation: LinkText) -> list[tuple[int, Finding]]:
    out = []
    left, right = imbalance(source.text), imbalance(translation.text)
    link = ctx.alignment.links[i]

    def in_paragraph(side: SideName, pair: str) -> bool:
        """Whether a paragraph that the link's `side` is part of is unbalanced too."""
        sentences = ctx.alignment.side(side).sentences
        return any(pair in paragraphs.get((side, sentences[k].paragraph), ())
                   for k in (link.source if side == "source" else link.translation))

    # Dialogue legitimately opens a quote in one sentence and closes it later in its
    # paragraph ("“What is it? What is it?” he said."); only a difference between the two
    # sides that the paragraph does not make up for is worth a look.
    for this, other, name in ((right, left, "translation"), (left, right, "source")):
        for pair in this:
            if pair in other or not in_paragraph(name, pair):
                continue
            side = translation if name == "translation" else source
            kind = "brackets" if pair[0] in "([{" else "quotes"
            out.append((i, Finding(
                "mechanical", "minor" if kind == "brackets" else "info",
                f"unbalanced {kind} {pair} in the {name}", ctx.whole(side),
            )))
    return out


#: Two or more spaces between words; no-break spaces (French ``« Quoi ? »``) are not runs.
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def _spaces(ctx: CheckContext, i: int) -> list[tuple[int, Finding]]:
    """A leading or trailing space on one side only, and a double space in the translation
    where the source has none.  Text read from documents is segmented into stripped
    sentences, so the first applies to already aligned strings (``--pairs``), where a
    string such as "Name: " is joined to the next by its space."""
    source, translation = ctx.sources[i], ctx.translations[i]
    out = []
    for where, strip in (("begins", str.lstrip), ("ends", str.rstrip)):
        spaced = [text != strip(text) for text in (source.text, translation.text)]
        if spaced[0] != spaced[1]:
            this, other = ("source", "translation") if spaced[0] else ("translation", "source")
            side = source if spaced[0] else translation
            space = len(side.text) - len(strip(side.text))
            start, end = (0, space) if where == "begins" else (len(side.text) - space,
                                                                len(side.text))
            out.append((i, Finding(
                "mechanical", "minor",
                f"the {this} {where} with a space and the {other} does not",
                [ctx.span(side, start, end)],
            )))
    if not _DOUBLE_SPACE.search(source.text):
        for m in _DOUBLE_SPACE.finditer(translation.text):
            out.append((i, Finding(
                "mechanical", "info", "double space in the translation",
                [ctx.span(translation, m.start(), m.end())],
            )))
    return out


#: A closing quotation mark: not an apostrophe inside a word (``l’homme``).
_CLOSING_QUOTE = re.compile(r"[”»\"’](?![^\W\d_])")


#: A line break of a string: the character, or the escape ``\\n`` that a file of pairs
#: (TSV) writes for it.
_LINE_BREAK = re.compile(r"\n|(?<!\\)\\n")


def _line_breaks(ctx: CheckContext, i: int) -> list[tuple[int, Finding]]:
    """A different number of line breaks in a string's two sides (``First line\\nSecond
    line`` against ``Première ligne Deuxième ligne``): the program shows the lines as the
    string breaks them, as pofilter's ``newlines`` checks.  Strings only (``--pairs``): in
    running text a line break is where a line was wrapped."""
    source, translation = ctx.sources[i], ctx.translations[i]
    found = [list(_LINE_BREAK.finditer(side.text)) for side in (source, translation)]
    if len(found[0]) == len(found[1]):
        return []
    more = 0 if len(found[0]) > len(found[1]) else 1
    side = (source, translation)[more]
    return [(i, Finding(
        "mechanical", "minor",
        f"line breaks differ: {len(found[0])} in the source, {len(found[1])} in the "
        "translation",
        [ctx.span(side, m.start(), m.end()) for m in found[more]],
    ))]


def _quoted_mark(text: str) -> str | None:
    """The final mark of the last quotation `text` closes (``?`` in ``“When?” he asked.``),
    None if it closes none."""
    closings = [m.start() for m in _CLOSING_QUOTE.finditer(text)]
    return final_mark(text[:closings[-1]]) if closings else None


def _ends_quoted(text: str) -> bool:
    """Whether `text` ends with a quotation (``« Quand ? »``)."""
    return bool(_CLOSING_QUOTE.search(text[len(_strip_trailing(text)):]))


def _speech_tag(ends_quoted: str, tagged: str, mark: str) -> bool:
    """Whether `tagged` only follows its quotation with a speech tag that `ends_quoted`, which
    ends with its quotation, leaves before it: ``Il demanda : « Quand ? »`` against
    ``“When?” he asked.``, where the question is the same."""
    return mark in ("?", "!", "…") and _ends_quoted(ends_quoted) and (
        _quoted_mark(tagged) == mark)


def _punctuation(ctx: CheckContext, i: int, source: LinkText,
                 translation: LinkText) -> list[tuple[int, Finding]]:
    a, b = final_mark(source.text), final_mark(translation.text)
    if a == b or {a, b} == {"", "."}:
        # A heading or a scene break may take a full stop on one side only.
        return []
    if not (_has_word(source.text) and _has_word(translation.text)):
        return []  # a scene break ("*") is no sentence whose end could differ
    if (b == "." and _speech_tag(source.text, translation.text, a)) or (
            a == "." and _speech_tag(translation.text, source.text, b)):
        return []
    # Translators legitimately turn questions into exclamations and back: worth a look only.
    return [(i, Finding(
        "mechanical", "info",
        f"the source ends {f'with {a}' if a else 'without a final mark'} "
        f"but the translation {f'with {b}' if b else 'without a final mark'}",
        ctx.whole(source)[-1:] + ctx.whole(translation)[-1:],
    ))]


def _normal(text: str) -> str:
    return " ".join(fold(text).split())


def _repeats(ctx: CheckContext, side: SideName) -> list[list[int]]:
    """The links of two sides whose `side` reads the same (three words or more), grouped,
    in link order."""
    groups: dict[str, list[int]] = defaultdict(list)
    shortest = 1 if _strings(ctx) else 3
    for i, (s, t) in enumerate(zip(ctx.sources, ctx.translations, strict=True)):
        if s and t and len(words(text := (s if side == "source" else t).text)) >= shortest:
            groups[_normal(text)].append(i)
    return [members for members in groups.values() if len(members) >= 2]


def _strings(ctx: CheckContext) -> bool:
    """Whether the links are strings a file of pairs holds (software, a translation
    memory), where even a one-word string ("Save") must be translated the same way each
    time, as QA tools check; in running text short sentences ("Yes.", "Well!") vary."""
    return ctx.alignment.signature.get("input") == "pairs"


def _short(text: str) -> bool:
    # One or two words ("Open", "Open file") may rightly differ by their use: a verb here,
    # a state there ("Ouvrir", "Ouvert"): worth a look, not a failed build.
    return len(words(text)) < 3


def _plural_forms(ctx: CheckContext, members: list[int]) -> bool:
    """Whether the links are the plural forms of one resource string (``files[one]``,
    ``files[few]``, ``files[many]``): one source, rightly translated several ways."""
    forms = [plural_form(ctx.alignment.links[i].key or "") for i in members]
    return all(forms) and len({f[0] for f in forms if f}) == 1


def _contexts(ctx: CheckContext, members: list[int]) -> bool:
    """Whether the links are one source string of a gettext catalogue in several contexts
    (``msgctxt "menu"`` and ``msgctxt "status"`` of ``Open``): a catalogue holds each string
    once per context, so the same string written twice is two contexts, which exist to be
    translated apart (``Otwórz``, ``Otwarty``)."""
    name = (ctx.alignment.source.name or "").lower()
    return (_strings(ctx) and name.endswith((".po", ".pot"))
            and len({ctx.sources[i].text for i in members}) == 1)


def _repeated_sources(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out = []
    for members in _repeats(ctx, "source"):
        if _plural_forms(ctx, members) or _contexts(ctx, members):
            continue
        versions = Counter(_normal(ctx.translations[i].text) for i in members)
        if len(versions) < 2:
            continue
        usual, _ = versions.most_common(1)[0]
        first_usual = next(i for i in members if _normal(ctx.translations[i].text) == usual)
        for i in members:
            if _normal(ctx.translations[i].text) != usual:
                out.append((i, Finding(
                    "mechanical", "info" if _short(ctx.sources[i].text) else "minor",
                    f"the same source sentence is translated differently in link {first_usual + 1}:"
                    f" {quote(ctx.translations[first_usual].text)}",
                    ctx.whole(ctx.translations[i]),
                )))
    return out


def _words_changed(a: str, b: str) -> int:
    """How many words the longer of two normalised sentences has outside their common runs."""
    x, y = a.split(), b.split()
    same = sum(block.size for block in SequenceMatcher(None, x, y, autojunk=False)
               .get_matching_blocks())
    return max(len(x), len(y)) - same


def _repeated_translations(ctx: CheckContext) -> list[tuple[int, Finding]]:
    """One translation given to different source sentences (the reverse of
    `_repeated_sources`).  Sources a word or two apart are the translation memory's
    classic slip, a match reused without the change ("Delete the file" /
    "Delete the folder"): minor; sources worded apart are often two phrasings that one
    translation fits ("Not a bit" / "It isn't", both "Pas du tout"): info."""
    out = []
    for members in _repeats(ctx, "translation"):
        first = members[0]
        usual = _normal(ctx.sources[first].text)
        for i in members[1:]:
            source = _normal(ctx.sources[i].text)
            if source == usual:
                continue
            changed = _words_changed(source, usual)
            out.append((i, Finding(
                "mechanical", "minor" if changed <= 2 and not _short(
                    ctx.translations[i].text) else "info",
                f"the same translation is given to a different source sentence in link "
                f"{first + 1}: {quote(ctx.sources[first].text)}",
                ctx.whole(ctx.sources[i]) + ctx.whole(ctx.translations[i]),
            )))
    return out


_MARKED = re.compile("['’\\-‐]")


@lru_cache(maxsize=1 << 16)
def _spelling_form(word: str) -> str:
    """`word` in lower case, its accents kept and composed, one apostrophe for both."""
    return unicodedata.normalize("NFC", word).lower().replace("’", "'")


@lru_cache(maxsize=1 << 16)
def _spelling_key(word: str) -> str:
    """What two writings of one term share: their letters and digits, accents included, so
    that only a hyphen or an apostrophe tells them apart (``parla`` is no ``par-là``)."""
    return "".join(c for c in _spelling_form(word) if c.isalnum())


def _spellings(ctx: CheckContext, side: SideName) -> list[tuple[int, Finding]]:
    """One term written two ways on one side: ``workers’`` and ``worker’s``, ``to-day`` and
    ``today``.  Apostrophe against no apostrophe is left alone (``its``/``it's`` differ)."""
    sentences = ctx.alignment.side(side).sentences
    link_of = {}
    for i, link in enumerate(ctx.alignment.links):
        for k in link.source if side == "source" else link.translation:
            link_of[k] = i
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    written: dict[str, Counter[str]] = defaultdict(Counter)  # form -> as the text writes it
    followers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    places: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    # Only a term written once with an apostrophe or a hyphen can be written two ways:
    # those terms first, then every writing of them.
    # Markdown code is spelled as the program spells it (``log-level``).
    texts = [blank_code(text) for text in readable_sentences(ctx, side)]
    marked_keys = {_spelling_key(w.text) for text in texts if _MARKED.search(text)
                   for w in words(text) if _MARKED.search(w.text)}
    for k, text in enumerate(texts):
        tokens = words(text)
        for n, w in enumerate(tokens):
            key = _spelling_key(w.text)
            if len(key) < 3 or key not in marked_keys:
                continue
            form = _spelling_form(w.text)
            forms[key][form] += 1
            written[form][w.text] += 1
            after = fold(tokens[n + 1].text) if n + 1 < len(tokens) else ""
            followers[key][form].add(after)
            places[key].append((k, w.start, w.end, form))
    out = []
    for key, counter in forms.items():
        if len(counter) < 2:
            continue
        marked = [f for f in counter if any(c in f for c in "'-‐")]
        if not marked:
            continue
        apostrophes = [f for f in counter if "'" in f]
        if apostrophes and len(apostrophes) < len(counter) and len(apostrophes) == len(marked):
            # Only apostrophe against none: "its" and "it's" are different words.
            counter = Counter({f: counter[f] for f in apostrophes})
            if len(counter) < 2:
                continue
        usual = max(counter, key=lambda f: (counter[f], -min(
            p[0] for p in places[key] if p[3] == f)))
        shared_context = any(
            followers[key][usual] & followers[key][f] - {""} for f in counter if f != usual
        )
        severity = "minor" if shared_context else "info"
        # Quoted as the text writes it most often (first in the text on a tie), capitals,
        # accents and apostrophe included.
        usual_text = max(written[usual], key=written[usual].__getitem__)
        for k, start, end, form in places[key]:
            if form == usual or form not in counter or k not in link_of:
                continue
            sentence = sentences[k]
            text = sentence.text[start:end]
            out.append((link_of[k], Finding(
                "mechanical", severity,
                f"inconsistent spelling in the {side}: {text} here, "
                f"{usual_text} elsewhere",
                [Span(side, sentence.start + start, sentence.start + end, text)],
            )))
    return out


#: An apostrophe inside a word (``I'm``, ``l’heure``), where it can be nothing else: one
#: at a word's edge may be a single quotation mark (``'Tis``, ``‘the workers’``).
_IN_WORD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
_APOSTROPHE_NAMES = {"'": "typewriter (')", "’": "typographic (’)"}
#: The usual style must be at least this many times as frequent as the other for the
#: other to be a slip rather than a text mixed from two sources.
_APOSTROPHE_MAJORITY = 2


def _apostrophes(ctx: CheckContext) -> list[tuple[int, Finding]]:
    """Apostrophes written two ways in the translation, typewriter (') and typographic (’):
    each of the rarer kind, where the other is the translation's clear habit, is a slip of
    typing or of pasting that house styles and QA tools flag."""
    sentences = ctx.alignment.translation.sentences
    texts = readable_sentences(ctx, "translation")
    places: dict[str, list[tuple[int, int, int]]] = {"'": [], "’": []}
    for i, link in enumerate(ctx.alignment.links):
        for k in link.translation:
            for m in _IN_WORD_APOSTROPHE.finditer(blank_code(texts[k])):
                places[m.group()].append((i, k, m.start()))
    straight, curly = len(places["'"]), len(places["’"])
    if not straight or not curly:
        return []
    usual, rare = ("’", "'") if curly >= straight else ("'", "’")
    if len(places[usual]) < _APOSTROPHE_MAJORITY * len(places[rare]):
        return []
    out = []
    for i, k, start in places[rare]:
        sentence = sentences[k]
        word = next((w.text for w in words(sentence.text) if w.start <= start < w.end),
                    sentence.text[max(start - 1, 0):start + 2])
        out.append((i, Finding(
            "mechanical", "minor",
            f"{_APOSTROPHE_NAMES[rare]} apostrophe in «{word}», where the translation's "
            f"{len(places[usual])} others are {_APOSTROPHE_NAMES[usual]}",
            [Span("translation", sentence.start + start, sentence.start + start + 1, rare)],
        )))
    return out


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    paragraphs = _paragraph_imbalance(ctx)
    # The pieces of a code block cut at max_chars read as blanks, as whole blocks do; a
    # link of code alone has no text whose punctuation or spacing could differ.
    sources, translations = readable_links(ctx, "source"), readable_links(ctx, "translation")
    for i in range(len(ctx.alignment.links)):
        source, translation = sources[i], translations[i]
        out += _doubled(ctx, i, source, translation)
        if source and translation:
            out += (_balance(ctx, i, paragraphs, source, translation)
                    + _punctuation(ctx, i, source, translation) + _spaces(ctx, i))
            if ctx.pairs_input:
                out += _line_breaks(ctx, i)
    out += _repeated_sources(ctx) + _repeated_translations(ctx)
    out += _spellings(ctx, "source") + _spellings(ctx, "translation") + _apostrophes(ctx)
    return out
