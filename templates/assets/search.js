// The site's search (docs/search.md): loaded by the header's loader
// (templates/overrides/partials/search-button.html) the first time a reader
// opens search, never before. It fetches the edition's search/index.json,
// then only the shards a query's words fall in and the fragment files of the
// results shown. The rules it shares with Python (generator/text/arabic.py,
// searchforms.py) come from index.json: nothing here is filled in by Python.
// Text from the index is foreign: it is inserted with textContent only.
(function (root) {
  "use strict";

  // Python's \w on normalised text (the index's words): letters, digits, "_".
  var WORD = /[\p{L}\p{N}_]+/gu;
  var MARK = /^\p{M}$/u;
  var PAGE_SIZE = 10;
  // A short prefix (min_prefix letters) can start thousands of terms spread
  // over many shards: a word fetches at most this many consecutive shards, and
  // terms beyond them are not matched (the exact term is always in the first).
  var MAX_SHARDS_PER_WORD = 4;
  var TITLE_BOOST = 3;
  var PREFIX_WEIGHT = 0.5;
  var SNIPPET_CHARS = 180;
  var SNIPPET_LEAD = 50;

  // --- Normalisation (must agree with generator/text/arabic.normalize) ------

  // Python's str.casefold, code point by code point, from what JavaScript has:
  // upper then lower case gives the full case folding (ß -> ss, ς -> σ) but
  // for the few code points below, where casefold differs from both.
  function casefold(ch) {
    var cp = ch.codePointAt(0);
    if (cp === 0x131) return ch; // dotless ı folds to itself, not to i
    if (cp === 0x1e9e) return "ss"; // capital ẞ
    if (cp >= 0x13a0 && cp <= 0x13f5) return ch; // Cherokee folds to capitals
    if (cp >= 0x13f8 && cp <= 0x13fd) return String.fromCharCode(cp - 8);
    if (cp >= 0xab70 && cp <= 0xabbf) return String.fromCharCode(cp - 0xab70 + 0x13a0);
    var upper = ch.toUpperCase();
    return upper === ch ? ch.toLowerCase() : upper.toLowerCase();
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  function makeRules(rules) {
    var dropped = new Set(Array.from(rules.dropped));
    var folded = rules.folded;
    var articles = rules.articles;
    // The forms the index holds for a written word (searchforms.PROCLITICS);
    // an index without them is highlighted through the articles only.
    var proclitics = rules.proclitics || rules.articles;

    function foldChar(ch) {
      if (dropped.has(ch)) return "";
      return casefold(Object.prototype.hasOwnProperty.call(folded, ch) ? folded[ch] : ch);
    }

    // arabic.normalize_mapped: the normalised text, and for each of its UTF-16
    // units the index of the written character it came from (plus the length).
    function normaliseMapped(text) {
      var out = "";
      var offsets = [];
      var i = 0;
      while (i < text.length) {
        var start = i;
        i += text.codePointAt(i) > 0xffff ? 2 : 1;
        while (i < text.length && MARK.test(String.fromCodePoint(text.codePointAt(i)))) {
          i += text.codePointAt(i) > 0xffff ? 2 : 1;
        }
        var piece = "";
        for (var ch of text.slice(start, i).normalize("NFKC")) piece += foldChar(ch);
        out += piece;
        for (var k = 0; k < piece.length; k++) offsets.push(start);
      }
      offsets.push(text.length);
      return { text: out, offsets: offsets };
    }

    function normalise(text) {
      return normaliseMapped(text).text;
    }

    function strip(word, prefixes) {
      for (var i = 0; i < prefixes.length; i++) {
        var p = prefixes[i];
        if (word.indexOf(p) === 0 && codePoints(word) - codePoints(p) >= rules.min_stem) return word.slice(p.length);
      }
      return word;
    }

    // The query's words as the index spells them: normalised, the article
    // family stripped (searchforms.QUERY_PROCLITICS), each once, in order.
    function queryWords(query) {
      var words = [];
      for (var token of normalise(query).match(WORD) || []) {
        var word = strip(token, articles);
        if (words.indexOf(word) < 0) words.push(word);
      }
      return words;
    }

    function isPrefixWord(word) {
      return codePoints(word) >= rules.min_prefix;
    }

    // The forms a written (normalised) word is indexed under.
    function forms(token) {
      var out = [token];
      for (var i = 0; i < proclitics.length; i++) {
        var p = proclitics[i];
        if (token.indexOf(p) === 0 && codePoints(token) - codePoints(p) >= rules.min_stem) out.push(token.slice(p.length));
      }
      return out;
    }

    function matches(form, word) {
      return form === word || (isPrefixWord(word) && form.indexOf(word) === 0);
    }

    // Spans [start, end) of `text` as written whose words match a query word,
    // in order: what the snippet wraps in <mark>.
    function hits(text, words) {
      var mapped = normaliseMapped(text);
      var offsets = mapped.offsets;
      var spans = [];
      var match;
      WORD.lastIndex = 0;
      while ((match = WORD.exec(mapped.text)) !== null) {
        var candidates = forms(match[0]);
        var hit = words.some(function (word) {
          return candidates.some(function (form) { return matches(form, word); });
        });
        if (hit) spans.push(originalSpan(offsets, match.index, match.index + match[0].length));
      }
      return spans;
    }

    return { normalise: normalise, normaliseMapped: normaliseMapped, queryWords: queryWords,
             isPrefixWord: isPrefixWord, forms: forms, hits: hits };
  }

  // arabic.original_span: a span never ends inside one character's expansion.
  function originalSpan(offsets, start, end) {
    var last = offsets[end - 1];
    var index = end;
    while (offsets[index] <= last) index++;
    return [offsets[start], offsets[index]];
  }

  // --- Shards and postings ---------------------------------------------------

  // Code point order (the index's), from UTF-16 units: units of astral
  // characters (surrogates) sort above U+E000..U+FFFF, not below.
  function unitKey(unit) {
    return unit >= 0xd800 ? (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000) : unit;
  }

  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return unitKey(x) - unitKey(y);
    }
    return a.length - b.length;
  }

  // The shards a word's terms lie in: the last shard starting at or before
  // the word, then (for a prefix) the following shards that start with it.
  function shardRange(shards, word, prefix) {
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (compare(shards[mid], word) <= 0) lo = mid; else hi = mid - 1;
    }
    var last = lo;
    while (prefix && last + 1 < shards.length && shards[last + 1].indexOf(word) === 0) last++;
    return { first: lo, last: Math.min(last, lo + MAX_SHARDS_PER_WORD - 1), capped: last - lo + 1 > MAX_SHARDS_PER_WORD };
  }

  // One query word's documents: id -> {score, exact}. A document's score for
  // the word is its best term's idf × (1 + ln tf), boosted when the title
  // holds the term and lowered when the term only starts with the word.
  function wordScores(word, prefix, shardTerms, docCount) {
    var scores = new Map();
    shardTerms.forEach(function (terms) {
      Object.keys(terms).forEach(function (term) {
        var exact = term === word;
        if (!exact && !(prefix && term.indexOf(word) === 0)) return;
        var list = terms[term];
        var idf = Math.log(1 + docCount / Math.max(1, list.length / 2));
        var id = 0;
        for (var i = 0; i < list.length; i += 2) {
          id = i === 0 ? list[0] : id + list[i];
          var weight = list[i + 1];
          var tf = Math.max(1, weight >> 1);
          var score = idf * (1 + Math.log(tf)) * (weight & 1 ? TITLE_BOOST : 1) * (exact ? 1 : PREFIX_WEIGHT);
          var seen = scores.get(id);
          if (!seen) scores.set(id, { score: score, exact: exact });
          else { seen.score = Math.max(seen.score, score); seen.exact = seen.exact || exact; }
        }
      });
    });
    return scores;
  }

  // Every word must match (AND). Ranked by how many words matched exactly,
  // then by the sum of the words' scores, then by document id.
  function rank(perWord) {
    if (!perWord.length) return [];
    var smallest = perWord.reduce(function (a, b) { return b.size < a.size ? b : a; });
    var results = [];
    smallest.forEach(function (_, id) {
      var exact = 0, score = 0;
      for (var i = 0; i < perWord.length; i++) {
        var entry = perWord[i].get(id);
        if (!entry) return;
        exact += entry.exact ? 1 : 0;
        score += entry.score;
      }
      results.push({ id: id, exact: exact, score: score });
    });
    results.sort(function (a, b) { return b.exact - a.exact || b.score - a.score || a.id - b.id; });
    return results;
  }

  // A window of the text around its first hit, as [text, marked] pieces.
  function snippet(text, spans) {
    var start = spans.length ? Math.max(0, spans[0][0] - SNIPPET_LEAD) : 0;
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < spans[0][0]) start = space + 1;
    }
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > start) end = cut;
    }
    var pieces = [];
    if (start > 0) pieces.push(["…", false]);
    var at = start;
    spans.forEach(function (span) {
      var from = Math.max(span[0], at), to = Math.min(span[1], end);
      if (from >= to) return;
      if (from > at) pieces.push([text.slice(at, from), false]);
      pieces.push([text.slice(from, to), true]);
      at = to;
    });
    if (at < end) pieces.push([text.slice(at, end), false]);
    if (end < text.length) pieces.push(["…", false]);
    return pieces;
  }

  var core = { casefold: casefold, makeRules: makeRules, compare: compare, shardRange: shardRange,
               wordScores: wordScores, rank: rank, snippet: snippet, MAX_SHARDS_PER_WORD: MAX_SHARDS_PER_WORD };
  if (typeof module === "object" && module.exports) {
    module.exports = core; // tests run the same functions in node
    return;
  }

  // --- Fetching --------------------------------------------------------------

  var button = document.getElementById("bf-search");
  var base = button.getAttribute("data-base");
  // The panel's words (search.strings in docs/search.md) come with the edition's index entry, fetched on
  // opening, rather than on every page: until it arrives the panel has the button's label and no other words.
  var strings = null;
  var toggle = document.getElementById("__search");
  var index = null; // a promise of index.json
  var files = new Map(); // path -> promise of its JSON

  function fetchBytes(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.arrayBuffer();
    });
  }

  // A .json.gz file's JSON, whether or not the host already decompressed it.
  function readGzipJson(url) {
    return fetchBytes(url).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Response(stream).text();
      }
      return new TextDecoder().decode(bytes);
    }).then(JSON.parse);
  }

  function loadIndex() {
    if (!index) {
      // Revalidated every time (it is small): a stale entry would name the shards of an older build.
      index = fetchBytes(base + "search/index.json", { cache: "no-cache" }).then(function (buffer) {
        var entry = JSON.parse(new TextDecoder().decode(buffer));
        if (entry.version !== 1) throw new Error("search/index.json: format " + entry.version + ", this script reads 1");
        entry.normaliser = makeRules(entry.rules);
        return entry;
      });
      index.catch(function () { index = null; }); // a later query tries again
    }
    return index;
  }

  function piece(entry, path) {
    if (!files.has(path)) {
      var promise = readGzipJson(base + "search/" + path + "?v=" + encodeURIComponent(entry.stamp));
      promise.catch(function () { files.delete(path); });
      files.set(path, promise);
    }
    return files.get(path);
  }

  function search(entry, query) {
    var words = entry.normaliser.queryWords(query);
    return Promise.all(words.map(function (word) {
      var prefix = entry.normaliser.isPrefixWord(word);
      var range = shardRange(entry.shards, word, prefix);
      var wanted = [];
      for (var i = range.first; i <= range.last; i++) wanted.push(piece(entry, "t/" + i + ".json.gz"));
      return Promise.all(wanted).then(function (shardTerms) {
        return { scores: wordScores(word, prefix, shardTerms, entry.docs), capped: range.capped };
      });
    })).then(function (perWord) {
      return {
        words: words,
        results: rank(perWord.map(function (found) { return found.scores; })),
        capped: perWord.some(function (found) { return found.capped; }),
      };
    });
  }

  function fragment(entry, id) {
    return piece(entry, "d/" + Math.floor(id / entry.chunk) + ".json.gz").then(function (docs) {
      return docs[id % entry.chunk];
    });
  }

  // --- The panel (Material's search markup and classes) ----------------------

  var SVG = "http://www.w3.org/2000/svg";
  var ICONS = {
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  };
  var ui = null;
  var opener = null;
  var current = { query: null, results: [], shown: 0, words: [] };
  var sequence = 0;

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child === undefined) return; // a string an older page does not carry
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var shape = document.createElementNS(SVG, "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    return svg;
  }

  function build() {
    var label = button.getAttribute("aria-label");
    var input = el("input", {
      type: "text", class: "md-search__input", "aria-label": label,
      autocapitalize: "off", autocorrect: "off", autocomplete: "off", spellcheck: "false", required: "",
      "aria-controls": "bf-search-list",
    });
    var magnify = button.querySelector("svg").cloneNode(true);
    magnify.setAttribute("aria-hidden", "true");
    var back = el("label", { class: "md-search__icon md-icon", for: "__search" }, [magnify, icon(ICONS.back)]);
    var reset = el("button", { type: "reset", class: "md-search__icon md-icon", "aria-label": label }, [icon(ICONS.close)]);
    var form = el("form", { class: "md-search__form", role: "search" }, [input, back, el("nav", { class: "md-search__options", "aria-label": label }, [reset])]);
    var meta = el("div", { class: "md-search-result__meta", "aria-live": "polite" });
    var note = el("div", { class: "bf-search__note", hidden: "" });
    var list = el("ol", { class: "md-search-result__list", id: "bf-search-list" });
    var more = el("button", { type: "button", class: "bf-search__more", hidden: "" });
    var scrollwrap = el("div", { class: "md-search__scrollwrap", tabindex: "-1" }, [el("div", { class: "md-search-result" }, [meta, note, list, more])]);
    var panel = el("div", { class: "md-search bf-search", role: "dialog", "aria-modal": "true", "aria-label": label }, [
      el("label", { class: "md-search__overlay", for: "__search" }),
      el("div", { class: "md-search__inner" }, [form, el("div", { class: "md-search__output" }, [scrollwrap])]),
    ]);
    button.insertAdjacentElement("afterend", panel);

    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });
    more.addEventListener("click", function () {
      var next = list.children.length;
      show(current.shown + PAGE_SIZE).then(function () {
        var link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    panel.addEventListener("keydown", keys);
    toggle.addEventListener("change", function () {
      if (!toggle.checked && opener) {
        opener.focus();
        opener = null;
      }
    });
    return { panel: panel, input: input, reset: reset, meta: meta, note: note, list: list, more: more };
  }

  function useStrings(entry) {
    if (strings) return;
    strings = entry.strings;
    ui.input.placeholder = strings.placeholder;
    ui.input.setAttribute("aria-label", strings.placeholder);
    ui.reset.title = strings.reset;
    ui.reset.setAttribute("aria-label", strings.reset);
    ui.note.textContent = strings.capped;
    ui.more.textContent = strings.more;
    if (!ui.input.value.trim()) ui.meta.textContent = strings.prompt;
  }

  function countLine(total) {
    if (total === 0) return strings.none;
    if (total === 1) return strings.one;
    return strings.other.replace("#", String(total));
  }

  function run() {
    var query = ui.input.value;
    var mine = ++sequence;
    if (!query.trim()) {
      current = { query: query, results: [], shown: 0, words: [] };
      ui.meta.textContent = strings ? strings.prompt : "";
      ui.note.hidden = true;
      ui.list.textContent = "";
      ui.more.hidden = true;
      return Promise.resolve();
    }
    return loadIndex().then(function (entry) {
      useStrings(entry); // an entry that failed to load on opening may have loaded now
      return search(entry, query);
    }).then(function (found) {
      if (mine !== sequence) return null;
      current = { query: query, results: found.results, shown: 0, words: found.words };
      // The count line changes last, with the first results in place.
      return show(PAGE_SIZE).then(function () {
        if (mine !== sequence) return;
        ui.meta.textContent = countLine(found.results.length);
        ui.note.hidden = !found.capped; // the results may be incomplete: say so
      });
    }).catch(function (error) {
      if (mine === sequence) ui.meta.textContent = strings ? strings.none : "";
      throw error;
    });
  }

  // Renders results up to `upTo`, fetching only their fragment files.
  function show(upTo) {
    var mine = sequence;
    var from = current.shown;
    var wanted = current.results.slice(from, upTo);
    return loadIndex().then(function (entry) {
      return Promise.all(wanted.map(function (result) { return fragment(entry, result.id); })).then(function (docs) {
        if (mine !== sequence) return;
        if (from === 0) ui.list.textContent = "";
        docs.forEach(function (doc) { if (doc) ui.list.appendChild(item(entry, doc)); });
        current.shown = from + wanted.length;
        ui.more.hidden = current.shown >= current.results.length;
      });
    });
  }

  function marked(parent, pieces) {
    pieces.forEach(function (part) {
      parent.appendChild(part[1] ? el("mark", {}, [part[0]]) : document.createTextNode(part[0]));
    });
    return parent;
  }

  function item(entry, doc) {
    var url = doc[0], title = doc[1], text = doc[2];
    var titleSpans = entry.normaliser.hits(title, current.words);
    var heading = marked(el("h1"), titleParts(title, titleSpans));
    var body = marked(el("p"), snippet(text, entry.normaliser.hits(text, current.words)));
    var article = el("article", { class: "md-search-result__article md-search-result__article--document md-typeset" },
      [el("div", { class: "md-search-result__icon md-icon" }), heading, body]);
    return el("li", { class: "md-search-result__item" }, [el("a", { href: base + url, class: "md-search-result__link" }, [article])]);
  }

  // The whole title, its hits marked.
  function titleParts(title, spans) {
    var pieces = [], at = 0;
    spans.forEach(function (span) {
      if (span[0] > at) pieces.push([title.slice(at, span[0]), false]);
      pieces.push([title.slice(span[0], span[1]), true]);
      at = span[1];
    });
    if (at < title.length) pieces.push([title.slice(at), false]);
    return pieces;
  }

  // --- Opening, closing, keys --------------------------------------------------

  function focusables() {
    return Array.prototype.filter.call(
      ui.panel.querySelectorAll("input, button, a[href], [tabindex='0']"),
      function (node) { return !node.hidden && node.getClientRects().length > 0; });
  }

  function keys(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    var items = [ui.input].concat(Array.prototype.slice.call(ui.list.querySelectorAll("a")));
    var at = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (at < 0) return;
      event.preventDefault();
      var next = Math.max(0, Math.min(items.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)));
      items[next].focus();
      if (next > 0) items[next].scrollIntoView({ block: "nearest" });
    } else if (event.key === "Tab") {
      // A modal dialog: Tab cycles through the panel.
      var all = focusables();
      if (!all.length) return;
      var first = all[0], last = all[all.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    // Material watches the toggle (scroll lock on small screens).
    toggle.dispatchEvent(new Event("change"));
  }

  function open() {
    if (!ui) ui = build();
    if (!toggle.checked) opener = document.activeElement && document.activeElement !== document.body ? document.activeElement : button;
    setOpen(true);
    ui.input.focus();
    ui.input.select();
    // A failure here is reported when a query needs the entry (run() fetches it again).
    loadIndex().then(useStrings, function () {});
  }

  function close() {
    setOpen(false);
  }

  root.bfSearch = { open: open, close: close };
  open();
})(this);
