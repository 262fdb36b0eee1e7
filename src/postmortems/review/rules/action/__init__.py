"""Action items that are missing, unowned, undated, vague or forgotten."""
