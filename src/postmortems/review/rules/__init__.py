"""Built-in rules: one folder per family, one module per rule (``<family>/<name>.py``).

The registry finds rules by listing these folders, so adding a rule is adding its module; the
module name is the rule name with ``-`` written ``_`` (``action/no_owner.py`` is
``action.no-owner``).
"""
