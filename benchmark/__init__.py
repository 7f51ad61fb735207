"""The project's benchmark: a synthetic registry at publisher size with planted conflicts, and
the performance figures measured on it against their targets (docs/performance.md)."""
