"""Shared and small: diagnostics, the project, timings, forks, the build lock, file writing, stored work, today, URL rules."""
