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

Prose has none of these, so the check is silent on literary text: the patterns ask
for what only markup writes (no ``%`` followed by a space, as in ``50 % des``; no
brace that is not closed on the same name).
"""

from __future__ import annotations

import re
from collections import Counter

from align.checks.base import CheckContext, LinkText, quote
from align.record import Finding, Span

KINDS = ("mechanical",)

_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|q)?"
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


def addresses(text: str) -> list[re.Match[str]]:
    """The web and e-mail addresses of `text`, in order."""
    return list(_ADDRESS.finditer(text))


def blank_markup(text: str) -> str:
    """`text` with its placeholders, tags and addresses blanked out (offsets kept)."""
    for pattern in (_ADDRESS, _PLACEHOLDER):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def placeholders(text: str) -> list[re.Match[str]]:
    """The placeholders and tags of `text`, in order."""
    return list(_PLACEHOLDER.finditer(text))


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
             what: str, severity: str) -> Finding | None:
    in_source, in_translation = find(source.text), find(translation.text)
    if not in_source and not in_translation:
        return None
    mine = Counter(key(m.group()) for m in in_source)
    theirs = Counter(key(m.group()) for m in in_translation)
    if mine == theirs:
        return None
    lost, added = mine - theirs, theirs - mine
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


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    for i, source, translation in ctx.paired():
        for finding in (
            _compare(ctx, source, translation, placeholders, _key, "placeholders or tags",
                     "major"),
            # A localised site changes its paths ("/en/" → "/fr/"): worth a look, no more.
            _compare(ctx, source, translation, addresses, str.lower,
                     "web or e-mail addresses", "minor"),
        ):
            if finding is not None:
                out.append((i, finding))
    return out
