"""Writing what the formats read into articles, people, organizations, topics and disclosures,
in bulk and with history, so that a re-import updates rows instead of adding them.
"""
