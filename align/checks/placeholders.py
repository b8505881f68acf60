"""Placeholders, markup tags and addresses that the translation must keep as they are.

Software strings (gettext PO, XLIFF, resource files checked with ``--pairs``) carry
variables that the program fills in and tags that a renderer reads: ``%d``, ``%s``,
``%1$s``, ``%(name)s``, ``{0}``, ``{name}``, ``{{count}}``, ``${user}``,
``<b>`` … ``</b>``, and the inline codes of XLIFF as `align.checks.pairs` writes them
(``<1/>``, ``<2>`` … ``</2>``).  A translation that drops, adds or alters one breaks the program
or the page, so each side's placeholders are compared as a multiset: their order may
change (languages order words differently), their spelling may not.  Both are what
QA checkers call a placeholder or tag mismatch.  Web and e-mail addresses are compared
the same way, as *minor*: a localised site may rightly change a path.

Where printf formats a string (it holds ``%d``, ``%s`` …), ``%%`` is its percent sign and a
lone ``%`` a broken escape.  A plural form that stands for one number alone in its
language (CLDR: Arabic ``zero``, ``one`` and ``two``, English ``one``; not Russian ``one``,
which is also 21, 31 …) may leave the count out.  An ICU argument without the ``other``
branch that ICU requires fails to format.

Prose has none of these, so the check is silent on literary text: the patterns ask
for what only markup writes (no ``%`` followed by a space, as in ``50 % des``; no
brace that is not closed on the same name).
"""

from __future__ import annotations

import re
from collections import Counter

from align.checks.base import CheckContext, LinkText, quote
from align.checks.lexicon import SINGLE_NUMBER_FORMS
from align.checks.resources import plural_form
from align.record import Finding, Span

KINDS = ("mechanical",)

_PLACEHOLDER = re.compile(
    r"%%"  # printf's percent sign, read first: "%%d" holds no "%d"
    r"|%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|q)?"
    r"[diouxXeEfFgGcrsap@](?![A-Za-z])"  # printf and Python %: %d, %1$s, %(name)s, %.2f, %@
    r"|\{\{\s*[A-Za-z_][\w.]*\s*\}\}"  # {{name}}: Jinja, Angular, Handlebars
    r"|\{[A-Za-z_]?[\w.]*(?:[,:][^{}\n]{0,40})?\}"  # {0}, {name}, {0:N2}, {count, plural, …}
    r"|\$\{[A-Za-z_]\w*\}"  # ${name} (not $1, which prose writes for a price)
    r"|</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*\s*/?>"  # tags
    r"|</?\d[\w-]*/?>"  # a translation tool's inline codes by id: <1/>, <2>, </2>
)


#: Addresses a translation keeps, though a localised site may change their path.
_ADDRESS = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'«»“”]+[^\s<>\"'«»“”.,;:!?)\]]"
    # The local part starts where a run of its characters starts and is never re-read
    # (possessive): "a.a.a.a…" without an "@" costs one pass, not one per position.
    r"|(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b",
    re.IGNORECASE,
)


#: An ICU MessageFormat argument with branches (Flutter ARB, i18next, ngx-translate, Java):
#: ``{count, plural, one{# file} other{# files}}``, ``{gender, select, male{he} …}``.
_ICU_HEAD = re.compile(r"\{\s*([A-Za-z_][\w.]*)\s*,\s*(plural|selectordinal|select)\s*,")
_ICU_SELECTOR = re.compile(r"\s*(?:offset:\s*\d+\s*)?(?:=\d+|[A-Za-z_]\w*)\s*\{")
_ICU_END = re.compile(r"\s*\}")
_SELECTOR_NAME = re.compile(r"(=\d+|[A-Za-z_]\w*)\s*\{\Z")


