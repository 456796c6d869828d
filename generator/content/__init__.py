"""Stages 1-2: content/ read into frozen dataclasses (load), then checked across files (validate)."""
