"""CMS Open Payments files: reading and checking the columns, matching payees to people and payers to
organizations, and writing the payment records.
"""
