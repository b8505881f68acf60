"""A project's own checks, as patterns (``--rules FILE``): the checklists of QA tools.

A rules file is UTF-8 TSV, one rule per line; blank lines and lines starting with ``#``
are skipped::

    source pattern<TAB>translation pattern<TAB>message[<TAB>severity]

Patterns are Python regular expressions (``(?i)`` at the start ignores case).  Where
the source pattern matches a link's source, the translation pattern must match its
translation, or the rule reports the message.  A translation pattern written ``!…``
must *not* match instead: the rule reports a translation that holds it.  An empty
source pattern applies the rule to every link.  In the translation pattern, ``\\1`` …
``\\9`` (or ``\\g<name>`` for a named group) stand for the text of the source match's
groups, so that ``(\\d+) ?%<TAB>\\1 ?%`` asks for the same percentage; a reference to a
group the source pattern does not have is an error.  Severity is ``info``,
``minor`` (the default), ``major`` or ``critical``.

For example::

    # French typography: a no-break space before ; : ! ?
    <TAB>![^\\u00a0\\u202f][;:!?]<TAB>ordinary space or none before ; : ! ?<TAB>info
    \\bAlpine Club\\b<TAB>Club alpin<TAB>the Club's French name
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from align.checks.base import CheckContext, quote
from align.errors import InputError
from align.record import SEVERITIES, Finding

KINDS = ("rule",)

#: A reference to a group of the source match: ``\1`` … ``\9``, or ``\g<name>`` and
#: ``\g<10>`` as Python's replacement templates write them.
_GROUP = re.compile(r"(?<!\\)\\(?:([1-9])|g<(\w+)>)")


def _group_key(reference: re.Match[str]) -> int | str:
    number, name = reference.groups()
    key = number or name
    return int(key) if key.isdigit() else key


@dataclass(frozen=True)
class Rule:
    source: re.Pattern[str] | None
    translation: str  # a pattern, perhaps with \1 … \9 to fill in from the source match
    forbidden: bool
    message: str
    severity: str = "minor"

    def translation_pattern(self, match: re.Match[str] | None) -> re.Pattern[str]:
        """The translation pattern, its ``\\1`` … filled in from the source `match`."""
        if match is None:
            return re.compile(self.translation)
        return re.compile(_GROUP.sub(
            lambda reference: re.escape(match.group(_group_key(reference)) or ""),
            self.translation))


def _missing_group(source: re.Pattern[str], target: str) -> str | None:
    """The first reference of `target` to a group that `source` does not have, as written."""
    for reference in _GROUP.finditer(target):
        key = _group_key(reference)
        found = key in source.groupindex if isinstance(key, str) else key <= source.groups
        if not found:
            return reference.group()
    return None


def read_rules(path: str | Path) -> list[Rule]:
    """The rules of a rules file; `InputError` names the line of one that cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"rules file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read rules file {path} ({error}); give a UTF-8 TSV file") \
            from None
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        where = f"rules file {path}, line {number}"
        if len(fields) < 3 or not fields[1] or not fields[2].strip():
            raise InputError(f"{where}: expected 'source pattern<TAB>translation pattern"
                             "<TAB>message[<TAB>severity]'")
        severity = fields[3].strip() if len(fields) > 3 and fields[3].strip() else "minor"
        if severity not in SEVERITIES:
            raise InputError(f"{where}: severity {severity!r} is not one of "
                             f"{', '.join(SEVERITIES)}")
        forbidden = fields[1].startswith("!")
        target = fields[1][1:] if forbidden else fields[1]
        try:
            source = re.compile(fields[0]) if fields[0] else None
            # Compiled now, so that a broken pattern fails at once: with the source's groups
            # blank, or as it is where no source pattern fills them in (there ``\1`` is the
            # translation pattern's own backreference).
            re.compile(_GROUP.sub("", target) if source is not None else target)
        except re.error as error:
            raise InputError(f"{where}: not a regular expression ({error})") from None
        # Left blank, a group the source lacks would make the rule silently never fire.
        missing = _missing_group(source, target) if source is not None else None
        if missing is not None:
            have = source.groups
            names = f": {', '.join(source.groupindex)}" if source.groupindex else ""
            raise InputError(f"{where}: {missing} refers to a group the source pattern does "
                             f"not have (it has {have} group{'' if have == 1 else 's'}{names})")
        rules.append(Rule(source, target, forbidden, fields[2].strip(), severity))
    return rules


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    for i, source, translation in ctx.paired():
        for rule in ctx.rules:
            if rule.source is None:
                matches: list[re.Match[str] | None] = [None]
            else:
                matches = list(rule.source.finditer(source.text))
            for match in matches:
                found = rule.translation_pattern(match).search(translation.text)
                if (found is not None) != rule.forbidden:
                    continue
                spans = [ctx.span(source, match.start(), match.end())] if match else []
                if found is not None:
                    spans.append(ctx.span(translation, found.start(), found.end()))
                    what = f": «{quote(found.group(), 40)}»"
                else:
                    spans += ctx.whole(translation)
                    what = ""
                out.append((i, Finding("rule", rule.severity, rule.message + what, spans)))
                break  # one finding per rule and link
    return out
