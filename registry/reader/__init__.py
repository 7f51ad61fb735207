"""The public reader pages' reads: what an author, article or organization page shows, and search.

Everything public hangs off a published article; the `published()` and `public()` queryset methods
(registry/querysets.py) are where that is decided.
"""
