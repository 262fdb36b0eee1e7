"""Impact stated without figures, or an SLO without the error budget it cost."""
