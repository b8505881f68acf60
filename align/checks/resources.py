"""Software resource files, one per language, paired by key (``align check en.json fr.json``).

A program keeps its strings in one file per language, each string under a key; the
translation of a string is the string under the same key in the other file.  No
alignment is needed: the pairs are the keys, in the source file's order, each link
keeping its key (`Link.key`).  A key the translation lacks is an empty translation (the
program shows the source string there: reported *untranslated*); a key only the
translation has (an obsolete string, `Link.state` ``"obsolete"``) is a link with no
source, at the end, reported as *info*.  Plural forms follow each language's own
(CLDR's categories, `align.checks.lexicon.PLURAL_FORMS`): a form the translation's
language needs is asked for, missing or not, one the source lacks ("few" in Russian) as
the translation of the source's ``other``; a form the translation's language does not
use ("one" in Japanese) is not asked for.

Formats, told apart by the files' extensions:

- JSON (``.json``, Flutter's ``.arb``): nested objects give dotted keys
  (``menu.file.save``), arrays their indices; the WebExtension form ``{"key": {"message":
  …, "description": …}}`` gives the message only, and Flutter's ARB metadata (keys
  starting with ``@``) is left out;
- Java properties (``.properties``): ``key=value``, ``key: value`` or ``key value``,
  ``#`` and ``!`` comments, lines continued by a final backslash, ``\\uXXXX`` escapes;
- Android (``.xml`` whose root is ``<resources>``): ``<string name>``, each ``<item>`` of a
  ``<string-array>`` (``name[0]`` …) and of ``<plurals>`` (``name[one]`` …), strings
  marked ``translatable="false"`` left out, Android's backslash escapes undone;
- Apple (``.strings``): ``"key" = "value";`` with ``/* … */`` and ``//`` comments, in
  UTF-8 or UTF-16 (with or without a byte-order mark), a file iOS would reject an error;
  and (``.stringsdict``) plural rules, ``key[one]``, ``key[other]`` …;
- .NET (``.resx``): each ``<data name>`` with a ``<value>``, files and images left out.

The languages are those the paths name, as programs lay their files out (``fr.json``,
``values-fr/strings.xml``, ``fr.lproj``: `path_language`), else detected from the text.
"""

from __future__ import annotations

import json
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers.expat import ExpatError

from align.checks.lexicon import PLURAL_CATEGORIES, plural_categories
from align.errors import InputError
from align.record import Alignment

#: The file extensions read as resource files.
SUFFIXES = (".json", ".arb", ".properties", ".strings", ".stringsdict", ".xml", ".resx")


def is_resource_pair(source: Path, translation: Path) -> bool:
    """Whether two paths are resource files of one kind, to be paired by key."""
    if source.suffix.lower() != translation.suffix.lower():
        return False
    return is_resource_file(source) and is_resource_file(translation)


#: What a message calls the resource files of each suffix.
_KIND_NAMES = {".json": "a JSON", ".arb": "a Flutter ARB", ".properties": "a Java properties",
               ".strings": "an Apple strings", ".stringsdict": "an Apple stringsdict",
               ".xml": "an Android XML", ".resx": "a .NET resx"}


def unpaired_resources(source: Path, translation: Path) -> str | None:
    """Why two paths cannot be checked, one or both being resource files: files of two
    kinds (``en.json`` against ``values-fr/strings.xml``), or a resource file against a
    text, which would be read as prose and report its syntax; None otherwise."""
    kinds = [_KIND_NAMES[p.suffix.lower()] if is_resource_file(p) else None
             for p in (source, translation)]
    if kinds[0] == kinds[1]:  # two texts, or two resource files of one kind
        return None
    said = [f"{kind} resource file" if kind else "no resource file" for kind in kinds]
    return (f"{source} is {said[0]} and {translation} {said[1]}: give two resource files of "
            "one kind, to be paired by key, or two texts")


