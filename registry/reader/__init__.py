"""The public reader pages' reads: what an author, article or organization page shows, and search.

Everything public hangs off a published article; `visibility` is where that is decided.
"""
