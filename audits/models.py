"""Audit runs and findings (the audit engine issue fills this app)."""
