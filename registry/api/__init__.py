"""The JSON API: public reads of published records, findings for auditors, disclosures written by editors."""
