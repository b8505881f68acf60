"""Time to interactive and size of the HTML page, in headless Chromium.

    python benchmarks/bench_html.py                      # 50, 1,000 and 5,000 links
    python benchmarks/bench_html.py --sizes 200 20000
    python benchmarks/bench_html.py --screenshots docs/  # the pictures in docs/ and README
    python benchmarks/bench_html.py --screenshots docs/ --record letter.json

Records are synthetic (`synthetic_record`): sentences of 10-30 words, mostly 1-1
links with some 1-2, 2-1, 1-0 and 0-1, findings with word spans on about one link
in twelve, and a neighbourhood band around the path.  "Interactive" is the moment
page.js has attached its listeners and drawn the overview strip
(``<html data-ready>``, milliseconds since navigation start) and the document
has finished loading (DOMContentLoaded), whichever is later.  Also printed: the
CPU time Chromium's processes spent meanwhile (on a busy machine wall-clock time
includes waiting for a core) and the time until the first ``j`` has moved focus.

Without ``--record``, screenshots use a demonstration record built from
``texts/serge-nin-1936/en.txt`` and a French version written for it, with typical
divergences (a changed date, a dropped sentence, an added one, a weakened phrase).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.record import Alignment, Finding, Link, Sentence, Side, Span  # noqa: E402
from align.render.html import render_html  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_WORDS = (
    "the river morning letter house city road night friend window garden mother "
    "father silence winter summer light voice paper table street village train "
    "station answer question year hundred evening door bread wine field water "
    "old new long short quiet dark bright slowly always never again already"
).split()
_MOTS = (
    "le fleuve matin lettre maison ville route nuit ami fenêtre jardin mère père "
    "silence hiver été lumière voix papier table rue village train gare réponse "
    "question année cent soir porte pain vin champ eau vieux nouveau long court "
    "calme sombre clair lentement toujours jamais encore déjà"
).split()


def _side(paragraphs: list[list[str]], name: str, language: str) -> Side:
    sentences, offset = [], 0
    for number, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence(text, offset, offset + len(text), number))
            offset += len(text) + 1
        offset += 1
    return Side(sentences, name=name, language=language, paragraphs=len(paragraphs))


def _sentence(rng: random.Random, words: list[str]) -> str:
    body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 30)))
    if rng.random() < 0.15:
        body += f" {rng.randint(2, 1999)}"
    return body[0].upper() + body[1:] + "."


def synthetic_record(links: int, seed: int = 1) -> Alignment:
    """A plausible alignment with `links` links (see the module docstring)."""
    rng = random.Random(seed)
    shapes = rng.choices(
        [(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)], weights=[85, 5, 5, 2.5, 2.5], k=links
    )
    src_paragraphs: list[list[str]] = [[]]
    tgt_paragraphs: list[list[str]] = [[]]
    plan = []
    for ns, nt in shapes:
        if rng.random() < 0.15:
            src_paragraphs.append([])
            tgt_paragraphs.append([])
        src = [_sentence(rng, _WORDS) for _ in range(ns)]
        tgt = [_sentence(rng, _MOTS) for _ in range(nt)]
        plan.append((len(src_paragraphs) - 1, src, tgt))
        src_paragraphs[-1].extend(src)
        tgt_paragraphs[-1].extend(tgt)
    source = _side([p for p in src_paragraphs], "story.en.txt", "en")
    translation = _side([p for p in tgt_paragraphs], "story.fr.txt", "fr")
    records, i, j = [], 0, 0
    for _, src, tgt in plan:
        s_idx, t_idx = list(range(i, i + len(src))), list(range(j, j + len(tgt)))
        i, j = i + len(src), j + len(tgt)
        score = rng.betavariate(8, 2) if src and tgt else 0.0
        divergence = min(1.0, max(0.0, 1 - score + rng.uniform(-0.05, 0.05)))
        findings = []
        if not tgt:
            findings.append(_whole(source, s_idx, "omission", "major", "source"))
        elif not src:
            findings.append(_whole(translation, t_idx, "addition", "minor", "translation"))
        elif rng.random() < 0.07:
            kind = rng.choice(["meaning-shift", "number", "name", "length", "mechanical"])
            sentence = translation.sentences[t_idx[0]]
            a = rng.randrange(0, max(1, len(sentence.text) - 12))
            findings.append(
                Finding(
                    kind,
                    rng.choice(["info", "minor", "major", "critical"]),
                    f"synthetic {kind} finding",
                    [Span("translation", sentence.start + a, sentence.start + a + 10)],
                )
            )
        records.append(Link(s_idx, t_idx, score, divergence, findings))
    neighbourhood = []
    for link in records:
        for _ in link.source:
            centre = link.translation[0] if link.translation else None
            if centre is None:
                neighbourhood.append([])
                continue
            neighbourhood.append(
                [[t, max(0.0, 0.9 - 0.12 * abs(t - centre) + rng.uniform(-0.05, 0.05))]
                 for t in range(max(0, centre - 3), min(len(translation.sentences), centre + 4))]
            )
    return Alignment(
        source, translation, records,
        signature={"string": "align 0.1.0 | synthetic", "model": {"id": "synthetic"}},
        created="2025-01-01T12:00:00Z", neighbourhood=neighbourhood,
    )


def _whole(side: Side, indices: list[int], kind: str, severity: str, name: str) -> Finding:
    first, last = side.sentences[indices[0]], side.sentences[indices[-1]]
    return Finding(
        kind, severity, f"no counterpart in the {'translation' if name == 'source' else 'source'}",
        [Span(name, first.start, last.end)],
    )


# -- the demonstration letter ------------------------------------------------------------

# French for the letter, link by link: (English sentence count, French sentences).  The
# differences are deliberate and are declared as findings in `letter_record`.
_LETTER_FR: list[tuple[int, list[str]]] = [
    (1, ["Victor Serge, 1936"]),
    (1, ["Lettre à Andrés Nin"]),
    (2, ["Source : La Lutte contre le stalinisme, Paris, Maspero, 1977 ;"]),
    (1, ["Traduit pour marxists.org par Mitch Abidor ;"]),
    (1, ["CopyLeft: Creative Commons (Attribute & ShareAlike) marxists.org 2005."]),
    (1, ["18 août 1936"]),
    (1, ["Mon cher Andrés,"]),
    (1, ["1. Pierre Schavitz et Pierre Boule sont deux camarades d’ici que je vous "
         "recommande chaudement."]),
    (2, ["2. S’ils ne vous trouvent pas, je leur ai conseillé de s’adresser de ma part à "
         "Gorkin, à Andrade ou aux autres camarades du POUM : ceci leur tiendra lieu de "
         "lettre d’introduction."]),
    (1, ["3. Je ne peux guère voyager en ce moment, car les bureaucrates staliniens m’ont "
         "retiré ma nationalité soviétique et font traîner la déclaration officielle de ce "
         "fait, évidemment pour m’empêcher d’obtenir les papiers qui m’accorderaient quelque "
         "liberté de mouvement."]),
    (1, []),
    (1, ["Quoi qu’il en soit, je suis entièrement à la disposition des camarades de votre "
         "organisation pour toute tâche ou mission, où que ce soit, et si vous jugez ma "
         "présence utile, je suis prêt à venir vous rejoindre (les autorités espagnoles "
         "devront alors me fournir un sauf-conduit)."]),
    (0, ["Je vous écris en hâte, entre deux trains."]),
    (1, ["4. Légèrement inquiet des différends entre marxistes et anarchistes dont "
         "parlaient les journaux, et sachant ce que ces différends ont coûté à la Révolution "
         "russe, je me permets de vous recommander à cet égard une attitude nouvelle, en "
         "rupture avec les vieilles positions social-démocrates et staliniennes."]),
    (1, ["Il faudrait, à mon avis, notifier hautement et publiquement aux anarchistes et "
         "aux syndicalistes que :"]),
    (1, ["– Si nous assumons la responsabilité morale des mesures de salut public prises "
         "autrefois par les bolcheviks russes dans le camp retranché de la révolution contre "
         "les dissidents anarchistes et autres, dont les interventions armées constituaient "
         "une menace intérieure évidente, nous condamnons d’autant plus vigoureusement la "
         "politique de l’État-prison stalinien, qui refuse le droit à l’existence et le droit "
         "d’expression aux différentes tendances du mouvement ouvrier, supprimant ainsi les "
         "ouvriers […]"]),
]
#: French paragraphs, as link numbers (into `_LETTER_FR`) that start a new paragraph.
_LETTER_FR_PARAGRAPH_STARTS = {0, 1, 2, 5, 6, 7, 8, 9, 12, 13, 15}


def _english_letter() -> Side:
    """The letter split into lines and sentences, keeping offsets into the file."""
    path = REPO / "texts" / "serge-nin-1936" / "en.txt"
    text = path.read_text(encoding="utf-8")
    sentences = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        for line in re.finditer(r"[^\n]+", block.group()):
            base = block.start() + line.start()
            start = 0
            for gap in re.finditer(r"(?<=[.!?;])\s+(?=[A-Z(–“])", line.group()):
                piece = line.group()[start:gap.start()]
                if re.fullmatch(r"\d+\.", piece):
                    continue  # "1. Pierre…": a list number, not a sentence
                sentences.append(Sentence(piece, base + start, base + gap.start(), paragraph))
                start = gap.end()
            end = len(line.group())
            sentences.append(Sentence(line.group()[start:], base + start, base + end, paragraph))
    return Side(sentences, name="Letter to Andres Nin", path=str(path), language="en",
                paragraphs=paragraph + 1)


def letter_record() -> Alignment:
    """The Serge letter against a French version with typical divergences marked."""
    source = _english_letter()
    paragraphs: list[list[str]] = []
    for number, (_, french) in enumerate(_LETTER_FR):
        if number in _LETTER_FR_PARAGRAPH_STARTS or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].extend(french)
    translation = _side(paragraphs, "Lettre à Andrés Nin", "fr")
    text_en = (REPO / "texts" / "serge-nin-1936" / "en.txt").read_text(encoding="utf-8")
    text_fr = "".join(
        " " * (s.start - (prev.end if prev else 0)) + s.text
        for prev, s in zip([None, *translation.sentences], translation.sentences, strict=False)
    )

    def span(side: str, needle: str, within: int) -> Span:
        sentences = source.sentences if side == "source" else translation.sentences
        text = text_en if side == "source" else text_fr
        sentence = sentences[within]
        at = text.index(needle, sentence.start)
        return Span(side, at, at + len(needle), needle)

    links, i, j = [], 0, 0
    for ns, french in _LETTER_FR:
        links.append(Link(list(range(i, i + ns)), list(range(j, j + len(french)))))
        i, j = i + ns, j + len(french)
    rng = random.Random(7)
    for link in links:
        link.score = round(rng.uniform(0.82, 0.95), 3) if link.source and link.translation else 0.0
        link.divergence = round(1 - link.score + rng.uniform(0, 0.06), 3)
    findings = {
        4: ([Finding("untranslated", "info", "The translation repeats the source unchanged.",
                     [span("translation", "CopyLeft: Creative Commons", 4)])], 0.32),
        5: ([Finding("number", "major", "13 in the source, 18 in the translation.",
                     [span("source", "13", 6), span("translation", "18", 5)])], 0.41),
        7: ([Finding("name", "minor", "“Boul” in the source is “Boule” in the translation.",
                     [span("source", "Boul", 8), span("translation", "Boule", 7)])], 0.18),
        10: ([Finding("omission", "major", "This sentence has no counterpart in the "
                      "translation.", [span("source", "Nevertheless, I hope to obtain them "
                                            "shortly.", 12)])], 1.0),
        12: ([Finding("addition", "minor", "This sentence has no counterpart in the source.",
                      [span("translation", "Je vous écris en hâte, entre deux trains.", 10)])],
             1.0),
        13: ([Finding("meaning-shift", "critical", "“Extremely alarmed” is weakened to "
                      "“Légèrement inquiet” (slightly worried).",
                      [span("source", "Extremely alarmed", 14),
                       span("translation", "Légèrement inquiet", 11)])], 0.58),
        14: ([Finding("mechanical", "info", "Doubled word “that that” in the source.",
                      [span("source", "that that", 15)])], 0.12),
    }
    for number, (found, divergence) in findings.items():
        links[number].findings = found
        links[number].divergence = divergence
    neighbourhood = []
    for link in links:
        for _ in link.source:
            centre = link.translation[0] if link.translation else j_last(links, link)
            neighbourhood.append(
                [[t, round(max(0.1, 0.9 - 0.14 * abs(t - centre) - rng.uniform(0, 0.05)), 3)]
                 for t in range(max(0, centre - 3), min(len(translation.sentences), centre + 4))]
            )
    return Alignment(
        source, translation, links,
        signature={
            "string": "align 0.1.0 | multilingual-e5-small@3d1f0a9c | sentences | dp-band-8",
            "version": "0.1.0",
            "model": {"id": "intfloat/multilingual-e5-small", "checksum": "3d1f0a9c"},
        },
        created="2025-03-14T09:30:00Z",
        neighbourhood=neighbourhood,
    )


def j_last(links: list[Link], link: Link) -> int:
    """Where the translation stands when `link` (which has no translation) is reached."""
    seen = [t for other in links[: links.index(link)] for t in other.translation]
    return max(seen) + 1 if seen else 0


# -- measuring ------------------------------------------------------------------------------


def _launch(pw):
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def _chromium_cpu_ms() -> float:
    """CPU time used so far by this process's Chromium descendants (Linux /proc).

    Wall-clock figures on a shared machine include time spent waiting for a core;
    this one does not, so it shows the page's own cost when the machine is busy.
    """
    parents, cpu, names = {}, {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        pid = int(text.split(" ", 1)[0])
        name, rest = text[text.index("(") + 1: text.rindex(")")], text[text.rindex(")") + 2:]
        fields = rest.split()
        parents[pid], names[pid] = int(fields[1]), name
        cpu[pid] = int(fields[11]) + int(fields[12])
    me, total = os.getpid(), 0
    for pid, name in names.items():
        if "chrom" not in name:
            continue
        ancestor = parents.get(pid)
        while ancestor and ancestor != me:
            ancestor = parents.get(ancestor)
        if ancestor == me:
            total += cpu[pid]
    return total * 1000 / os.sysconf("SC_CLK_TCK")


def measure(browser, page_path: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    cpu_before = _chromium_cpu_ms()
    page.goto(page_path.as_uri())
    page.wait_for_function("document.documentElement.hasAttribute('data-ready')")
    cpu = _chromium_cpu_ms() - cpu_before
    timing = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const ready = +document.documentElement.getAttribute('data-ready');
          return {ready: Math.max(ready, nav.domContentLoadedEventEnd),
                  dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
        }"""
    )
    timing["cpu"] = cpu
    started = time.perf_counter()
    page.keyboard.press("j")
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'TR'")
    timing["first_j"] = (time.perf_counter() - started) * 1000
    page.close()
    return timing


