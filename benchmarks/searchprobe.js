// Added to every page the search benchmark opens (benchmarks/search.py), before the page's own
// scripts. It records, in the page's clock (milliseconds since navigation started):
// - ready: when the search box first shows one of the texts that mean "ready for a query"
//   (Material's worker drops a query typed before it has built its index);
// - lastInput: the reader's last keystroke (keydown or input event);
// - firstResult: when a search result is first added to the document after that keystroke
//   (results shown for the query's first letters, before the last keystroke, do not count).
// It reads the page and never changes it.
(() => {
  const probe = {
    selector: null, readySelector: null, readyTexts: [],
    ready: null, lastInput: null, firstResult: null, resultText: null,
  };

  const found = (node) => {
    if (!(node instanceof Element)) return null;
    return node.matches(probe.selector) ? node : node.querySelector(probe.selector);
  };

  const checkReady = () => {
    if (probe.ready !== null || probe.readySelector === null) return;
    const element = document.querySelector(probe.readySelector);
    if (element !== null && probe.readyTexts.includes((element.textContent || "").trim())) {
      probe.ready = performance.now();
    }
  };

  const checkResult = (records) => {
    if (probe.selector === null || probe.firstResult !== null || probe.lastInput === null) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        const result = found(node);
        if (result !== null) {
          probe.firstResult = performance.now();
          probe.resultText = (result.textContent || "").trim().slice(0, 200);
          return;
        }
      }
    }
  };

  const keystroke = () => { probe.lastInput = performance.now(); };
  document.addEventListener("keydown", keystroke, true);
  document.addEventListener("input", keystroke, true);

  new MutationObserver((records) => {
    checkReady();
    checkResult(records);
  }).observe(document, { childList: true, subtree: true, characterData: true });

  Object.defineProperty(window, "searchBenchProbe", {
    value: Object.freeze({
      watch(selector, readySelector, readyTexts) {
        probe.selector = selector;
        probe.readySelector = readySelector;
        probe.readyTexts = readyTexts;
        checkReady();
      },
      timings() {
        return {
          ready: probe.ready,
          lastInput: probe.lastInput,
          firstResult: probe.firstResult,
          resultText: probe.resultText,
        };
      },
    }),
  });
})();