def is_resource_file(path: Path) -> bool:
    """Whether `path` is named as a resource file (an ``.xml`` one: Android's, whose root is
    ``<resources>``)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return False
    return suffix != ".xml" or _android_root(path)


def read_resource_pairs(source: Path, translation: Path) -> Alignment:
    """The strings of two resource files paired by key, as an `Alignment`."""
    from align.checks.pairs import Pair, pairs_alignment

    mine, theirs = _read(source), _read(translation)
    if not mine and theirs:
        # An extraction that went wrong: every string of the translation would be reported
        # only as one the source no longer has (info), and the check would pass.
        raise InputError(f"{source} holds no strings, while {translation} holds "
                         f"{len(theirs)}: check the source file")
    forms = _plural_keys(mine, theirs)
    needed, optional = plural_categories(path_language(translation))
    pairs, paired = [], set()
    for key, text in mine.items():
        if key not in theirs and key in forms:
            # A plural form the translation's language does not use ("one" in Japanese,
            # French "many"), or, the language not known, one the translation leaves out
            # with others of the string there.
            name, quantity, _ = forms[key]
            if quantity in optional or (needed is not None and quantity not in needed) or (
                    needed is None and quantity != "other"
                    and any(k in forms and forms[k][0] == name for k in theirs)):
                continue
        pairs.append(Pair(text, theirs.get(key, ""), key=key))
        paired.add(key)
    # The plural forms the translation's language has and the source's lacks ("few" and
    # "many" in Russian), each the translation of the source's general form ("other"),
    # missing or not.
    groups: dict[str, str] = {}
    for key in mine:
        if key in forms:
            groups.setdefault(forms[key][0], forms[key][2])
    for name, style in groups.items():
        general = _form_key(name, "other", style)
        for quantity in needed or ():
            key = _form_key(name, quantity, style)
            if key not in mine and general in mine:
                pairs.append(Pair(mine[general], theirs.get(key, ""), key=key))
                paired.add(key)
    for key, text in theirs.items():
        if key in paired:
            continue
        general = _form_key(forms[key][0], "other", forms[key][2]) if key in forms else None
        if general in mine:
            # Another form the source's language does not use: the general form's translation.
            pairs.append(Pair(mine[general], text, key=key))
        else:
            pairs.append(Pair("", text, "obsolete", key=key))
    if not pairs:
        raise InputError(f"{source} and {translation} hold no strings")
    record = pairs_alignment(pairs, name=f"{source.name} / {translation.name}",
                             languages=(path_language(source), path_language(translation)))
    record.source.name, record.source.path = source.name, str(source)
    record.translation.name, record.translation.path = translation.name, str(translation)
    return record


def _plural_keys(*files: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """``key: (name, quantity, style)`` for each key of the files that is a plural form:
    Android's and Apple's ``files[one]`` (style ``"[]"``), and i18next's ``files_one``
    (style ``"_"``) where a file has ``files_other`` and another form of it, so that an
    ordinary key ending in ``_one`` or ``_many`` (``pick_one``, ``pick_many``) is not
    taken for one."""
    keys = {key for file in files for key in file}
    out: dict[str, tuple[str, str, str]] = {}
    for key in keys:
        match = _QUANTITY_KEY.fullmatch(key)
        if match:
            out[key] = (match.group(1), match.group(2), "[]")
            continue
        match = _I18NEXT_FORM.fullmatch(key)
        if match and f"{match.group(1)}_other" in keys and any(
                f"{match.group(1)}_{q}" in keys for q in PLURAL_CATEGORIES if q != "other"):
            out[key] = (match.group(1), match.group(2), "_")
    return out


def _form_key(name: str, quantity: str, style: str) -> str:
    return f"{name}[{quantity}]" if style == "[]" else f"{name}_{quantity}"


#: ISO 639-1 codes a resource file's path may carry.
_LANGUAGE_CODES = frozenset(
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu "
    "hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms mt my nb ne nl nn no pa pl "
    "pt ro ru si sk sl sq sr sv sw ta te th tl tr uk ur uz vi zh zu".split())
_PATH_LANGUAGE = re.compile(
    r"(?:^|[._\-])([a-z]{2})(?:[_\-]r?[A-Z]{2}|[_\-][A-Z][a-z]{3})?(?=$|[._\-])")


def path_language(path: Path) -> str | None:
    """The language a resource file's path names, as programs lay them out: ``fr.json``,
    ``messages_fr.properties``, ``values-fr/strings.xml``, ``values-pt-rBR``,
    ``fr.lproj/Localizable.strings``, ``locales/fr/app.json``; None when it names none."""
    for part in (path.stem, *list(reversed(path.parent.parts))[:2]):  # not a project's name
        for match in _PATH_LANGUAGE.finditer(part):
            if match.group(1) in _LANGUAGE_CODES:
                return match.group(1)
    return None


#: The key of one plural form of a string: Android's quantities (``files[few]``), a PO
#: message's form number (``main.c:10[2]``), or i18next's suffixes (``files_few``).
_PLURAL_FORM = re.compile(r"(.+)\[(zero|one|two|few|many|other|\d)\]")
#: The key of a plural form in a resource file (an array's item, ``sort[0]``, is not one).
_QUANTITY_KEY = re.compile(r"(.+)\[(zero|one|two|few|many|other)\]")
_I18NEXT_FORM = re.compile(r"(.+)_(zero|one|two|few|many|other)")


def plural_form(key: str) -> tuple[str, str] | None:
    """``(name, quantity)`` for a key that may be a plural form's: Android's
    ``"files[few]"``, a PO message's ``"main.c:10[2]"``, i18next's ``"files_few"`` (a loose
    test, on the key alone: the links that are one string's forms; which keys of two
    resource files are plural forms, `_plural_keys` tells)."""
    match = _PLURAL_FORM.fullmatch(key) or _I18NEXT_FORM.fullmatch(key)
    return (match.group(1), match.group(2)) if match else None


def _read(path: Path) -> dict[str, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except OSError as error:
        raise InputError(f"cannot read {path} ({error.strerror})") from None
    suffix = path.suffix.lower()
    if not data.strip() and suffix not in (".properties", ".strings"):
        # An empty properties or strings file holds no strings; these formats need a root.
        raise InputError(f"{path} is empty")
    if suffix == ".stringsdict":
        return _read_stringsdict(path, data)
    if suffix in (".json", ".arb"):
        return _read_json(path, data)
    if suffix == ".resx":
        return _read_resx(path, data)
    if suffix == ".properties":
        return _read_properties(_decode(path, data, "latin-1"))
    if suffix == ".strings":
        return _read_strings(path, _decode(path, data, None))
    return _read_android(path, data)


def _decode(path: Path, data: bytes, fallback: str | None) -> str:
    """UTF-8 (or UTF-16 with its byte-order mark, or without one: a NUL byte beside each
    ASCII character); else `fallback` (properties files were Latin-1 before Java 9)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) >= 2 and b"\0" in data:
        order = _utf16_order(data)
        if order is None:
            raise InputError(f"{path} holds NUL bytes: neither UTF-8 nor UTF-16 text")
        try:
            return data.decode(order)
        except UnicodeDecodeError:
            raise InputError(f"{path} looks like {order.upper()} without a byte-order mark "
                             "but does not decode as it") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if fallback is None:
            raise InputError(f"{path} is neither UTF-8 nor UTF-16") from None
        return data.decode(fallback)


