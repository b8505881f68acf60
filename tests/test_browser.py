"""The HTML page in a real browser: Debian's Chromium driven through Playwright.

Skipped (with the reason) when /usr/bin/chromium or the playwright package is missing;
``.ci/run`` installs both.  One browser serves the whole module; each test opens its
own page.  Screenshots go to a temporary directory printed at the end of the run
(``pytest -s`` shows it).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from test_html import HOSTILE, make_alignment, make_side, passage_alignment, span

from align.record import Alignment, Finding, Link, Sentence, Side, Span
from align.render.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LONG_LINKS = 1500


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def long_alignment() -> Alignment:
    """`LONG_LINKS` 1-1 links of distinct sentences; a finding on every hundredth link."""
    rng = random.Random(3)
    words = "river morning letter house city road night friend window garden".split()
    sentences, offset = [], 0
    for i in range(LONG_LINKS):
        text = f"Sentence {i + 1} " + " ".join(rng.choice(words) for _ in range(20)) + "."
        sentences.append(Sentence(text, offset, offset + len(text), i // 5))
        offset += len(text) + 1
    side = Side(sentences, name="long.txt", language="en", paragraphs=LONG_LINKS // 5)
    links = []
    for i in range(LONG_LINKS):
        findings = []
        if (i + 1) % 100 == 0:
            s = sentences[i]
            spans = [Span("translation", s.start, s.start + 8)]
            findings.append(Finding("length", "minor", "long", spans))
        links.append(Link([i], [i], 0.9, 0.1, findings))
    return Alignment(side, side, links)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, record in (("small", make_alignment()), ("long", long_alignment())):
        path = folder / f"{name}.html"
        path.write_text(render_html(record), encoding="utf-8")
        written[name] = path
    return written


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    print(f"\nscreenshots of the HTML page: {folder}")


class Opened:
    """A page with everything it requested, every dialog and every console message."""

    def __init__(self, browser, path: Path, fragment: str = "", **context_options) -> None:
        context_options.setdefault("viewport", {"width": 1280, "height": 860})
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.console.append(f"error: {error}"))
        self.page.goto(path.as_uri() + fragment)
        if context_options.get("java_script_enabled", True):
            self.page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible_rows(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "tbody > tr", "rows => rows.filter(r => r.offsetHeight > 0).map(r => r.id)"
        )

    def focused_id(self) -> str:
        return self.page.evaluate("document.activeElement.id")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser):
    pages_opened = []

    def open_page(path: Path, fragment: str = "", **options) -> Opened:
        page = Opened(browser, path, fragment, **options)
        pages_opened.append(page)
        return page

    yield open_page
    for page in pages_opened:
        page.close()


def test_one_row_per_link_and_a_table_for_assistive_technology(opened, pages, shots):
    view = opened(pages["small"])
    assert view.page.locator("tbody > tr").count() == len(make_alignment().links)
    assert view.visible_rows() == [f"L{n}" for n in range(1, 7)]
    # Rows are laid out as grids on screen; the accessibility tree must still see a table.
    assert view.page.get_by_role("table").count() == 1
    assert view.page.get_by_role("row").count() == 7  # the header and six links
    assert view.console == []  # no script error, no blocked inline script or style
    view.page.screenshot(path=str(shots / "overview.png"), full_page=True)


def test_j_and_k_move_between_findings_and_keep_the_position_in_the_url(opened, pages, shots):
    view = opened(pages["small"])
    keyboard = view.page.keyboard
    keyboard.press("j")
    assert view.focused_id() == "L2" and view.page.url.endswith("#L2")
    keyboard.press("j")
    keyboard.press("j")
    assert view.focused_id() == "L4" and view.page.url.endswith("#L4")
    assert view.page.locator("#status").inner_text() == "Flagged link 3 of 4"
    keyboard.press("k")
    assert view.focused_id() == "L3" and view.page.url.endswith("#L3")
    keyboard.press("ArrowDown")  # plain links are one key away too
    keyboard.press("ArrowDown")
    assert view.focused_id() == "L5"
    view.page.screenshot(path=str(shots / "finding-in-focus.png"))


def test_buttons_move_between_findings_too(opened, pages):
    view = opened(pages["small"])
    view.page.get_by_role("button", name="Next").click()
    view.page.get_by_role("button", name="Next").click()
    assert view.focused_id() == "L3"
    view.page.get_by_role("button", name="Previous").click()
    assert view.focused_id() == "L2"


def test_opening_with_a_fragment_restores_the_position(opened, pages):
    view = opened(pages["long"], "#L1234")
    assert view.focused_id() == "L1234"
    box = view.page.locator("#L1234").bounding_box()
    assert box is not None and 0 < box["y"] < 860 and box["height"] > 10
    assert "Sentence 1234 " in view.page.locator("#L1234").inner_text()
    view.page.keyboard.press("j")  # the next finding is link 1300, far below
    assert view.focused_id() == "L1300"
    box = view.page.locator("#L1300").bounding_box()
    assert box is not None and 0 < box["y"] < 860


def test_filters_by_kind_and_severity_and_only_findings_hide_rows(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_label("Show only findings").check()
    assert view.visible_rows() == ["L2", "L3", "L4", "L6"]
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^number")).uncheck()
    assert view.visible_rows() == ["L2", "L3", "L4", "L6"]  # L2 still has a name finding
    page.get_by_role("checkbox", name=re.compile(r"^name")).uncheck()
    assert view.visible_rows() == ["L3", "L4", "L6"]
    page.get_by_role("checkbox", name=re.compile(r"^critical")).uncheck()
    assert view.visible_rows() == ["L3", "L6"]
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert view.focused_id() == "L6"  # navigation skips what the filters hide
    page.get_by_label("Show only findings").uncheck()
    assert len(view.visible_rows()) == 6  # filters decide what counts as a finding, not what shows
    assert page.locator("#L2 .b.off").count() == 2


def test_search_finds_words_on_either_side(opened, pages, shots):
    view = opened(pages["small"])
    page = view.page
    search = page.get_by_label("Search both texts")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    search.fill("tapis")  # only in the source
    page.wait_for_function("() => document.querySelector('#hits').textContent.includes('match')")
    assert view.visible_rows() == ["L1"]
    search.fill("APPLES")  # only in the translation, any case
    page.wait_for_function("() => document.querySelectorAll('tr.hit').length === 1 && "
                           "document.querySelector('tr.hit').id === 'L2'")
    assert view.visible_rows() == ["L2"]
    page.screenshot(path=str(shots / "search.png"))
    search.fill("REVE D’UNE")  # "rêve d'une": accents, case and apostrophe ignored
    page.wait_for_function("() => document.querySelectorAll('tr.hit').length === 1 && "
                           "document.querySelector('tr.hit').id === 'L1'")
    assert view.visible_rows() == ["L1"]
    search.fill("translated")  # the gap's label is not text of the document
    page.wait_for_function("() => document.querySelector('#hits').textContent === 'No match'")
    assert view.visible_rows() == []
    search.press("Escape")
    assert len(view.visible_rows()) == 6


def test_clicking_a_sentence_highlights_its_counterpart(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_text("Il rêve d'une souris grise.").click()  # second sentence of a 2-1 link
    assert page.evaluate("document.querySelector('.here').textContent") == (
        "Il rêve d'une souris grise."
    )
    assert page.locator("#L1").get_attribute("class").split()[-2:] == ["sel", "cur"]
    assert "pair" in page.locator("#L1 td").nth(1).get_attribute("class")
    assert page.url.endswith("#L1")
    page.get_by_text("Marie bought").click()
    assert "pair" in (page.locator("#L2 td").nth(0).get_attribute("class") or "")
    assert page.locator("#L1.sel").count() == 0


def test_the_page_requests_nothing_but_itself(opened, pages):
    view = opened(pages["small"])
    view.page.keyboard.press("j")
    view.page.get_by_label("Search both texts").fill("chat")
    view.page.wait_for_timeout(300)
    assert view.requests == [pages["small"].as_uri()]


def test_hostile_input_is_shown_and_executes_nothing(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.locator("#L3 .b").hover()  # the reason holds a payload too
    page.get_by_label("Search both texts").fill("<script>")
    page.wait_for_function("() => document.querySelectorAll('tr.hit').length > 0")
    page.get_by_text(HOSTILE).first.click()
    assert page.evaluate("window.__pwned") is None
    assert view.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert HOSTILE in page.locator("#L3").inner_text()
    assert "{{7*7}}" in page.locator("h1").inner_text()


def test_without_javascript_the_table_is_complete(opened, pages, shots):
    view = opened(pages["small"], java_script_enabled=False)
    assert view.visible_rows() == [f"L{n}" for n in range(1, 7)]
    assert not view.page.locator("#toolbar").is_visible()
    assert view.page.get_by_text("Le chat dort sur le tapis.").is_visible()
    view.page.screenshot(path=str(shots / "no-javascript.png"), full_page=True)


def test_keyboard_alone_reaches_findings_and_their_reasons(opened, pages):
    view = opened(pages["small"])
    page = view.page
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "next":
            break
    assert page.evaluate("document.activeElement.id") == "next"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert view.focused_id() == "L2"
    page.keyboard.press("Tab")  # into the row: its first badge, whose reason shows
    assert page.evaluate("document.activeElement.dataset.k") == "number"
    tip = page.locator(".tip")
    assert tip.is_visible()
    assert tip.inner_text().splitlines() == ["Major: 3 in the source, 5 in the translation",
                                             "Accept or press A"]
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def next_frames(page, count: int) -> None:
    """Wait until the browser has drawn `count` more frames (scroll events have fired)."""
    page.evaluate("""count => new Promise(done => {
        const step = left => left ? requestAnimationFrame(() => step(left - 1)) : done();
        step(count);
    })""", count)


def test_a_focused_badge_keeps_its_reason_through_a_scroll(opened, pages):
    # Jumping to a row scrolls it to the centre a frame later; if the keyboard is already
    # on the row's badge by then, its reason must stay, and stay beside the badge.
    page = opened(pages["long"]).page
    badge = page.locator("#L500 .b").first
    badge.focus()
    tip = page.locator(".tip")
    assert tip.is_visible()
    page.evaluate("window.scrollBy(0, 120)")
    next_frames(page, 1)
    assert tip.is_visible()
    row_box, tip_box = page.locator("#L500").bounding_box(), tip.bounding_box()
    assert abs(tip_box["y"] - (row_box["y"] + row_box["height"] + 6)) < 2 or \
        abs(tip_box["y"] + tip_box["height"] + 6 - row_box["y"]) < 2  # under or above its row
    # A badge only hovered loses its reason when the page moves under the mouse.
    badge.evaluate("b => b.blur()")
    other = page.locator("#L600 .b").first
    other.scroll_into_view_if_needed()  # before the hover, so that its scroll is over
    next_frames(page, 2)
    other.hover()
    next_frames(page, 1)
    assert tip.is_visible()
    page.evaluate("window.scrollBy(0, 120)")
    next_frames(page, 1)
    assert not tip.is_visible()


def test_badges_gaps_and_controls_have_names(opened, pages):
    page = opened(pages["small"]).page
    number = re.compile(r"^number major: 3 in the source")
    assert page.get_by_role("button", name=number).count() == 1
    assert page.get_by_role("button", name=re.compile(r"^omission critical: ")).count() == 1
    assert page.get_by_role("cell", name="not translated").count() == 1
    assert page.get_by_role("cell", name="no source").count() == 1
    assert page.get_by_role("img", name=re.compile("^Alignment map")).count() == 1
    for label in ("Search both texts", "Show only findings"):
        assert page.get_by_label(label).count() == 1
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('button, input, summary')]
               .filter(e => !(e.textContent.trim() || e.labels?.length ||
                              e.getAttribute('aria-label')))
               .map(e => e.outerHTML)"""
    )
    assert unnamed == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violations(opened, pages, shots, scheme):
    """axe-core's WCAG rules (contrast, names, labels, landmarks, table headers, ...)."""
    axe_sync = pytest.importorskip(
        "axe_playwright_python.sync_playwright",
        reason="axe-playwright-python is not installed (pip install axe-playwright-python)",
    )
    view = opened(pages["small"], color_scheme=scheme)
    page = view.page
    accept(page, page.locator("#L6 .b"))  # an accepted finding has a look of its own
    page.keyboard.press("j")  # a selected row has its own background
    page.get_by_text("Filter", exact=True).click()  # so has the open panel
    page.locator("#L3 .b").focus()  # and the reason shown on focus
    assert page.locator(".tip").is_visible()
    page.screenshot(path=str(shots / f"axe-{scheme}.png"))
    results = axe_sync.Axe().run(page, options={"resultTypes": ["violations", "passes"]})
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
    passed = {rule["id"]: len(rule["nodes"]) for rule in results.response["passes"]}
    assert passed.get("color-contrast", 0) > 50  # the text was really looked at
    for rule in ("button-name", "label", "svg-img-alt", "th-has-data-cells", "html-has-lang"):
        assert rule in passed


