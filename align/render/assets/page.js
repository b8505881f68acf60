/* Interaction for the side-by-side page.  The table is complete without this
   script; it adds finding navigation (j/k), filters, search, selection of a link
   with its counterpart, the overview strip, jumps from the alignment map, and the
   marking of findings as accepted, saved as a baseline file for `align check
   --baseline` (built with JSON.stringify, downloaded from memory: no network).

   Startup does a constant amount of work: one listener per kind of event on the
   document or the table (never one per row), one observer of which groups of rows
   are near the screen, and every index over the rows
   (findings, search text, row positions) is built the first time it is needed.

   Filters and search never lay out the whole table: rows are hidden by classes and
   CSS, groups of rows far from the screen stay unrendered (content-visibility) with
   the estimated height of the rows they show, and matches are highlighted only in
   the groups that come near the screen. */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;
  var table = doc.getElementById("links");
  if (!table) return;

  var groups = table.tBodies;               // rows come in groups of a few dozen
  var rows = table.querySelectorAll("tbody > tr");  // rows[i] is link i + 1
  var data = JSON.parse(doc.getElementById("align-data").textContent);
  var toolbar = byId("toolbar");
  var strip = byId("strip");
  var canvas = strip.querySelector("canvas");
  var viewBox = strip.querySelector(".view");
  /* The strip's marks for the keyboard: two buttons, one a tab stop and the other hidden,
     that take turns as the arrows move between marks (see "the strip from the keyboard"). */
  var markButtons = [0, 1].map(function (n) {
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "mark";
    button.tabIndex = n ? -1 : 0;
    button.hidden = true;
    button.setAttribute("aria-label", "Mark");  // until it stands for one (placeMark)
    strip.querySelector(".marks").appendChild(button);
    return button;
  });
  var statusLine = byId("status");
  var hitsLine = byId("hits");
  var searchBox = byId("q");
  var onlyBox = byId("only");
  var hideBox = byId("hide-accepted");
  var singleBox = byId("single-keys");  // single-key shortcuts on (Keys panel)
  var acceptedLine = byId("accepted");
  var emptyLine = byId("empty");
  var okBadges = table.getElementsByClassName("ok");  // live: the accepted findings
  var map = doc.querySelector("#map svg");
  var here = map && map.querySelector(".pos");
  toolbar.hidden = false;
  strip.hidden = false;

  var current = null;      // the selected row
  var findingRows = null;  // rows with findings, in order (built on first use)
  var searchText = null;   // folded text of each row's two cells (built on first search)
  var query = "";          // the folded search, "" when there is none
  var searched = "";       // the search as typed, for the message of an empty table
  var hitRows = [];        // rows matching the search, shown or not
  var layout = null;       // row offsets for the strip (rebuilt after each change)
  var fitted = [];         // the estimated height each group was last given, by group

  function byId(id) { return doc.getElementById(id); }

  function rowOf(node) {
    while (node && node !== table) {
      if (node.tagName === "TR" && node.parentNode.tagName === "TBODY") return node;
      node = node.parentNode;
    }
    return null;
  }

  function number(row) { return +row.id.slice(1); }

  function findings() {
    if (!findingRows) findingRows = Array.prototype.slice.call(table.querySelectorAll("tbody > tr.f"));
    return findingRows;
  }

  function shown(row) {
    var c = row.classList;
    if (table.classList.contains("searching") && !c.contains("hit")) return false;
    if (onlyBox.checked && (!c.contains("f") || c.contains("off"))) return false;
    return true;
  }

  function activeFinding(row) {
    return row.classList.contains("f") && !row.classList.contains("off") && shown(row);
  }

  /* A passage left out or added (html.py: three links or more in a row with nothing on
     one side, as `align check` reports them) is one flagged link for j, k, the buttons,
     the count and the strip, and `a` accepts it whole.  Each of its rows names it by the
     number of its first row (data-p). */
  function passageOf(row) { return row.getAttribute("data-p"); }

  /* The rows of `row`'s passage, in order, or `row` alone. */
  function passageRows(row) {
    var p = passageOf(row);
    if (!p) return [row];
    var out = [];
    for (var i = +p - 1; i < rows.length && passageOf(rows[i]) === p; i++) out.push(rows[i]);
    return out;
  }

  /* The number of the last row of `row`'s passage, or of `row`. */
  function lastNumber(row) {
    var members = passageRows(row);
    return number(members[members.length - 1]);
  }

  /* Where j and k stop: the rows whose findings count, a passage's first of them alone. */
  function stops() {
    var last = null;
    return findings().filter(function (row) {
      if (!activeFinding(row)) return false;
      var p = passageOf(row);
      if (p && p === last) return false;
      last = p;
      return true;
    });
  }

  /* The place in `list` (`stops`) of `row`, or of its passage's stop; -1 if none. */
  function stopIndex(list, row) {
    var p = passageOf(row);
    if (!p) return list.indexOf(row);
    for (var i = 0; i < list.length; i++) if (passageOf(list[i]) === p) return i;
    return -1;
  }

  /* -- selection, fragment, status ------------------------------------------------ */

  function select(row, how) {
    how = how || {};
    var old = table.querySelector(".here");
    if (old) old.classList.remove("here");
    old = table.querySelector("td.pair");
    if (old) old.classList.remove("pair");
    if (current && current !== row) current.classList.remove("sel", "cur");
    current = row;
    if (!row) return;
    row.classList.add("sel", "cur");
    showDivergenceBeside(row);
    if (how.sentence) {
      /* the sentence itself and everything on the other side of its link */
      how.sentence.classList.add("here");
      var cell = how.sentence.tagName === "TD" ? how.sentence : how.sentence.closest("td");
      var other = cell === row.cells[1] ? row.cells[2] : row.cells[1];
      other.classList.add("pair");
    }
    if (how.focus) {
      row.tabIndex = -1;
      describeRow(row);
      row.focus({ preventScroll: true });
    }
    if (how.scroll) scrollToRow(row, how.scroll);
    if (location.hash !== "#" + row.id) {
      try {
        history.replaceState(null, "", "#" + row.id);
      } catch (e) {
        /* some file:// contexts refuse; the position is then simply not kept */
      }
    }
    showOnMap(row);
    if (how.focus || how.scroll) restMark(true);  // the reader moved (not a Tab into a row)
    updateStatus();
  }

  /* Scrolls `row` into view (`block` as scrollIntoView takes it), below the toolbar (the
     rows' scroll-margin-top).  A row taller than the room under the toolbar shows its top,
     whatever `block` asks: centred, or its bottom edge at the window's, its beginning
     would be above the window or under the toolbar.  Groups of rows laid out on the way
     replace their estimated height by their real one and move the row: it is scrolled to
     again, a frame later, until it holds still (at most a few frames). */
  var settling = 0;
  function scrollToRow(row, block) {
    var room = window.innerHeight - (stuck ? toolbar.offsetHeight : 0) - 16;
    if (block !== "start" && row.getBoundingClientRect().height > room) block = "start";
    row.scrollIntoView({ block: block });
    var token = ++settling;
    var frames = 0;
    var still = 0;
    var last = row.getBoundingClientRect().top;
    (function again() {
      if (token !== settling || ++frames > 20 || still > 1) return;
      var top = row.getBoundingClientRect().top;
      if (Math.abs(top - last) < 1) still++;
      else {
        still = 0;
        row.scrollIntoView({ block: block });
        top = row.getBoundingClientRect().top;
      }
      last = top;
      requestAnimationFrame(again);
    })();
  }

  /* "1,234": the page's text is English. */
  function count(n) { return n.toLocaleString("en-US"); }

  /* The toolbar counts flagged links (rows), as the header's "Flagged links" does, but a
     passage once (the header says how many links passages gather); the header's
     "Findings" counts the badges, of which a link may have several. */
  function updateStatus() {
    var list = stops();
    var at = current ? stopIndex(list, current) : -1;
    if (!list.length) statusLine.textContent = "No flagged links shown";
    else if (at >= 0) {
      statusLine.textContent = "Flagged link " + count(at + 1) + " of " + count(list.length);
    } else {
      statusLine.textContent = count(list.length) +
        (list.length === 1 ? " flagged link" : " flagged links");
    }
    explainEmpty(!list.length && onlyBox.checked && !table.classList.contains("searching"));
  }

  /* "Show only findings" with none left to show, or a search that matches none: an empty
     table says why, where the rows were (the toolbar's count alone was easy to miss). */
  function explainEmpty(empty) {
    var text = "";
    /* a search's message is set with its matches, in updateHits, not on every selection */
    if (table.classList.contains("searching")) return;
    if (empty) {
      var accepted = hideBox.checked ? okBadges.length : 0;
      if (accepted) {
        text = "No findings left to show: " + count(accepted) +
          " accepted. Untick Hide accepted to see them.";
      } else if (data.f.length) text = "No findings left to show: the filters set them all aside.";
      else text = "No findings to show: the checks found none.";
    }
    setEmpty(text);
  }

  function setEmpty(text) {
    if (emptyLine.textContent !== text) emptyLine.textContent = text;
  }

  /* The row under the toolbar's bottom edge: where reading is now. */
  function rowAtTop() {
    var rect = table.getBoundingClientRect();
    var y = barBottom() + 8;
    if (rect.top > y) return null;
    return rowOf(doc.elementFromPoint(rect.left + rect.width / 2, y));
  }

  function onScreen(row) {
    var box = row.getBoundingClientRect();
    return box.height > 0 && box.bottom > barBottom() &&
      box.top < window.innerHeight;
  }

  /* From the selected row if it is on screen (forward, from the end of its passage), else
     from where the reader has scrolled.  Backward into a passage lands on its first row. */
  function step(direction) {
    var list = stops();
    var from = 0;
    if (current && onScreen(current)) {
      from = direction > 0 ? lastNumber(current) : number(current);
    } else {
      var top = rowAtTop();
      if (top) from = number(top) - direction;
    }
    if (direction > 0) {
      for (var i = 0; i < list.length; i++) {
        if (number(list[i]) > from) return go(list[i]);
      }
    } else {
      for (var j = list.length - 1; j >= 0; j--) {
        if (number(list[j]) < from) return go(list[j]);
      }
    }
    statusLine.textContent = direction > 0 ? "No more flagged links below" :
      "No more flagged links above";
  }

  function go(row) {
    select(row, { focus: true, scroll: "center" });
  }

  /* The selected row's divergence, which its bar shows as a colour only, its figure
     written under its number (page.css: "tr.cur > th::after", hidden from assistive
     technology, which reads figure and band in the row header and the row's description):
     in place of a floating box, which would lie over the next row's words and stay there
     while the reader moves on.  The band's name is the legend's, by the bar's colour. */
  function showDivergenceBeside(row) {
    var head = row.cells[0];
    if (head.hasAttribute("data-d")) return;
    var words = /divergence ([\d.]+), (\w+)/.exec(head.textContent);
    if (!words) return;
    head.setAttribute("data-d", words[1]);
  }

  /* What a screen reader says of a focused row beyond its cells: its divergence (also in
     its header) and how many findings it has, "divergence 0.45, loose; 2 findings, 1
     accepted".  Set as the row takes the focus: the count of accepted ones changes. */
  function describeRow(row) {
    var words = /divergence ([\d.]+), (\w+)/.exec(row.cells[0].textContent);
    var badges = row.querySelectorAll(".b");
    var accepted = row.querySelectorAll(".b.ok").length;
    var text = (words ? "divergence " + words[1] + ", " + words[2] + "; " : "") +
      (badges.length ? count(badges.length) + (badges.length === 1 ? " finding" : " findings") +
        (accepted ? ", " + count(accepted) + " accepted" : "") : "no findings");
    if (row.getAttribute("aria-description") !== text) row.setAttribute("aria-description", text);
  }

  /* Home and End.  Groups of rows that come on screen on the way replace their estimated
     height with their real one, which moves the end of the page: scroll again, a frame
     later, until the page has held still at its top or its very end for two frames (a
     frame's callbacks run before that frame lays out what came on screen). */
  function toEdge(end) {
    var frames = 0;
    var still = 0;
    (function again() {
      var target = end ? root.scrollHeight - window.innerHeight : 0;
      still = Math.abs(window.scrollY - target) < 1 ? still + 1 : 0;
      if (still > 2) return;
      window.scrollTo(0, target);
      if (++frames < 30) requestAnimationFrame(again);
    })();
  }

  function moveBy(direction) {
    if (!current) return;
    for (var i = number(current) - 1 + direction; i >= 0 && i < rows.length; i += direction) {
      if (shown(rows[i])) return select(rows[i], { focus: true, scroll: "nearest" });
    }
  }

  function fromFragment() {
    var match = /^#L(\d+)$/.exec(location.hash);
    var row = match && byId("L" + match[1]);
    if (row && rowOf(row) === row) go(row);
  }

  /* -- filters ------------------------------------------------------------------- */

  function uncheckedValues(name) {
    var set = new Set();
    toolbar.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      if (!box.checked) set.add(box.value);
    });
    return set;
  }

  /* Whether a badge counts as a finding: its kind and severity are not unticked (one the
     panel does not offer counts) and, while "Hide accepted" is ticked (unless
     `evenAccepted`), it is not accepted. */
  function counts(evenAccepted) {
    var kinds = uncheckedValues("kind");
    var severities = uncheckedValues("severity");
    var hide = hideBox.checked && !evenAccepted;
    function fits(badge) {
      return !kinds.has(badge.getAttribute("data-k")) &&
        !severities.has(badge.getAttribute("data-v"));
    }
    var test = function (badge) { return fits(badge) && !(hide && isAccepted(badge)); };
    test.fits = fits;
    return test;
  }

  /* A row whose findings all fail `test` reads as unflagged ("off").  A highlight in its
     text (a <mark>, whose data-b lists the badges of its findings) goes while the filters
     of kind and severity set all its findings aside; accepted, their words stay marked. */
  function filterRow(row, test) {
    var any = false;
    var badges = row.querySelectorAll(".b");
    badges.forEach(function (badge) {
      var on = test(badge);
      badge.classList.toggle("off", !on);
      /* Dimmed, a kind or severity unticked: out of the tab order (a click still marks
         it).  Accepted and hidden by "Hide accepted", it is still reached, to be undone. */
      if (test.fits(badge)) badge.removeAttribute("tabindex");
      else badge.tabIndex = -1;
      any = any || on;
    });
    row.classList.toggle("off", !any);
    var marks = row.getElementsByTagName("mark");
    for (var m = 0; m < marks.length; m++) {
      /* shown, it takes the worst severity of its findings the filters leave */
      var worst = -1;
      (marks[m].getAttribute("data-b") || "").split(" ").forEach(function (b) {
        var badge = badges[+b];
        if (badge && test.fits(badge)) {
          worst = Math.max(worst, +(/\bv(\d)\b/.exec(badge.className) || [0, 0])[1]);
        }
      });
      marks[m].classList.toggle("off", worst < 0);
      if (worst >= 0 && !marks[m].classList.contains("v" + worst)) {
        marks[m].classList.remove("v0", "v1", "v2", "v3");
        marks[m].classList.add("v" + worst);
      }
    }
  }

  function applyFilters() {
    settleFarGroups();
    var test = counts(false);
    findings().forEach(function (row) { filterRow(row, test); });
    table.classList.toggle("only-f", onlyBox.checked);
    changed();
  }

  /* -- accepted findings ------------------------------------------------------------ */

  /* A finding is accepted (its badge has the class "ok") or not.  The browser keeps the
     marks by what each finding is (`data.k`: a digest of its `finding_key`, as `align
     check --baseline` matches it) in one entry for the pair of documents (`data.pair`):
     {key: how many of the findings with that key are accepted, the first n on the page}.
     A key the entry does not hold shows as the page was written; the marks of findings no
     longer on the page stay.  A change rewrites its keys in the entry as it stands, and
     the "storage" event brings the changes of other tabs (docs/html-view.md, "Where the
     marks are kept").  Where the browser keeps nothing, they last as long as the page. */
  var badgeList = null;  // every badge in page order: badgeList[i] is data.f[i]
  var storeKey = "align-marks:" + data.pair;
  var keyed = null;      // the badges of each key (built the first time marks change)

  function allBadges() {
    if (!badgeList) badgeList = Array.prototype.slice.call(table.querySelectorAll(".b"));
    return badgeList;
  }

  function isAccepted(badge) { return badge.classList.contains("ok"); }

  function countAccepted() { acceptedLine.textContent = count(okBadges.length) + " accepted"; }

  function store() {
    try {
      return window.localStorage || null;
    } catch (e) {
      return null;
    }
  }

  /* The badges of each key, and each badge's mark as the page was written (taken before
     the first change: every change comes through here first). */
  function keys() {
    if (keyed) return keyed;
    keyed = { badges: new Map(), written: [], index: new Map() };
    allBadges().forEach(function (badge, i) {
      var k = data.k[i];
      keyed.written.push(isAccepted(badge));
      keyed.index.set(badge, i);
      if (!keyed.badges.has(k)) keyed.badges.set(k, []);
      keyed.badges.get(k).push(badge);
    });
    return keyed;
  }

  /* The entry's marks ({key: how many accepted}) from its stored text, {} when it holds
     none or something else. */
  function parseMarks(text) {
    var marks = {};
    try {
      var stored = JSON.parse(text || "{}");
      if (stored && typeof stored === "object" && !Array.isArray(stored)) {
        Object.keys(stored).forEach(function (k) {
          if (typeof stored[k] === "number" && stored[k] >= 0) marks[k] = stored[k];
        });
      }
    } catch (e) {
      /* damaged: as if nothing were kept */
    }
    return marks;
  }

  /* Keeps the marks of the keys of `badges` as this page shows them now, in the entry as
     it stands in storage (another tab may have changed other keys since). */
  function keepMarks(badges) {
    try {
      var storage = store();
      if (!storage) return;
      var k = keys();
      var marks = parseMarks(storage.getItem(storeKey));
      badges.forEach(function (badge) {
        var name = data.k[k.index.get(badge)];
        marks[name] = k.badges.get(name).filter(isAccepted).length;
      });
      storage.setItem(storeKey, JSON.stringify(marks));
    } catch (e) {
      /* full or refused: the marks stay in the page */
    }
  }

  function setAccepted(badge, on) {
    badge.classList.toggle("ok", on);
    badge.setAttribute("aria-pressed", String(on));
  }

  /* Shows `marks`: of the badges of a key it holds, the first n accepted, the others not;
     the badges of any other key as the page was written.  Returns the badges changed,
     their rows filtered again. */
  function showMarks(marks) {
    var k = keys();
    var changedBadges = [];
    var changedRows = new Set();  // a row of several changed badges is filtered once
    k.badges.forEach(function (badges, name) {
      var held = Object.prototype.hasOwnProperty.call(marks, name);
      badges.forEach(function (badge, n) {
        var on = held ? n < marks[name] : k.written[k.index.get(badge)];
        if (isAccepted(badge) === on) return;
        setAccepted(badge, on);
        changedBadges.push(badge);
        changedRows.add(rowOf(badge));
      });
    });
    if (changedRows.size) {
      var test = counts(false);
      changedRows.forEach(function (row) { filterRow(row, test); });
    }
    return changedBadges;
  }

  /* At start-up: nothing to do (not even the keys) when nothing is kept for these
     documents. */
  function restoreMarks() {
    var text = null;
    try {
      var storage = store();
      text = storage && storage.getItem(storeKey);
    } catch (e) {
      return;
    }
    if (text) showMarks(parseMarks(text));
  }

  /* Another tab changed the marks of these documents (or cleared the storage). */
  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key !== storeKey) return;
    var changedBadges = showMarks(parseMarks(event.key === null ? null : event.newValue));
    if (changedBadges.length) marksChanged(changedBadges);
  });

  /* The first finding of `row`'s neighbours (past its passage), below it or else above,
     that still counts: a passage's first row. */
  function nearestFlagged(row) {
    var list = stops();
    var last = lastNumber(row);
    for (var i = 0; i < list.length; i++) {
      if (number(list[i]) > last) return list[i];
    }
    for (var j = list.length - 1; j >= 0; j--) {
      if (number(list[j]) < number(row)) return list[j];
    }
    return null;
  }

  /* Accepts the findings of `badges` (of one row, or of a passage's rows), or, when all
     of them are, accepts none. */
  function toggleAccepted(badges) {
    if (!badges.length) return;
    keys();  // each badge's mark as written, before this first change
    var accept = badges.some(function (badge) { return !isAccepted(badge); });
    badges.forEach(function (badge) { setAccepted(badge, accept); });
    keepMarks(badges);
    var test = counts(false);
    var filtered = new Set();
    badges.forEach(function (badge) {
      var row = rowOf(badge);
      if (filtered.has(row)) return;
      filtered.add(row);
      filterRow(row, test);
    });
    marksChanged(badges);
  }

  /* After the marks of `badges` changed, their rows filtered again: the count, the reason
     shown, the groups of those rows alone fitted again (no other row changed), the strip;
     the page stays where it is. */
  function marksChanged(badges) {
    countAccepted();
    if (tipFor && badges.indexOf(tipFor) !== -1) {
      var badge = tipFor;
      tipFor = null;
      showTip(badge);
    }
    var touched = new Set();
    badges.forEach(function (b) { touched.add(rowOf(b).parentNode); });
    changed(true, touched);
    /* "Show only findings" hides a row whose findings are all accepted now: go on to the
       next finding rather than leave the selection (and the focus) on a hidden row. */
    if (current && !shown(current) && badges.some(function (b) { return rowOf(b) === current; })) {
      hideTip();
      var next = nearestFlagged(current);
      if (next) go(next); else select(null);
    }
  }

  /* The findings `a` acts on in a selected row, or in every row of its passage: those the
     kind and severity filters leave. */
  function rowBadges(row) {
    var test = counts(true);
    var badges = [];
    passageRows(row).forEach(function (member) {
      Array.prototype.forEach.call(member.querySelectorAll(".b"), function (badge) {
        if (test(badge)) badges.push(badge);
      });
    });
    return badges;
  }

  /* One entry of the baseline file (align/checks/baseline.py) for finding `i`: its kind,
     its link's two texts (as the table shows them, or as `data.raw` holds them where the
     table shows a control character otherwise) and its spans' texts (`data.f`). */
  function entry(badge, i) {
    var row = rowOf(badge);
    var texts = data.raw[number(row) - 1] || [cellText(row.cells[1]), cellText(row.cells[2])];
    return {
      kind: badge.getAttribute("data-k"),
      source: texts[0],
      translation: texts[1],
      spans: data.f[i].map(function (code) {
        var side = "sS".indexOf(code.charAt(0)) !== -1 ? 0 : 1;
        var whole = code.charAt(0) === "S" || code.charAt(0) === "T";
        return { side: side ? "translation" : "source", text: whole ? texts[side] : code.slice(1) };
      })
    };
  }

  /* NAME.accepted.json, NAME the page's file name, or else the translation's. */
  function fileName() {
    var name = "";
    try {
      name = decodeURIComponent(location.pathname.split("/").pop() || "");
    } catch (e) {
      /* an odd address: the documents' name below */
    }
    var match = /^(.+)\.html?$/i.exec(name);
    return (match ? match[1] : data.name) + ".accepted.json";
  }

  /* With nothing accepted there is nothing to save: the toolbar's message line says so
     (no wider than its longest text, "No more flagged links below"), and no empty baseline
     is downloaded; unless the page came with findings a baseline set aside, which the
     reviewer has un-accepted: the empty file then replaces that baseline. */
  var cameAccepted = !!table.querySelector(".b.ok");
  function saveAccepted() {
    if (!okBadges.length && !cameAccepted) {
      statusLine.textContent = "Nothing accepted to save";
      return;
    }
    var accepted = [];
    allBadges().forEach(function (badge, i) {
      if (isAccepted(badge)) accepted.push(entry(badge, i));
    });
    var text = JSON.stringify({
      format: "align-baseline",
      format_version: 1,
      signature: data.sig,
      accepted: accepted
    }, null, 1) + "\n";
    var link = doc.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = fileName();
    link.hidden = true;
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  /* -- search -------------------------------------------------------------------- */

  function cellText(cell) {
    return cell.classList.contains("gap") ? "" : cell.textContent;
  }

  /* Lower case without the diacritics readers leave out (Latin and Greek accents,
     Cyrillic stress marks, Hebrew points and cantillation, Arabic short vowels, shadda
     and Quranic marks), every kind of space (the no-break spaces of French typography,
     tabs, line ends) as a plain space: "Andrés" and "andres" find each other, "قدم" and
     "قُدِّمَ", "молоко́" and "молоко", "source : la" and "source\u00a0: la".  Other
     combining marks are letters of their word and stay: the vowel signs of Devanagari and
     the other Brahmic scripts, Thai vowels and tone marks ("कल" is not "काल", "किल" or
     "कुल"; "ไม่" is not "ไม้").  So do the marks that make a Cyrillic letter of another,
     which Unicode encodes as one character: "й" is not "и", "ё" not "е", "ї" not "і",
     "ў" not "у", "ќ" not "к" (only "ѐ" and "ѝ", accented to tell words apart, fold); a
     "й" written as "и" and a breve is "й" still.
     Each character folds to one character, or to none (a diacritic), so that an offset
     into the folded text maps back into the text (`markCell`). */
  var folded = {};
  var diacritic = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var mark = /\p{M}/u;  // those ranges hold a few signs that are not marks: maqaf, sof pasuq, ۝
  /* A Cyrillic letter and the combining marks after it, folded as one (`foldCyrillic`). */
  var cyrillicCluster = /[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+|[^ -~]/g;
  var cyrillic = /[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]/;
  /* ѐ and ѝ, accented to tell words apart; and ё, which Russian print mostly writes as е,
     so that a search for either finds both. */
  var cyrillicAccented = { "\u0450": "\u0435", "\u045d": "\u0438", "\u0451": "\u0435" };
  function stripDiacritic(c) { return mark.test(c) ? "" : c; }
  function foldCharacter(c) {
    var f = folded[c];
    if (f === undefined) {
      if (/\s/.test(c)) f = " ";
      else {
        var lower = c.toLowerCase();
        f = lower.normalize("NFD");
        if (f.length > 1 && cyrillic.test(f.charAt(0))) {
          /* a letter of its own (й, ї, ў), but for those `cyrillicAccented` folds */
          f = lower.length === 1 ? cyrillicAccented[lower] || lower : c;
        } else f = f.replace(diacritic, stripDiacritic);
        /* A letter that decomposes into more than a letter and diacritics (a Hangul
           syllable into its jamo, क़ into क and its nukta) stays whole. */
        if (f.length > 1) f = f.normalize("NFC");
        if (f.length > 1) f = c;
        if (f === "\u2019") f = "'";
      }
      folded[c] = f;
    }
    return f;
  }
  /* A Cyrillic letter with marks after it (`cyrillicCluster`): the one letter they compose
     with it, folded ("и" and a breve: "й"; "о" and a stress mark, which composes nothing:
     "о"), so that the letter still takes one character of the folded text and each mark
     none. */
  function foldCyrillic(cluster) {
    if (cluster.length === 1) return foldCharacter(cluster);
    return foldCharacter(cluster.normalize("NFC").charAt(0));
  }
  /* How many characters `c` (one UTF-16 unit) takes in the folded text: 0 or 1. */
  function foldedSize(c) { return c >= " " && c <= "~" ? 1 : foldCharacter(c).length; }
  function fold(text) {
    var out = text.replace(cyrillicCluster, foldCyrillic);
    var lower = out.toLowerCase();
    return lower.length === out.length ? lower :
      out.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
  }

  function texts() {
    if (!searchText) {
      searchText = [];
      for (var i = 0; i < rows.length; i++) {
        var cells = rows[i].cells;
        searchText.push([fold(cellText(cells[1])), fold(cellText(cells[2]))]);
      }
    }
    return searchText;
  }

  function runSearch() {
    settleFarGroups();
    searched = searchBox.value.trim();
    query = fold(searched);
    for (var h = 0; h < hitRows.length; h++) hitRows[h].classList.remove("hit");
    hitRows = [];
    clearHighlight();
    if (!query) {
      table.classList.remove("searching");
      return changed();
    }
    var all = texts();
    for (var k = 0; k < all.length; k++) {
      if (all[k][0].indexOf(query) !== -1 || all[k][1].indexOf(query) !== -1) {
        rows[k].classList.add("hit");
        hitRows.push(rows[k]);
      }
    }
    table.classList.add("searching");
    changed();
  }

  /* The matches the filters leave on screen: what the count counts and Enter walks. */
  function shownHits() { return hitRows.filter(shown); }

  function updateHits(list, at) {
    if (!query) {
      hitsLine.textContent = "";
      return;
    }
    list = list || shownHits();
    var hidden = hitRows.length - list.length;
    var text;
    if (at) text = "Match " + count(at) + " of " + count(list.length);
    else if (list.length) {
      text = count(list.length) + (list.length === 1 ? " link matches" : " links match");
    } else text = hidden ? "No match shown" : "No match";
    if (hidden) text += " (" + count(hidden) + " hidden by the filters)";
    hitsLine.textContent = text;
    setEmpty(list.length ? "" : "No link matches “" + searched + "”" +
      (hitRows.length ? " among those the filters show." : "."));
  }

  function nextHit(direction) {
    var list = shownHits();
    if (!list.length) return;
    var at = current ? list.indexOf(current) : -1;
    var next = at === -1 ? (direction > 0 ? 0 : list.length - 1) :
      (at + direction + list.length) % list.length;
    select(list[next], { scroll: "center" });
    updateHits(list, next + 1);
  }

  var searchTimer = 0;
  searchBox.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 120);
  });

  /* Matches are marked without touching the DOM (CSS Custom Highlight API), in the
     groups of rows within a screen of the window, and in more groups as they come
     near: every match is highlighted by the time it can be seen, and a search over a
     long text costs no more than what is on screen. */
  var highlight = null;    // the registered Highlight, while a search shows
  var marked = new Set();  // rows whose matches it holds
  var nearGroups = new Set();
  var watcher = null;

  function watchGroups() {
    if (!window.IntersectionObserver) return;
    watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) nearGroups.add(entry.target);
        else nearGroups.delete(entry.target);
      });
      highlightNear();
    }, { rootMargin: "100% 0px" });
    for (var g = 0; g < groups.length; g++) watcher.observe(groups[g]);
  }

  function clearHighlight() {
    marked.clear();
    if (highlight) highlight.clear();
  }

  function highlightNear() {
    if (!query || !(window.CSS && CSS.highlights && window.Highlight)) return;
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set("search", highlight);
    }
    var near = watcher ? Array.from(nearGroups) : Array.from(groups);
    near.forEach(function (group) {
      for (var r = 0; r < group.rows.length; r++) {
        var row = group.rows[r];
        if (!row.classList.contains("hit") || marked.has(row)) continue;
        marked.add(row);
        var text = texts()[number(row) - 1];
        markCell(row.cells[1], text[0]);
        markCell(row.cells[2], text[1]);
      }
    });
  }

  /* Each match in `cell`, whose folded text is `text`, as one range; a match may run
     across elements (a finding's <mark>, a sentence's span), so it starts in one text
     node and ends in another.  Each text node is folded once, and where it has
     diacritics (its folded text is shorter) offsets into it are found by one walk
     forward through it: matches come in order, so a long cell with many matches costs
     its length, not its length for each match. */
  function markCell(cell, text) {
    var at = text.indexOf(query);
    if (at === -1) return;
    var walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    var node = null;
    var data = "";
    var start = 0;   // where `node` begins in `text`
    var size = 0;    // its length in the folded text
    var plain = true;  // no diacritic in it: its offsets are those of the folded text
    var i = 0, n = 0;  // the walk through `node`: `data[0..i)` folds to `n` characters
    function nextNode() {
      start += size;
      node = walker.nextNode();
      if (!node) return;
      data = node.data;
      size = fold(data).length;
      plain = size === data.length;
      i = 0;
      n = 0;
    }
    /* Where the folded offset `k` (never less than the one before) falls in `node`.  The
       diacritics after a letter are its own: a match's start passes those of the letter
       before it, its end takes those of its last letter. */
    function offset(k) {
      if (plain) return k;
      while (i < data.length && n < k) n += foldedSize(data.charAt(i++));
      while (i < data.length && !foldedSize(data.charAt(i))) i++;
      return i;
    }
    nextNode();
    for (; at !== -1; at = text.indexOf(query, at + query.length)) {
      var end = at + query.length;
      while (node && start + size <= at) nextNode();
      if (!node) return;
      var range = new Range();
      range.setStart(node, offset(at - start));
      while (node && start + size < end) nextNode();
      if (!node) return;
      range.setEnd(node, offset(end - start));
      highlight.add(range);
    }
  }

  /* -- after anything that shows or hides rows ------------------------------------- */

  /* Before rows are shown or hidden.  A group the browser has laid out stays laid out,
     and would be laid out again with all its rows, until the browser finds it far from
     the screen, which it does only after that layout: after a search that left each
     group a row or none, that would be the whole table.  So the groups not near the
     screen now skip their rows for one style update (content-visibility: hidden), and
     `fitGroups` hands them back to content-visibility: auto, which lays out only those
     that come near.  (The groups that hold no shown row at all stay skipped.) */
  function settleFarGroups() {
    if (!watcher) return;
    var far = null;
    for (var g = 0; g < groups.length; g++) {
      if (nearGroups.has(groups[g])) continue;
      groups[g].style.contentVisibility = "hidden";
      far = groups[g];
    }
    if (far) getComputedStyle(far).contentVisibility;  // the style update
  }

  /* A row's estimated height in rem, as html.py estimates it (lines of text, padding,
     space before a paragraph), for text columns of the width the window gives them now:
     html.py counts lines of a column of about 62 characters, which a phone's columns
     hold a third of.  `widthFactor` says how many more lines a row takes here; a narrow
     window also puts the badges on a line of their own. */
  var widthFactor = 1;
  var narrowLayout = false;
  function rowHeight(row) {
    var c = " " + row.className + " ";
    var lines = +(/ h(\d) /.exec(c) || [0, 1])[1];
    if (widthFactor > 1) lines = Math.max(1, Math.ceil((lines - 0.5) * widthFactor));
    return lines * data.rem.line + data.rem.row +
      (c.indexOf(" p ") !== -1 ? data.rem.paragraph : 0) +
      (narrowLayout && c.indexOf(" f ") !== -1 ? 1.6 : 0);
  }

  /* The text columns' width (the table's header, always laid out) against the 31 rem of
     a column of 62 characters; 1 from about 1,100 px up, where html.py's estimate holds. */
  function measureWidth() {
    var head = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[1];
    var rem = parseFloat(getComputedStyle(root).fontSize) || 16;
    var factor = 1;
    if (head) factor = 31 * rem / Math.max(2 * rem, head.getBoundingClientRect().width - 1.75 * rem);
    narrowLayout = !!(window.matchMedia && window.matchMedia("(max-width: 52rem)").matches);
    factor = factor >= 1.2 ? factor : 1;
    if (Math.abs(factor - widthFactor) < 0.05 * widthFactor) return false;
    widthFactor = factor;
    return true;
  }

  /* While filters or a search hide rows, a group the browser has not laid out counts
     as tall as the rows it shows (`rowHeight`); in a narrow window, as tall as its rows
     at that width (or as tall as it was when last laid out: "auto"); otherwise, the
     group's own estimate.  `only`: a Set of the groups to fit, the others left as they
     are. */
  function fitGroups(only) {
    var filtering = onlyBox.checked || table.classList.contains("searching");
    for (var g = 0; g < groups.length; g++) {
      if (only && !only.has(groups[g])) continue;
      var size = "";
      var visibility = "";
      if (filtering || widthFactor > 1) {
        var height = 0;
        var members = groups[g].rows;
        for (var r = 0; r < members.length; r++) {
          if (shown(members[r])) height += rowHeight(members[r]);
        }
        size = (filtering ? "" : "auto ") + height.toFixed(2) + "rem";
        if (!height) visibility = "hidden";
      }
      if (fitted[g] !== size) {
        fitted[g] = size;
        groups[g].style.containIntrinsicBlockSize = size;
      }
      if (groups[g].style.contentVisibility !== visibility) {
        groups[g].style.contentVisibility = visibility;
      }
    }
  }

  /* `keepPlace`: leave the page where it is (a finding accepted in place); `only`: the
     groups (tbody) whose rows alone changed, to fit again, else all of them. */
  var redrawQueued = false;
  function changed(keepPlace, only) {
    layout = null;
    fitGroups(only);
    updateStatus();
    updateHits();
    if (!keepPlace && current && shown(current)) scrollToRow(current, "center");
    highlightNear();
    if (!redrawQueued) {
      redrawQueued = true;
      requestAnimationFrame(function () {
        redrawQueued = false;
        drawStrip();
      });
    }
  }

  /* -- overview strip ----------------------------------------------------------------- */

  /* Row positions for the strip.  Rows of a group the browser has not laid out yet
     (content-visibility) must not be asked for their position, which would force the
     layout this page avoids: such a group's height is shared among its shown rows by
     their estimated number of lines (class hN). */
  function measure() {
    if (layout) return layout;
    var tops = new Float64Array(rows.length);
    var heights = new Float64Array(rows.length);
    var base = groups.length ? groups[0].offsetTop : 0;
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      var top = group.offsetTop - base;
      var height = group.offsetHeight;
      var members = group.rows;
      var weights = [];
      var sum = 0;
      for (var r = 0; r < members.length; r++) {
        var w = shown(members[r]) ? rowHeight(members[r]) : 0;
        weights.push(w);
        sum += w;
      }
      for (r = 0; r < members.length; r++) {
        var i = number(members[r]) - 1;
        tops[i] = top;
        heights[i] = sum ? height * weights[r] / sum : 0;
        top += heights[i];
      }
    }
    var last = groups.length ? groups[groups.length - 1] : null;
    var total = last ? last.offsetTop + last.offsetHeight - base : 1;
    layout = { tops: tops, heights: heights, total: Math.max(1, total), base: base };
    return layout;
  }

  /* The toolbar wraps onto two or three lines in a narrow window: rows scrolled to (the
     arrows, j/k, a link's address, a badge reached by Tab) stop below it, however tall it
     is (their scroll-margin-top, page.css).  Not the root's scroll padding: the browser
     then scrolls the page up to show any toolbar control that takes focus.  The property
     changes only when the toolbar wraps anew, and rows of groups off screen are not styled
     again until they come near (content-visibility). */
  var barHeight = -1;
  var stuck = true;  // the toolbar sticks to the top of the window
  function fitToolbar() {
    var height = toolbar.offsetHeight;
    /* A toolbar that would take a third of the window or more (a short window, a zoomed
       page, large text) scrolls away with the page instead (page.css: "unstuck", and the
       same for any window under 32rem high), leaving the window to the text. */
    toolbar.classList.toggle("unstuck", height * 3 > window.innerHeight);
    var sticks = getComputedStyle(toolbar).position === "sticky";
    if (height === barHeight && sticks === stuck) return;
    barHeight = height;
    stuck = sticks;
    strip.style.top = (stuck ? height + 6 : 6) + "px";
    table.style.setProperty("--bar", (stuck ? height + 8 : 8) + "px");
  }

  /* The bottom edge of the toolbar in the window, 0 when it has scrolled away. */
  function barBottom() { return Math.max(0, toolbar.getBoundingClientRect().bottom); }

  function drawStrip() {
    fitToolbar();
    var box = measure();
    var ratio = window.devicePixelRatio || 1;
    var height = Math.max(1, Math.round(strip.clientHeight * ratio));
    var width = Math.max(1, Math.round(strip.clientWidth * ratio));
    canvas.width = width;
    canvas.height = height;
    var style = getComputedStyle(root);
    var colours = [0, 1, 2, 3, 4].map(function (k) { return style.getPropertyValue("--d" + k); });
    var marks = [0, 1, 2, 3].map(function (k) { return style.getPropertyValue("--v" + k + "-line"); });
    var band = new Int8Array(height).fill(-1);
    var severity = new Int8Array(height).fill(-1);
    var scale = height / box.total;
    markList = [];
    for (var i = 0; i < rows.length; i++) {
      if (!box.heights[i]) continue;
      var y0 = Math.floor(box.tops[i] * scale);
      var y1 = Math.max(y0 + 1, Math.ceil((box.tops[i] + box.heights[i]) * scale));
      var c = rows[i].className;
      var active = c.indexOf(" f") !== -1 && c.indexOf("off") === -1;
      var b = +c.charAt(1);
      var v = active ? +c.charAt(c.indexOf(" v") + 2) : -1;
      if ((active || b >= DIVERGENT) && !inLastMark(i)) markList.push(i);
      for (var y = y0; y < y1 && y < height; y++) {
        if (b > band[y]) band[y] = b;
        if (v > severity[y]) severity[y] = v;
      }
    }
    var ctx = canvas.getContext("2d");
    var lane = Math.round(width * 0.6);
    fillRuns(ctx, band, colours, 0, lane);
    fillRuns(ctx, severity, marks, lane + Math.max(1, Math.round(ratio)), width);
    marksMoved();
    updateView();
    if (!root.hasAttribute("data-ready")) {
      root.setAttribute("data-ready", String(Math.round(performance.now())));
    }
  }

  /* Whether row `i` belongs to the passage of the last mark: a passage is one mark. */
  function inLastMark(i) {
    var p = markList.length && passageOf(rows[i]);
    return !!p && passageOf(rows[markList[markList.length - 1]]) === p;
  }

  function fillRuns(ctx, values, colours, x0, x1) {
    for (var y = 0; y < values.length;) {
      var value = values[y];
      var end = y + 1;
      while (end < values.length && values[end] === value) end++;
      if (value >= 0) {
        ctx.fillStyle = colours[value];
        ctx.fillRect(x0, y, x1 - x0, end - y);
      }
      y = end;
    }
  }

  function updateView() {
    var rect = groups.length ? groups[0].getBoundingClientRect() : table.getBoundingClientRect();
    var top = barBottom();
    var total = measure().total;
    var h = strip.clientHeight;
    var from = Math.min(1, Math.max(0, (top - rect.top) / total));
    var to = Math.min(1, Math.max(0, (window.innerHeight - rect.top) / total));
    viewBox.style.top = (from * h).toFixed(1) + "px";
    viewBox.style.height = Math.max(0, (to - from) * h).toFixed(1) + "px";
    restMark();
  }

  function rowAtOffset(offset) {
    var box = measure();
    var lo = 0;
    var hi = rows.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (box.tops[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    for (var i = lo; i < rows.length; i++) if (box.heights[i]) return rows[i];
    for (var j = lo; j >= 0; j--) if (box.heights[j]) return rows[j];
    return null;
  }

  /* -- the strip from the keyboard ---------------------------------------------------

     A mark is a shown link with a finding that counts or a divergent one (the bands
     "divergent" and "unrelated"), in the order of the text.  The strip is one tab stop,
     on the mark where the reader is (the selected link, or the first mark below it, or
     below the top of the window); the arrows, Home, End, Page Up and Page Down move
     between the marks and Enter or Space goes to the link.  However many marks there
     are, two buttons serve them all: the focus moves from one to the other, which then
     stands for the next mark (a screen reader says the name of each as it comes), and
     the one left behind is hidden.  Pointers click through them to the strip. */
  var DIVERGENT = 3;       // the first band that makes a mark
  var markList = null;     // the marks, as indices of rows (built with the strip)
  var markAt = -1;         // the tab stop's mark, an index into markList
  var tabStop = markButtons[0];

  function inStrip() { return strip.contains(doc.activeElement); }

  /* "Link 12: major number, minor name; divergence 0.85, divergent. Mark 3 of 40"; a
     passage: "Passage left out: links 12–37, 26 source sentences … Mark 3 of 40" */
  function markName(k) {
    var row = rows[markList[k]];
    var head = passageOf(row) && rows[+passageOf(row) - 1].querySelector(".ph");
    if (head) return head.textContent + ". Mark " + count(k + 1) + " of " + count(markList.length);
    var parts = [];
    var found = [];
    row.querySelectorAll(".b").forEach(function (badge) {
      if (!badge.classList.contains("off")) {
        found.push(badge.getAttribute("data-v") + " " + badge.getAttribute("data-k"));
      }
    });
    if (found.length) parts.push(found.join(", "));
    var words = /divergence ([\d.]+), (\w+)/.exec(row.cells[0].textContent);
    if (words) parts.push("divergence " + words[1] + ", " + words[2]);
    return "Link " + number(row) + ": " + parts.join("; ") + ". Mark " + count(k + 1) +
      " of " + count(markList.length);
  }

  /* Shows `button` as mark `k`, where the strip draws it (at least 6px high, centred);
     a passage's, from its row to its last. */
  function placeMark(button, k) {
    var box = measure();
    var i = markList[k];
    var end = number(passageRows(rows[i]).pop()) - 1;
    var h = strip.clientHeight;
    var top = box.tops[i] / box.total * h;
    var size = (box.tops[end] + box.heights[end] - box.tops[i]) / box.total * h;
    var shown = Math.min(h, Math.max(6, size));
    top = Math.max(0, Math.min(h - shown, top - (shown - size) / 2));
    button.style.top = top.toFixed(1) + "px";
    button.style.height = shown.toFixed(1) + "px";
    var name = markName(k);
    if (button.getAttribute("aria-label") !== name) button.setAttribute("aria-label", name);
    button.setAttribute("data-i", String(i));
    button.hidden = false;
  }

  /* The first mark at or after row index `i`, else the last one. */
  function markFrom(i) {
    var lo = 0;
    var hi = markList.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (markList[mid] < i) lo = mid + 1; else hi = mid;
    }
    return Math.min(lo, markList.length - 1);
  }

  /* While the focus is elsewhere, the tab stop follows the reader, as j and k do: from the
     selected link when it is on screen, else from the top of the window.  Once the strip
     has had the focus, it stays on the mark it was left on (Shift+Tab comes back to it),
     while that link is still a mark, until the reader moves (`follow`: j, k, a click, a
     jump, a search's Enter), a scroll or a Tab into the table not counting. */
  var markDirty = false;   // the strip was drawn again: the tab stop to place again
  var markKept = false;    // the strip has had the focus since the reader last moved
  function restMark(follow) {
    if (follow) markKept = false;
    if (!markList || inStrip()) return;
    if (!markList.length) {
      markAt = -1;
      markButtons.forEach(function (button) { button.hidden = true; });
      return;
    }
    var k = -1;
    if (markKept && markAt >= 0 && !tabStop.hidden) {
      var kept = +tabStop.getAttribute("data-i");
      var at = markFrom(kept);
      if (markList[at] === kept) k = at;
    }
    if (k < 0) {
      var from = current && onScreen(current) ? number(passageRows(current)[0]) - 1 : -1;
      if (from < 0) {
        var top = rowAtOffset(Math.max(0, barBottom() -
          (groups.length ? groups[0] : table).getBoundingClientRect().top));
        from = top ? number(top) - 1 : 0;
      }
      k = markFrom(from);
    }
    if (k === markAt && !markDirty && !tabStop.hidden) return;
    markDirty = false;
    markAt = k;
    placeMark(tabStop, k);
  }

  /* After the strip is drawn again: the marks may have changed and moved. */
  function marksMoved() {
    markDirty = true;
    if (!inStrip()) return restMark();
    var row = markAt >= 0 ? +tabStop.getAttribute("data-i") : 0;
    if (!markList.length) {
      markAt = -1;
      tabStop.blur();
      tabStop.hidden = true;
      return;
    }
    markAt = markFrom(row);
    placeMark(tabStop, markAt);
  }

  function toMark(k) {
    k = Math.max(0, Math.min(markList.length - 1, k));
    var next = tabStop === markButtons[0] ? markButtons[1] : markButtons[0];
    if (k === markAt) next = tabStop;
    placeMark(next, k);
    next.tabIndex = 0;
    next.focus({ preventScroll: true });
    if (next !== tabStop) {
      tabStop.tabIndex = -1;
      tabStop.hidden = true;
      tabStop = next;
    }
    markAt = k;
  }

  strip.addEventListener("focusin", function () { markKept = true; });

  strip.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !markList || markAt < 0) return;
    var k;
    switch (event.key) {
      case "ArrowDown": case "ArrowRight": k = markAt + 1; break;
      case "ArrowUp": case "ArrowLeft": k = markAt - 1; break;
      case "PageDown": k = markAt + 10; break;
      case "PageUp": k = markAt - 10; break;
      case "Home": k = 0; break;
      case "End": k = markList.length - 1; break;
      default: return;
    }
    event.preventDefault();
    toMark(k);
  });

  strip.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".mark");
    if (button) {
      go(rows[+button.getAttribute("data-i")]);
      return;
    }
    var rect = strip.getBoundingClientRect();
    var fraction = (event.clientY - rect.top) / rect.height;
    var row = rowAtOffset(fraction * measure().total);
    if (row) select(row, { focus: true, scroll: "center" });
  });

  var viewQueued = false;
  window.addEventListener("scroll", function () {
    if (viewQueued) return;
    viewQueued = true;
    requestAnimationFrame(function () {
      viewQueued = false;
      updateView();
    });
  }, { passive: true });

  /* The table changes height when the window does, and when groups of rows are laid
     out for the first time and their real height replaces the estimate. */
  var resizeTimer = 0;
  function redrawSoon() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (measureWidth()) fitGroups();
      layout = null;
      drawStrip();
    }, 150);
  }
  window.addEventListener("resize", redrawSoon);
  window.addEventListener("resize", fitToolbar);
  if (window.ResizeObserver) {
    new ResizeObserver(redrawSoon).observe(table);
    new ResizeObserver(function () {  // it wraps anew
      fitToolbar();
      placePanels();
    }).observe(toolbar);
  }
  if (window.matchMedia) {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", drawStrip);
  }

  /* -- alignment map -------------------------------------------------------------------- */

  function plotOf() {
    var plot = map.getAttribute("data-plot").split(" ").map(Number);
    return {
      x: plot[0], y: plot[1], w: plot[2], h: plot[3],
      ns: Math.max(1, +map.getAttribute("data-ns")),
      nt: Math.max(1, +map.getAttribute("data-nt"))
    };
  }

  function linkEnd(axis, i, size) {
    return i + 1 < axis.length ? Math.max(axis[i + 1], axis[i]) : size;
  }

  function showOnMap(row) {
    if (!here) return;
    var p = plotOf();
    var i = number(row) - 1;
    var x = (data.x[i] + linkEnd(data.x, i, p.ns)) / 2;
    var y = (data.y[i] + linkEnd(data.y, i, p.nt)) / 2;
    here.setAttribute("cx", (p.x + x / p.ns * p.w).toFixed(1));
    here.setAttribute("cy", (p.y + y / p.nt * p.h).toFixed(1));
    here.setAttribute("visibility", "visible");
  }

  if (map) {
    map.addEventListener("click", function (event) {
      var p = plotOf();
      var rect = map.getBoundingClientRect();
      var box = map.viewBox.baseVal;
      var x = ((event.clientX - rect.left) * box.width / rect.width - p.x) / p.w;
      var y = ((event.clientY - rect.top) * box.height / rect.height - p.y) / p.h;
      var best = null;
      var bestDistance = Infinity;
      for (var i = 0; i < data.x.length; i++) {
        var cx = (data.x[i] + linkEnd(data.x, i, p.ns)) / 2 / p.ns - x;
        var cy = (data.y[i] + linkEnd(data.y, i, p.nt)) / 2 / p.nt - y;
        var distance = cx * cx + cy * cy;
        if (distance < bestDistance && shown(rows[i])) {
          bestDistance = distance;
          best = rows[i];
        }
      }
      if (best) go(best);
    });
  }

  /* -- the reason of a finding, in one floating box ------------------------------------ */

  var tip = doc.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");  // the badge's own name already holds the reason
  doc.body.appendChild(tip);
  var tipFor = null;   // what the box speaks of: a badge, or a row's bar (or its number)
  var hideTimer = 0;
  /* A finding is accepted by a deliberate act: this button in its reason, or `a` on its
     badge; reading it (a hover, a click, Enter, a tap) accepts nothing.  Out of the Tab
     order, as the box is hidden from assistive technology: from the keyboard, `a`, which
     the badge's reason names. */
  var tipAccept = doc.createElement("button");
  tipAccept.type = "button";
  tipAccept.className = "tip-accept";
  tipAccept.tabIndex = -1;
  var tipKey = doc.createElement("span");
  tipKey.className = "tip-key";

  /* The box stays while the pointer moves from what it speaks of onto it (WCAG 1.4.13):
     leaving either hides it a moment later, unless the pointer has come onto the other. */
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideTip, 300);
  }

  /* Whether the box belongs to the focus rather than to the pointer. */
  function tipHeld() { return !!tipFor && tipFor === doc.activeElement; }

  /* A box the pointer brought can be hovered; one the focus holds (a badge clicked or
     reached by Tab) stays anyway, and lets clicks through to what it covers, but for its
     Accept button. */
  function tipMode() {
    tip.classList.toggle("held", tipHeld());
    /* `a` accepts the focused badge only: a box the pointer brings for another offers its
       button, not the key */
    tipKey.textContent = tipHeld() ? " or press A" : "";
  }

  /* The button keeps the focus on the badge (a focus moved out of the table would close
     the box), and accepts the finding the box speaks of, or undoes that. */
  tipAccept.addEventListener("mousedown", function (event) { event.preventDefault(); });
  tipAccept.addEventListener("click", function () {
    if (tipFor && tipFor.classList.contains("b")) toggleAccepted([tipFor]);
  });

  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", function () { if (!tipHeld()) hideSoon(); });

  function showTip(badge) {
    var reason = badge.querySelector(".r");
    clearTimeout(hideTimer);
    if (!reason) return;
    if (tipFor === badge) {
      tipMode();
      return placeTip(badge);  // the focus now holds a box the pointer brought: it may scroll
    }
    tipFor = badge;
    var severity = reason.querySelector(".r-sev");
    var strong = doc.createElement("b");
    /* Capitalized here: Chromium's text-transform: capitalize looks at the text laid out
       before the box, the end of the table, and left "major" as it was after some. */
    var sev = severity ? severity.textContent : "";
    strong.textContent = sev ? sev.charAt(0).toUpperCase() + sev.slice(1) + ": " : "";
    var accepted = isAccepted(badge);
    var hint = doc.createElement("span");
    hint.className = "tip-hint";
    hint.textContent = accepted ? "✓ Accepted: " : "";
    tipAccept.textContent = accepted ? "Undo" : "Accept";
    hint.append(tipAccept, tipKey);
    tip.replaceChildren(strong, doc.createTextNode(
      reason.textContent.slice(severity ? severity.textContent.length : 0).trim()), hint);
    tip.hidden = false;
    tipMode();
    placeTip(badge);
  }

  /* A badge pressed takes the focus at once, but its row is scrolled only once the click
     is over: the release must land on what was pressed (the click places the box again). */
  var pressing = false;
  table.addEventListener("pointerdown", function () { pressing = true; });
  window.addEventListener("pointerup", function () { pressing = false; }, true);
  window.addEventListener("pointercancel", function () { pressing = false; }, true);

  /* Under the row of what it speaks of (a badge, a bar), or above it where the window has
     no room below, so that it hides none of the words it speaks of; lined up with the
     badge's or the bar's right edge, inside the window.  Where the window has room for
     neither, a box the focus holds scrolls its row up; one that still finds no such place
     (a hovered one, a badge that would leave the window) lies where there is most room.
     The box is fixed, so it is placed again whenever the page scrolls under it. */
  function placeTip(anchor, scrolled) {
    var box = anchor.getBoundingClientRect();
    var row = (rowOf(anchor) || anchor).getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var ceiling = barBottom() + 4;
    var floor = window.innerHeight - 8;
    var left = Math.max(8, Math.min(box.right - width, window.innerWidth - width - 24));
    var top = row.bottom + 6;
    if (top + height > floor) {
      top = row.top - height - 6;
      /* A box the focus holds brings its row up until the box fits under it, as long as
         the badge stays in the window (a row taller than the window then shows its end,
         where the badges are in a narrow window).  A hovered one is left be: the page
         would move away from under the pointer. */
      var lift = row.bottom + 6 + height - floor;
      if (top < ceiling && tipHeld() && !scrolled && !pressing &&
          box.top - lift >= (stuck ? toolbar.offsetHeight : 0) + 4) {
        window.scrollBy(0, lift);
        return placeTip(anchor, true);
      }
      if (top < ceiling) {
        top = floor - row.bottom > row.top - ceiling ? row.bottom + 6 : row.top - height - 6;
        top = Math.max(ceiling, Math.min(floor - height, top));
      }
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hideTip() {
    clearTimeout(hideTimer);
    tipFor = null;
    tip.hidden = true;
  }

  /* The divergence of a link, which its bar shows as a colour only, in words: on the bar
     and on the link's number.  The row header holds the words for assistive technology
     (html.py: "divergence 0.60, divergent"); the tip shows "Divergence 0.60: divergent". */
  function divergenceAt(event) {
    var cell = event.target.closest("th, td");
    var row = cell && rowOf(cell);
    if (!row) return null;
    if (cell === row.cells[0]) return cell;
    /* only the source cell and the start of the translation cell can hold the bar */
    if (cell !== row.cells[1] && cell !== row.cells[2]) return null;
    /* the bar: the source cell's right border (4px), and a little of the next cell */
    var box = row.cells[1].getBoundingClientRect();
    return event.clientX >= box.right - 6 && event.clientX <= box.right + 3 ? row.cells[1] : null;
  }

  /* On the pointer's bar or number; a row the keyboard reaches writes its divergence
     under its number instead (`showDivergenceBeside`). */
  function showDivergence(anchor) {
    clearTimeout(hideTimer);
    if (tipFor === anchor) return tipMode();
    var words = /divergence ([\d.]+), (\w+)/.exec(rowOf(anchor).cells[0].textContent);
    if (!words) return;
    tipFor = anchor;
    tip.textContent = "Divergence " + words[1] + ": " + words[2];
    tip.hidden = false;
    tipMode();
    placeTip(anchor);
  }

  table.addEventListener("mouseover", function (event) {
    var badge = event.target.closest(".b");
    /* A box the focus holds stays that badge's, which `a` accepts, whatever is hovered */
    if (badge) { if (!tipHeld()) showTip(badge); }
    /* a divergence tip is left to mousemove: moving between spans of a cell keeps it */
    else if (tipFor && tipFor.classList.contains("b") && !tipHeld()) hideSoon();
  });
  table.addEventListener("mousemove", function (event) {
    if (event.target.closest(".b")) return;
    var anchor = !tipHeld() && divergenceAt(event);
    if (anchor) showDivergence(anchor);
    else if (tipFor && !tipFor.classList.contains("b") && !tipHeld()) hideSoon();
  });
  table.addEventListener("mouseleave", function () {
    if (tipFor && !tipHeld()) hideSoon();
  });
  table.addEventListener("focusout", hideTip);
  /* A scroll moves the badge away from the mouse, so a hovered badge's reason goes; a
     focused badge keeps it and the box follows.  (Jumping to a row scrolls it to the
     centre a frame later, often after the keyboard has already moved into the row.) */
  window.addEventListener("scroll", function () {
    if (!tipFor) return;
    if (tipHeld()) placeTip(tipFor);
    else hideTip();
  }, { passive: true });

  /* -- events ---------------------------------------------------------------------------- */

  /* A click on a finding's badge (a tap, Enter, Space) reads it: its link is selected
     and its reason shown, with the button that accepts it.  A first-time reader clicks a
     badge to see what it says, not to set the finding aside. */
  table.addEventListener("click", function (event) {
    var badge = event.target.closest(".b");
    if (badge) {
      if (rowOf(badge) !== current) select(rowOf(badge), {});
      showTip(badge);
      return;
    }
    var selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;  // let people select text to copy
    var row = rowOf(event.target);
    if (!row) return;
    var cell = event.target.closest("td");
    var text = cell && (cell === row.cells[1] || cell === row.cells[2]) &&
      !cell.classList.contains("gap");
    select(row, { focus: true, sentence: text ? event.target.closest(".s") || cell : null });
  });

  table.addEventListener("focusin", function (event) {
    var badge = event.target.classList.contains("b") ? event.target : null;
    if (badge) {
      /* Enter and Space read a badge: its name says which key accepts it (its pressed
         state), where the box's button, hidden from assistive technology, cannot. */
      if (!badge.hasAttribute("aria-keyshortcuts")) badge.setAttribute("aria-keyshortcuts", "a");
      showTip(badge);
    }
    var row = rowOf(event.target);
    if (row && row !== current) select(row, {});
  });

  byId("next").addEventListener("click", function () { step(1); });
  byId("prev").addEventListener("click", function () { step(-1); });
  byId("save").addEventListener("click", saveAccepted);
  if (!data.f.length) byId("save").parentNode.hidden = true;  // no finding to accept
  toolbar.addEventListener("change", function (event) {
    if (event.target === singleBox) singleKeys();
    else if (event.target.type === "checkbox") applyFilters();
  });

  /* j, k, / and ? act wherever the focus is (but in a text field): a speech-input user's
     words or a stray key could trigger them, so the Keys panel can turn them off (WCAG
     2.1.4), for as long as the page is open.  `a` acts only on a focused finding or a
     selected link, and stays.  Off, the controls no longer announce them. */
  var shortcutsOf = [[byId("prev"), "k"], [byId("next"), "j"], [searchBox, "/"],
                     [toolbar.querySelector(".keys summary"), "?"]];
  function singleKeys() {
    shortcutsOf.forEach(function (pair) {
      if (singleBox.checked) pair[0].setAttribute("aria-keyshortcuts", pair[1]);
      else pair[0].removeAttribute("aria-keyshortcuts");
    });
  }
  window.addEventListener("hashchange", fromFragment);

  /* Esc in the search box clears it and hands the keys back to the text (j, Home, End…):
     to the selected link when it shows, else to the page, where the reader is. */
  function backToText() {
    if (current && shown(current)) {
      current.tabIndex = -1;
      current.focus({ preventScroll: true });
    } else searchBox.blur();
  }

  /* An open panel (Filter, Keys) hangs from its control, which the toolbar may have
     wrapped to any place of its line: moved sideways, it lies wholly inside the window. */
  function placePanels() {
    toolbar.querySelectorAll("details[open] > .panel").forEach(function (panel) {
      panel.style.translate = "";
      var box = panel.getBoundingClientRect();
      var edge = 8;
      var right = root.clientWidth - edge;
      var dx = box.right > right ? right - box.right : 0;
      if (box.left + dx < edge) dx = edge - box.left;
      if (dx) panel.style.translate = Math.round(dx) + "px 0";
    });
  }
  toolbar.addEventListener("toggle", function (event) {  // toggle does not bubble
    placePanels();
    // Above the rows the toolbar is not stuck to the top yet, and on a short window a
    // panel opened under it may begin below the window's bottom: bring it into view.
    var panel = event.target.open && event.target.querySelector(":scope > .panel");
    if (!panel) return;
    if (panel.getBoundingClientRect().bottom > window.innerHeight) {
      panel.scrollIntoView({ block: "nearest" });
    }
  }, true);
  window.addEventListener("resize", placePanels);

  function closePanels(except) {
    toolbar.querySelectorAll("details[open]").forEach(function (details) {
      if (details !== except) details.open = false;
    });
  }

  doc.addEventListener("click", function (event) {
    closePanels(event.target.closest && event.target.closest("details"));
  });

  doc.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target === searchBox) {
      if (event.key === "Enter") nextHit(event.shiftKey ? -1 : 1);
      else if (event.key === "Escape") {
        searchBox.value = "";
        runSearch();
        backToText();
      } else return;
      event.preventDefault();
      return;
    }
    var typing = (target.tagName === "INPUT" && target.type !== "checkbox") ||
      target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable;
    if (typing) return;
    if (!singleBox.checked && /^[jk\/?]$/.test(event.key)) return;
    switch (event.key) {
      case "j": step(1); break;
      case "k": step(-1); break;
      case "/": searchBox.focus(); searchBox.select(); break;
      case "a": {
        var marked = target.classList && target.classList.contains("b") ? [target] :
          current && target === current ? rowBadges(current) : [];
        if (!marked.length) return;
        toggleAccepted(marked);
        break;
      }
      case "?": {
        var keys = toolbar.querySelector(".keys");
        keys.open = !keys.open;
        placePanels();
        break;
      }
      case "Escape": {
        /* the focus inside a panel (a checkbox) would fall to the page as it closes */
        var inPanel = target.closest && target.closest(".toolbar details[open]");
        closePanels(null);
        if (inPanel) inPanel.querySelector("summary").focus({ preventScroll: true });
        hideTip();
        if (searchBox.value) {
          searchBox.value = "";
          runSearch();
        }
        break;
      }
      case "ArrowDown":
      case "ArrowUp":
        if (!current || target !== current) return;
        moveBy(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Home":
      case "End":
        toEdge(event.key === "End");
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  restoreMarks();
  countAccepted();
  updateStatus();
  watchGroups();
  if (measureWidth()) fitGroups();  // a narrow window: rows taller than html.py thought
  fromFragment();
  requestAnimationFrame(drawStrip);
})();
