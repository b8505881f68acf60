"""Keyboard shortcuts that the translation names with other words but must keep.

A shortcut is one or more modifiers and a key, joined by ``+`` (``Ctrl+Shift+P``,
``Ctrl + W``) or by ``-`` (``Ctrl-Alt-Del``), or Apple's symbols written together
(``⇧⌘P``).  Each language names the keys its own way: French ``Ctrl+Maj+P``, German
``Strg+Umschalt+P``, Spanish ``Ctrl+Mayús+P`` are the same keys, and so are ``Entrée``,
``Eingabe``, ``Intro`` and ``Enter``.  So a shortcut is compared by its keys: its modifiers,
in any order, each read as the key it names, and its last key (a letter whatever its case,
a digit, ``F1``–``F24``, a named key).  The shortcuts of a link's two sides are compared
as a multiset, their order free: one changed is *major* (the reader presses the wrong
keys: ``Ctrl+Z`` for ``Ctrl+Y``), one lost or added *minor* (the translation may say it
otherwise).  Emacs's ``C-x`` is not read.  A key name alone (``Press Delete``) is a word
too (*Delete the file*), and is not read either.

Prose holds none: a modifier must have a key after it, and joined by a dash it must be
capitalised and its key no word (``Control-room``, ``alt-right``, ``End-user`` are no
shortcuts).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from align.checks.base import CheckContext, LinkText
from align.checks.lexicon import KEYBOARD_KEYS, KEYBOARD_MODIFIERS
from align.checks.placeholders import (
    blank_markup,
    code_inner,
    inline_code_spans,
    readable_links,
    taking,
    term_differences,
)
from align.record import Finding

KINDS = ("mechanical",)

#: The keys a word of prose may also be after a dash (``alt-right``): not read after one.
_WORD_KEYS = frozenset({"up", "down", "left", "right", "end", "home", "space", "insert"})


def _names(table: dict[str, str]) -> dict[str, str]:
    return {name.casefold(): key for key, names in table.items() for name in names.split()}


_MODIFIER = _names(KEYBOARD_MODIFIERS)
_KEY = _names(KEYBOARD_KEYS)


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_MOD = rf"(?:{_alternation(n for names in KEYBOARD_MODIFIERS.values() for n in names.split())})"
_NAMED = rf"(?:{_alternation(n for names in KEYBOARD_KEYS.values() for n in names.split())})"
#: Apple's modifier symbols, written together with the key: ``⇧⌘P``.
_SYMBOLS = "⌘⇧⌥⌃"
#: The last key: a named key, a function key, a letter or a digit, a mark (``Ctrl+,``).
_LAST = rf"(?:{_NAMED}|F(?:2[0-4]|1\d|[1-9])|[^\W_]|[+\-,.;/\\=`'\[\]])"
_SHORTCUT = re.compile(
    # Ctrl+Shift+P, Ctrl + W, ctrl+s
    rf"(?<![\w+])(?P<plus>(?i:(?:{_MOD}[ \t]?\+[ \t]?)+{_LAST}))(?![^\W_])"
    # Ctrl-Alt-Del, Ctrl-S
    rf"|(?<![\w-])(?P<dash>(?i:(?:{_MOD}-)+{_LAST}))(?![\w-])"
    # ⇧⌘P, ⌘S
    rf"|(?P<symbols>[{_SYMBOLS}](?:[ \t]?[{_SYMBOLS}])*[ \t]?(?i:{_LAST}))(?![^\W_])"
)


def _pieces(shortcut: str, form: str) -> tuple[list[str], str]:
    """The modifiers and the last key of a shortcut written in `form` (a `_SHORTCUT` group)."""
    joined = re.sub(r"[ \t]", "", shortcut)
    if form == "symbols":
        last = joined.lstrip(_SYMBOLS)
        return list(joined[: len(joined) - len(last)]), last
    sep = "+" if form == "plus" else "-"
    if joined.endswith(sep * 2):  # Ctrl++
        return joined[:-2].split(sep), sep
    *mods, last = joined.split(sep)
    return mods, last


@lru_cache(maxsize=1 << 14)
def _key(shortcut: str, form: str) -> tuple[frozenset[str], str] | None:
    """The keys `shortcut` presses: its modifiers and its last key, each by the key it
    names; None for what is no shortcut (joined by dashes, a modifier in lower case or a
    last key that is also a word: ``alt-right``, ``Alt-Right``)."""
    mods, last = _pieces(shortcut, form)
    named = _KEY.get(last.casefold())
    if form == "dash" and (named in _WORD_KEYS or not all(m[0].isupper() for m in mods)):
        return None
    if named is None and (len(last) == 1 or re.fullmatch(r"[Ff]\d+", last)):
        named = last.casefold()
    modifiers = frozenset(_MODIFIER.get(m.casefold()) for m in mods)
    if named is None or not modifiers or None in modifiers:
        return None
    return modifiers, named


def shortcuts(text: str) -> list[tuple[int, int, tuple[frozenset[str], str]]]:
    """(start, end, keys) of the keyboard shortcuts of `text`, in order."""
    if not any(c in text for c in "+-⌘⇧⌥⌃"):  # most sentences: no search
        return []
    found = []
    for m in _SHORTCUT.finditer(text):
        keys = _key(m.group(), m.lastgroup)
        if keys is not None:
            found.append((m.start(), m.end(), keys))
    return found


def whole_shortcut(code: str) -> tuple[frozenset[str], str] | None:
    """The keys of `code` (an inline code span's text, without its backticks) when it is
    one keyboard shortcut and nothing else (`` `Ctrl+S` ``), else None."""
    found = shortcuts(code)
    if len(found) == 1 and found[0][:2] == (0, len(code)):
        return found[0][2]
    return None


def _in_code(text: str) -> list[tuple[int, int, tuple[frozenset[str], str]]]:
    """The shortcuts of `text` written as inline code spans of their own, which the code
    comparison leaves to this check: Markdown documentation sets ``Ctrl+S`` in code, and
    German writes it ``Strg+S``."""
    found = []
    for span in inline_code_spans(text):
        start, end = code_inner(text, *span)
        keys = whole_shortcut(text[start:end])
        if keys is not None:
            found.append((start, end, keys))
    return found


def _findings(ctx: CheckContext, source: LinkText, translation: LinkText) -> list[Finding]:
    mine = sorted(shortcuts(blank_markup(source.text)) + _in_code(source.text))
    theirs = sorted(shortcuts(blank_markup(translation.text)) + _in_code(translation.text))
    if not mine and not theirs:
        return []
    counts = [Counter(keys for _, _, keys in found) for found in (mine, theirs)]
    lost = taking(mine, counts[0] - counts[1], itemgetter(2))
    added = taking(theirs, counts[1] - counts[0], itemgetter(2))
    return term_differences(
        ctx, source, translation, [(a, b, source.text[a:b]) for a, b, _ in lost],
        [(c, d, translation.text[c:d]) for c, d, _ in added], "shortcut", changed="major")


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    sources, translations = readable_links(ctx, "source"), readable_links(ctx, "translation")
    for i, (source, translation) in enumerate(zip(sources, translations, strict=True)):
        if source and translation:
            out += [(i, finding) for finding in _findings(ctx, source, translation)]
    return out
