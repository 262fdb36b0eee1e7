"""Markdown documents: parse, render, convert (pure core)."""