def test_the_alignment_map_and_the_strip_jump_to_what_is_clicked(opened, pages):
    view = opened(pages["small"])
    page = view.page
    svg = page.locator("#map svg")
    x, y, w, h = (float(v) for v in svg.get_attribute("data-plot").split())
    view_w = float(svg.get_attribute("viewBox").split()[2])
    box = svg.bounding_box()
    scale = box["width"] / view_w
    # Link 4 is source sentence 5 of 6 against nothing: around (4.5/6, 4/6) of the plot.
    page.mouse.click(box["x"] + (x + w * 4.5 / 6) * scale, box["y"] + (y + h * 4 / 6) * scale)
    assert view.focused_id() == "L4"
    strip = page.locator("#strip").bounding_box()
    page.mouse.click(strip["x"] + strip["width"] / 2, strip["y"] + strip["height"] - 2)
    assert view.focused_id() == "L6"


def test_print_shows_the_two_columns_without_the_controls(opened, pages, shots):
    view = opened(pages["small"])
    page = view.page
    page.emulate_media(media="print")
    assert not page.locator("#toolbar").is_visible()
    assert not page.locator("#strip").is_visible()
    assert page.evaluate("getComputedStyle(document.getElementById('links')).display") == "table"
    assert page.locator("#L3 .r").is_visible()  # reasons are written out on paper
    page.screenshot(path=str(shots / "print.png"), full_page=True)
    pdf = page.pdf(path=str(shots / "print.pdf"))
    assert pdf.startswith(b"%PDF")


def _letter_pdf(browser, path: Path, copies: int, style: str) -> list[str]:
    """The English letter `copies` times over, printed by Chromium to the PDF `path` with
    the CSS `style`; its paragraphs as the file has them."""
    import html

    text = (Path(__file__).resolve().parents[1] / "texts" / "serge-nin-1936" / "en.txt"
            ).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()] * copies
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    page = browser.new_page()
    page.set_content("<!doctype html><html lang=en><head><meta charset=utf-8><style>" + style
                     + "</style></head><body>" + body + "</body></html>")
    path.write_bytes(page.pdf(prefer_css_page_size=True))
    page.close()
    return paragraphs


def test_a_pdf_that_chromium_typesets_reads_back_as_its_paragraphs(browser, tmp_path):
    """A real PDF (Chromium's own fonts and text encoding): the letter set justified on
    A5 pages with hyphenation, indented paragraphs, a running head and page numbers."""
    from align.reading import read_document

    paragraphs = _letter_pdf(
        browser, tmp_path / "letter.pdf", 2,
        "@page { size: A5; margin: 2cm; @top-center { content: 'Victor Serge, Letters'; }"
        " @bottom-center { content: counter(page); } }"
        "body { font: 11pt serif; text-align: justify; hyphens: auto }"
        "p { margin: 0; text-indent: 1.5em }")
    doc = read_document(tmp_path / "letter.pdf")
    read = doc.text.split("\n\n")
    assert len(read) == len(paragraphs)
    for got, wanted in zip(read, paragraphs, strict=True):
        if "\n" in wanted:
            # The credits block: a line ended by <br> that fills the line cannot be told
            # from a line that wraps, and may be joined to the next by a space.
            assert got.replace("\n", " ") == wanted.replace("\n", " ")
        else:
            assert got == wanted
    assert "Victor Serge, Letters" not in doc.text
    pages = int(doc.warnings[0].split("(")[1].split()[0])
    assert pages >= 3
    assert doc.warnings == [f"letter.pdf: read from PDF ({pages} pages); {2 * pages} running "
                            "head(s), foot(s) and page number(s) left out"]


def test_a_pdf_in_two_columns_reads_column_by_column(browser, tmp_path):
    """Chromium sets the letter twice over in two justified columns: the paragraphs come
    back in reading order, down the left column and then the right, whose baselines do not
    line up with the left's."""
    from align.reading import read_document

    paragraphs = _letter_pdf(
        browser, tmp_path / "columns.pdf", 2,
        "@page { size: A4; margin: 2cm; @bottom-center { content: counter(page); } }"
        "body { font: 10pt serif; text-align: justify; columns: 2; column-gap: 1cm }"
        "p { margin: 0 0 0.5em 0 }")
    read = read_document(tmp_path / "columns.pdf").text.split("\n\n")
    assert [p[:40] for p in read] == [p[:40] for p in paragraphs]


# -- filters, search and narrow windows --------------------------------------------------

FLAGGED_LINKS = 3000


