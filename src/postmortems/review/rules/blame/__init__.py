"""``blame.*``: language that blames a person instead of explaining the system."""
