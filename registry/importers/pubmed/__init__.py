"""PubMed/MEDLINE baseline and update files: stored a file at a time (`store`), each file in its own
transaction with an import record (`files`), on Celery workers when a broker is configured (`dispatch`).
"""
