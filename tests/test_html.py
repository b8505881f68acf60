"""The HTML page and the SVG map, read as text: structure, escaping, self-containment.

`tests/test_browser.py` checks the same pages in a real browser; these checks need none.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from align.record import Alignment, Finding, Link, Sentence, Side, Span
from align.render import html as html_renderer
from align.render import svg_map
from align.render.html import render_html
from align.render.svg_map import path_points, render_svg

#: Each payload sets window.__pwned if it ever runs (test_browser checks that it stays unset).
HOSTILE = (
    "<script>window.__pwned=1;alert(1)</script>"
    '<img src=x onerror="window.__pwned=2;alert(2)">'
    "</td></tr></table>{{7*7}}"
    '<a href="javascript:window.__pwned=3">link</a>'
)
RAW_FRAGMENTS = ("<script>window", "<img src=x", "</td></tr></table>{{", '<a href="javascript:')

VOID_ELEMENTS = {"meta", "link", "br", "img", "input", "col", "hr", "wbr", "source"}


def make_side(paragraphs: list[list[str]], name: str, language: str | None) -> Side:
    """A side whose sentences are spans of paragraphs joined by blank lines."""
    sentences, offset = [], 0
    for number, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence(text, offset, offset + len(text), number))
            offset += len(text) + 1
        offset += 1
    return Side(sentences, name=name, language=language, paragraphs=len(paragraphs))


def span(side: Side, side_name: str, index: int, needle: str) -> Span:
    sentence = side.sentences[index]
    start = sentence.start + sentence.text.index(needle)
    return Span(side_name, start, start + len(needle), needle)


def make_alignment() -> Alignment:
    """Every link shape (2-1, 1-1, 1-2, 1-0, 0-1), findings with spans, hostile text everywhere."""
    source = make_side(
        [
            ["Le chat dort sur le tapis.", "Il rêve d'une souris grise."],
            ["Marie a acheté 3 pommes à Paris.", f"Voici {HOSTILE} ici.",
             "Cette phrase n'a pas de traduction."],
            ["Fin de l'histoire\x07."],
        ],
        f"conte {HOSTILE}.txt",
        "fr",
    )
    translation = make_side(
        [
            ["The cat sleeps on the rug and dreams of a grey mouse."],
            ["Marie bought 5 apples in Lyon.", f"Here {HOSTILE} part one.", "Part two."],
            ["The end of the story.", "An added sentence."],
        ],
        "tale.txt",
        f"en{HOSTILE}",
    )
    links = [
        Link([0, 1], [0], 0.92, 0.08),
        Link([2], [1], 0.7, 0.45, [
            Finding("number", "major", "3 in the source, 5 in the translation",
                    [span(source, "source", 2, "3"), span(translation, "translation", 1, "5")]),
            Finding("name", "minor", "Paris is Lyon",
                    [span(source, "source", 2, "Paris"),
                     span(translation, "translation", 1, "Lyon")]),
        ]),
        Link([3], [2, 3], 0.3, None, [
            Finding(f"kind{HOSTILE}", "major", f"reason {HOSTILE}",
                    [span(translation, "translation", 2, "part one")]),
        ]),
        Link([4], [], 0.0, 1.0, [
            Finding("omission", "critical", "no counterpart in the translation",
                    [span(source, "source", 4, "Cette phrase n'a pas de traduction.")]),
        ]),
        Link([5], [4], 0.95, 0.05),
        Link([], [5], 0.0, 1.0, [
            Finding("addition", "minor", "no counterpart in the source",
                    [span(translation, "translation", 5, "An added sentence.")]),
        ]),
    ]
    return Alignment(
        source, translation, links,
        signature={"string": f"align 0.1.0 {HOSTILE}", "model": {"id": "test-model"}},
        warnings=[f"warning {HOSTILE}"],
        created="2025-01-02T03:04:05Z",
        neighbourhood=[[[0, 0.9], [1, 0.4]], [[0, 0.8]], [[1, 0.85]], [[2, 0.7], [3, 0.6]], [],
                       [[4, 0.9], [5, 0.5]]],
    )


class Page(HTMLParser):
    """Parses a page strictly enough to catch broken nesting, and keeps what tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.scripts: list[tuple[str | None, str]] = []  # (type attribute, content)
        self.styles: list[str] = []
        self.text_by_row: dict[str, str] = {}
        self._raw: list[str] | None = None
        self._row: str | None = None
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes, tuple(self.stack)))
        if tag == "tr" and (attributes.get("id") or "").startswith("L"):
            self._row = attributes["id"]
            self.text_by_row[self._row] = ""
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)
        if tag in ("script", "style"):
            self._raw = []
            self._type = attributes.get("type")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), tuple(self.stack)))

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if tag in ("script", "style") and self._raw is not None:
            if tag == "script":
                self.scripts.append((self._type, "".join(self._raw)))
            else:
                self.styles.append("".join(self._raw))
            self._raw = None
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._raw is not None:
            self._raw.append(data)
        elif self._row:
            self.text_by_row[self._row] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a, _ in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def rows(self) -> list[dict[str, str | None]]:
        return [a for t, a, parents in self.elements if t == "tr" and "tbody" in parents]


