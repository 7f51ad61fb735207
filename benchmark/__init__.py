"""The project's benchmark: a synthetic registry at publisher size with planted conflicts, and
the figures of DESIGN.md section 6 measured on it."""
