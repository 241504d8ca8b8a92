"""A backend whose import fails."""

raise RuntimeError("this backend is broken on purpose")
