"""Identity resolution: one registry record per person and per organization, however the sources name them.

People: whether two person records are one person, weighed from the evidence a careful editor uses (ORCID,
publisher ids, e-mail, co-authors, affiliations, topics, names and how common they are), and the links, queue
entries and refusals that follow. Organizations: names resolved to records, the maintained list, and the
editors' queue of probable duplicates.
"""
