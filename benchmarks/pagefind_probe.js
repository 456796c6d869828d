// Added to the page the Pagefind comparison opens (benchmarks/pagefind_compare.py): runs one query
// through Pagefind's own JS API (pagefind.js, loaded on the first query as a search UI would) and
// reports its clock: import, search, and the data() of the first results. Reads; inserts nothing.
(() => {
  const run = async (bundle, query, count, all) => {
    const started = performance.now();
    const pagefind = await import(bundle + "pagefind.js");
    await pagefind.init();
    const loaded = performance.now();
    const search = await pagefind.search(query);
    const searched = performance.now();
    const wanted = all ? search.results : search.results.slice(0, count);
    const data = await Promise.all(wanted.map((result) => result.data()));
    const done = performance.now();
    return {
      loadMs: loaded - started,
      searchMs: searched - loaded,
      dataMs: done - searched,
      totalMs: done - started,
      results: search.results.length,
      urls: data.map((d) => d.url),
      excerpts: data.slice(0, count).map((d) => d.excerpt),
      titles: data.slice(0, count).map((d) => (d.meta || {}).title || ""),
    };
  };
  Object.defineProperty(window, "pagefindProbe", { value: Object.freeze({ run }) });
})();