@pytest.fixture(scope="module")
def alignment() -> Alignment:
    return make_alignment()


@pytest.fixture(scope="module")
def page_text(alignment) -> str:
    return render_html(alignment)


@pytest.fixture(scope="module")
def page(page_text) -> Page:
    return Page(page_text)


def test_page_parses_with_balanced_nesting(page):
    assert page.errors == []
    assert [t for t, _, _ in page.elements[:2]] == ["html", "head"]


def test_one_row_per_link_in_order(page, alignment):
    rows = page.rows()
    assert len(rows) == len(alignment.links)
    assert [r["id"] for r in rows] == [f"L{n}" for n in range(1, len(alignment.links) + 1)]


def test_rows_hold_their_sentences(page, alignment):
    assert "Le chat dort sur le tapis." in page.text_by_row["L1"]
    assert "Il rêve d'une souris grise." in page.text_by_row["L1"]
    assert "The cat sleeps" in page.text_by_row["L1"]
    assert "Part two." in page.text_by_row["L3"]  # the second sentence of a 1-2 link


def test_empty_sides_are_labelled_gaps(page):
    assert "not translated" in page.text_by_row["L4"]
    assert "no source" in page.text_by_row["L6"]
    gaps = page.find("td", class_="gap")
    assert len(gaps) == 2


def test_paragraph_starts_are_marked(page):
    classes = {r["id"]: (r["class"] or "").split() for r in page.rows()}
    assert "p" not in classes["L1"]
    assert "p" in classes["L2"]  # both sides begin their second paragraph here
    assert "p" in classes["L5"]  # "Fin de l'histoire." begins the third source paragraph
    assert "p" not in classes["L6"]


def test_rows_are_coloured_by_divergence_or_by_score(page):
    classes = {r["id"]: (r["class"] or "").split() for r in page.rows()}
    assert "d0" in classes["L1"]  # divergence 0.08
    assert "d2" in classes["L2"]  # divergence 0.45
    assert "d3" in classes["L3"]  # no divergence: 1 - score = 0.7
    assert "d4" in classes["L4"]
    assert {"f", "v3"} <= set(classes["L4"])  # critical omission
    assert "f" not in classes["L5"]


def test_finding_spans_are_highlighted_inside_sentences(page_text):
    assert ('<mark class="nm v2" data-b="0">3</mark> pommes à '
            '<mark class="nm v1" data-b="1">Paris</mark>') in page_text
    assert ('<mark class="nm v2" data-b="0">5</mark> apples in '
            '<mark class="nm v1" data-b="1">Lyon</mark>') in page_text
    assert ("<mark class=\"nc v3\" data-b=\"0\">Cette phrase n&#x27;a pas de traduction."
            "</mark>") in page_text
    assert '<mark class="nc v1" data-b="0">An added sentence.</mark>' in page_text
    assert '<mark class="ot v2" data-b="0">part one</mark>' in page_text  # a kind of its own


def test_badges_name_kind_severity_and_reason(page):
    badges = page.find("button", **{"data-k": "number"})
    assert len(badges) == 1 and badges[0]["data-v"] == "major"
    assert "3 in the source, 5 in the translation" in page.text_by_row["L2"]


def test_header_summarises_links_findings_and_agreement(page_text):
    header = page_text[page_text.index("<header"): page_text.index("</header>")]
    text = re.sub(r"<[^>]+>", " ", header)
    assert re.search(r"Links\s+6\s+2 × 1-1", text)
    for kind in ("number", "name", "omission", "addition"):
        assert re.search(rf"1\s+{kind}", text)
    assert "test-model" in text and "2025-01-02 03:04" in text
    assert re.search(r"Agreement\s+\d+%", text)


