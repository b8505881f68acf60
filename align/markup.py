"""Text from documents written in markup: web pages (HTML), e-books (EPUB) and
OpenDocument texts (ODT), as plain text with one paragraph per block.

Each reader gives what a person reads on the page, in reading order: a block element
(a paragraph, a heading, a list item, a table cell …) is a paragraph, with a blank line
between paragraphs; a line break inside one (``<br>``, ``text:line-break``) is kept as
one line break; runs of spaces and line breaks of the markup itself are one space, as
a browser shows them.  Code is written as Markdown writes it, so that the checks read it
as code (`align.checks.placeholders.code_spans`): a code block (``<pre>``, an ODT's
preformatted paragraphs) as a fenced block of its lines as written, indentation kept;
inline code (``<code>``, ``<samp>``, ``<tt>``, an ODT's source-text spans) as a code span
(`code_block`, `code_span`, which the Word reader shares).  Scripts, styles, the page's
head and comments are not part of the text, nor the site's navigation, banner and footer,
nor an ODT's generated indexes (its table of contents …) and page numbers; an ODT's notes
follow its body, as a Word document's do (`align.word.docx_text`).  A reference to a note
is written raised, as the page shows it (`note_mark`: ``POUM.¹``), so that no check reads
it as a number of the sentence; a web page's notes stay where the page has them, each a
paragraph of its own.  Offsets in the record refer to the text these readers
give.

lxml parses all three (libxml2: it reads real-world HTML that is not well-formed);
the zip packages of EPUB and ODT are opened with the standard library.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from align.errors import InputError
from align.segment import SUPERSCRIPTS  # what the segmenter reads as a note mark

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
#: The encoding an XML declaration names, after a byte-order mark if any:
#: ``<?xml version="1.0" encoding="UTF-8"?>`` (an XHTML page's, a TMX or XLIFF file's).
XML_ENCODING = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
#: How an HTML file's bytes announce their encoding (``<meta charset="…">`` or the
#: ``http-equiv`` form, or an XHTML page's XML declaration), within its first kilobytes.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)|"
                           + XML_ENCODING.pattern, re.I)
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


#: A run of backticks.
_BACKTICK_RUNS = re.compile(r"`+")
#: Names of the styles in which word processors write code (Word's "HTML Preformatted",
#: "HTML Code", "Macro Text", "Plain Text", pandoc's "Source Code" and "Verbatim Char",
#: LibreOffice's "Preformatted Text" and "Source Text"), compared without case, spaces
#: or punctuation; not "HTML Keyboard": key names are translated (Shift, Maj).
_CODE_STYLE = re.compile(r"code|preformatted|sourcetext|macrotext|plaintext|verbatim|"
                         r"htmlsample|htmltypewriter|teletype")
_NOT_CODE_STYLE = re.compile(r"barcode|postcode|zipcode|postalcode|qrcode")
#: Monospace fonts, which code is written in: Courier, Consolas, Menlo, Monaco, Lucida
#: Console and Sans Typewriter, Source Code Pro, Fira Code, Cascadia, Inconsolata, and
#: every "… Mono" (DejaVu Sans Mono, Liberation Mono, Andale Mono, JetBrains Mono …).
_MONOSPACE_FONT = re.compile(
    r"courier|consolas|menlo|monaco|lucida (?:console|sans typewriter)|source code|"
    r"fira code|cascadia|inconsolata|\bmono\b|monospace", re.I)


def code_style(name: str) -> bool:
    """Whether a paragraph or character style of this name is one code is written in."""
    key = re.sub(r"[^a-z]", "", name.lower())
    return _CODE_STYLE.search(key) is not None and _NOT_CODE_STYLE.search(key) is None


def monospace_font(name: str) -> bool:
    """Whether the font of this name is a monospace one, as code is written in."""
    return _MONOSPACE_FONT.search(name) is not None


def _fence(code: str, least: int) -> str:
    """A run of backticks longer than any in `code`, and at least `least` long."""
    return "`" * max(least, max(map(len, _BACKTICK_RUNS.findall(code)), default=0) + 1)


def code_span(code: str) -> str:
    """`code` as a Markdown inline code span: between runs of backticks longer than any it
    holds, with a space inside them where it begins or ends with a backtick."""
    fence = _fence(code, 1)
    if code.startswith("`") or code.endswith("`"):
        code = f" {code} "
    return f"{fence}{code}{fence}"


def code_block(lines: list[str]) -> str:
    """`lines` of code as a Markdown fenced block: a fence of three backticks (more if a
    line holds as many), the lines as written, and the closing fence; their trailing
    spaces and the blank lines around them left out.  Empty if they are all blank."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return ""
    fence = _fence("\n".join(lines), 3)
    return "\n".join((fence, *lines, fence))


