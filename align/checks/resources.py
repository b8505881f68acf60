"""Software resource files, one per language, paired by key (``align check en.json fr.json``).

A program keeps its strings in one file per language, each string under a key; the
translation of a string is the string under the same key in the other file.  No
alignment is needed: the pairs are the keys, in the source file's order, each link
keeping its key (`Link.key`).  A key the translation lacks is an empty translation (the
program shows the source string there: reported *untranslated*); a key only the
translation has (an obsolete string, `Link.state` ``"obsolete"``) is a link with no
source, at the end, reported as *info*.  Plural forms follow each language's own: a form
the source lacks ("few" in Russian) is paired with the source's ``other``, a form the
translation's language does not use ("one" in Japanese) is not asked for.

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
  UTF-8 or UTF-16;
- .NET (``.resx``): each ``<data name>`` with a ``<value>``, files and images left out.

The languages are those the paths name, as programs lay their files out (``fr.json``,
``values-fr/strings.xml``, ``fr.lproj``: `path_language`), else detected from the text.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from align.errors import InputError
from align.record import Alignment

#: The file extensions read as resource files.
SUFFIXES = (".json", ".arb", ".properties", ".strings", ".xml", ".resx")


def is_resource_pair(source: Path, translation: Path) -> bool:
    """Whether two paths are resource files of one kind, to be paired by key."""
    a, b = source.suffix.lower(), translation.suffix.lower()
    if a != b or a not in SUFFIXES:
        return False
    if a == ".xml":
        return all(_android_root(path) for path in (source, translation))
    return True


def read_resource_pairs(source: Path, translation: Path) -> Alignment:
    """The strings of two resource files paired by key, as an `Alignment`."""
    from align.checks.pairs import Pair, pairs_alignment

    mine, theirs = _read(source), _read(translation)
    pairs = []
    for key, text in mine.items():
        if key not in theirs and plural_form(key) and any(
                plural_form(k) and plural_form(k)[0] == plural_form(key)[0] for k in theirs):
            continue  # a plural form the translation's language does not use ("one" in Japanese)
        pairs.append(Pair(text, theirs.get(key, ""), key=key))
    for key, text in theirs.items():
        if key in mine:
            continue
        general = general_form(key)
        if general in mine:
            # A plural form the source's language does not use ("few" in Russian): the
            # translation of the general form.
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
_I18NEXT_FORM = re.compile(r"(.+)_(zero|one|two|few|many|other)")


def plural_form(key: str) -> tuple[str, str] | None:
    """``(name, quantity)`` for the key of a plural form: Android's ``"files[few]"``, a PO
    message's ``"main.c:10[2]"``, i18next's ``"files_few"``."""
    match = _PLURAL_FORM.fullmatch(key) or _I18NEXT_FORM.fullmatch(key)
    return (match.group(1), match.group(2)) if match else None


def general_form(key: str) -> str | None:
    """The key of the general (``other``) form of the string whose plural form `key` is,
    written as `key` is written (``files[few]`` → ``files[other]``, ``files_few`` →
    ``files_other``); None for a key that is no plural form."""
    form = plural_form(key)
    if form is None:
        return None
    return f"{form[0]}[other]" if key.endswith("]") else f"{form[0]}_other"


def _read(path: Path) -> dict[str, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except OSError as error:
        raise InputError(f"cannot read {path} ({error.strerror})") from None
    suffix = path.suffix.lower()
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
    """UTF-8 (or UTF-16 with its byte-order mark); else `fallback` (properties files were
    Latin-1 before Java 9)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if fallback is None:
            raise InputError(f"{path} is neither UTF-8 nor UTF-16") from None
        return data.decode(fallback)


def _read_json(path: Path, data: bytes) -> dict[str, str]:
    try:
        tree = json.loads(_decode(path, data, None))
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is not valid JSON ({error.msg}, line {error.lineno})") from None
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


_STRINGS_ENTRY = re.compile(r'"((?:\\.|[^"\\])*)"\s*=\s*"((?:\\.|[^"\\])*)"\s*;')
_STRINGS_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def _read_strings(path: Path, text: str) -> dict[str, str]:
    # Comments are blanked outside the quoted strings only: a URL's "//" is text.
    parts = re.split(r'("(?:\\.|[^"\\])*")', text)
    text = "".join(p if k % 2 else _STRINGS_COMMENT.sub(" ", p) for k, p in enumerate(parts))

    out = {_unescape(k, "U"): _unescape(v, "U") for k, v in _STRINGS_ENTRY.findall(text)}
    if not out and text.strip():
        raise InputError(f'{path} holds no "key" = "value"; entry')
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