def test_agreement_on_the_page_is_the_reports(alignment, page_text):
    # One record, one figure: the page and `align check`'s summary weigh links alike.
    from align.checks import agreement

    shown = re.search(r"<dt>Agreement</dt><dd><b>(\d+)%", page_text).group(1)
    assert int(shown) == round(100 * agreement(alignment))


def test_a_record_checked_with_gates_shows_how_that_check_ended(alignment):
    import copy

    assert "<dt>Verdict</dt>" not in render_html(alignment)  # `align run`: no gates
    gated = copy.deepcopy(alignment)
    # The fixture holds one critical omission, majors of kind number and of a hostile kind.
    gated.signature["checks"] = {"ignore": [], "fail_on": ["number:major"]}
    text = re.sub(r"<[^>]+>", " ", render_html(gated))
    assert re.search(r"Verdict\s+fail\s+--fail-on number:major: 1 finding\b", text)
    gated.signature["checks"]["fail_on"] = ["critical"]
    text = re.sub(r"<[^>]+>", " ", render_html(gated))
    assert re.search(r"Verdict\s+fail\s+--fail-on critical: 1 finding\b", text)
    gated.signature["checks"]["fail_on"] = ["length", "name:major"]  # name: a minor
    text = re.sub(r"<[^>]+>", " ", render_html(gated))
    assert re.search(r"Verdict\s+pass\s+--fail-on length name:major: 0 findings", text)