#: Superscript forms of the digits and of the letters that have one (no ``q``).
_SUPERSCRIPT = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz", SUPERSCRIPTS)


def note_mark(label: str) -> str:
    """How the text writes the reference to a note labelled `label` (``1``, ``[2]``,
    ``*``, ``a``): as the page shows it, raised, in superscript characters (``¹``, ``²``,
    ``ᵃ``), which no check reads as a number of the sentence nor the segmenter as a word
    after its full stop (`align.segment.NOTE_REFERENCE`); its brackets left out; a mark
    such as ``*`` or ``†`` as it is."""
    label = label.strip().strip("[]()")
    raised = label.lower().translate(_SUPERSCRIPT)
    return raised if all(c not in label for c in "qQ") else label


#: The share of a document's text in code blocks above which they may be no code: a
#: manuscript or a screenplay set all in Courier, a plain-text file opened in a word
#: processor, a text published as one ``<pre>``, whose font or style is the document's.
MOSTLY_CODE = 0.9
#: What only code writes in a line: brackets and signs of programs, a dot or a bracket
#: stuck to a word (``a.txt``, ``print(``), an option (``--port``, ``-r``).
_CODE_SIGNS = re.compile(r"[{}\[\]<>=$#\\|`~^_@]|\w\.\w|\w\(|(?:^|\s)--?[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def prose_in_code(code: int, lines: list[str], text: str) -> bool:
    """Whether the code blocks of a document (`code` of the characters of its `text`, of
    these `lines`) are its prose in a code font: they hold more than `MOSTLY_CODE` of it,
    and more than half of their lines read as prose (three words or more, none of the
    signs only code writes).  The document is then read again with its code as text, no
    blocks nor spans, as the checks must read prose; a page of one long listing (a
    configuration file's 120 lines) stays code."""
    if code <= MOSTLY_CODE * len(text):
        return False
    lines = [line for line in lines if line.strip()]
    prose = sum(len(_WORD.findall(line)) >= 3 and _CODE_SIGNS.search(line) is None
                for line in lines)
    return prose * 2 > len(lines)


class _Paragraphs:
    """Paragraphs being collected: text is added to the current one, a block ends it.
    With `code` false, code is read as text (`mostly_code`)."""

    def __init__(self, code: bool = True) -> None:
        self.done: list[str] = []
        self.parts: list[str] = []
        self.read_code = code
        self.code_chars = 0  # in code blocks
        self.code_lines: list[str] = []
        #: The mark and label of the note whose text the next paragraph begins, to write
        #: before it unless it begins with its label already (`html_text`).
        self.note: tuple[str, str] | None = None

    def add(self, text: str | None, *, pre: bool = False) -> None:
        if text:
            self.parts.append(text if pre else _SPACES.sub(" ", text))

    def end(self) -> None:
        lines = "".join(self.parts).split("\n")
        # Spaces at a line's edges are the markup's indentation, not the text's.
        text = "\n".join(line.strip(" ") for line in lines).strip()
        if text:
            if self.note is not None:
                mark, label = self.note
                if not (text.startswith(mark) or re.match(
                        rf"[\[(]?{re.escape(label)}(?!\w)", text)):
                    text = f"{mark} {text}"
                self.note = None
            self.done.append(text)
        self.parts = []

    def code(self, start: int) -> None:
        """The text added since ``parts[start]`` as an inline code span (the spaces around
        it outside)."""
        text = "".join(self.parts[start:])
        code = text.strip()
        if code and self.read_code:
            self.parts[start:] = [text[:len(text) - len(text.lstrip())], code_span(code),
                                  text[len(text.rstrip()):]]

    def block(self, lines: list[str]) -> None:
        """A code block of `lines`, a paragraph of its own (without code, their text)."""
        self.end()
        if not self.read_code:
            self.parts = ["\n".join(lines)]
            self.end()
            return
        block = code_block(lines)
        if block:
            self.done.append(block)
            self.code_chars += len(block)
            self.code_lines += lines

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


def local_name(tag) -> str:
    """An element's name without its namespace, as written ('' for a comment or other
    node whose tag is no string)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _local(tag) -> str:
    """An element's name without its namespace, in lower case ('' for a comment)."""
    return local_name(tag).lower()


def _words(element, attribute: str) -> list[str]:
    return (element.get(attribute) or "").lower().split()


def _epub_type(element) -> list[str]:
    return _words(element, "epub:type") + _words(element, "{http://www.idpf.org/2007/ops}type")


#: Where a page's ``<header>`` and ``<footer>`` are a section's, not the page's own.
_SECTIONING = frozenset("article aside main nav section".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _page_furniture(element, name: str) -> bool:
    """Whether ``element`` is the site's rather than the text's, as its navigation is: the
    page's footer (``<footer>`` outside an article or a section, ``role="contentinfo"``:
    copyright, the site's name and links) and its banner (``<header>`` so placed,
    ``role="banner"``) unless the banner holds a heading, the title of the text.  A page's
    ``<header>`` not marked as the banner is the text's only where it holds a paragraph of
    text, outside links, and no navigation: ``<header><p>Chapter One</p></header>`` of a
    book's page; a logo and the site's name (``<img>``, ``<span>ACME Journal</span>``, a
    link home) are the site's."""
    role = element.get("role")
    if name not in ("header", "footer") and role not in ("banner", "contentinfo"):
        return False
    if role not in ("banner", "contentinfo") and any(
            _local(a.tag) in _SECTIONING for a in element.iterancestors()):
        return False  # an article's own header or footer
    if role == "contentinfo" or (name == "footer" and role != "banner"):
        return True
    if any(_local(e.tag) in _HEADINGS for e in element.iter()):
        return False
    if role == "banner" or any(_local(e.tag) == "nav" for e in element.iter()):
        return True
    return not any(
        _local(p.tag) == "p" and "".join(p.itertext()).strip()
        and not any(_local(a.tag) == "a" for a in p.iterancestors())
        and len("".join("".join(a.itertext()) for a in p.iter() if _local(a.tag) == "a"))
        < len("".join(p.itertext()).strip())
        for p in element.iter())


#: The label of a note reference: a number, a mark, lower-case letters (``1``, ``[1]``,
#: ``(2)``, ``*``, ``†``, ``a``, ``iv``).
_NOTE_LABEL = re.compile(r"[\[(]?(\d{1,3}|[*†‡§¶]{1,3}|[a-z]{1,4})[\])]?")
#: What an unlinked superscript number raises when it is an exponent, not a note: a
#: number (``10<sup>6</sup>``), a unit or a variable of one or two letters (``m²``,
#: ``km²``, ``x²``), a bracket closed on an expression (``(x+1)²``).
_EXPONENT_BASE = re.compile(r"(?:\d|(?<![^\W\d_])[^\W\d_]{1,2}|[^.!?…\"'”’»\s]\))$")
#: Classes that mark a note reference (pandoc, Python-Markdown, kramdown, docutils; and
#: Wikipedia's ``<sup class="reference">``, not a link's: Sphinx's every internal link is a
#: ``reference``).
_NOTE_CLASSES = frozenset(("footnote-ref", "footnote", "noteref", "fnref", "footnote-reference"))
#: Classes of the link back from a note to its reference (pandoc, Python-Markdown, kramdown).
_BACKLINK_CLASSES = frozenset(("footnote-back", "footnote-backref", "reversefootnote"))
_BACKLINK_TEXT = frozenset("↩ ↑ ⤴ ^ ↵ ⇧".split())


def _internal_link(element) -> str | None:
    """The id an ``<a href="#id">`` refers to, None for any other element."""
    href = (element.get("href") or "").strip()
    return href[1:] if _local(element.tag) == "a" and href.startswith("#") else None


def _note_reference(element, name: str, before: str) -> tuple[str, str | None] | None:
    """If ``element`` is the reference to a note (after the text `before`), its label and
    the id of the note it links to.  A link marked as one (``role="doc-noteref"``,
    ``epub:type="noteref"``, a note reference's class) or an internal link holding only a
    superscript, whose text is a label (`_NOTE_LABEL`); a ``<sup>`` holding only a label
    that links to the note, or is marked as a reference, or that, unlinked, is a number or a
    mark and no exponent (`_EXPONENT_BASE`: ``m<sup>2</sup>`` stays ``m2``) — not letters,
    which raise ordinals and abbreviations (``1<sup>er</sup>``, ``M<sup>me</sup>``)."""
    if name not in ("a", "sup"):
        return None
    label = "".join(element.itertext()).strip()
    if _NOTE_LABEL.fullmatch(label) is None:
        return None
    classes = _words(element, "class")
    marked = ("doc-noteref" in _words(element, "role") or "noteref" in _epub_type(element)
              or not _NOTE_CLASSES.isdisjoint(classes)
              or (name == "sup" and "reference" in classes))
    if name == "a":
        target = _internal_link(element)
        raised = len(element) == 1 and _local(element[0].tag) == "sup" and not (
            (element.text or "").strip() or (element[0].tail or "").strip())
        return (label, target) if marked or (target is not None and raised) else None
    links = [e for e in element.iter() if _internal_link(e) is not None]
    if links or marked:
        return label, _internal_link(links[0]) if links else None
    number = _NOTE_LABEL.fullmatch(label).group(1)
    if number.isalpha() or _EXPONENT_BASE.search(before):
        return None
    return label, None


def _backlink(element, name: str) -> bool:
    """Whether ``element`` is the link from a note back to where the text refers to it
    (``↩``), which is no text."""
    if name != "a":
        return False
    text = "".join(element.itertext()).replace("\ufe0e", "").replace("\ufe0f", "").strip()
    return ("doc-backlink" in _words(element, "role") or "backlink" in _epub_type(element)
            or not _BACKLINK_CLASSES.isdisjoint(_words(element, "class"))
            or (_internal_link(element) is not None and text in _BACKLINK_TEXT))


#: Inline HTML elements that hold code (not ``<kbd>``: key names are translated, and not
#: ``<var>``, a variable's name in prose).
_HTML_CODE = frozenset(("code", "samp", "tt"))


def _html_paragraphs(root, out: _Paragraphs) -> None:
    from lxml import etree

    # Walked by events, not by recursion: generated pages can nest thousands deep.
    walk = etree.iterwalk(root, events=("start", "end", "comment"))
    pre = 0  # how many <pre> elements are open
    skipped: list = []  # skipped elements being passed over
    block = None  # the <pre> being read as a code block
    code = None  # the inline code element being read, the paragraph's parts and where it began
    notes: dict[str, tuple[str, str]] = {}  # the ids of the notes referred to: mark, label
    for event, element in walk:
        if event == "comment":
            out.add(element.tail, pre=pre > 0)
            continue
        name = _local(element.tag)
        if event == "start":
            if (name in _HTML_SKIPPED or element.get("role") == "navigation"
                    or _hidden(element) or _page_furniture(element, name)
                    or _backlink(element, name)):
                skipped.append(element)
                walk.skip_subtree()
                continue
            reference = None if pre else _note_reference(
                element, name, "".join(out.parts[-4:])[-8:])
            if reference is not None:
                # Written as the page shows it, raised (`note_mark`), and no more.
                label, target = reference
                out.parts.append(note_mark(label))
                if target:
                    notes.setdefault(target, (note_mark(label), label.strip("[]()")))
                skipped.append(element)
                walk.skip_subtree()
                continue
            if name in _HTML_BLOCKS:
                out.end()
            if element.get("id") in notes:
                out.note = notes.pop(element.get("id"))  # the note's text begins
            if name == "br":
                out.parts.append("\n")
            if name in ("pre", "textarea"):
                pre += 1
                if name == "pre" and block is None:
                    block = element
            elif name in _HTML_CODE and code is None and not pre:
                code = (element, out.parts, len(out.parts))
            out.add(element.text, pre=pre > 0)
        else:
            if skipped and skipped[-1] is element:
                skipped.pop()
            else:
                if name in ("pre", "textarea"):
                    pre -= 1
                if element is block:
                    # The newline after <pre> is the markup's; the lines are the code's.
                    lines = "".join(out.parts).split("\n")
                    out.parts = []
                    out.block(lines)
                    block = None
                elif code is not None and code[0] is element:
                    if out.parts is code[1]:  # no block began inside it
                        out.code(code[2])
                    code = None
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
    body = root.find("body")
    out = _Paragraphs()
    _html_paragraphs(body if body is not None else root, out)
    text = out.text()
    if prose_in_code(out.code_chars, out.code_lines, text):  # a text published as a <pre>
        out = _Paragraphs(code=False)
        _html_paragraphs(body if body is not None else root, out)
        text = out.text()
    return text


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
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
#: Inside the body, what is not the text as it reads: comments, the deleted text of
#: tracked changes, and the indexes a word processor generates (a table of contents and
#: its page numbers, an alphabetical index …), as an EPUB's navigation document is not.
_ODT_SKIPPED = frozenset({f"{_OFFICE}annotation", f"{_OFFICE}annotation-end",
                          f"{_TEXT}tracked-changes"} | {
    f"{_TEXT}{index}" for index in (
        "table-of-content", "alphabetical-index", "illustration-index", "table-index",
        "object-index", "user-index", "bibliography")})
#: Page numbers, which differ between a text and its translation.
_ODT_PAGE_FIELDS = frozenset((f"{_TEXT}page-number", f"{_TEXT}page-count"))
#: A character of a style's name written as a code (``Preformatted_20_Text``).
_ENCODED_CHARACTER = re.compile(r"_([0-9A-Fa-f]{2})_")


def _odt_code_styles(*parts) -> dict[str, bool]:
    """Which styles (by name) of the style parts `parts` code is written in: their name
    says so (`code_style`), or that of the style they inherit from."""
    parents: dict[str, str] = {}
    for part in parts:
        if part is not None:
            for style in part.iter(f"{_STYLE}style"):
                parents[style.get(f"{_STYLE}name", "")] = style.get(
                    f"{_STYLE}parent-style-name", "")

    def code(name: str, depth: int = 0) -> bool:
        readable = _ENCODED_CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), name)
        return code_style(readable) or (
            depth < 16 and bool(parents.get(name)) and code(parents[name], depth + 1))

    return {name: code(name) for name in parents}


