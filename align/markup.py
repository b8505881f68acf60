"""Text from documents written in markup: web pages (HTML), e-books (EPUB) and
OpenDocument texts (ODT), as plain text with one paragraph per block.

Each reader gives what a person reads on the page, in reading order: a block element
(a paragraph, a heading, a list item, a table cell …) is a paragraph, with a blank line
between paragraphs; a line break inside one (``<br>``, ``text:line-break``) is kept as
one line break; runs of spaces and line breaks of the markup itself are one space, as
a browser shows them, except in preformatted text (whose lines are kept, without their
indentation).  Scripts, styles, the page's head and comments are not part of the text;
an ODT's notes follow its body, as a Word document's do (`align.reading.docx_text`).
Offsets in the record refer to the text these readers give.

lxml parses all three (libxml2: it reads real-world HTML that is not well-formed);
the zip packages of EPUB and ODT are opened with the standard library.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from align.errors import InputError

#: HTML elements that start a paragraph of their own.
_HTML_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main "
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
#: HTML elements whose content is not text a reader reads; a site's navigation (``nav``,
#: or any element of ``role="navigation"``) is the site's, not the text's.
_HTML_SKIPPED = frozenset(
    "head script style template noscript svg math iframe object canvas select "
    "button nav".split()
)
_SPACES = re.compile(r"[ \t\n\r\f]+")
#: A declaration such as ``<?xml version="1.0" encoding="utf-8"?>``, which lxml refuses
#: in text that is already decoded.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: How an HTML file's bytes announce their encoding (``<meta charset="…">`` or the
#: ``http-equiv`` form, or an XHTML page's XML declaration), within its first kilobytes.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)"
                           rb"|^(?:\xef\xbb\xbf)?\s*<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)",
                           re.I)
#: The start of a page: a byte-order mark, an XML declaration (XHTML), comments, then a
#: doctype or the tag that opens the whole page or its head or body, or the ``<meta
#: charset>`` that fragments saved by editors begin with.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta\s+charset)\b",
    re.I | re.S)
#: The start of any element of HTML, for a file named as a page (``.html``, ``.xhtml``):
#: a fragment such as ``<p>…</p>``.
_ELEMENT_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\b|([a-z][a-z0-9]*)"
    rb"[\s/>])", re.I | re.S)
_HTML_ELEMENTS = _HTML_BLOCKS | _HTML_SKIPPED | frozenset(
    "a abbr b bdi bdo big blockquote br cite code del dfn em font i img ins kbd mark meta "
    "link q s samp small span strong sub sup time title u var wbr".split())
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")


def looks_like_html(data: bytes, name: str = "") -> bool:
    """Whether `data` begins as an HTML document does (a doctype or an ``<html>``,
    ``<head>``, ``<body>`` or ``<meta charset>`` tag, after an XML declaration if any), or,
    if ``name`` says it is a page, with any HTML element."""
    head = data[:4096]
    if _HTML_START.match(head) is not None:
        return True
    if not name.lower().endswith(_PAGE_SUFFIXES):
        return False
    found = _ELEMENT_START.match(head)
    return found is not None and (
        found.group(1) is None or found.group(1).decode().lower() in _HTML_ELEMENTS)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML file's ``<meta>`` (or XML declaration) declares, if Python
    knows it."""
    import codecs

    found = _META_CHARSET.search(data[:8192])
    if found is None:
        return None
    try:
        return codecs.lookup((found.group(1) or found.group(2)).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


class _Paragraphs:
    """Paragraphs being collected: text is added to the current one, a block ends it."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.parts: list[str] = []

    def add(self, text: str | None, *, pre: bool = False) -> None:
        if text:
            self.parts.append(text if pre else _SPACES.sub(" ", text))

    def end(self) -> None:
        lines = "".join(self.parts).split("\n")
        # Spaces at a line's edges are the markup's indentation, not the text's.
        text = "\n".join(line.strip(" ") for line in lines).strip()
        if text:
            self.done.append(text)
        self.parts = []

    def text(self) -> str:
        self.end()
        return "\n\n".join(self.done)


#: An inline style that hides its element (``display: none``, ``visibility: hidden``).
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _hidden(element) -> bool:
    """Whether a browser does not show ``element``: its ``hidden`` attribute, or its
    inline style, hides it (style sheets are not read)."""
    return (element.get("hidden") is not None
            or _HIDING_STYLE.search(element.get("style") or "") is not None)


def _html_paragraphs(root, out: _Paragraphs) -> None:
    from lxml import etree

    # Walked by events, not by recursion: generated pages can nest thousands deep.
    walk = etree.iterwalk(root, events=("start", "end", "comment"))
    pre = 0  # how many <pre> elements are open
    skipped: list = []  # skipped elements being passed over
    for event, element in walk:
        if event == "comment":
            out.add(element.tail, pre=pre > 0)
            continue
        name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if (name in _HTML_SKIPPED or element.get("role") == "navigation"
                    or _hidden(element)):
                skipped.append(element)
                walk.skip_subtree()
                continue
            if name in _HTML_BLOCKS:
                out.end()
            if name == "br":
                out.parts.append("\n")
            if name in ("pre", "textarea"):
                pre += 1
            out.add(element.text, pre=pre > 0)
        else:
            if skipped and skipped[-1] is element:
                skipped.pop()
            else:
                if name in ("pre", "textarea"):
                    pre -= 1
                if name in _HTML_BLOCKS:
                    out.end()
            if element is not root:
                out.add(element.tail, pre=pre > 0)


def html_text(text: str) -> str:
    """The text of an HTML (or XHTML) page, one paragraph per block."""
    import lxml.html

    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return ""
    try:
        # huge_tree: libxml2 otherwise stops reading at 256 levels of nesting.
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except Exception:  # lxml's parser errors have several types; all mean "not readable"
        return ""
    out = _Paragraphs()
    body = root.find("body")
    _html_paragraphs(body if body is not None else root, out)
    return out.text()


# -- zip packages ------------------------------------------------------------------------

#: Most bytes a zipped document (DOCX, EPUB, ODT) may unpack to, text and images together.
UNPACKED_LIMIT = 512 * 2**20


def open_package(data: bytes, name: str, what: str) -> zipfile.ZipFile:
    """The zip archive of a document, refused before unpacking if it would unpack to more
    than `UNPACKED_LIMIT` (a few kilobytes can unpack to gigabytes: a "zip bomb")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _damaged(name, what) from None
    if unpacked > UNPACKED_LIMIT:
        raise InputError(
            f"{name} is {what} that unpacks to {unpacked / 2**20:,.0f} MB, more than the "
            f"{UNPACKED_LIMIT / 2**20:,.0f} MB a text document needs: save it as plain text "
            "(.txt, UTF-8) instead"
        )
    return archive


def _damaged(name: str, what: str) -> InputError:
    return InputError(
        f"{name} looks like {what} but cannot be read as one: open it in the program that "
        "made it and save it again, or save it as plain text (.txt, UTF-8)"
    )


def parse_xml(data: bytes):
    """The root element of an XML part of a package.  No network, no entity expansion: a
    package is data, not a program."""
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _xml(archive: zipfile.ZipFile, member: str, name: str, what: str):
    from lxml import etree

    try:
        return parse_xml(archive.read(member))
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        raise _damaged(name, what) from None


EPUB = "an EPUB e-book"
_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def epub_text(data: bytes, name: str) -> str:
    """The text of an EPUB e-book: its reading order (the package's spine), each
    document's blocks as paragraphs.  The navigation document (the table of contents)
    and documents marked outside the reading order (``linear="no"``: notes, pop-ups)
    are left out."""
    archive = open_package(data, name, EPUB)
    container = _xml(archive, "META-INF/container.xml", name, EPUB)
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise _damaged(name, EPUB)
    package_path = rootfile.get("full-path")
    package = _xml(archive, package_path, name, EPUB)
    base = posixpath.dirname(package_path)
    manifest = {
        item.get("id"): item for item in package.iter(f"{_OPF}item") if item.get("href")
    }
    out = _Paragraphs()
    for ref in package.iter(f"{_OPF}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no":
            continue
        if "nav" in (item.get("properties") or "").split():
            continue
        if "html" not in (item.get("media-type") or ""):
            continue
        from urllib.parse import unquote

        member = posixpath.normpath(posixpath.join(base, unquote(item.get("href"))))
        try:
            raw = archive.read(member)
        except KeyError:
            raise _damaged(name, EPUB) from None
        text = html_text(raw.decode(declared_charset(raw) or "utf-8", errors="replace"))
        out.done += [p for p in text.split("\n\n") if p]
    return out.text()


ODT = "an OpenDocument text (ODT)"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
#: Inside the body, what is not the text as it reads: comments, and the deleted text of
#: tracked changes.
_ODT_SKIPPED = frozenset({f"{_OFFICE}annotation", f"{_OFFICE}annotation-end",
                          f"{_TEXT}tracked-changes"})


def odt_text(data: bytes, name: str) -> str:
    """The text of an OpenDocument text: its headings and paragraphs in order (in lists,
    tables, sections and frames too), ``text:s`` as its spaces, tabs and line breaks kept.
    Footnotes and endnotes follow the body, marked ``[1]``, ``[2]`` … where the text
    refers to them and before their own text, as for a Word document; comments and
    tracked deletions are left out."""
    archive = open_package(data, name, ODT)
    root = _xml(archive, "content.xml", name, ODT)
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise _damaged(name, ODT)
    out = _Paragraphs()
    notes: list[_Paragraphs] = []

    def note(element) -> None:
        nonlocal out
        notes.append(_Paragraphs())
        out.parts.append(f"[{len(notes)}]")
        text, out = out, notes[-1]  # the note's paragraphs go to the note
        for part in element.iter(f"{_TEXT}note-body"):
            blocks(part)
        out = text

    def inline(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _ODT_SKIPPED:
                pass
            elif tag == f"{_TEXT}note":
                note(child)
            elif tag == f"{_TEXT}s":
                out.parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
            elif tag == f"{_TEXT}tab":
                out.parts.append("\t")
            elif tag == f"{_TEXT}line-break":
                out.parts.append("\n")
            elif tag in (f"{_TEXT}p", f"{_TEXT}h"):
                paragraph(child)  # a paragraph inside a frame inside a paragraph
            else:
                out.add(child.text)
                inline(child)
            out.add(child.tail)

    def paragraph(element) -> None:
        out.end()
        out.add(element.text)
        inline(element)
        out.end()

    def blocks(element) -> None:
        for child in element:
            if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                paragraph(child)
            elif child.tag not in _ODT_SKIPPED:
                blocks(child)

    blocks(body)
    for mark, paragraphs in enumerate(notes, start=1):
        first, *rest = [p for p in paragraphs.text().split("\n\n") if p] or [""]
        out.done += [f"[{mark}] {first}".rstrip(), *rest]
    return out.text()