def _utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a byte-order mark, told
    by where its NUL bytes are (ASCII characters have a NUL high byte), else None."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > half / 4 and even == 0:
        return "utf-16-le"
    if even > half / 4 and odd == 0:
        return "utf-16-be"
    return None


def _read_json(path: Path, data: bytes) -> dict[str, str]:
    try:
        tree = json.loads(_decode(path, data, None))
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is not valid JSON ({error.msg}, line {error.lineno}, "
                         f"column {error.colno})") from None
    if isinstance(tree, dict) and tree.get("format") == "align/alignment":
        raise InputError(f"{path} is an alignment record that align wrote, not a program's "
                         "resource file: show it with `align view`")
    out: dict[str, str] = {}

    def walk(value, key: str) -> None:
        if isinstance(value, str):
            out[key] = value
        elif isinstance(value, dict):
            if isinstance(value.get("message"), str):  # WebExtension messages.json
                out[key] = value["message"]
                return
            for name, child in value.items():
                if not str(name).startswith("@"):  # ARB metadata, not a string
                    walk(child, f"{key}.{name}" if key else str(name))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, f"{key}.{index}")

    walk(tree, "")
    return out


_PROPERTY = re.compile(r"((?:\\.|[^\s:=\\])+)\s*[:=]?\s*(.*)", re.DOTALL)


