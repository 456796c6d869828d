"""briefing: a static briefing-site generator (content/ -> bilingual MkDocs site)."""

__version__ = "0.1.0"