def flagged_alignment() -> Alignment:
    """`FLAGGED_LINKS` 1-1 links of 3 to 60 words, more than half of them flagged: a long
    document where "Show only findings" still shows thousands of rows, and whose rows'
    heights the page can only estimate."""
    rng = random.Random(5)
    words = ("the river morning letter house city road night friend window garden "
             "extraordinary afternoon").split()
    sentences, offset = [], 0
    for i in range(FLAGGED_LINKS):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 60)))
        text = f"Line {i + 1} {body}."
        sentences.append(Sentence(text, offset, offset + len(text), i // 7))
        offset += len(text) + 1
    side = Side(sentences, name="flagged.txt", language="en", paragraphs=FLAGGED_LINKS // 7)
    links = []
    for i, sentence in enumerate(sentences):
        findings = []
        if i % 7 < 4:
            spans = [Span("source", sentence.start, sentence.start + 4)]
            findings.append(Finding("number" if i % 2 else "name", "minor", "differs", spans))
        links.append(Link([i], [i], 0.9, 0.1, findings))
    return Alignment(side, side, links)


def narrow_alignment() -> Alignment:
    """Names with no place to break, ordinary long words, findings on most links."""
    english = ["The budget of 450,000 francs was unanimously approved.",
               "He thanked the extraordinary delegates for their hospitality.",
               "The international committee then discussed the new rules for membership.",
               "Twenty-four delegates attended from seven countries."]
    french = ["Le budget de 540\u202f000 francs a été approuvé à l'unanimité.",
              "Il remercia les délégués extraordinaires de leur hospitalité.",
              "Le comité international discuta ensuite des nouvelles règles d'adhésion.",
              "Vingt-quatre délégués de sept pays ont assisté."] * 1
    source = Side([], name="poe_the_purloined_letter_and_other_tales.en.txt", language="en")
    translation = Side([], name="poe_la_lettre_volee_et_autres_histoires.fr.txt", language="fr")
    links = []
    for copy in range(12):
        for i, (en, fr) in enumerate(zip(english, french, strict=True)):
            number = len(links)
            for side, text in ((source, en), (translation, fr)):
                start = side.sentences[-1].end + 1 if side.sentences else 0
                side.sentences.append(Sentence(text, start, start + len(text), number // 4))
            findings = []
            if i == 0:
                spans = [Span("source", source.sentences[-1].start + 14,
                              source.sentences[-1].start + 21)]
                findings.append(Finding("number", "major", "450,000 is 540 000", spans))
            if copy % 2:
                findings.append(Finding("meaning-shift", "minor", "a shift", []))
            links.append(Link([number], [number], 0.8, 0.2, findings))
    return Alignment(source, translation, links)


def french_alignment() -> Alignment:
    """French typography: a narrow no-break space before the colon, no-break spaces inside
    the quotation marks."""
    en = ["The source: the struggle goes on.", "He said “no” to them."]
    fr = ["La source\u202f: la lutte continue.", "Il leur a dit «\u00a0non\u00a0»."]
    source = make_side([en], "lettre.en.txt", "en")
    translation = make_side([fr], "lettre.fr.txt", "fr")
    return Alignment(source, translation, [Link([0], [0], 0.9, 0.1), Link([1], [1], 0.9, 0.1)])


@pytest.fixture(scope="module")
def more_pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("more-pages")
    written = {}
    for name, record in (("flagged", flagged_alignment()), ("narrow", narrow_alignment()),
                         ("french", french_alignment())):
        path = folder / f"{name}.html"
        path.write_text(render_html(record), encoding="utf-8")
        written[name] = path
    return written


def search_for(page, text: str) -> None:
    """Types `text` into the search box and waits until the page has counted the matches."""
    page.evaluate("document.getElementById('hits').textContent = ''")
    page.get_by_label("Search both texts").fill(text)
    page.wait_for_function("() => document.getElementById('hits').textContent !== ''")


def test_search_counts_and_walks_only_the_links_the_filters_show(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_label("Show only findings").check()
    search_for(page, "an")  # "and dreams" in link 1, which has no finding; "An added" in 6
    assert view.visible_rows() == ["L6"]
    hits = page.locator("#hits")
    assert hits.inner_text() == "1 link matches (1 hidden by the filters)"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#L6"
    assert hits.inner_text() == "Match 1 of 1 (1 hidden by the filters)"
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Enter")
    assert page.evaluate("location.hash") == "#L6"  # never the hidden link 1
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^addition")).uncheck()
    assert hits.inner_text() == "No match shown (2 hidden by the filters)"
    page.get_by_role("checkbox", name=re.compile(r"^addition")).check()
    page.get_by_label("Show only findings").uncheck()
    assert hits.inner_text() == "2 links match"


def longest_tasks(page, action) -> list[float]:
    """The long tasks (over 50 ms) of the main thread while `action` runs and settles."""
    page.evaluate("""() => {
        window.__tasks = [];
        window.__observer = window.__observer || new PerformanceObserver(list =>
            list.getEntries().forEach(entry => window.__tasks.push(entry.duration)));
        window.__observer.observe({ type: "longtask" });
    }""")
    action()
    page.wait_for_timeout(800)
    next_frames(page, 2)
    return page.evaluate("window.__tasks")


def test_filters_and_search_stay_responsive_on_thousands_of_flagged_links(opened, more_pages):
    # 1,715 of 3,000 links flagged.  Laying out every row they show, or every row at each
    # search, blocked the page for a second or more; no step may block it for long now.
    view = opened(more_pages["flagged"])
    page = view.page
    only = page.get_by_label("Show only findings")
    steps = {
        "only findings": lambda: only.check(),
        "search": lambda: search_for(page, "afternoon"),
        "search again": lambda: search_for(page, "extraordinary garden"),
        "clear search": lambda: page.keyboard.press("Escape"),
        "all links": lambda: only.uncheck(),
    }
    for name, action in steps.items():
        tasks = longest_tasks(page, action)
        assert max(tasks, default=0) < 400, (name, tasks)
    only.check()
    shown = page.evaluate("""() => [...document.querySelectorAll('tbody > tr')]
                                 .filter(r => getComputedStyle(r).display !== 'none').length""")
    assert shown == sum(1 for i in range(FLAGGED_LINKS) if i % 7 < 4)
    page.keyboard.press("End")  # rows laid out at the end of the page are where they belong
    next_frames(page, 10)
    last = page.locator("#L2999").bounding_box()  # the last flagged link
    assert last is not None and 0 < last["y"] + last["height"] <= 860


NARROW = {"width": 400, "height": 800}


def test_nothing_overflows_a_narrow_window(opened, more_pages, shots):
    view = opened(more_pages["narrow"], viewport=NARROW)
    page = view.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.locator("h1").bounding_box()["width"] <= 400
    page.screenshot(path=str(shots / "narrow.png"))
    for key, panel in (("?", ".keys .panel"), (None, ".filters .panel")):
        if key:
            page.keyboard.press(key)
        else:
            page.get_by_text("Filter", exact=True).click()
        box = page.locator(panel).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 400, panel
        page.screenshot(path=str(shots / f"narrow-{panel.split()[0][1:]}.png"))
        page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400


def test_a_narrow_window_keeps_words_whole_and_findings_apart(opened, more_pages, shots):
    page = opened(more_pages["narrow"], viewport=NARROW).page
    page.locator("#L5").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "narrow-rows.png"))
    # A word broken across two lines has rectangles at two heights.
    broken = page.evaluate("""() => {
        const broken = [];
        for (const row of [...document.querySelectorAll('tbody > tr')].slice(0, 8)) {
            for (const cell of [row.cells[1], row.cells[2]]) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const word of node.data.matchAll(/[^\\s-]+/g)) {
                        const range = new Range();
                        range.setStart(node, word.index);
                        range.setEnd(node, word.index + word[0].length);
                        const tops = new Set([...range.getClientRects()].map(r => r.top));
                        if (tops.size > 1) broken.push(row.id + ' ' + word[0]);
                    }
                }
            }
        }
        return broken;
    }""")
    assert broken == []
    # The badges sit under the two texts, which share the row's width.
    row = page.locator("#L5")
    source, translation = (row.locator("td").nth(i).bounding_box() for i in (0, 1))
    badges = row.locator("td").nth(2).bounding_box()
    assert badges["y"] >= max(source["y"] + source["height"],
                              translation["y"] + translation["height"]) - 1
    assert translation["x"] + translation["width"] > 330


def test_rows_reached_by_the_keyboard_stay_clear_of_a_wrapped_toolbar(opened, more_pages):
    view = opened(more_pages["narrow"], viewport=NARROW)
    page = view.page
    toolbar = page.locator("#toolbar")
    page.keyboard.press("j")
    for key in ["ArrowDown"] * 6 + ["ArrowUp"] * 6 + ["j", "j", "k", "k", "k"]:
        page.keyboard.press(key)
        next_frames(page, 2)
        selected = page.locator("tr.cur").bounding_box()
        bar = toolbar.bounding_box()
        assert selected["y"] >= bar["y"] + bar["height"] - 1, (key, view.focused_id())
        assert selected["y"] < 800


def test_the_toolbar_counts_flagged_links_as_the_header_does(opened, pages):
    page = opened(pages["small"]).page
    flagged = page.locator(".summary div", has_text="Flagged links").locator("b").inner_text()
    assert page.locator("#status").inner_text() == f"{flagged} flagged links"
    page.keyboard.press("j")
    assert page.locator("#status").inner_text() == f"Flagged link 1 of {flagged}"
    page.get_by_text("Filter", exact=True).click()
    for box in page.locator("input[name=severity]").all():
        box.uncheck()
    assert page.locator("#status").inner_text() == "No flagged links shown"


def test_search_takes_every_kind_of_space_for_a_space(opened, more_pages):
    view = opened(more_pages["french"])
    page = view.page
    for query, row in (("source : la lutte", "L1"), ("source\u00a0: la", "L1"),
                       ("« non »", "L2"), ("dit «\u202fnon", "L2")):
        search_for(page, query)
        assert view.visible_rows() == [row], query
        assert page.locator("#hits").inner_text() == "1 link matches"
        # The highlight covers the text as written, whatever its spaces.
        marked = page.evaluate("[...CSS.highlights.get('search')].map(r => r.toString())")
        assert [re.sub(r"\s", " ", text.lower()) for text in marked] == [
            re.sub(r"\s", " ", query)], (query, marked)


def test_a_match_across_a_marked_word_is_highlighted(opened, pages):
    page = opened(pages["small"]).page
    search_for(page, "3 pommes")  # "3" is marked as a mismatched number
    assert page.locator("#L2 mark").first.inner_text() == "3"
    marked = page.evaluate("[...CSS.highlights.get('search')].map(r => r.toString())")
    assert marked == ["3 pommes"]


def test_every_match_is_highlighted_when_its_link_comes_on_screen(opened, pages):
    view = opened(pages["long"])
    page = view.page
    search_for(page, "sentence")  # in every one of the 1,500 links

    def highlighted(row_id: str) -> int:
        return page.evaluate("""id => [...CSS.highlights.get('search')]
            .filter(r => r.startContainer.parentElement.closest('tr').id === id).length""", row_id)

    assert highlighted("L1") == 2  # source and translation
    for row_id in ("L1400", "L1500"):
        page.locator(f"#{row_id}").scroll_into_view_if_needed()
        next_frames(page, 3)
        assert highlighted(row_id) == 2, row_id


def test_end_and_home_land_at_the_very_end_and_top(opened, more_pages):
    view = opened(more_pages["flagged"], viewport={"width": 900, "height": 800})
    page = view.page
    page.keyboard.press("End")
    next_frames(page, 10)
    at_end = page.evaluate("""() => [scrollY + innerHeight,
                                     document.documentElement.scrollHeight]""")
    assert at_end[0] >= at_end[1] - 1
    last = page.locator("#L3000").bounding_box()
    assert last is not None and 0 < last["y"] + last["height"] <= 800
    page.keyboard.press("Home")
    next_frames(page, 10)
    assert page.evaluate("scrollY") == 0


# -- accepting findings and saving them as a baseline ------------------------------------

SOURCE_TEXT = ("Marie a acheté 3 pommes à Paris.\nLe chat dort sur le tapis.\n"
               "Il a payé 12 francs au marché.\n")
TRANSLATION_TEXT = ("Marie bought 5 apples in Lyon.\nThe cat sleeps on the rug.\n"
                    "He paid 15 francs at the market.\n")


@pytest.fixture(scope="module")
def real_texts(tmp_path_factory, default_encoder) -> tuple[Path, Path, Path]:
    """Two small texts, aligned and checked by the real pipeline into a page: two numbers
    (links 1 and 3) and a name (link 1) differ."""
    from typer.testing import CliRunner

    from align.cli import app

    folder = tmp_path_factory.mktemp("real")
    source, translation = folder / "marie.fr.txt", folder / "marie.en.txt"
    source.write_text(SOURCE_TEXT, "utf-8")
    translation.write_text(TRANSLATION_TEXT, "utf-8")
    page = folder / "marie.html"
    result = CliRunner().invoke(app, ["run", str(source), str(translation), "-o", str(page),
                                      "-o", str(folder / "marie.json")])
    assert result.exit_code == 0, result.output
    return source, translation, page


def kinds_of(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "bs => bs.map(b => b.dataset.k)")


def accept(page, badge) -> None:
    """Accepts `badge` (or undoes it) as a reader does with the pointer: a click shows its
    reason, and the reason's button accepts."""
    badge.click()
    page.locator(".tip button").click()


def save_baseline(page, folder: Path):
    """Clicks *Save accepted*; the download, kept in `folder`."""
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("^Save accepted")).click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return download.value, target


def test_a_finding_accepted_in_the_page_is_set_aside_by_the_next_check(
        opened, real_texts, tmp_path, shots):
    import json

    from typer.testing import CliRunner

    from align.cli import app

    source, translation, page_path = real_texts
    view = opened(page_path)
    page = view.page
    assert kinds_of(page, "#L1 .b") == ["number", "name"] and kinds_of(page, "#L3 .b") == [
        "number"]
    assert page.locator("#accepted").inner_text() == "0 accepted"
    name = page.locator("#L1 .b[data-k=name]")
    accept(page, name)  # a click shows the reason, whose button accepts
    assert "ok" in name.get_attribute("class").split()
    assert name.get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name=re.compile(r"^name major: .*accepted")).count() == 1
    assert page.locator("#accepted").inner_text() == "1 accepted"
    # Link 1's number is still open: the link is still flagged (and selected, by the click).
    assert page.locator("#status").inner_text() == "Flagged link 1 of 2"
    assert "accepted" in page.locator(".tip").inner_text().lower()
    page.screenshot(path=str(shots / "accepted.png"))

    page.reload()  # the mark is kept in the browser for this record
    page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")
    assert kinds_of(page, ".b.ok") == ["name"]
    assert page.locator("#accepted").inner_text() == "1 accepted"

    download, saved = save_baseline(page, tmp_path)
    assert download.suggested_filename == "marie.accepted.json"
    data = json.loads(saved.read_text("utf-8"))
    record = json.loads(page_path.with_suffix(".json").read_text("utf-8"))
    assert data["format"] == "align-baseline" and data["format_version"] == 1
    assert data["signature"] == record["signature"]["string"]
    assert data["accepted"] == [{
        "kind": "name", "source": "Marie a acheté 3 pommes à Paris.",
        "translation": "Marie bought 5 apples in Lyon.",
        "spans": [{"side": "source", "text": "Paris"}, {"side": "translation", "text": "Lyon"}]}]
    assert view.requests == [page_path.as_uri(), page_path.as_uri()]  # the page, twice
    assert view.console == []

    run = tmp_path / "run.json"
    result = CliRunner().invoke(app, ["check", str(source), str(translation), "--baseline",
                                      str(saved), "--fail-on", "major", "-o", str(run)])
    assert result.exit_code == 1, result.output  # the two numbers still fail
    assert "1 finding accepted in" in " ".join(result.output.split())
    checked = json.loads(run.read_text("utf-8"))
    assert [[f["kind"] for f in link["findings"]] for link in checked["links"]] == [
        ["number"], [], ["number"]]
    assert [[f["kind"] for f in link.get("accepted", [])] for link in checked["links"]] == [
        ["name"], [], []]


def test_findings_are_accepted_and_filtered_from_the_keyboard(opened, real_texts):
    view = opened(real_texts[2])
    page = view.page
    keyboard = page.keyboard
    keyboard.press("j")
    assert view.focused_id() == "L1"
    keyboard.press("a")  # on a selected link: its findings
    assert kinds_of(page, ".b.ok") == ["number", "name"]
    # Every badge is a toggle button (aria-pressed) from the start, and says its state
    # whatever marks it: a key, a click, another tab.
    assert page.locator(".b[aria-pressed=true]").count() == 2
    assert page.locator(".b:not([aria-pressed])").count() == 0
    assert page.locator("#accepted").inner_text() == "2 accepted"
    assert page.locator("#status").inner_text() == "1 flagged link"  # accepted: set aside
    keyboard.press("Tab")  # the link's first badge, whose reason says how to undo
    assert page.evaluate("document.activeElement.dataset.k") == "number"
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert "Undo" in page.locator(".tip").inner_text()
    keyboard.press("a")  # on a badge: that finding alone
    assert kinds_of(page, ".b.ok") == ["name"]
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "false"
    keyboard.press("Enter")  # reads it, as a click does: accepts nothing
    keyboard.press("Space")
    assert kinds_of(page, ".b.ok") == ["name"]
    keyboard.press("a")
    keyboard.press("Tab")
    keyboard.press("a")
    assert kinds_of(page, ".b.ok") == ["number"]
    keyboard.press("a")
    keyboard.press("Escape")
    assert page.locator("#accepted").inner_text() == "2 accepted"

    # "Hide accepted" (on by default) is one of the filters: off, accepted findings count
    # and j stops at them again.
    page.get_by_text("Filter", exact=True).click()
    hide = page.get_by_label("Hide accepted")
    assert hide.is_checked()
    hide.uncheck()
    assert page.locator("#status").inner_text() == "Flagged link 1 of 2"
    assert page.locator("#L1 .b.off").count() == 0
    hide.check()
    keyboard.press("Escape")
    page.get_by_label("Show only findings").check()
    assert view.visible_rows() == ["L3"]
    page.locator("body").click(position={"x": 5, "y": 5})
    keyboard.press("j")
    assert view.focused_id() == "L3"
    keyboard.press("a")  # the link goes out of sight, and so does the selection
    assert page.locator("#status").inner_text() == "No flagged links shown"
    assert page.locator("#accepted").inner_text() == "3 accepted"
    assert page.locator("tr.sel").count() == 0
    assert view.console == []  # before measuring rows that the page leaves unrendered
    assert view.visible_rows() == []


def test_accepting_the_findings_of_a_link_shown_only_for_them_moves_on(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_label("Show only findings").check()
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    assert view.focused_id() == "L2"
    page.keyboard.press("a")  # both of its findings: the link is hidden now
    assert view.focused_id() == "L3" and page.url.endswith("#L3")
    assert page.locator("#status").inner_text() == "Flagged link 1 of 3"
    page.keyboard.press("k")  # nothing above: link 2 is set aside
    assert view.focused_id() == "L3"
    assert view.visible_rows() == ["L3", "L4", "L6"]


def test_on_a_touch_screen_a_tap_shows_the_reason_and_its_button_accepts(opened, pages):
    page = opened(pages["small"], has_touch=True).page
    badge = page.locator("#L4 .b")
    badge.tap()
    assert page.locator(".tip").is_visible() and page.locator(".b.ok").count() == 0
    assert page.locator(".tip").inner_text().endswith("Accept or press A")
    badge.tap()  # tapped again: still read, not accepted
    assert page.locator(".b.ok").count() == 0
    page.locator(".tip button").tap()
    assert page.locator(".b.ok").count() == 1
    assert page.locator("#accepted").inner_text() == "1 accepted"


def test_every_finding_saved_from_the_page_is_the_finding_check_would_match(
        opened, tmp_path):
    """Hostile text, a control character, a 1-2 link, gaps, a kind of a project's own: the
    file saved from the page holds each finding's `finding_key`, exactly."""
    from collections import Counter

    from align.checks.baseline import finding_key, read_baseline

    record = make_alignment()
    fin = record.source.sentences[5]  # "Fin de l'histoire\x07."
    record.links[4].findings.append(Finding("mechanical", "info", "a bell", [
        Span("source", fin.start + 8, fin.end, fin.text[8:])]))
    path = tmp_path / "tale.html"
    path.write_text(render_html(record), "utf-8")
    view = opened(path)
    page = view.page
    badges = page.locator(".b")
    assert badges.count() == 6
    for badge in badges.all():
        accept(page, badge)
    assert page.locator("#accepted").inner_text() == "6 accepted"
    download, saved = save_baseline(page, tmp_path)
    assert download.suggested_filename == "tale.accepted.json"
    expected = Counter(finding_key(record, i, f) for i, link in enumerate(record.links)
                       for f in link.findings)
    assert read_baseline(saved) == expected
    assert page.evaluate("window.__pwned") is None and view.dialogs == []


def test_findings_a_baseline_set_aside_show_as_accepted_and_are_saved_again(
        opened, tmp_path):
    import json

    record = make_alignment()
    record.links[1].accepted = [record.links[1].findings.pop()]  # the name, set aside earlier
    path = tmp_path / "reviewed.html"
    path.write_text(render_html(record), "utf-8")

    view = opened(path, java_script_enabled=False)  # shown as accepted without script too
    assert kinds_of(view.page, "#L2 .b.ok") == ["name"]
    view = opened(path)
    page = view.page
    assert page.locator("#accepted").inner_text() == "1 accepted"
    assert page.locator(".summary div", has_text="Flagged links").locator("b").inner_text() == (
        "4")
    assert page.locator("#status").inner_text() == "4 flagged links"
    _, saved = save_baseline(page, tmp_path)
    assert [f["kind"] for f in json.loads(saved.read_text("utf-8"))["accepted"]] == ["name"]
    accept(page, page.locator("#L2 .b[data-k=name]"))  # no longer accepted
    assert page.locator("#accepted").inner_text() == "0 accepted"
    _, saved = save_baseline(page, tmp_path)
    assert json.loads(saved.read_text("utf-8"))["accepted"] == []


def test_marks_are_kept_in_memory_where_the_browser_keeps_no_storage(browser, real_texts):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_init_script("Object.defineProperty(window, 'localStorage', "
                             "{get() { throw new DOMException('denied', 'SecurityError'); }})")
        page.goto(real_texts[2].as_uri())
        page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")
        accept(page, page.locator("#L3 .b"))
        assert kinds_of(page, ".b.ok") == ["number"]
        assert page.locator("#accepted").inner_text() == "1 accepted"
        assert errors == []
    finally:
        context.close()


def test_a_finding_a_baseline_set_aside_counts_again_once_unaccepted(opened, tmp_path):
    """On a page made from a run with a baseline, the kinds and severities found only among
    the findings it set aside (number, omission, addition; critical) are findings as well:
    un-accepted, they count, and with *Hide accepted* off the accepted ones do too."""
    record = make_alignment()
    links = record.links
    links[1].accepted = [links[1].findings.pop(0)]  # the number; link 2 keeps its name
    links[3].accepted, links[3].findings = links[3].findings, []  # the omission, critical
    links[5].accepted, links[5].findings = links[5].findings, []  # the addition
    path = tmp_path / "reviewed.html"
    path.write_text(render_html(record), "utf-8")
    view = opened(path)
    page = view.page
    status, accepted = page.locator("#status"), page.locator("#accepted")
    assert status.inner_text() == "2 flagged links" and accepted.inner_text() == "3 accepted"

    addition = page.locator("#L6 .b")
    accept(page, addition)  # no longer accepted: a finding like any other
    assert {"ok", "off"}.isdisjoint(addition.get_attribute("class").split())
    assert "off" not in page.locator("#L6").get_attribute("class").split()
    assert accepted.inner_text() == "2 accepted"
    assert status.inner_text() == "Flagged link 3 of 3"
    page.locator("#L4 td").first.click()
    page.keyboard.press("a")  # on the selected link: its omission, accepted, is undone
    assert kinds_of(page, "#L4 .b:not(.ok):not(.off)") == ["omission"]
    assert status.inner_text() == "Flagged link 3 of 4"
    page.get_by_label("Show only findings").check()
    assert view.visible_rows() == ["L2", "L3", "L4", "L6"]
    page.locator("#L4 td").first.click()
    page.keyboard.press("j")
    assert view.focused_id() == "L6"
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert view.focused_id() == "L3"

    accept(page, page.locator("#L6 .b"))  # accepted again: set aside, out of sight
    accept(page, page.locator("#L4 .b"))
    assert view.visible_rows() == ["L2", "L3"]
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Hide accepted").uncheck()  # the accepted findings count again
    page.keyboard.press("Escape")
    assert view.visible_rows() == ["L2", "L3", "L4", "L6"]
    assert page.locator(".b.off").count() == 0
    page.locator("#L3 td").first.click()
    page.keyboard.press("j")
    assert view.focused_id() == "L4"
    page.keyboard.press("j")
    assert view.focused_id() == "L6" and status.inner_text() == "Flagged link 4 of 4"
    assert view.console == []


def pair_alignment(pairs, names=("regen.fr.txt", "regen.en.txt")) -> Alignment:
    """1-1 links of `pairs`, each (source, translation, findings), a finding (kind,
    severity, source word, translation word), its spans on those words."""
    source = make_side([[s for s, _, _ in pairs]], names[0], "fr")
    translation = make_side([[t for _, t, _ in pairs]], names[1], "en")
    links = []
    for i, (_, _, found) in enumerate(pairs):
        links.append(Link([i], [i], 0.8, 0.2, [
            Finding(kind, severity, f"{a} is {b}",
                    [span(source, "source", i, a), span(translation, "translation", i, b)])
            for kind, severity, a, b in found]))
    return Alignment(source, translation, links, signature={"string": "align test"})


MARIE = ("Marie a acheté 3 pommes à Paris.", "Marie bought 5 apples in Lyon.",
         [("number", "major", "3", "5"), ("name", "minor", "Paris", "Lyon")])
CAT = ("Le chat dort sur le tapis.", "The cat sleeps on the rug.", [])
PAID = ("Il a payé 12 francs au marché.", "He paid 15 francs at the market.",
        [("number", "major", "12", "15")])
HOME = ("Il rentra à 8 heures.", "He came home at 9.", [("number", "major", "8", "9")])
#: The texts edited: a sentence added at the start, the 12 francs that were 15 fixed.
EDITED = [("Bonjour.", "Hello.", []), MARIE, CAT,
          ("Il a payé 12 francs au marché.", "He paid 12 francs at the market.", []), HOME]


def accepted_marks(page) -> list[str]:
    return page.eval_on_selector_all(
        ".b.ok", "bs => bs.map(b => b.closest('tr').id + ' ' + b.dataset.k)")


def reload(page) -> None:
    page.reload()
    page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")


def test_marks_follow_their_findings_into_a_page_made_again(opened, tmp_path):
    """Kept by what the finding is (its kind, its link's texts, its spans'), as `--baseline`
    matches it, not by its place: the page made again from edited texts keeps the marks of
    the findings still there; the marks of the others stay kept, and show again with them."""
    path = tmp_path / "regen.html"
    path.write_text(render_html(pair_alignment([MARIE, CAT, PAID, HOME])), "utf-8")
    view = opened(path)
    page = view.page
    for badge in ("#L1 .b[data-k=name]", "#L3 .b", "#L4 .b"):
        accept(page, page.locator(badge))
    assert accepted_marks(page) == ["L1 name", "L3 number", "L4 number"]

    path.write_text(render_html(pair_alignment(EDITED)), "utf-8")
    reload(page)
    assert accepted_marks(page) == ["L2 name", "L5 number"]
    assert page.locator("#accepted").inner_text() == "2 accepted"
    assert page.locator("#status").inner_text() == "1 flagged link"  # Marie's number
    accept(page, page.locator("#L5 .b"))  # un-accepted in the new page: kept so
    reload(page)
    assert accepted_marks(page) == ["L2 name"]

    path.write_text(render_html(pair_alignment([MARIE, CAT, PAID, HOME])), "utf-8")
    reload(page)  # the 12 francs that were 15 again: its mark was kept
    assert accepted_marks(page) == ["L1 name", "L3 number"]
    assert view.console == []

    other = tmp_path / "other.html"  # other documents (other names): marks of their own
    other.write_text(render_html(pair_alignment([MARIE, CAT, PAID, HOME],
                                                ("other.fr.txt", "other.en.txt"))), "utf-8")
    page.goto(other.as_uri())
    page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")
    assert accepted_marks(page) == []


def test_two_tabs_of_a_page_merge_their_marks(browser, tmp_path):
    path = tmp_path / "tabs.html"
    path.write_text(render_html(pair_alignment([MARIE, CAT, PAID, HOME])), "utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    try:
        first, second = context.new_page(), context.new_page()
        for page in (first, second):
            page.goto(path.as_uri())
            page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")

        def shows(page, count: int) -> None:
            page.wait_for_function(
                f"() => document.getElementById('accepted').textContent === '{count} accepted'",
                timeout=3000)

        accept(first, first.locator("#L1 .b[data-k=name]"))
        shows(second, 1)  # the other tab follows
        assert accepted_marks(second) == ["L1 name"]
        accept(second, second.locator("#L3 .b"))
        shows(first, 2)
        assert accepted_marks(first) == ["L1 name", "L3 number"]
        accept(first, first.locator("#L1 .b[data-k=name]"))  # undone in one tab, in both
        shows(second, 1)
        for page in (first, second):
            reload(page)
            assert accepted_marks(page) == ["L3 number"]
    finally:
        context.close()


def test_a_click_on_a_badge_lands_where_it_was_pressed(browser, tmp_path):
    """Pressing a badge focuses it and selects its link, which changes the toolbar's count
    ("112 flagged links", "Flagged link 1 of 112"): nothing may move under the pointer
    between the press and the release, at any width of the window; the click shows the
    finding's reason, and accepts nothing."""
    pairs = [(f"Il a payé {n} francs.", f"He paid {n + 1} francs.",
              [("number", "major", str(n), str(n + 1))]) for n in range(10, 122)]
    path = tmp_path / "busy.html"
    path.write_text(render_html(pair_alignment(pairs)), "utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        # Every 25 px (less than the count grows by), so as to meet each width where a line
        # of the toolbar ends; and narrow windows, where it wraps onto several lines.
        for width in [*range(1000, 1701, 25), 400, 620, 820]:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_function("() => document.documentElement.hasAttribute('data-ready')")
            badge = page.locator("#L1 .b")
            if width < 1000:
                badge.scroll_into_view_if_needed()  # below the header in a narrow window
            before = badge.bounding_box()
            page.mouse.move(before["x"] + before["width"] / 2, before["y"] + before["height"] / 2)
            page.mouse.down()
            next_frames(page, 1)
            assert page.locator("#status").inner_text() == "Flagged link 1 of 112"
            assert badge.bounding_box() == before, width
            page.mouse.up()
            assert page.locator("#accepted").inner_text() == "0 accepted", width
            assert page.locator(".tip").is_visible(), width
            next_frames(page, 1)
            # Once released, the row moves only where its reason had no room above or below
            # it (at 820 px, the header fills the window above link 1): up, far enough for
            # the box to fit under it, the badge still in the window.
            after = badge.bounding_box()
            if after != before:
                assert before["y"] + before["height"] > 900 - 80, width
                assert 0 <= after["y"] < before["y"], width
                tip = page.locator(".tip").bounding_box()
                for cell in page.locator("#L1 td").all()[:2]:
                    assert not _overlap(tip, cell.bounding_box()), width
    finally:
        context.close()


def test_a_table_emptied_by_accepting_says_so(opened, pages):
    view = opened(pages["small"])
    page = view.page
    for badge in page.locator(".b").all():
        accept(page, badge)
    # Its name reads as the rest: "…, accepted" (the check mark itself is not read).
    assert page.get_by_role("button", exact=True, name=(
        "number major: 3 in the source, 5 in the translation, accepted")).count() == 1
    page.get_by_label("Show only findings").check()
    assert view.visible_rows() == []
    message = page.locator("#empty")
    assert message.is_visible() and message.inner_text() == (
        "No findings left to show: 5 accepted. Untick Hide accepted to see them.")
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Hide accepted").uncheck()
    assert view.visible_rows() == ["L2", "L3", "L4", "L6"] and not message.is_visible()
    page.get_by_label("Show only findings").uncheck()
    assert not message.is_visible() and len(view.visible_rows()) == 6


# -- the toolbar holds the text still; search, divergence, Esc, print, wide windows -----


def _scroll_to_row(page, number: int) -> None:
    """Scrolls so that link `number` is the first row under the toolbar, laid out for real."""
    for _ in range(3):  # groups laid out on the way replace their estimated height
        page.evaluate("""n => {
            const row = document.getElementById('L' + n);
            const bar = document.getElementById('toolbar').getBoundingClientRect().bottom;
            window.scrollBy(0, row.getBoundingClientRect().top - bar - 2);
        }""", number)
        next_frames(page, 2)


def test_the_toolbar_never_moves_the_text(opened, pages):
    """A control of the sticky toolbar, clicked, focused or opened by its key, leaves the
    page where it is (the page's scroll padding once scrolled it half a screen up)."""
    view = opened(pages["long"])
    page = view.page
    _scroll_to_row(page, 1250)
    actions = [
        ("click Filter", lambda: page.get_by_text("Filter", exact=True).click()),
        ("click Filter again", lambda: page.get_by_text("Filter", exact=True).click()),
        ("click Keys", lambda: page.get_by_text("Keys", exact=True).click()),
        ("Escape", lambda: page.keyboard.press("Escape")),
        ("focus Show only", lambda: page.get_by_label("Show only findings").focus()),
        ("/", lambda: page.keyboard.press("/")),
        ("Tab", lambda: page.keyboard.press("Tab")),
        ("Shift+Tab", lambda: page.keyboard.press("Shift+Tab")),
        ("Shift+Tab", lambda: page.keyboard.press("Shift+Tab")),
        ("Shift+Tab", lambda: page.keyboard.press("Shift+Tab")),
        ("focus Save", lambda: page.locator("#save").focus()),
    ]
    for name, act in actions:
        before = page.evaluate("scrollY")
        act()
        next_frames(page, 3)
        assert abs(page.evaluate("scrollY") - before) < 2, name


@pytest.mark.parametrize("how", ["j", "Next"])
def test_next_goes_to_the_first_finding_below_what_is_shown(opened, pages, how):
    view = opened(pages["long"])
    page = view.page
    _scroll_to_row(page, 1302)  # nothing selected; findings on links 1300 and 1400
    if how == "j":
        page.keyboard.press("j")
    else:
        page.locator("#next").click()
    assert view.focused_id() == "L1400"
    page.locator("#prev").click()
    assert view.focused_id() == "L1300"


def vowelled_alignment() -> Alignment:
    """Arabic with its short vowels and shadda written, Hebrew with its points; Devanagari
    and Thai words that differ only by a vowel or tone sign (letters, not diacritics);
    Korean syllables that share their first consonant."""
    return one_to_one(["The proposal was presented.", "Peace be upon you.",
                       "Time, art, family.", "No, wood.", "Korea, sky."],
                      ["قُدِّمَ الاقتراح.", "שָׁלוֹם עֲלֵיכֶם.", "काल किल कुल।", "ไม่ ไม้ มิ.",
                       "한국 하늘."], ("en", "ar"))


def one_to_one(source: list[str], translation: list[str], languages: tuple[str, str]):
    """An alignment of one paragraph a side, sentence `i` linked to sentence `i`."""
    sides = [make_side([texts], f"{language}.txt", language)
             for texts, language in zip((source, translation), languages, strict=True)]
    return Alignment(*sides, [Link([i], [i], 0.9, 0.1) for i in range(len(source))])


def test_search_ignores_diacritics_but_not_vowel_signs(opened, tmp_path):
    path = tmp_path / "vowelled.html"
    path.write_text(render_html(vowelled_alignment()), encoding="utf-8")
    view = opened(path)
    page = view.page
    for query, row, shown in (("قدم", "L1", "قُدِّمَ"), ("שלום", "L2", "שָׁלוֹם"),
                              ("قُدِّمَ", "L1", "قُدِّمَ"), ("कुल", "L3", "कुल"),
                              ("ไม้", "L4", "ไม้"), ("มิ", "L4", "มิ"),
                              ("한", "L5", "한"), ("하", "L5", "하")):  # not their first jamo
        search_for(page, query)
        assert view.visible_rows() == [row], query
        # The highlight covers the word with its marks, no more and no less.
        page.wait_for_function("() => CSS.highlights.get('search')?.size === 1")
        assert page.evaluate("[...CSS.highlights.get('search')][0].toString()") == shown
    # A Devanagari vowel sign (ा U+093E, ि U+093F, ु U+0941) or a Thai vowel or tone mark
    # (U+0E34, U+0E48, U+0E49) makes another word: "कल" is none of "काल", "किल", "कुल";
    # "ไม" is a prefix of both words, but "ไม่" is not "ไม้".
    for query in ("कल", "ไม่ม", "ไมม"):
        search_for(page, query)
        assert view.visible_rows() == [], query
    search_for(page, "ไม่")
    page.wait_for_function("() => CSS.highlights.get('search')?.size === 1")
    assert page.evaluate("[...CSS.highlights.get('search')][0].toString()") == "ไม่"


def test_search_highlights_every_match_of_a_long_cell(opened, tmp_path):
    """Many matches in one long text node with marks, some precomposed (é), some not
    (e + U+0301): each range is one match, with the marks of its last letter."""
    text = " ".join(["e\u0301te\u0301", "rêve", "élève"] * 400) + "."
    side = make_side([[text]], "fr.txt", "fr")
    path = tmp_path / "long-cell.html"
    path.write_text(render_html(Alignment(side, side, [Link([0], [0], 0.9, 0.1)])),
                    encoding="utf-8")
    page = opened(path).page
    ranges = "[...new Set([...CSS.highlights.get('search')].map(String))].sort()"
    search_for(page, "e")
    page.wait_for_function("() => CSS.highlights.get('search')?.size === 2 * 400 * 7")
    assert page.evaluate(ranges) == sorted(["e\u0301", "é", "ê", "è", "e"])
    search_for(page, "ve e")  # "rêve élève" and "élève e\u0301te\u0301", 799 in each cell
    page.wait_for_function("() => CSS.highlights.get('search')?.size === 2 * 799")
    assert page.evaluate(ranges) == sorted(["ve é", "ve e\u0301"])


def test_a_row_header_reads_its_number_then_its_divergence(opened, pages):
    """Copied, read as text or by a screen reader: "2 divergence 0.45, loose", with its
    space (Chromium's own accessibility tree, not Playwright's reckoning)."""
    page = opened(pages["small"]).page
    assert page.evaluate("document.querySelector('#L2 th').textContent") == \
        "2 divergence 0.45, loose"
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    names = [node.get("name", {}).get("value") for node in tree
             if node.get("role", {}).get("value") == "rowheader"]
    assert "2 divergence 0.45, loose" in names
    assert len(names) == 6
    assert all(re.fullmatch(r"\d divergence \d\.\d\d, [a-z]+", name) for name in names)


def test_a_links_divergence_is_told_not_only_shown(opened, pages):
    view = opened(pages["small"])
    page = view.page
    # Link 2 has a divergence of 0.45: "loose".
    assert page.get_by_role("rowheader", name="2 divergence 0.45, loose", exact=True).count() == 1
    bar = page.locator("#L2 td").nth(0).bounding_box()
    page.mouse.move(bar["x"] + bar["width"] - 2, bar["y"] + bar["height"] / 2)
    tip = page.locator(".tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == "Divergence 0.45: loose"
    page.mouse.move(bar["x"] + 20, bar["y"] + bar["height"] / 2)  # the text, not the bar
    tip.wait_for(state="hidden")
    page.locator("#L4 th").hover()  # the link's number
    page.wait_for_function(
        "() => document.querySelector('.tip').textContent === 'Divergence 1.00: unrelated'")


def test_escape_in_the_search_box_gives_the_keys_back_to_the_text(opened, pages):
    view = opened(pages["long"])
    page = view.page
    page.keyboard.press("/")
    page.keyboard.type("Sentence 1234 ")
    page.wait_for_function("() => document.getElementById('hits').textContent !== ''")
    page.keyboard.press("Escape")
    assert page.get_by_label("Search both texts").input_value() == ""
    assert view.focused_id() != "q"
    page.keyboard.press("End")
    page.wait_for_function(
        "() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) < 2")
    page.keyboard.press("Home")
    page.wait_for_function("() => scrollY === 0")


def test_the_overview_strip_and_the_map_have_labels(opened, pages):
    page = opened(pages["small"]).page
    assert "j" in page.locator("#strip").get_attribute("title")
    assert page.get_by_role("img", name=re.compile("^Alignment map")).count() == 1


def test_a_search_that_matches_nothing_says_so_in_the_table(opened, pages):
    view = opened(pages["small"])
    page = view.page
    search_for(page, "zebra")
    message = page.locator("#empty")
    assert message.is_visible() and message.inner_text() == "No link matches “zebra”."
    page.get_by_label("Search both texts").press("Escape")
    assert not message.is_visible()


def test_a_very_wide_window_lines_the_toolbar_up_with_the_table(opened, pages, shots):
    view = opened(pages["small"], viewport={"width": 2560, "height": 900})
    page = view.page
    toolbar = page.locator("#prev").bounding_box()
    table = page.locator("#links").bounding_box()
    assert abs(toolbar["x"] - table["x"]) < 2
    search = page.locator("#q").bounding_box()
    assert search["x"] + search["width"] <= table["x"] + table["width"] + 2
    page.screenshot(path=str(shots / "wide-2560.png"))


def test_print_gives_the_findings_room_and_no_disclosure_marker(opened, pages, shots):
    view = opened(pages["small"], viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = view.page
    page.emulate_media(media="print")
    width = page.evaluate("document.querySelector('#L3 > td:last-child').offsetWidth")
    assert width >= 150
    marker = page.evaluate("""getComputedStyle(
        document.querySelector('.signature summary')).display""")
    assert marker != "list-item"  # no "▶" on paper
    page.screenshot(path=str(shots / "print-a4.png"), full_page=True)


def _tab_into_the_strip(page) -> None:
    """From the search box, Tab until the focus is on the overview strip."""
    page.get_by_label("Search both texts").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#strip')"):
            return
    raise AssertionError("Tab never reached the overview strip")


def _focused_mark(page) -> str:
    """The accessible name (Chromium's own) of the focused element, which must be a button."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    focused = [node for node in nodes if node.get("role", {}).get("value") != "RootWebArea"
               and any(p["name"] == "focused" and p["value"]["value"]
                       for p in node.get("properties", []))]
    assert len(focused) == 1
    assert focused[0]["role"]["value"] == "button"
    return focused[0]["name"]["value"]


def test_the_overview_strips_marks_are_one_tab_stop_walked_with_the_arrows(opened, pages):
    view = opened(pages["small"])
    page = view.page
    _tab_into_the_strip(page)
    # Links 2, 3, 4 and 6 are flagged (4 is unrelated too): four marks, from the top.
    assert _focused_mark(page) == ("Link 2: major number, minor name; divergence 0.45, loose. "
                                   "Mark 1 of 4")
    style = page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e), b = e.getBoundingClientRect();
        const strip = document.getElementById('strip').getBoundingClientRect();
        return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), height: b.height,
                inside: b.top >= strip.top - 1 && b.bottom <= strip.bottom + 1};
    }""")
    assert style["outline"] != "none" and style["width"] >= 2 and style["height"] >= 4
    assert style["inside"]
    page.keyboard.press("ArrowDown")
    assert _focused_mark(page).startswith("Link 3: major kind")
    page.keyboard.press("End")
    assert _focused_mark(page).startswith("Link 6: minor addition; ")
    assert _focused_mark(page).endswith("Mark 4 of 4")
    page.keyboard.press("ArrowDown")  # the last mark stays
    assert _focused_mark(page).startswith("Link 6: ")
    page.keyboard.press("Home")
    assert _focused_mark(page).startswith("Link 2: ")
    assert page.evaluate("scrollY") == 0  # Home moved in the strip, not the page
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert _focused_mark(page).startswith("Link 4: critical omission; divergence 1.00, unrelated")
    # One tab stop: the next Tab leaves the strip, Shift+Tab comes back to the same mark.
    page.keyboard.press("Tab")
    assert not page.evaluate("!!document.activeElement.closest('#strip')")
    page.keyboard.press("Shift+Tab")
    assert _focused_mark(page).startswith("Link 4: ")
    page.keyboard.press("Enter")
    assert view.focused_id() == "L4" and page.url.endswith("#L4")
    # Back in the strip, its tab stop is the selected link; Space follows a mark too.
    _tab_into_the_strip(page)
    assert _focused_mark(page).startswith("Link 4: ")
    page.keyboard.press("ArrowDown")
    page.keyboard.press(" ")
    assert view.focused_id() == "L6" and page.url.endswith("#L6")


def test_the_overview_strip_starts_where_the_reader_is_and_follows_the_filters(opened, pages):
    view = opened(pages["long"], "#L1234")
    page = view.page
    _tab_into_the_strip(page)
    # A finding on every hundredth link: 15 marks, and the next one below is link 1300.
    assert _focused_mark(page) == "Link 1300: minor length; divergence 0.10, faithful. " \
        "Mark 13 of 15"
    view = opened(pages["small"])
    page = view.page
    page.get_by_text("Filter", exact=True).click()
    for kind in ("number", "name"):
        page.get_by_role("checkbox", name=re.compile(rf"^{kind}")).uncheck()
    page.keyboard.press("Escape")
    _tab_into_the_strip(page)
    # Link 2, no finding left and only loose, is no mark any more.
    assert _focused_mark(page).startswith("Link 3: ")
    assert _focused_mark(page).endswith("Mark 1 of 3")


def cyrillic_alignment() -> Alignment:
    """Russian and Ukrainian, where a breve or a diaeresis makes another letter (й is not и,
    ї is not і; ё is read as е, which Russian print mostly writes for it), one й written as
    и and a combining breve, a stress mark that readers leave out (о and U+0301), and
    French accents beside them."""
    return one_to_one(["My land.", "Once more.", "Milk.", "Yoga.", "Ukraine.", "Andrés ate."],
                      ["Мой край.", "Ещё раз.", "Молоко\u0301.", "И\u0306ога.", "Україна.",
                       "Andrés a mangé."], ("en", "ru"))


def test_search_folds_latin_accents_but_not_letters_made_by_a_mark(opened, tmp_path):
    path = tmp_path / "cyrillic.html"
    path.write_text(render_html(cyrillic_alignment()), encoding="utf-8")
    view = opened(path)
    page = view.page
    for query, rows in (("мои", []), ("краи", []), ("мой", ["L1"]), ("МОЙ КРАЙ", ["L1"]),
                        ("еще", ["L2"]), ("ещё", ["L2"]), ("иога", []), ("україна", ["L5"]),
                        ("укра\u0456на", []), ("украина", []),
                        ("andres", ["L6"]), ("Andres", ["L6"]), ("mange", ["L6"])):
        search_for(page, query)
        assert view.visible_rows() == rows, query
    # The stress mark folds away, and a й written in two characters is still й; the
    # highlight covers the word with its marks.
    for query, row, shown in (("молоко", "L3", "Молоко\u0301"), ("йога", "L4", "И\u0306ога"),
                              ("и\u0306ога", "L4", "И\u0306ога"), ("йо", "L4", "И\u0306о")):
        search_for(page, query)
        assert view.visible_rows() == [row], query
        page.wait_for_function("() => CSS.highlights.get('search')?.size === 1")
        assert page.evaluate("[...CSS.highlights.get('search')][0].toString()") == shown, query


# -- layout at every width, measured as a reader sees it: the toolbar and its panels, rows
# reached by the keyboard, clicks on the overview strip, the map's legend, highlights by
# severity and the filters, saving with nothing accepted --------------------------------


def _write(folder: Path, name: str, record: Alignment) -> Path:
    path = folder / f"{name}.html"
    path.write_text(render_html(record), encoding="utf-8")
    return path


def uniform_alignment(links: int, words: int, flagged_every: int = 0) -> Alignment:
    """`links` 1-1 links of `words` words each: a document whose every link is as long as
    the others, so that a fraction of its height is the same fraction of its links."""
    sentences, offset = [], 0
    for i in range(links):
        text = f"Line {i + 1} " + " ".join(["morning"] * words) + "."
        sentences.append(Sentence(text, offset, offset + len(text), i))
        offset += len(text) + 1
    side = Side(sentences, name="uniform.txt", language="en", paragraphs=links)
    result = []
    for i, sentence in enumerate(sentences):
        findings = []
        if flagged_every and i % flagged_every == flagged_every - 1:
            spans = [Span("translation", sentence.start, sentence.start + 4)]
            findings.append(Finding("length", "minor", "long", spans))
        result.append(Link([i], [i], 0.9, 0.1, findings))
    return Alignment(side, side, result)


# -- 1. the Keys panel lies inside the window at every width ---------------------------


def test_the_keys_panel_opens_inside_the_window_at_every_width(opened, pages):
    view = opened(pages["small"])
    page = view.page
    outside = []
    for width in range(320, 1921, 20):
        page.set_viewport_size({"width": width, "height": 800})
        next_frames(page, 2)
        for how in ("?", "click"):
            if how == "?":
                page.keyboard.press("?")
            else:
                page.locator(".keys summary").click()
            box = page.locator(".keys .panel").bounding_box()
            assert box is not None
            if box["x"] < 0 or box["x"] + box["width"] > width:
                outside.append((width, how, round(box["x"]), round(box["x"] + box["width"])))
            page.keyboard.press("Escape")
    assert outside == []


def test_a_panel_opened_below_a_short_window_is_brought_into_view(opened, pages):
    """At the top of the page on a phone the toolbar may stand below the window's bottom
    (the header takes the screen): the panel opened from it is scrolled into view."""
    page = opened(pages["small"], viewport={"width": 400, "height": 420}).page
    page.evaluate("window.scrollTo(0, 0)")
    next_frames(page, 2)
    assert page.locator("#toolbar").bounding_box()["y"] > 300  # the case: low on the screen
    page.keyboard.press("?")
    next_frames(page, 3)
    box = page.locator(".keys .panel").bounding_box()
    assert box["y"] >= 0 and box["y"] + min(box["height"], 200) <= 420, box


def test_an_open_panel_follows_the_window_as_it_narrows(opened, pages):
    page = opened(pages["small"]).page
    page.set_viewport_size({"width": 1366, "height": 800})
    page.keyboard.press("?")
    for width in (1280, 900, 500):
        page.set_viewport_size({"width": width, "height": 800})
        next_frames(page, 3)
        box = page.locator(".keys .panel").bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= width, width


# -- 2. the toolbar takes one line at 1280 px -------------------------------------------


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_the_toolbar_takes_one_line_from_1280_px(opened, pages, width):
    page = opened(pages["small"], viewport={"width": width, "height": 800}).page
    tops = page.eval_on_selector_all(
        "#toolbar > :not([hidden])", "items => items.map(i => i.getBoundingClientRect().top)")
    assert max(tops) - min(tops) < 8, tops
    # and nothing cramped: the controls keep their room and their distance
    boxes = page.eval_on_selector_all("#toolbar > :not([hidden])", """items => items.map(i => {
        const r = i.getBoundingClientRect(); return [r.left, r.right]; })""")
    gaps = [b[0] - a[1] for a, b in zip(boxes, boxes[1:], strict=False)]
    assert min(gaps) >= 16, gaps
    assert page.locator("#q").bounding_box()["width"] >= 160


# -- 3. a row taller than the window, reached by j, shows its top -----------------------


def tall_alignment() -> Alignment:
    """Short links, and every third one flagged and far longer than a phone's screen."""
    sentences, offset = [], 0
    for i in range(30):
        words = 400 if i % 3 == 2 else 12
        text = f"Line {i + 1} " + " ".join(["afternoon"] * words) + "."
        sentences.append(Sentence(text, offset, offset + len(text), i))
        offset += len(text) + 1
    side = Side(sentences, name="tall.txt", language="en", paragraphs=30)
    links = []
    for i, sentence in enumerate(sentences):
        findings = []
        if i % 3 == 2:
            spans = [Span("source", sentence.start, sentence.start + 4)]
            findings.append(Finding("length", "minor", "long", spans))
        links.append(Link([i], [i], 0.9, 0.1, findings))
    return Alignment(side, side, links)


@pytest.mark.parametrize("viewport", [(400, 700), (1280, 700)])
def test_a_row_taller_than_the_window_reached_by_j_shows_its_top(opened, tmp_path, viewport):
    path = _write(tmp_path, "tall", tall_alignment())
    width, height = viewport
    view = opened(path, "#L2", viewport={"width": width, "height": height})
    page = view.page
    for expected in ("L3", "L6", "L9", "L12"):
        page.keyboard.press("j")
        next_frames(page, 3)
        assert view.focused_id() == expected
        row = page.locator(f"#{expected}").bounding_box()
        bar = page.locator("#toolbar").bounding_box()
        assert row["height"] > height  # the case in question
        assert bar["y"] + bar["height"] - 1 <= row["y"] < height, expected
    page.keyboard.press("k")
    next_frames(page, 3)
    row = page.locator("#L9").bounding_box()
    bar = page.locator("#toolbar").bounding_box()
    assert bar["y"] + bar["height"] - 1 <= row["y"] < height


# -- 4. a click on the strip goes to the link at that fraction of the document ---------


@pytest.mark.parametrize("width", [400, 800, 1280])
def test_a_click_on_the_strip_goes_to_the_link_at_that_fraction(opened, tmp_path, width):
    links = 400
    path = _write(tmp_path, "uniform", uniform_alignment(links, 30, flagged_every=9))
    view = opened(path, viewport={"width": width, "height": 800})
    page = view.page
    for fraction in (0.25, 0.5, 0.75, 0.95, 0.1):
        strip = page.locator("#strip").bounding_box()
        page.mouse.click(strip["x"] + strip["width"] / 2,
                         strip["y"] + fraction * strip["height"])
        next_frames(page, 4)
        reached = int(view.focused_id()[1:])
        assert abs(reached - fraction * links) <= 0.05 * links, (fraction, reached)
        row = page.locator(f"#L{reached}").bounding_box()
        bar = page.locator("#toolbar").bounding_box()
        assert bar["y"] + bar["height"] - 1 <= row["y"] < 800, (fraction, reached)


# -- 6. the map's legend fits its drawing -------------------------------------------------


@pytest.mark.parametrize("links", [12, 3640, 123456 // 10])
def test_the_maps_legend_fits_its_drawing(opened, tmp_path, links):
    path = _write(tmp_path, "map", uniform_alignment(links, 3))
    page = opened(path).page
    svg = page.locator("#map svg").bounding_box()
    boxes = page.eval_on_selector_all(
        "#map svg .axes > *", """items => items.map(i => {
            const b = i.getBoundingClientRect(); return [i.textContent, b.left, b.right]; })""")
    outside = [b for b in boxes if b[1] < svg["x"] - 0.5 or b[2] > svg["x"] + svg["width"] + 0.5]
    assert outside == []
    legend = [b[0] for b in boxes]
    assert "divergent" in legend and "similarity" in legend


# -- 7. highlights by severity, hidden with the findings the filters hide ---------------


def _mark_look(page, selector: str) -> dict:
    return page.eval_on_selector(selector, """m => {
        const s = getComputedStyle(m);
        return {bg: s.backgroundColor, shadow: s.boxShadow, line: s.textDecorationLine,
                style: s.textDecorationStyle};
    }""")


def _plain(look: dict) -> bool:
    return (look["bg"] in ("rgba(0, 0, 0, 0)", "transparent") and look["shadow"] == "none"
            and look["line"] == "none")


def severities_alignment() -> Alignment:
    """One number finding of each severity, each on its own link."""
    sentences, offset = [], 0
    for i in range(4):
        text = f"Line {i + 1} has 3 apples."
        sentences.append(Sentence(text, offset, offset + len(text), i))
        offset += len(text) + 1
    side = Side(sentences, name="s.txt", language="en", paragraphs=4)
    links = []
    for i, (sentence, severity) in enumerate(zip(sentences, ("info", "minor", "major",
                                                               "critical"), strict=True)):
        at = sentence.start + sentence.text.index("3")
        finding = Finding("number", severity, "3 is 5", [Span("source", at, at + 1)])
        links.append(Link([i], [i], 0.9, 0.1, [finding]))
    return Alignment(side, side, links)


def test_highlights_look_by_severity_and_follow_the_filters(opened, tmp_path):
    path = _write(tmp_path, "severities", severities_alignment())
    page = opened(path).page
    looks = {n: _mark_look(page, f"#L{n} mark") for n in range(1, 5)}
    # info is quiet: no fill and no box, a dotted underline; the others are filled
    assert looks[1]["bg"] in ("rgba(0, 0, 0, 0)", "transparent") and looks[1]["style"] == "dotted"
    for n in (2, 3, 4):
        assert looks[n]["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), n
    assert looks[3]["shadow"] != looks[2]["shadow"]  # major is drawn stronger than minor
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="info").uncheck()
    assert _plain(_mark_look(page, "#L1 mark"))
    assert not _plain(_mark_look(page, "#L3 mark"))
    page.get_by_role("checkbox", name="major").uncheck()
    assert _plain(_mark_look(page, "#L3 mark"))
    page.get_by_role("checkbox", name="info").check()
    assert _mark_look(page, "#L1 mark") == looks[1]


def test_a_highlight_shared_by_two_findings_stays_while_one_is_shown(opened, pages):
    """Link 2 of the small page: "3" is the number finding's (major), "Paris" the name
    finding's (minor)."""
    page = opened(pages["small"]).page
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="minor").uncheck()
    assert _plain(_mark_look(page, "#L2 mark.nm >> text=Paris"))
    assert not _plain(_mark_look(page, "#L2 mark.nm >> text=3"))


# -- 9. nothing accepted, nothing saved ---------------------------------------------------


def test_save_accepted_with_nothing_accepted_says_so_and_downloads_nothing(opened, pages):
    page = opened(pages["small"], viewport={"width": 1280, "height": 800}).page
    height = page.locator("#toolbar").bounding_box()["height"]
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.locator("#save").click()
    next_frames(page, 3)
    assert downloads == []
    assert page.locator("#status").inner_text() == "Nothing accepted to save"
    assert page.locator("#toolbar").bounding_box()["height"] == height  # no new line
    accept(page, page.locator("tbody .b").first)
    with page.expect_download() as download:
        page.locator("#save").click()
    assert download.value.suggested_filename == "small.accepted.json"


def test_a_highlight_takes_the_severity_of_the_findings_the_filters_leave(opened, tmp_path):
    """"3" is both a major finding's and an info one's: major, it is filled; with major
    unticked, it is an info highlight, quiet."""
    record = severities_alignment()
    link = record.links[2]
    link.findings.append(Finding("number", "info", "3 again", list(link.findings[0].spans)))
    page = opened(_write(tmp_path, "shared", record)).page
    filled = _mark_look(page, "#L3 mark")
    assert filled["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="major").uncheck()
    assert _mark_look(page, "#L3 mark") == _mark_look(page, "#L1 mark")  # info's look
    page.get_by_role("checkbox", name="major").check()
    assert _mark_look(page, "#L3 mark") == filled


# -- a passage left out (three links or more with nothing on one side) is one stop -------


def test_j_and_k_take_a_passage_left_out_as_one_flagged_link(opened, tmp_path):
    view = opened(_write(tmp_path, "passage", passage_alignment()))
    page = view.page
    status = page.locator("#status")
    assert status.inner_text() == "4 flagged links"  # the passage (links 2–5), 6, 7 and 8
    page.keyboard.press("j")
    assert view.focused_id() == "L2" and status.inner_text() == "Flagged link 1 of 4"
    assert page.locator("#L2").get_by_text("Passage left out: links 2–5").is_visible()
    page.keyboard.press("j")
    assert view.focused_id() == "L6" and status.inner_text() == "Flagged link 2 of 4"
    page.keyboard.press("k")  # back into the passage: its first row
    assert view.focused_id() == "L2"
    page.locator("#L4 td").nth(0).click()  # inside the passage
    assert status.inner_text() == "Flagged link 1 of 4"
    page.locator("#next").click()
    assert view.focused_id() == "L6"
    page.locator("#L4 td").nth(0).click()
    page.locator("#prev").click()
    assert view.focused_id() == "L2"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert view.focused_id() == "L7"  # two links added are two stops
    page.keyboard.press("j")
    assert view.focused_id() == "L8"
    assert view.console == []


def test_a_accepts_every_finding_of_a_passage_at_once(opened, tmp_path):
    view = opened(_write(tmp_path, "passage", passage_alignment()))
    page = view.page
    page.locator("#L3 td").nth(0).click()
    page.keyboard.press("a")
    assert accepted_marks(page) == [f"L{n} omission" for n in range(2, 6)]
    assert page.locator("#accepted").inner_text() == "4 accepted"
    assert page.locator("#status").inner_text() == "3 flagged links"  # hidden once accepted
    page.keyboard.press("a")  # all accepted: undone, all of them
    assert accepted_marks(page) == []
    accept(page, page.locator("#L4 .b"))  # a badge alone: itself alone
    assert accepted_marks(page) == ["L4 omission"]
    page.keyboard.press("a")  # the focused badge's, again: itself alone
    assert accepted_marks(page) == []
    accept(page, page.locator("#L4 .b"))
    page.locator("#L5 td").nth(0).click()
    page.keyboard.press("a")  # the rest of the passage
    assert len(accepted_marks(page)) == 4
    page.keyboard.press("a")
    assert accepted_marks(page) == []
    # What the filters set aside is left alone, and is no stop.
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^info")).uncheck()
    page.get_by_role("checkbox", name=re.compile(r"^minor")).uncheck()
    page.keyboard.press("Escape")
    page.locator("#L5 td").nth(0).click()
    page.keyboard.press("a")
    assert accepted_marks(page) == ["L2 omission", "L4 omission"]
    assert page.locator("#status").inner_text() == "3 flagged links"
    page.get_by_label("Show only findings").check()
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    assert view.focused_id() == "L6"
    page.keyboard.press("k")
    assert view.focused_id() == "L6"  # the passage's findings are accepted or filtered out
    assert view.console == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_passages_head_line_is_readable_at_every_width(opened, tmp_path, shots, scheme):
    path = _write(tmp_path, "passage", passage_alignment())
    for width in (380, 1280):
        view = opened(path, viewport={"width": width, "height": 800}, color_scheme=scheme)
        page = view.page
        head = page.locator("#L2").get_by_text("Passage left out: links 2–5")
        assert head.is_visible()
        box, row = head.bounding_box(), page.locator("#L2").bounding_box()
        assert box["x"] >= row["x"] and box["x"] + box["width"] <= row["x"] + row["width"] + 1
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        page.locator("#L2").screenshot(path=str(shots / f"passage-{scheme}-{width}.png"))
        axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
        results = axe_sync.Axe().run(page, context="#L2",
                                     options={"runOnly": ["color-contrast"]})
        assert results.response["violations"] == [], results.generate_report()
        assert results.response["passes"]  # the head line was looked at


def test_the_overview_strip_has_one_mark_for_a_passage(opened, tmp_path):
    view = opened(_write(tmp_path, "passage", passage_alignment()))
    page = view.page
    _tab_into_the_strip(page)
    assert _focused_mark(page) == ("Passage left out: links 2–5, 4 source sentences with no "
                                   "counterpart in the translation. Mark 1 of 4")
    page.keyboard.press("ArrowDown")
    assert _focused_mark(page).startswith("Link 6: major number; ")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert view.focused_id() == "L2"
    assert view.console == []

# -- what WCAG 2.2 AA asks of the page: forced colours, reflow at
# 320 px, single-key shortcuts that can be turned off, focus kept by Esc, a focused row's
# divergence shown, dimmed badges out of the tab order, a hoverable reason, the language of
# the interface's words ----------------------------------------------------------------


def looks_alignment() -> Alignment:
    """One highlight of each look, each on its own link: words with no counterpart (minor,
    and major), a mismatched number (minor, and major), another kind (mechanical), an info
    finding (no fill); and a link whose finding the filters will set aside."""
    cases = [("omission", "minor"), ("omission", "major"), ("number", "minor"),
             ("number", "major"), ("mechanical", "minor"), ("name", "info"),
             ("untranslated", "minor")]
    sentences, offset = [], 0
    for i in range(len(cases)):
        text = f"Line {i + 1} has three green apples."
        sentences.append(Sentence(text, offset, offset + len(text), i))
        offset += len(text) + 1
    side = Side(sentences, name="looks.txt", language="en", paragraphs=len(cases))
    links = []
    for i, (sentence, (kind, severity)) in enumerate(zip(sentences, cases, strict=True)):
        at = sentence.start + sentence.text.index("three")
        finding = Finding(kind, severity, f"{kind} here", [Span("source", at, at + 11)])
        links.append(Link([i], [i], 0.9, 0.1, [finding]))
    return Alignment(side, side, links)


# -- 1. forced colours: every highlight readable, and still told apart -------------------

_LOOK = """m => {
    const s = getComputedStyle(m);
    const body = getComputedStyle(document.body).backgroundColor;
    const bg = s.backgroundColor;
    const filled = !/rgba\\(.*, 0\\)$|transparent/.test(bg);
    return {color: s.color, ground: filled ? bg : body, filled,
            line: s.textDecorationLine, style: s.textDecorationStyle,
            outline: s.outlineStyle, shadow: s.boxShadow};
}"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_highlights_keep_their_text_and_their_line_in_forced_colors(opened, tmp_path, scheme):
    path = _write(tmp_path, "looks", looks_alignment())
    page = opened(path, forced_colors="active", color_scheme=scheme).page
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="untranslated").uncheck()  # link 7: set aside
    page.keyboard.press("Escape")
    looks = {n: page.eval_on_selector(f"#L{n} mark", _LOOK) for n in range(1, 8)}
    for n, look in looks.items():  # never the text's colour on its own ground
        assert look["color"] != look["ground"], (n, look)
    # words with no counterpart: filled, underlined; a mismatch: filled, boxed
    assert looks[1]["filled"] and looks[1]["line"] == "underline" and looks[1]["style"] == "solid"
    assert looks[3]["filled"] and looks[3]["outline"] == "solid"
    assert looks[4]["outline"] == "solid"
    assert looks[5]["line"] == "underline" and looks[5]["style"] == "wavy"
    assert looks[6]["line"] == "underline" and looks[6]["style"] == "dotted"  # info
    assert not looks[7]["filled"] and looks[7]["line"] == "none"  # set aside: plain
    assert looks[7]["outline"] == "none"
    # major drawn stronger than minor
    thickness = "m => getComputedStyle(m).textDecorationThickness"
    assert page.eval_on_selector("#L2 mark", thickness) != page.eval_on_selector(
        "#L1 mark", thickness)
    width = "m => getComputedStyle(m).outlineWidth"
    assert page.eval_on_selector("#L4 mark", width) != page.eval_on_selector("#L3 mark", width)
    # without forced colours, a mismatch is boxed by a shadow as before
    plain = opened(path, color_scheme=scheme).page
    look = plain.eval_on_selector("#L3 mark", _LOOK)
    assert look["filled"] and look["outline"] == "none" and look["shadow"] != "none"




# -- 2. reflow: a page zoomed to 400 % (320 x 256) and large text at 320 px -----------------


def test_at_400_percent_the_toolbar_scrolls_away_and_every_filter_is_reached(opened, pages):
    page = opened(pages["long"], viewport={"width": 320, "height": 256}).page
    page.evaluate("window.scrollTo(0, 3000)")
    next_frames(page, 2)
    assert page.locator("#toolbar").bounding_box()["y"] + 20 < 0  # not stuck to the top
    page.locator("#toolbar").scroll_into_view_if_needed()
    page.get_by_text("Filter", exact=True).click()
    last = page.locator("#hide-accepted")
    last.focus()  # the panel's last control, scrolled to
    next_frames(page, 2)
    box = last.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 256, box
    last.press("Space")
    assert not last.is_checked()
    # a window of ordinary height keeps the toolbar at its top
    page = opened(pages["long"], viewport={"width": 1280, "height": 800}).page
    page.evaluate("window.scrollTo(0, 3000)")
    next_frames(page, 2)
    assert abs(page.locator("#toolbar").bounding_box()["y"]) < 1




@pytest.mark.parametrize("width", [320, 400])
def test_large_text_in_a_narrow_window_needs_no_sideways_scrolling(opened, tmp_path, width):
    path = _write(tmp_path, "narrow", narrow_alignment())
    page = opened(path, viewport={"width": width, "height": 568}).page
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    next_frames(page, 3)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_text("Filter", exact=True).click()
    next_frames(page, 2)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the toolbar, several windows high, is not stuck over the text
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    next_frames(page, 3)
    row = page.locator("tr.cur").bounding_box()
    bar = page.locator("#toolbar").bounding_box()
    assert row["y"] >= bar["y"] + bar["height"] - 1 and row["y"] < 568


# -- 3. single-key shortcuts can be turned off ------------------------------------------


def test_single_key_shortcuts_can_be_turned_off_in_the_keys_panel(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_text("Keys", exact=True).click()
    box = page.get_by_role("checkbox", name="Single-key shortcuts")
    assert box.is_checked()
    box.uncheck()
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    for key in ("j", "k", "/", "?"):
        page.keyboard.press(key)
    assert page.evaluate("document.activeElement === document.body")
    assert page.locator("tr.cur").count() == 0
    assert not page.locator(".keys .panel").is_visible()
    assert page.locator("#next").get_attribute("aria-keyshortcuts") is None
    assert page.locator("#q").get_attribute("aria-keyshortcuts") is None
    page.locator("#next").click()  # the buttons still go
    assert view.focused_id() == "L2"
    page.keyboard.press("a")  # a key on the selected link, not anywhere: still on
    assert page.locator("#L2 .b.ok").count() == 2
    page.get_by_text("Keys", exact=True).click()
    box.check()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    assert view.focused_id() == "L3"
    assert page.locator("#next").get_attribute("aria-keyshortcuts") == "j"


# -- 4. Esc in a panel closes it and leaves the focus on its button ---------------------


def test_escape_in_the_filter_panel_gives_the_focus_back_to_its_button(opened, pages):
    page = opened(pages["small"]).page
    page.locator(".filters summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('details.filters').open")
    assert page.evaluate("document.activeElement.closest('details')?.className") == "filters"
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # and opens it again
    assert page.evaluate("document.querySelector('details.filters').open")


# -- 5. a row reached by the keyboard shows and says its divergence ---------------------


def _divergence_beside(page, row: str) -> str:
    """What the row's header shows under its number: '"0.45" / ""', or "none"."""
    return page.locator(f"#{row} th").evaluate(
        "th => getComputedStyle(th, '::after').display === 'none' ? 'none' :"
        " getComputedStyle(th, '::after').content")


def test_a_row_reached_by_the_keyboard_shows_its_divergence(opened, pages):
    from playwright.sync_api import expect

    view = opened(pages["small"])
    page = view.page
    tip = page.locator(".tip")
    page.keyboard.press("j")
    next_frames(page, 3)
    assert view.focused_id() == "L2"
    # Under its number, not in a box over the next row's words that would stay there.
    assert _divergence_beside(page, "L2") == '"0.45" / ""'
    assert not tip.is_visible()
    # Not read twice: the row header's name is as it was, the description says it.
    expect(page.get_by_role("rowheader", name="2 divergence 0.45, loose", exact=True)
           ).to_have_count(1)
    expect(page.locator("#L2")).to_have_accessible_description(
        "divergence 0.45, loose; 2 findings")
    page.keyboard.press("ArrowDown")
    next_frames(page, 3)
    assert _divergence_beside(page, "L3") == '"0.70" / ""'
    assert _divergence_beside(page, "L2") == "none"
    page.keyboard.press("Tab")  # the row's badge: its reason
    assert tip.inner_text().startswith("Major: reason")
    page.keyboard.press("k")  # back to the row above, from the badge
    next_frames(page, 3)
    assert view.focused_id() == "L2"
    assert not tip.is_visible() and _divergence_beside(page, "L2") == '"0.45" / ""'


# -- 6. badges the filters dim leave the tab order, and stay readable --------------------


def test_badges_set_aside_by_the_filters_leave_the_tab_order(opened, pages):
    view = opened(pages["small"])
    page = view.page
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="number").uncheck()
    page.keyboard.press("Escape")
    number, name = page.locator("#L2 .b").nth(0), page.locator("#L2 .b").nth(1)
    assert number.evaluate("b => b.tabIndex") == -1
    assert float(number.evaluate("b => getComputedStyle(b).opacity")) >= 0.65
    page.locator("#L2 td").nth(0).click()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.k") == "name"
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="number").check()
    assert number.evaluate("b => b.tabIndex") == 0 and name.evaluate("b => b.tabIndex") == 0


# -- 8. the reason's box can be hovered -----------------------------------------------------


def test_the_pointer_can_move_onto_a_reason_without_losing_it(opened, pages):
    page = opened(pages["small"]).page
    badge = page.locator("#L2 .b").first.bounding_box()
    page.mouse.move(badge["x"] + badge["width"] / 2, badge["y"] + badge["height"] / 2)
    tip = page.locator(".tip")
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=6)
    page.wait_for_timeout(600)
    assert tip.is_visible()
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.tip') !== null",
                         [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    page.mouse.move(5, 5, steps=4)  # away from both
    tip.wait_for(state="hidden")


# -- 7, 9, 10. the verdict's colour, the language of the page's words, toggle buttons ------


def _contrast(page, selector: str) -> float:
    return page.eval_on_selector(selector, """e => {
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = rgb(c).map(v => v / 255).map(v =>
            v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const a = lum(getComputedStyle(e).color);
        const b = lum(getComputedStyle(document.body).backgroundColor);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }""")


def test_a_failed_verdict_is_readable(opened, tmp_path):
    record = looks_alignment()
    record.signature = {"checks": {"fail_on": ["major"]}}
    path = _write(tmp_path, "verdict", record)
    for scheme in ("light", "dark"):
        page = opened(path, color_scheme=scheme).page
        assert page.locator(".verdict.fail b").inner_text() == "fail"
        assert _contrast(page, ".verdict.fail b") >= 4.5, scheme


def test_interface_words_have_the_pages_language_and_badges_are_toggles(opened, pages):
    page = opened(pages["small"], java_script_enabled=False).page
    # "no source" in the translation's column of a French source: English, as the page
    labels = page.eval_on_selector_all(".gap-label", "ls => ls.map(l => [l.textContent, l.lang])")
    assert labels and all(lang == "en" for _, lang in labels), labels
    # every badge a toggle button from the start, before any is reached
    states = page.eval_on_selector_all(".b", "bs => bs.map(b => b.getAttribute('aria-pressed'))")
    assert states and set(states) == {"false"}
    # the columns' language chips no smaller than 10.5 px
    size = page.eval_on_selector("thead .lang", "l => parseFloat(getComputedStyle(l).fontSize)")
    assert size >= 10.5


# -- a first reading: a badge clicked is read, not accepted; counts by severity ----------


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_a_click_on_a_badge_shows_its_reason_and_only_its_accept_button_accepts(
        opened, pages, shots):
    view = opened(pages["small"])
    page = view.page
    tip = page.locator(".tip")
    badge = page.locator("#L2 .b[data-k=number]")
    badge.click()
    page.keyboard.press("Enter")  # Enter and Space on it, as on any button: still reading
    page.keyboard.press("Space")
    assert page.locator("#accepted").inner_text() == "0 accepted"
    assert badge.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.activeElement.dataset.k") == "number"  # focused,
    assert "sel" in page.locator("#L2").get_attribute("class").split()  # its link selected
    assert tip.is_visible()
    assert tip.inner_text().startswith("Major: 3 in the source, 5 in the translation")
    # The reason hides none of the words of its link: it lies above or below the row.
    next_frames(page, 2)
    for cell in page.locator("#L2 td").all()[:2]:
        assert not _overlap(tip.bounding_box(), cell.bounding_box())
    page.screenshot(path=str(shots / "reason-shown.png"))
    button = page.locator(".tip button")
    assert button.inner_text() == "Accept"
    button.click()
    assert page.locator("#accepted").inner_text() == "1 accepted"
    assert badge.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.activeElement.dataset.k") == "number"  # focus kept
    assert tip.is_visible() and button.inner_text() == "Undo"
    button.click()
    assert page.locator("#accepted").inner_text() == "0 accepted"
    page.keyboard.press("a")  # the key on the focused badge accepts too
    assert page.locator("#accepted").inner_text() == "1 accepted"
    assert view.console == []


def test_a_row_reached_by_next_leaves_no_box_over_the_text(opened, pages):
    view = opened(pages["small"])
    page = view.page
    heights = page.eval_on_selector_all("tbody tr", "rs => rs.map(r => r.offsetHeight)")
    for _ in range(2):
        page.locator("#next").click()
        next_frames(page, 3)
    assert view.focused_id() == "L3"
    assert not page.locator(".tip").is_visible()
    # its divergence is still written out, under its number, for every reader
    content = page.locator("#L3 th").evaluate("th => getComputedStyle(th, '::after').content")
    assert content == '"0.70" / ""'
    # and no row grew or shrank with the selection, to move what is under the pointer
    assert page.eval_on_selector_all("tbody tr", "rs => rs.map(r => r.offsetHeight)") == heights


def test_the_header_counts_findings_by_severity_and_next_follows_the_severity_filter(
        opened, pages):
    view = opened(pages["small"])
    page = view.page
    # critical omission; major number and hostile kind; minor name and addition
    assert page.locator(".findings-summary .severities").inner_text() == (
        "1 critical · 2 major · 2 minor")
    page.get_by_text("Filter", exact=True).click()
    page.get_by_role("checkbox", name="minor").uncheck()  # major or above
    page.keyboard.press("Escape")
    stops = []
    for _ in range(4):
        page.locator("#next").click()
        stops.append(page.locator("tr.cur").get_attribute("id"))
    # link 6 holds only a minor addition: passed by; link 2 a major number and a minor name
    assert stops == ["L2", "L3", "L4", "L4"]
    assert page.locator("#status").inner_text() == "No more flagged links below"
    page.locator("#prev").click()
    assert view.focused_id() == "L3"
    assert page.locator("#status").inner_text() == "Flagged link 2 of 3"


# -- the reason's box and the A key speak of one finding; the box leaves its row clear ----


def test_a_hovered_badge_does_not_take_the_box_from_a_focused_one(opened, pages):
    view = opened(pages["small"])
    page = view.page
    tip = page.locator(".tip")
    focused = page.locator("#L2 .b[data-k=number]")
    focused.click()
    assert tip.inner_text().startswith("Major: 3 in the source")
    other = page.locator("#L3 .b").first
    other.hover()
    next_frames(page, 2)
    # A acts on the focused badge, so the box keeps speaking of it
    assert tip.is_visible()
    assert tip.inner_text().splitlines() == ["Major: 3 in the source, 5 in the translation",
                                             "Accept or press A"]
    page.keyboard.press("a")
    assert focused.get_attribute("aria-pressed") == "true"
    assert other.get_attribute("aria-pressed") == "false"
    # Its box closed (Esc), the focused badge still takes A: a box the pointer brings for
    # another badge offers its button, but not the key.
    page.keyboard.press("Escape")
    page.mouse.move(5, 5)
    assert not tip.is_visible()
    other.hover()
    tip.wait_for(state="visible")
    assert page.evaluate("document.activeElement.dataset.k") == "number"
    assert "press A" not in tip.inner_text()
    assert page.locator(".tip button").inner_text() == "Accept"


@pytest.mark.parametrize("viewport", [(800, 400), (320, 640)])
def test_a_clicked_badge_at_the_windows_bottom_leaves_its_row_clear(
        opened, tmp_path, viewport):
    width, height = viewport
    record = uniform_alignment(40, 8, flagged_every=1)
    for link in record.links:  # a reason of two or three lines, as real ones are
        link.findings[0].reason = ("words of the translation with no counterpart in the "
                                   "source: «morning morning morning morning morning»")
    path = _write(tmp_path, "tall", record)
    page = opened(path, viewport={"width": width, "height": height}).page
    tip = page.locator(".tip")
    for number in (1, 2, 5, 12):
        page.keyboard.press("Escape")
        badge = page.locator(f"#L{number} .b").first
        # the badge's bottom edge on the window's bottom edge
        page.evaluate("""b => window.scrollBy(0, b.getBoundingClientRect().bottom
                                                  - window.innerHeight + 1)""",
                      badge.element_handle())
        next_frames(page, 2)
        badge.click()
        next_frames(page, 3)
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, number
        for cell in page.locator(f"#L{number} td").all()[:2]:
            assert not _overlap(box, cell.bounding_box()), (number, box, cell.bounding_box())
        # and the badge stays in the window, beside its box
        badge_box = badge.bounding_box()
        assert 0 <= badge_box["y"] and badge_box["y"] + badge_box["height"] <= height, number


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_reason_has_a_border_in_forced_colors(opened, pages, scheme):
    page = opened(pages["small"], forced_colors="active", color_scheme=scheme).page
    page.locator("#L2 .b[data-k=number]").click()
    look = page.eval_on_selector(".tip", """t => { const s = getComputedStyle(t);
        return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor, s.color]; }""")
    style, width, colour, text = look
    assert style == "solid" and width >= 1, look
    assert colour == text, look  # CanvasText, as the words are
