"""The blame detectors, one module per kind of blame (see :mod:`..blame` for the entry point)."""
