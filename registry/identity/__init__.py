"""Identity of people: whether two person records are one person, weighed from the evidence a careful
editor uses (ORCID, publisher ids, e-mail, co-authors, affiliations, topics, names and how common they
are), and the links, queue entries and refusals that follow."""
