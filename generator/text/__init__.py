"""Text: Arabic normalisation, Markdown and sanitising, the name matcher, search forms."""
