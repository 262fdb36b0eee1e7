"""Sections the kind of review requires, empty sections, and template text left in."""