def _styles_part(archive: zipfile.ZipFile):
    """The root of an ODT's ``styles.xml``, or None: the text can be read without it."""
    from lxml import etree

    try:
        return parse_xml(archive.read("styles.xml"))
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        return None


def odt_text(data: bytes, name: str) -> str:
    """The text of an OpenDocument text: its headings and paragraphs in order (in lists,
    tables, sections and frames too), ``text:s`` as its spaces, tabs and line breaks kept.
    Footnotes and endnotes follow the body, marked ``¹``, ``²`` … (`note_mark`) where the
    text refers to them and before their own text, as for a Word document; comments, tracked
    deletions, generated indexes and page numbers are left out.  Consecutive paragraphs in
    a code style (Preformatted Text) are a fenced code block, a span in one (Source Text)
    inline code."""
    archive = open_package(data, name, ODT)
    root = _xml(archive, "content.xml", name, ODT)
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise _damaged(name, ODT)
    styles = _odt_code_styles(root, _styles_part(archive))

    read_code = True

    def is_code(element) -> bool:
        style = element.get(f"{_TEXT}style-name", "")
        return read_code and (styles.get(style, False) or code_style(
            _ENCODED_CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), style)))

    out = _Paragraphs()
    notes: list[_Paragraphs] = []

    def note(element) -> None:
        nonlocal out
        notes.append(_Paragraphs())
        out.parts.append(note_mark(str(len(notes))))
        text, out = out, notes[-1]  # the note's paragraphs go to the note
        for part in element.iter(f"{_TEXT}note-body"):
            blocks(part)
        out = text

    def inline(element) -> None:
        for child in element:
            tag = child.tag
            if (tag in _ODT_SKIPPED or tag in _ODT_PAGE_FIELDS
                    or child.get(f"{_TEXT}reference-format") == "page"):
                pass  # only the tail: the text around a page number stays
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
            elif tag == f"{_TEXT}span" and is_code(child):
                parts, start = out.parts, len(out.parts)
                out.add(child.text)
                inline(child)
                if out.parts is parts:  # no paragraph began inside it
                    out.code(start)
            else:
                out.add(child.text)
                inline(child)
            out.add(child.tail)

    def paragraph(element) -> None:
        out.end()
        out.add(element.text)
        inline(element)
        out.end()

    def code_line(element) -> str:
        """A paragraph of code as written: its indentation (``text:s``, tabs) kept."""
        out.end()
        out.add((element.text or "").lstrip())  # the markup's, as at any paragraph's start
        inline(element)
        line, out.parts = "".join(out.parts), []
        return line

    def blocks(element) -> None:
        lines: list[str] = []  # consecutive paragraphs of code
        for child in element:
            if child.tag == f"{_TEXT}p" and is_code(child):
                lines.append(code_line(child))
                continue
            if lines:
                out.block(lines)
                lines = []
            if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                paragraph(child)
            elif child.tag not in _ODT_SKIPPED:
                blocks(child)
        if lines:
            out.block(lines)

    def whole() -> tuple[str, int, list[str]]:
        """The text, how many of its characters are in code blocks, and their lines."""
        nonlocal out
        out = _Paragraphs()
        notes.clear()
        blocks(body)
        code = out.code_chars + sum(note.code_chars for note in notes)
        lines = out.code_lines + [line for note in notes for line in note.code_lines]
        for mark, paragraphs in enumerate(notes, start=1):
            first, *rest = [p for p in paragraphs.text().split("\n\n") if p] or [""]
            out.done += [f"{note_mark(str(mark))} {first}".rstrip(), *rest]
        return out.text(), code, lines

    text, code, lines = whole()
    if prose_in_code(code, lines, text):  # a plain text opened in a word processor
        read_code = False
        text, _, _ = whole()
    return text
