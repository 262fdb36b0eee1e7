"""Markdown documents: parse, render and convert postmortems (pure core, no I/O beyond reading
the file you name)."""

from postmortems.document.parse import decode, parse_file, parse_text
from postmortems.document.render import render, render_section

__all__ = ["decode", "parse_file", "parse_text", "render", "render_section"]
