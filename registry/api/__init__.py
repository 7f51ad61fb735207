"""The registry's JSON API: public reads of published records, disclosures written by editors.

The auditors' findings API is audits/api.py; coi/api_urls.py routes both under /api/.
"""