_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(text: str, unicode: str = "u") -> str:
    """Backslash escapes undone: ``\\n``, ``\\t`` …, ``\\u00e9`` (Apple writes ``\\U``),
    and any other escaped character as itself (``\\'``, ``\\"``, ``\\@``)."""
    def one(match: re.Match) -> str:
        c = match.group(1)
        if len(c) == 5:
            return chr(int(c[1:], 16))
        return _ESCAPES.get(c, c)

    return re.sub(rf"\\({unicode}[0-9a-fA-F]{{4}}|.)", one, text)


def _read_properties(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    logical = ""
    for raw in text.splitlines():
        line = raw.lstrip() if not logical else raw.lstrip()
        if not logical and (not line or line[0] in "#!"):
            continue
        # A line ending in an odd number of backslashes continues on the next.
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2:
            logical += line[:-1]
            continue
        logical += line
        match = _PROPERTY.match(logical)
        if match:
            out[_unescape(match.group(1))] = _unescape(match.group(2))
        logical = ""
    return out


#: A token of an Apple strings file: a quoted string, a bare word (old-style property
#: lists allow them: ``key = value;``), ``=`` or ``;``, after any blanks and comments.
_STRINGS_TOKEN = re.compile(
    r'(?:\s|/\*.*?\*/|//[^\n]*)*(?:"((?:\\.|[^"\\])*)"|((?!/[*/])[\w.$:/+-]+)|([=;])|(\S|$))',
    re.DOTALL)


def _read_strings(path: Path, text: str) -> dict[str, str]:
    """``"key" = "value";`` entries, each character of the file in one of them or in a
    comment: iOS rejects a whole file it cannot parse (an unescaped quote inside a value,
    a missing ``;``), so such a file is an error here too, not strings left out."""
    out: dict[str, str] = {}
    position = 0

    def token() -> tuple[str, str | None, int]:
        """(kind, text, offset) of the next token: kind "string", "=", ";", "end" or
        "other"."""
        nonlocal position
        match = _STRINGS_TOKEN.match(text, position)
        assert match is not None  # its last branch matches any character, or the end
        position = match.end()
        quoted, bare, mark, other = match.groups()
        if quoted is not None:
            return "string", _unescape(quoted, "U"), match.start(1) - 1
        if bare is not None:
            return "string", bare, match.start(2)
        if mark is not None:
            return mark, mark, match.start(3)
        return ("end" if other == "" else "other"), other, match.start(4)

    def malformed(start: int, offset: int, expected: str, entry: str) -> InputError:
        line = text.count("\n", 0, start) + 1
        rest = text[offset:].split("\n", 1)[0].strip()
        if not text[offset:].strip():
            found = "found the end of the file"
        elif not rest:
            found = "found the end of the line"
        elif "\n" in text[start:offset]:
            found = f"found {rest[:30]!r} on line {text.count(chr(10), 0, offset) + 1}"
        else:
            found = f"found {rest[:30]!r}"
        # A value's closing quote followed at once by more text: a quote left unescaped.
        hint = (' (a " inside a value is written \\")'
                if expected == '";"' and text[offset - 1] == '"' else "")
        if text.startswith("/*", offset):
            hint = " (a comment left open)"
        return InputError(f"{path}:{line}: malformed entry{' ' + entry if entry else ''}: "
                          f"expected {expected}, "
                          f"{found}{hint}; iOS rejects the whole file")

    while True:
        kind, key, start = token()
        if kind == "end":
            return out
        if kind != "string":
            raise malformed(start, start, "a quoted key", "")
        shown = f'"{key}"'
        kind, mark, offset = token()
        if kind == ";":  # "key"; alone: the key is its own value
            out[key] = key
            continue
        if kind != "=":
            raise malformed(start, offset, '"=" or ";"', shown)
        kind, value, offset = token()
        if kind != "string":
            raise malformed(start, offset, "a quoted value", f"{shown} =")
        shown = f'{shown} = "{value[:40]}"'
        kind, mark, offset = token()
        if kind != ";":
            raise malformed(start, offset, '";"', shown)
        out[key] = value


def _read_stringsdict(path: Path, data: bytes) -> dict[str, str]:
    """Apple's plural rules (``.stringsdict``, a property list): for each string, its
    format (``NSStringLocalizedFormatKey``) under its key where it is more than one
    variable (``%#@files@ in %#@folders@``), and each plural form of each variable,
    ``key[one]``, ``key[other]`` (``key.variable[one]`` for a string of several
    variables)."""
    try:
        tree = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, ExpatError) as error:
        raise InputError(f"{path} is not a well-formed property list ({error})") from None
    if not isinstance(tree, dict):
        raise InputError(f"{path} is not a .stringsdict: its root is no dictionary")
    out: dict[str, str] = {}
    for key, entry in tree.items():
        if not isinstance(entry, dict):
            continue
        variables = {name: rules for name, rules in entry.items()
                     if isinstance(rules, dict) and not name.startswith("NSString")}
        form = entry.get("NSStringLocalizedFormatKey")
        if isinstance(form, str) and not re.fullmatch(r"\s*%#@\w+@\s*", form):
            out[key] = form
        for name, rules in variables.items():
            where = key if len(variables) == 1 else f"{key}.{name}"
            for quantity, text in rules.items():
                if isinstance(text, str) and not quantity.startswith("NSString"):
                    out[f"{where}[{quantity}]"] = text
    return out


