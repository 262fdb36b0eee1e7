"""``cause.*``: an explanation that stops at one cause, or at a person."""
