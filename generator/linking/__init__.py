"""Stage 3: the linked model: names and offices linked in the text, events merged, relations between briefings."""