def bench(sizes: list[int], repeats: int) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = _launch(pw)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'links':>6} {'bytes':>10} {'B/link':>7} {'DOM ready':>10} {'interactive':>12} "
              f"{'CPU':>6} {'first j':>8}   (ms, median of {repeats})")
        for size in sizes:
            record = synthetic_record(size)
            started = time.perf_counter()
            page = render_html(record).encode("utf-8")
            render_ms = (time.perf_counter() - started) * 1000
            path = Path(tmp) / f"page-{size}.html"
            path.write_bytes(page)
            runs = [measure(browser, path) for _ in range(repeats)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            text_bytes = sum(
                len(s.text.encode()) for side in (record.source, record.translation)
                for s in side.sentences
            )
            print(f"{size:>6} {len(page):>10,} {len(page) / size:>7.0f} {med['dom']:>10.0f} "
                  f"{med['ready']:>12.0f} {med['cpu']:>6.0f} {med['first_j']:>8.0f}"
                  f"   (text {text_bytes / size:.0f} B/link, rendered in {render_ms:.0f} ms)")
        browser.close()


def screenshots(directory: Path, record_path: Path | None) -> None:
    """The overview, and a finding in focus in light and dark, as PNGs in `directory`."""
    from playwright.sync_api import sync_playwright

    record = (
        Alignment.from_dict(json.loads(record_path.read_text(encoding="utf-8")))
        if record_path else letter_record()
    )
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "letter.html"
        path.write_text(render_html(record), encoding="utf-8")
        browser = _launch(pw)
        for scheme in ("light", "dark"):
            page = browser.new_page(viewport={"width": 1280, "height": 860}, color_scheme=scheme,
                                    device_scale_factor=1)
            page.goto(path.as_uri())
            page.wait_for_function("document.documentElement.hasAttribute('data-ready')")
            suffix = "" if scheme == "light" else "-dark"
            if scheme == "light":
                page.screenshot(path=str(directory / "html-view-overview.png"))
            # A finding in focus: the first of the most severe ones, reached with j.
            target = page.evaluate(
                """() => { const rows = [...document.querySelectorAll('tbody > tr.f')];
                           const rank = r => +r.className.match(/ v(\\d)/)[1];
                           const worst = Math.max(-1, ...rows.map(rank));
                           const row = rows.find(r => rank(r) === worst);
                           return row ? row.id : null; }"""
            )
            for _ in range(200):
                if not target or page.evaluate("document.activeElement.id") == target:
                    break
                page.keyboard.press("j")
            badge = page.locator("tr.cur .b").last
            if badge.count():
                badge.focus()
            page.screenshot(path=str(directory / f"html-view-finding{suffix}.png"))
            page.close()
        browser.close()
    print(f"screenshots written to {directory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 1000, 5000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="write the documentation screenshots to DIR instead of timing")
    parser.add_argument("--record", type=Path, help="alignment JSON for the screenshots")
    parser.add_argument("--write", type=Path, metavar="HTML",
                        help="write the demonstration page to HTML and stop")
    args = parser.parse_args()
    if args.write:
        args.write.write_text(render_html(letter_record()), encoding="utf-8")
    elif args.screenshots:
        screenshots(args.screenshots, args.record)
    else:
        bench(args.sizes, args.repeats)


if __name__ == "__main__":
    main()
