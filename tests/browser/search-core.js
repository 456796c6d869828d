// Runs templates/assets/search.js's pure functions for tests/output/test_search_script.py:
// reads {rules, words, texts} as JSON on stdin, writes what the script makes of them.
"use strict";
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "templates", "assets", "search.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const rules = core.makeRules(request.rules);
  const out = {
    normalised: request.words.map(rules.normalise),
    query: request.words.map(rules.queryWords),
    forms: request.words.map((word) => rules.forms(rules.normalise(word))),
    hits: request.texts.map(([text, query]) => rules.hits(text, rules.queryWords(query)).map(([a, b]) => text.slice(a, b))),
    order: request.order.slice().sort(core.compare),
  };
  process.stdout.write(JSON.stringify(out));
});
