// Written by generator/mkdocs_hooks.py: normalises Arabic search queries the
// way the index was normalised (generator/arabic.py), then runs Material's worker.
"use strict";
(function () {
  var DROPPED = new Set(Array.from(__DROPPED__));
  var FOLDED = __FOLDED__;
  var ARTICLES = __ARTICLES__;
  var MIN_STEM = __MIN_STEM__;
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  function normaliseWord(word) {
    if (!ARABIC.test(word)) return word;
    var out = "";
    for (var ch of word.normalize("NFKC")) {
      if (DROPPED.has(ch)) continue;
      out += (FOLDED[ch] || ch).toLowerCase();
    }
    var match = /^([+\-]?)(.*)$/.exec(out);
    var body = match[2];
    for (var i = 0; i < ARTICLES.length; i++) {
      var p = ARTICLES[i];
      if (body.indexOf(p) === 0 && body.length - p.length >= MIN_STEM) { body = body.slice(p.length); break; }
    }
    return match[1] + body;
  }
  self.briefingNormaliseQuery = function (query) {
    return query.split(/(\s+)/).map(normaliseWord).join("");
  };
  // The index's hidden field of normalised, proclitic-stripped forms is made
  // here, when the index loads, rather than shipped in search_index.json:
  // that field was a quarter of the Arabic edition's download.
  var PROCLITICS = __PROCLITICS__;
  var WORD = /[\p{L}\p{N}_]+/gu;
  function normaliseText(text) {
    var out = "";
    for (var ch of text.normalize("NFKC")) {
      if (DROPPED.has(ch)) continue;
      out += (FOLDED[ch] || ch).toLowerCase();
    }
    return out;
  }
  self.briefingSearchForms = function (text) {
    var written = new Set(text.toLowerCase().match(WORD) || []);
    var seen = new Set();
    var out = [];
    for (var token of normaliseText(text).match(WORD) || []) {
      if (!ARABIC.test(token)) continue;
      var forms = [token];
      for (var i = 0; i < PROCLITICS.length; i++) {
        var p = PROCLITICS[i];
        if (token.indexOf(p) === 0 && token.length - p.length >= MIN_STEM) forms.push(token.slice(p.length));
      }
      forms.sort();  // the order normalised_words uses
      for (var f of forms) {
        if (!written.has(f) && !seen.has(f)) { seen.add(f); out.push(f); }
      }
    }
    return out.join(" ");
  };
  var add = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (event) {
      var message = event.data;
      if (message && message.type === 0 && message.data && message.data.docs) {
        for (var doc of message.data.docs) {
          doc.__SEARCH_FIELD__ = self.briefingSearchForms(doc.title + " " + doc.text);
        }
      }
      if (message && message.type === 2 && typeof message.data === "string") {
        event = { data: { type: 2, data: self.briefingNormaliseQuery(message.data) } };
      }
      return listener.call(this, event);
    }, options);
  };
})();
importScripts(__MATERIAL_WORKER__);