def test_content_security_policy_allows_only_the_pages_own_script_and_style(page):
    (meta,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    policy = dict(
        (part.split(None, 1) + [""])[:2] for part in meta["content"].split(";") if part.strip()
    )
    assert policy["default-src"] == "'none'"
    assert "unsafe" not in meta["content"]

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    runnable = [text for kind, text in page.scripts if kind is None]
    assert len(runnable) == 2
    assert sorted(policy["script-src"].split()) == sorted(digest(s) for s in runnable)
    assert policy["style-src"].split() == [digest(s) for s in page.styles]


def test_page_refers_to_nothing_outside_itself(page, page_text):
    assert "http://" not in page_text and "https://" not in page_text
    assert "@import" not in page_text and "url(" not in page_text
    for tag, attrs, _ in page.elements:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert not page.find("img") and not page.find("link") and not page.find("iframe")


def test_hostile_text_appears_only_escaped(page, page_text):
    for fragment in RAW_FRAGMENTS:
        assert fragment not in page_text
    assert "&lt;script&gt;window.__pwned=1" in page_text
    assert len(page.find("script")) == 3  # the flag, the data, the page script: none injected
    assert not page.find("a", href="javascript:window.__pwned=3")
    for tag, attrs, _ in page.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    # The payload survives as text, in the sentence and in the finding's reason.
    assert HOSTILE in page.text_by_row["L3"]
    assert f"reason {HOSTILE}" in page.text_by_row["L3"]
    assert "{{7*7}}" in page_text


def test_a_malformed_language_never_reaches_an_attribute(page):
    languages = {a.get("lang") for _, a, _ in page.elements if "lang" in a}
    assert languages == {"en", "fr"}  # the page itself and the source; the hostile tag is dropped


def test_control_characters_are_made_visible_not_passed_through(page_text):
    assert "\x07" not in page_text
    assert "Fin de l&#x27;histoire\ufffd." in page_text


def test_script_data_is_json_that_cannot_close_its_element(page, alignment):
    (data,) = [text for kind, text in page.scripts if kind == "application/json"]
    parsed = json.loads(data)
    assert parsed["x"] == [0, 2, 3, 4, 5, 6]  # where each link starts, source side
    assert parsed["y"] == [0, 1, 2, 4, 4, 5]
    escaped = html_renderer._json_for_script({"t": "</script><!-- \u2028 & >"})
    assert "<" not in escaped and ">" not in escaped and "&" not in escaped
    assert "\u2028" not in escaped
    assert json.loads(escaped) == {"t": "</script><!-- \u2028 & >"}


def test_render_returns_utf8_bytes_for_the_given_path(alignment, page_text):
    path = Path("out/story.html")
    assert html_renderer.EXTENSIONS == (".html", ".htm")
    assert html_renderer.render(alignment, path) == {path: page_text.encode("utf-8")}


def test_an_empty_alignment_still_makes_a_page():
    empty = Alignment(Side([]), Side([]), [])
    page = Page(render_html(empty))
    assert page.errors == [] and page.rows() == []


def test_rows_come_in_groups_with_an_estimated_height():
    sentences = [Sentence("x" * 100, 101 * i, 101 * i + 100, 0) for i in range(100)]
    side = Side(sentences, name="long")
    record = Alignment(side, side, [Link([i], [i], 1.0, 0.0) for i in range(100)])
    page = Page(render_html(record))
    groups = page.find("tbody")
    assert len(groups) == 3  # 40 + 40 + 20 rows
    heights = [float(g["data-h"]) for g in groups]
    assert heights[0] == heights[1] > heights[2] > 0
    assert len(page.rows()) == 100


# -- the SVG map -------------------------------------------------------------------------


def test_map_is_well_formed_svg_with_escaped_names(alignment):
    text = render_svg(alignment)
    root = ET.fromstring(text.split("?>", 1)[1])
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert "conte <script>" in root.find("s:title", ns).text  # a name, as text
    assert root.findall(".//s:script", ns) == []
    assert root.find(".//s:path[@class='route']", ns) is not None
    assert len(root.findall(".//s:circle[@class]", ns)) >= 4  # one mark per flagged link


def test_map_path_ends_at_the_end_of_both_documents(alignment):
    assert path_points(alignment) == [(0, 0), (2, 1), (3, 2), (4, 4), (5, 4), (6, 5), (6, 6)]


def test_map_path_merges_runs_of_one_to_one_links():
    sentences = [Sentence("a", i, i + 1, 0) for i in range(5)]
    side = Side(sentences)
    links = [Link([0], [0]), Link([1], [1]), Link([2], [2]), Link([3], []), Link([4], [3])]
    assert path_points(Alignment(side, side, links)) == [(0, 0), (3, 3), (4, 3), (5, 4)]


def test_map_of_a_long_document_stays_small():
    n = 5000
    side = Side([Sentence("a", i, i + 1, 0) for i in range(n)])
    record = Alignment(
        side, side, [Link([i], [i], 0.9, 0.1) for i in range(n)],
        neighbourhood=[[[j, 0.9 - 0.1 * abs(i - j)] for j in range(max(0, i - 5), min(n, i + 6))]
                       for i in range(n)],
    )
    text = render_svg(record)
    assert len(text.encode()) < 60_000
    ET.fromstring(text.split("?>", 1)[1])


def test_map_renderer_protocol(alignment):
    path = Path("map.svg")
    assert svg_map.EXTENSIONS == (".svg",)
    (written,) = svg_map.render(alignment, path).items()
    assert written[0] == path and written[1].startswith(b"<?xml")


def test_page_embeds_the_map_without_a_namespace_url(page):
    svg = page.find("svg")
    assert len(svg) == 1 and "xmlns" not in svg[0]


# -- accepted findings -------------------------------------------------------------------


def test_script_data_lets_the_page_save_each_finding_as_a_baseline_entry(page, alignment):
    (data,) = [json.loads(text) for kind, text in page.scripts if kind == "application/json"]
    # One entry a badge, in page order: its spans, "S"/"T" for a whole side of the link,
    # else "s"/"t" and the span's text (the link's texts are the page's own).
    assert data["f"] == [["s3", "t5"], ["sParis", "tLyon"], ["tpart one"], ["S"], ["T"]]
    assert data["sig"] == alignment.signature["string"]
    assert re.fullmatch(r"[\w-]{16}", data["pair"]) and data["name"] == "tale"
    assert data["raw"] == {}  # no flagged link has text the page shows otherwise
    assert len([a for t, a, _ in page.elements if t == "button"
                and "b" in (a.get("class") or "").split()]) == len(data["f"])


def test_a_flagged_link_with_a_control_character_carries_its_texts(alignment):
    record = make_alignment()
    fin = record.source.sentences[5]  # "Fin de l'histoire\x07.": the page shows U+FFFD
    record.links[4].findings.append(Finding("mechanical", "info", "a bell", [
        Span("source", fin.start, fin.end, fin.text)]))
    page = Page(render_html(record))
    (data,) = [json.loads(text) for kind, text in page.scripts if kind == "application/json"]
    assert data["raw"] == {"4": ["Fin de l'histoire\x07.", "The end of the story."]}
    assert data["f"][-2] == ["S"]


def script_data(record: Alignment) -> dict:
    (data,) = [json.loads(text) for kind, text in Page(render_html(record)).scripts
               if kind == "application/json"]
    return data


def test_each_badge_carries_the_key_a_baseline_matches_its_finding_by():
    """``k``: each finding's `finding_key` (kind, both texts of its link, its spans' texts),
    as a digest: the browser keeps its mark under it."""
    from align.checks.baseline import finding_key

    record = make_alignment()
    record.links[1].accepted = [record.links[1].findings.pop()]  # after the link's others
    fin = record.source.sentences[5]
    record.links[4].findings.append(Finding("mechanical", "info", "a bell", [
        Span("source", fin.start + 8, fin.end, fin.text[8:])]))
    expected = [html_renderer._digest(finding_key(record, i, f), 9)
                for i, link in enumerate(record.links) for f in link.findings + link.accepted]
    assert script_data(record)["k"] == expected and len(set(expected)) == 6
    assert all(re.fullmatch(r"[\w-]{12}", k) for k in expected)


def test_the_page_and_the_baseline_share_one_finding_key():
    """The page's keys and ``--baseline`` come from one function: they cannot drift apart."""
    from align.checks import baseline

    assert html_renderer.finding_key is baseline.finding_key
    assert baseline.finding_key.__module__ == "align.record"


def test_the_browser_keeps_the_marks_of_a_pair_of_documents_together(alignment):
    """Marks are kept by what each finding is, under the pair of documents (their names): a
    record of the same two documents with other findings shares them, another pair does not."""
    edited = make_alignment()
    edited.links[1].findings.pop()
    edited.links[4].findings.append(Finding("mechanical", "info", "a bell", []))
    assert script_data(edited)["pair"] == script_data(alignment)["pair"]
    renamed = make_alignment()
    renamed.translation.name = "tale-2.txt"
    assert script_data(renamed)["pair"] != script_data(alignment)["pair"]


def test_pages_of_documents_with_the_same_names_in_other_folders_keep_their_own_marks():
    """A folder run makes a page for each ``index.md`` pair: each keeps its marks under its
    documents' paths, not under the names they share."""
    def pair(folder: str) -> str:
        record = make_alignment()
        record.source.name, record.translation.name = "index.md", "index.md"
        record.source.path = f"en/{folder}/index.md"
        record.translation.path = f"fr/{folder}/index.md"
        return script_data(record)["pair"]

    assert pair("guide") != pair("api")
    assert pair("guide") == pair("guide")


def test_findings_a_baseline_set_aside_are_shown_as_accepted():
    record = make_alignment()
    record.links[1].accepted = [record.links[1].findings.pop()]  # the name
    record.links[5].accepted = [record.links[5].findings.pop()]  # the addition: none left
    page = Page(render_html(record))
    badges = [(a["data-k"], (a.get("class") or "").split()) for t, a, _ in page.elements
              if t == "button" and "data-k" in a]
    accepted = [kind for kind, classes in badges if "ok" in classes]
    assert accepted == ["name", "addition"]
    assert all("off" in classes for kind, classes in badges if kind in accepted)
    rows = {r["id"]: (r["class"] or "").split() for r in page.rows()}
    assert {"f", "off"} <= set(rows["L6"]) and "off" not in rows["L2"]
    # its words stay marked (the badges: the number's, then the accepted name's)
    assert '<mark class="nm v1" data-b="1">Paris</mark>' in render_html(record)
    (data,) = [json.loads(text) for kind, text in page.scripts if kind == "application/json"]
    assert data["f"][1] == ["sParis", "tLyon"] and len(data["f"]) == 5


def test_the_filters_offer_the_kinds_and_severities_of_accepted_findings_too():
    """A page made from a run with a baseline: kinds and severities found only among the
    findings it set aside (the number, the omission: critical) have their boxes, so that
    un-accepted they count as any other."""
    record = make_alignment()
    record.links[1].accepted = [record.links[1].findings.pop(0)]  # the number
    record.links[3].accepted, record.links[3].findings = record.links[3].findings, []
    page = Page(render_html(record))
    boxes = {(a["name"], a["value"]) for t, a, _ in page.elements
             if t == "input" and a.get("name") in ("kind", "severity")}
    assert {("kind", "number"), ("kind", "omission"), ("severity", "critical")} <= boxes
    assert len([b for b in boxes if b[0] == "kind"]) == 5
    assert len([b for b in boxes if b[0] == "severity"]) == 3  # critical, major, minor


def test_the_page_has_a_place_to_say_why_it_shows_no_row(page):
    (empty, parents) = [(a, p) for t, a, p in page.elements if a.get("id") == "empty"][0]
    assert empty["role"] == "status" and parents[-1] == "main"  # empty until page.js fills it


def test_the_toolbar_offers_to_hide_and_save_accepted_findings(page):
    (hide,) = page.find("input", id="hide-accepted")
    assert "checked" in hide
    (save,) = page.find("button", id="save")
    toolbar = [parents for t, a, parents in page.elements if a.get("id") == "save"][0]
    assert "nav" in toolbar  # inside the toolbar, hidden without JavaScript


def test_a_warning_that_names_links_links_to_the_first_of_their_rows():
    # The missing passage's warning names the rows ("links #2–4") as the page numbers them:
    # the page makes that a link to the first; numbers it has no row for stay text.
    record = make_alignment()
    record.warnings = [
        "source sentences 3–7 (links #2–4; paragraphs 2–3) have no counterpart in the "
        "translation",
        "translation sentences 9–13 (link #5; paragraphs 4–5) have no counterpart <b>",
        "source sentences 50–60 (links #40–50; paragraphs 9–9) have no counterpart",
    ]
    page_text = render_html(record)
    warnings = page_text[page_text.index('<section class="warnings"'):]
    warnings = warnings[:warnings.index("</section>")]
    assert ('<li>source sentences 3–7 (<a href="#L2">links #2–4</a>; paragraphs 2–3) have no '
            "counterpart in the translation</li>") in warnings
    assert '(<a href="#L5">link #5</a>; paragraphs 4–5) have no counterpart &lt;b&gt;' in warnings
    assert "<li>source sentences 50–60 (links #40–50; paragraphs 9–9)" in warnings
    assert Page(page_text).errors == []


def test_the_tables_caption_counts_one_link_as_one():
    side = Side([Sentence("Bonjour.", 0, 8, 0)], name="a.txt")
    page_text = render_html(Alignment(side, side, [Link([0], [0], 1.0, 0.0)]))
    assert '<caption class="vh">1 link between a.txt and a.txt</caption>' in page_text


def test_each_row_says_its_divergence_in_words():
    page = render_html(make_alignment())
    # A space inside the hidden span: its text reads "2 divergence 0.45, loose", not
    # "2divergence …", when copied and in the accessibility tree.
    assert '<th>2<span class="vh"> divergence 0.45, loose</span></th>' in page
    assert '<span class="vh"> divergence 1.00, unrelated</span>' in page


def test_the_maps_axis_labels_have_room_for_their_digits():
    from align.render.svg_map import render_svg

    sentences = [[f"Sentence {i}." for i in range(1926)]]
    side = make_side(sentences, "long.txt", "en")
    links = [Link([i], [i], 0.9, 0.1) for i in range(1926)]
    svg = render_svg(Alignment(side, side, links), width=300, height=330, standalone=False)
    found = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end">1926<', svg)
    assert len(found) == 2  # the last source sentence, across; the last translation one, down
    # Four digits of an 11 px font, right-aligned at x, need about 27 px.
    assert min(float(x) for x in found) >= 4 * 11 * 0.62


def test_the_overview_strip_is_a_labelled_toolbar_whose_drawing_is_hidden(page):
    """Its marks (buttons page.js adds) are for the keyboard and assistive technology too;
    the canvas and the frame of the view are pictures of what the table says."""
    (strip,) = page.find("nav", id="strip")
    assert "aria-hidden" not in strip and strip["aria-label"] == "Overview"
    (marks,) = page.find("div", class_="marks")
    assert marks["role"] == "toolbar" and marks["aria-orientation"] == "vertical"
    assert marks["aria-label"] == "Flagged and divergent links"
    drawing = [a for t, a, parents in page.elements
               if t == "canvas" or (t == "div" and a.get("class") == "view")]
    assert len(drawing) == 2 and all(a.get("aria-hidden") == "true" for a in drawing)


def test_a_row_number_tells_where_a_pair_is_in_its_file():
    """A link read from a file of pairs: the row number's tooltip says its key and where it
    is in the file, so that a reader of the page can find the pair there."""
    from align.checks.pairs import read_pairs

    folder = Path(__file__).parent
    tsv = folder / "_origin_pairs.tsv"
    try:
        tsv.write_text("source\ttranslation\nBonjour.\tHello.\nMerci.\tThanks.\n",
                       encoding="utf-8")
        record = read_pairs(tsv)
    finally:
        tsv.unlink()
    page = render_html(record)
    # The header row puts the pairs on lines 2 and 3.
    assert '<th title="line 2">1' in page
    assert '<th title="line 3">2' in page


def _divergence_pair(divergences: list[float]) -> Alignment:
    texts = [f"Sentence {i}." for i in range(len(divergences))]
    source = make_side([texts], "a.txt", "fr")
    translation = make_side([texts], "b.txt", "en")
    links = [Link([i], [i], 1 - d, d) for i, d in enumerate(divergences)]
    return Alignment(source, translation, links)


def test_divergent_begins_where_align_check_counts_a_link_divergent():
    """The row's words, its colour band, the legend and the map agree with `align check`,
    which counts a link divergent from `DIVERGENCE_THRESHOLD` on."""
    from align.record import DIVERGENCE_THRESHOLD as T

    below, at, above = round(T - 0.02, 2), T, round(T + 0.1, 2)
    page = render_html(_divergence_pair([below, at, above]))
    rows = {r["id"]: (r["class"] or "").split() for r in Page(page).rows()}
    assert f"divergence {below:.2f}, loose</span>" in page
    assert f"divergence {at:.2f}, divergent</span>" in page
    assert f"divergence {above:.2f}, divergent</span>" in page
    assert "d2" in rows["L1"] and "d3" in rows["L2"] and "d3" in rows["L3"]
    # the legend's divergent band starts at the threshold, and counts the two links
    assert re.search(rf"divergent</span> <span class=\"sub\">{T:.2f}–[\d.]+ · 2<", page)
    # the map draws both divergent links, not the loose one, in the warm colour
    svg = render_svg(_divergence_pair([below, at, above]), standalone=False)
    (strokes,) = re.findall(r'<path class="warm" d="([^"]+)"', svg)
    assert strokes.count("M") == 2


def test_a_page_of_pairs_says_which_column_is_which():
    """Strings read from one file of pairs: both sides carry that file's name; the columns
    say Source and Translation, and the file's name is said once."""
    source = make_side([["Bonjour."]], "pairs.tsv", "fr")
    translation = make_side([["Hello."]], "pairs.tsv", "en")
    source.path = translation.path = "l10n/pairs.tsv"
    page = render_html(Alignment(source, translation, [Link([0], [0], 0.9, 0.1)]))
    heads = re.findall(r'<th scope="col">(.*?)</th>', page)
    assert heads[1].startswith("Source") and heads[2].startswith("Translation")
    assert '<span class="lang">fr</span>' in heads[1]
    assert '<span class="lang">en</span>' in heads[2]
    (title,) = re.findall(r"<title>(.*?)</title>", page)
    assert title.count("pairs.tsv") == 1
    (h1,) = re.findall(r"<h1>(.*?)</h1>", page, re.S)
    assert re.sub(r"<[^>]+>", "", h1).count("pairs.tsv") == 1


def test_the_header_writes_large_counts_as_the_toolbar_does():
    texts = [f"Sentence {i}." for i in range(1300)]
    side = make_side([texts], "a.txt", "en")
    links = [Link([i], [i], 0.9, 0.1, [Finding("length", "minor", "long", [])])
             for i in range(1300)]
    page = render_html(Alignment(side, side, links))
    assert "<dt>Links</dt><dd><b>1,300</b>" in page
    assert "<dt>Flagged links</dt><dd><b>1,300</b>" in page
    assert '<h2>Findings <span class="sub">1,300' in page
    # So do the page's sentences in words and the terminal's (one function counts them).
    assert '<caption class="vh">1,300 links between' in page


def test_highlights_carry_their_findings_severity_and_badges():
    """Each highlight says how grave its findings are and which badges of its row are
    its findings', so that the page can show info quietly and hide what the filters hide."""
    page = render_html(make_alignment())
    # link 2: the number (major, badge 0) and the name (minor, badge 1)
    assert '<mark class="nm v2" data-b="0">3</mark>' in page
    assert '<mark class="nm v1" data-b="1">Paris</mark>' in page
    assert '<mark class="nc v3" data-b="0">Cette phrase' in page


def test_a_rows_divergence_is_said_within_its_bands_range():
    """0.4999 is loose (below the 0.5 of divergent links): said "0.49", not "0.50", which
    the legend gives as divergent; 0.6 is said "0.60"."""
    record = make_alignment()
    record.links[1].divergence = 0.4999
    record.links[4].divergence = 0.6
    page = render_html(record)
    assert "divergence 0.49, loose" in page
    assert "divergence 0.60, divergent" in page
    assert "divergence 0.50, loose" not in page


def passage_alignment() -> Alignment:
    """Links 2–5 a passage left out (four source sentences, no translation), link 6 a number
    of its own, links 7–8 two sentences added: too few to be a passage."""
    source = make_side([["Un.", "Deux.", "Trois.", "Quatre.", "Cinq.", "Six 6.", "Sept."]],
                       "passage.fr.txt", "fr")
    translation = make_side([["One.", "Six 7.", "Added one.", "Added two.", "Seven."]],
                            "passage.en.txt", "en")

    def whole(side: Side, name: str, k: int) -> list[Span]:
        return [span(side, name, k, side.sentences[k].text)]

    left_out = [Link([k], [], 0.0, 1.0, [Finding("omission", severity, f"sentence {k} left out",
                                                 whole(source, "source", k))])
                for k, severity in zip(range(1, 5), ("major", "minor", "major", "info"),
                                       strict=True)]
    added = [Link([], [k], 0.0, 1.0, [Finding("addition", "major", f"sentence {k} added",
                                              whole(translation, "translation", k))])
             for k in (2, 3)]
    number = Finding("number", "major", "6 is 7", [span(source, "source", 5, "6"),
                                                   span(translation, "translation", 1, "7")])
    links = [Link([0], [0], 0.9, 0.1), *left_out, Link([5], [1], 0.8, 0.2, [number]), *added,
             Link([6], [4], 0.9, 0.1)]
    return Alignment(source, translation, links, signature={"string": "align test"})


def test_the_rows_of_a_passage_left_out_name_it_and_its_first_row_says_what_it_is():
    """As the terminal report (`align.checks.report.passages`): three links or more with
    nothing on one side are one passage; two are not."""
    text = render_html(passage_alignment())
    page = Page(text)
    assert page.errors == []
    # The toolbar counts the passage once: the header says how many links it gathers.
    assert '<b>7</b> <span class="sub">4 links in 1 passage</span>' in text
    passage = {r["id"]: r.get("data-p") for r in page.rows()}
    assert passage == {"L1": None, "L2": "2", "L3": "2", "L4": "2", "L5": "2", "L6": None,
                       "L7": None, "L8": None, "L9": None}
    head = ("Passage left out: links 2–5, 4 source sentences with no counterpart in the "
            "translation")
    assert head in page.text_by_row["L2"]
    assert all(head not in page.text_by_row[f"L{n}"] for n in range(3, 10))
    assert not any("Passage" in text for text in page.text_by_row.values() if head not in text)


def test_a_passage_added_says_so_on_its_first_row():
    record = passage_alignment()
    record.links[8].source, record.links[8].translation = [], [4]  # a third sentence added
    record.links[8].findings = [Finding("addition", "minor", "added", [
        span(record.translation, "translation", 4, "Seven.")])]
    page = Page(render_html(record))
    assert [r["id"] for r in page.rows() if r.get("data-p") == "7"] == ["L7", "L8", "L9"]
    assert ("Passage added: links 7–9, 3 sentences of the translation with no counterpart in "
            "the source") in page.text_by_row["L7"]


def test_the_header_counts_findings_by_severity_worst_first():
    page = render_html(make_alignment())
    # critical omission; major number and hostile kind; minor name and addition
    (line,) = re.findall(r'<span class="severities">(.*?)</span></h2>', page)
    assert re.sub(r"<[^>]+>", "", line) == "1 critical · 2 major · 2 minor"