class _Icu:
    """The ICU arguments of a text: the syntax (heads, selectors, braces, a plural's ``#``)
    is markup the translation keeps; the branches' bodies are text to translate, and the
    number of branches is each language's own (Russian has ``few`` and ``many``)."""

    def __init__(self, text: str) -> None:
        #: (start, end) of each piece of syntax.
        self.syntax: list[tuple[int, int]] = []
        #: (start, end) of each branch body, inside its braces.
        self.bodies: list[tuple[int, int]] = []
        #: (start, end, key) of each argument's head: ``{count,plural}``.
        self.heads: list[tuple[int, int, str]] = []
        #: (start, end, key, selectors) of each argument's head match (``{count, plural,``):
        #: the selectors of its branches in order (``one``, ``=0``, ``other``).
        self.selectors: list[tuple[int, int, str, list[str]]] = []
        for head in _ICU_HEAD.finditer(text):
            self._argument(text, head)

    def _argument(self, text: str, head: re.Match[str]) -> None:
        syntax, bodies, at = [(head.start(), head.end())], [], head.end()
        selectors = []
        while selector := _ICU_SELECTOR.match(text, at):
            selectors.append(_SELECTOR_NAME.search(selector.group()).group(1))
            close = _closing_brace(text, selector.end() - 1)
            if close is None:
                return
            syntax += [(selector.start(), selector.end()), (close, close + 1)]
            bodies.append((selector.end(), close))
            if head.group(2) != "select":  # in a plural, # stands for the number
                syntax += [(m.start(), m.end()) for m in re.finditer("#", text[:close])
                           if m.start() >= selector.end()]
            at = close + 1
        end = _ICU_END.match(text, at)
        if not bodies or end is None:
            return  # not ICU after all: left to the other patterns
        self.syntax += syntax + [(end.start(), end.end())]
        self.bodies += bodies
        key = f"{{{head.group(1)},{head.group(2)}}}"
        self.heads.append((head.start(), end.end(), key))
        self.selectors.append((head.start(), head.end(), key, selectors))

    def inside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a piece of syntax or a branch body with its braces."""
        return any(a <= start and end <= b for a, b in self.syntax) or any(
            start == a - 1 and end == b + 1 for a, b in self.bodies)

    def in_body(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.bodies)


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for k in range(opening, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return None


class _Token:
    """A placeholder found in a text, as `re.Match` gives one (`group`, `start`, `end`)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def addresses(text: str) -> list[re.Match[str]]:
    """The web and e-mail addresses of `text`, in order."""
    return list(_ADDRESS.finditer(text))


def blank_markup(text: str) -> str:
    """`text` with its placeholders, tags, addresses and ICU syntax blanked out (offsets
    kept): what is left is the text a reader sees."""
    chars = list(text)
    for start, end in _Icu(text).syntax if "{" in text else ():
        chars[start:end] = " " * (end - start)
    text = "".join(chars)
    for pattern in (_ADDRESS, _PLACEHOLDER):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def placeholders(text: str) -> list[re.Match[str] | _Token]:
    """The placeholders and tags of `text`, in order; of an ICU argument, its head
    (``{count,plural}``) and the placeholders of its branches once each, whatever the
    number of branches."""
    found = list(_PLACEHOLDER.finditer(text))
    if "{" not in text:
        return found
    icu = _Icu(text)
    if not icu.heads:
        return found
    out: list[re.Match[str] | _Token] = [_Token(a, b, key) for a, b, key in icu.heads]
    seen_in_bodies: set[str] = set()
    for m in found:
        if icu.inside(m.start(), m.end()):
            continue
        if icu.in_body(m.start()):
            if m.group() in seen_in_bodies:
                continue
            seen_in_bodies.add(m.group())
        out.append(m)
    return sorted(out, key=lambda m: m.start())


def _key(token: str) -> str:
    # Tag attributes may be translated (alt="…", title="…"): a tag is its name.
    tag = re.match(r"</?([A-Za-z][\w:-]*|\d[\w-]*)", token)
    if tag and token.startswith("<"):
        return ("</" if token.startswith("</") else "<") + tag.group(1).lower() + (
            "/>" if token.endswith("/>") else ">")
    return re.sub(r"\s+", "", token)


def _spans(ctx: CheckContext, side: LinkText, found: list[re.Match[str]],
           wanted: Counter[str], key_of) -> list[Span]:
    spans, left = [], Counter(wanted)
    for m in found:
        key = key_of(m.group())
        if left[key] > 0:
            left[key] -= 1
            spans.append(ctx.span(side, m.start(), m.end()))
    return spans


def _compare(ctx: CheckContext, source: LinkText, translation: LinkText, find, key,
             what: str, severity: str, may_lose=None, may_add=None) -> Finding | None:
    """A finding for the tokens that `find` gives on one side only, compared by `key`; a
    token that `may_lose` (`may_add`) accepts may be missing from (added to) the
    translation."""
    in_source, in_translation = find(source.text), find(translation.text)
    if not in_source and not in_translation:
        return None
    mine = Counter(key(m.group()) for m in in_source)
    theirs = Counter(key(m.group()) for m in in_translation)
    if mine == theirs:
        return None
    lost, added = mine - theirs, theirs - mine
    if may_lose is not None:
        lost = Counter({k: n for k, n in lost.items() if not may_lose(k)})
    if may_add is not None:
        added = Counter({k: n for k, n in added.items() if not may_add(k)})
    if not lost and not added:
        return None
    parts = []
    if lost:
        parts.append(f"{' '.join(quote(k, 40) for k in lost.elements())} of the source "
                     "missing from the translation")
    if added:
        parts.append(f"{' '.join(quote(k, 40) for k in added.elements())} in the "
                     "translation only")
    return Finding(
        "mechanical", severity, f"{what} differ: " + "; ".join(parts),
        _spans(ctx, source, in_source, lost, key)
        + _spans(ctx, translation, in_translation, added, key),
    )


