"""Stage 6: MkDocs. The only package that imports it: the adapter, the runs, the hooks, the page memo."""