def _android_root(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b"<resources" in head


def _android_text(element: ET.Element) -> str:
    """An Android string's text: markup such as ``<b>`` kept as written (the placeholder
    check compares it), the backslash escapes (``\\'``, ``\\"``, ``\\n``, ``\\@``) undone
    and surrounding double quotes, which keep spaces, removed."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if child.tag.startswith("{") and tag == "g":
            # <xliff:g id="count">%d</xliff:g> only marks what is not to be translated.
            parts.append(_android_text(child))
        else:
            attributes = "".join(f' {k}="{v}"' for k, v in child.attrib.items())
            parts.append(f"<{tag}{attributes}>{_android_text(child)}</{tag}>")
        parts.append(child.tail or "")
    text = "".join(parts).strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return _unescape(text)


def _read_resx(path: Path, data: bytes) -> dict[str, str]:
    """.NET resources: each ``<data name>`` holding a string ``<value>`` (not a file
    reference or an image, which have a ``type``)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"{path} is not well-formed XML ({error})") from None
    out: dict[str, str] = {}
    for element in root.iter("data"):
        value = element.find("value")
        if element.get("name") and value is not None and not element.get("type"):
            out[element.get("name", "")] = value.text or ""
    return out


def _read_android(path: Path, data: bytes) -> dict[str, str]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"{path} is not well-formed XML ({error})") from None
    if root.tag != "resources":
        raise InputError(f"{path} is not an Android resource file: its root is <{root.tag}>")
    out: dict[str, str] = {}
    for element in root:
        name = element.get("name")
        if not name or element.get("translatable") == "false":
            continue
        if element.tag == "string":
            out[name] = _android_text(element)
        elif element.tag == "string-array":
            for index, item in enumerate(element.findall("item")):
                out[f"{name}[{index}]"] = _android_text(item)
        elif element.tag == "plurals":
            for item in element.findall("item"):
                out[f"{name}[{item.get('quantity', '')}]"] = _android_text(item)
    return out