def _printf(text: str) -> bool:
    """Whether `text` holds a printf placeholder (``%d``, ``%1$s``, ``%(name)s``): a string
    that a printf-style function formats, where a percent sign must be written ``%%``."""
    return any(m.group().startswith("%") and m.group() != "%%" for m in placeholders(text))


def _with_percent_signs(text: str) -> list[re.Match[str] | _Token]:
    """`placeholders` of a string that printf formats, and each ``%`` that is none of them
    nor ``%%``: a broken escape (``%d%`` for ``%d%%``), which Java's and Android's
    ``String.format`` reject and C leaves undefined."""
    blank = blank_markup(text)
    signs = [_Token(m.start(), m.end(), "%") for m in re.finditer("%", blank)]
    return sorted([*placeholders(text), *signs], key=lambda m: m.start())


#: A placeholder that stands for the count a plural form is chosen by, as `_key` writes
#: it: printf's integers (``%d``, ``%1$d``, Android's quantity), a ``count`` by name
#: (i18next's ``{{count}}``, ``{count}``, ``%(count)d``, ``${count}``).
_COUNT = re.compile(
    r"%(?:\d+\$)?[-+#0]*\d*(?:hh|h|ll|l|L|z|j|t|q)?[diu]"
    r"|%\((?:count|n|num|number|quantity)\)[-+#0]*\d*[dis]"
    r"|\{\{?(?:count|n|num|number|quantity)\}\}?|\$\{count\}")


def _is_count(key: str) -> bool:
    return bool(_COUNT.fullmatch(key))


def _plural_quantities(ctx: CheckContext) -> dict[int, str]:
    """The CLDR category of each link that is a plural form of a resource string
    (``photos[one]``, ``count_zero``), by link: a key read as a form only beside another
    form of its string (``step_one`` alone is no plural)."""
    forms = {i: plural_form(link.key) for i, link in enumerate(ctx.alignment.links)
             if link.key}
    names = Counter(form[0] for form in forms.values() if form)
    return {i: form[1] for i, form in forms.items()
            if form and names[form[0]] >= 2 and not form[1].isdigit()}


def _icu_without_other(ctx: CheckContext, source: LinkText,
                       translation: LinkText) -> list[Finding]:
    """An ICU plural or select argument of the translation without the ``other`` branch
    that the source's has: ICU requires it, and the message fails to format."""
    if "{" not in translation.text:
        return []
    wanted = {key for _, _, key, selectors in _Icu(source.text).selectors
              if "other" in selectors}
    return [
        Finding("mechanical", "major",
                f"ICU argument {key} without its other branch, which ICU requires (the "
                f"source's has one): the translation has only {' '.join(selectors)}",
                [ctx.span(translation, start, end)])
        for start, end, key, selectors in _Icu(translation.text).selectors
        if key in wanted and "other" not in selectors
    ]


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    quantities = _plural_quantities(ctx) if ctx.pairs_input else {}
    for i, source, translation in ctx.paired():
        find = placeholders
        if "%" in source.text + translation.text and (
                _printf(source.text) or _printf(translation.text)):
            find = _with_percent_signs
        # A plural form for one number alone may leave the number out: Arabic "one" is 1
        # only ("صورة واحدة"), while Russian "one" is 1, 21, 31 … and needs its %d.
        quantity = quantities.get(i)
        may_lose = may_add = None
        if quantity in SINGLE_NUMBER_FORMS.get(ctx.translation_language or "", ()):
            may_lose = _is_count
        if quantity in SINGLE_NUMBER_FORMS.get(ctx.source_language or "", ()):
            may_add = _is_count  # English "One day left", Russian "Остался %d день"
        for finding in (
            _compare(ctx, source, translation, find, _key, "placeholders or tags", "major",
                     may_lose, may_add),
            # A localised site changes its paths ("/en/" → "/fr/"): worth a look, no more.
            _compare(ctx, source, translation, addresses, str.lower,
                     "web or e-mail addresses", "minor"),
            *_icu_without_other(ctx, source, translation),
        ):
            if finding is not None:
                out.append((i, finding))
    return out
