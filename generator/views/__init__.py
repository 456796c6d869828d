"""Stage 4a: which pages each edition has, and what each shows (pure view models)."""
