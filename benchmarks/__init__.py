"""Benchmarks for `briefing build` (project issue 7): a synthetic corpus and a runner."""
