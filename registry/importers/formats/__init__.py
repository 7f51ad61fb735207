"""Reading each kind of file into records: JATS, Crossref, ORCID and spreadsheets of disclosures,
with the XML, field and affiliation helpers they share.
"""
