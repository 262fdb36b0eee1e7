"""The review meeting held too late, or not scheduled and already overdue."""
