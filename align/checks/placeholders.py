"""Placeholders and markup tags that the translation must keep as they are.

Software strings (gettext PO, XLIFF, resource files checked with ``--pairs``) carry
variables that the program fills in and tags that a renderer reads: ``%d``, ``%s``,
``%1$s``, ``%(name)s``, ``{0}``, ``{name}``, ``{{count}}``, ``${user}``,
``<b>`` … ``</b>``.  A translation that drops, adds or alters one breaks the program
or the page, so each side's placeholders are compared as a multiset: their order may
change (languages order words differently), their spelling may not.  Both are what
QA checkers call a placeholder or tag mismatch.

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
)


def placeholders(text: str) -> list[re.Match[str]]:
    """The placeholders and tags of `text`, in order."""
    return list(_PLACEHOLDER.finditer(text))


def _key(token: str) -> str:
    # Tag attributes may be translated (alt="…", title="…"): a tag is its name.
    tag = re.match(r"</?([A-Za-z][\w:-]*)", token)
    if tag and token.startswith("<"):
        return ("</" if token.startswith("</") else "<") + tag.group(1).lower() + (
            "/>" if token.endswith("/>") else ">")
    return re.sub(r"\s+", "", token)


def _spans(ctx: CheckContext, side: LinkText, found: list[re.Match[str]],
           wanted: Counter[str]) -> list[Span]:
    spans, left = [], Counter(wanted)
    for m in found:
        key = _key(m.group())
        if left[key] > 0:
            left[key] -= 1
            spans.append(ctx.span(side, m.start(), m.end()))
    return spans


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    for i in range(len(ctx.alignment.links)):
        source, translation = ctx.sources[i], ctx.translations[i]
        if not source or not translation:
            continue
        in_source, in_translation = placeholders(source.text), placeholders(translation.text)
        if not in_source and not in_translation:
            continue
        mine = Counter(_key(m.group()) for m in in_source)
        theirs = Counter(_key(m.group()) for m in in_translation)
        if mine == theirs:
            continue
        lost, added = mine - theirs, theirs - mine
        parts = []
        if lost:
            parts.append(f"{' '.join(quote(k, 30) for k in lost.elements())} of the source "
                         "missing from the translation")
        if added:
            parts.append(f"{' '.join(quote(k, 30) for k in added.elements())} in the "
                         "translation only")
        out.append((i, Finding(
            "mechanical", "major",
            "placeholders or tags differ: " + "; ".join(parts),
            _spans(ctx, source, in_source, lost) + _spans(ctx, translation, in_translation,
                                                          added),
        )))
    return out
