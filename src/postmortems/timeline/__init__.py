"""Timelines from data: merged events, key moments and durations (pure core, no I/O)."""
