"""Stage 4b: pages rendered through the templates, the search entries, the exports."""
