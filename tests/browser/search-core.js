// Runs templates/assets/search.js's pure functions for tests/output/test_search_script.py:
// reads {rules, words, texts, order, ranges, ranking, snippets} as JSON on stdin, writes what the script makes of them.
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
    // [[shards, word, prefix], ...] -> [first, last, capped]
    ranges: (request.ranges || []).map(([shards, word, prefix]) => {
      const range = core.shardRange(shards, word, prefix);
      return [range.first, range.last, range.capped];
    }),
    // {docs, words: [[word, prefix, [shard terms...]]]} -> document ids, best first
    ranked: request.ranking ? core.rank(request.ranking.words.map(([word, prefix, shardTerms]) =>
      core.wordScores(word, prefix, shardTerms, request.ranking.docs))).map((result) => result.id) : [],
    snippets: (request.snippets || []).map(([text, spans]) => core.snippet(text, spans)),
  };
  process.stdout.write(JSON.stringify(out));
});
