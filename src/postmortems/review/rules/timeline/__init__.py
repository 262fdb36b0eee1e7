"""Timelines without entries, times, zones, order, detection or resolution, or with a wrong year."""
