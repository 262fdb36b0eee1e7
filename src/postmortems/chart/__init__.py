"""Charts for a postmortem's supporting information (matplotlib, imported lazily)."""
