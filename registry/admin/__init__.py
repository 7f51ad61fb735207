"""The editors' admin: daily data entry of people, organizations, articles and disclosures."""

from django.contrib import admin

from registry.admin import articles, disclosures, organizations, people  # noqa: F401 - registers models
from registry.admin import imports  # noqa: F401 - registers import records and the upload page

admin.site.site_header = "Disclosure registry"
admin.site.site_title = "Disclosure registry"
admin.site.index_title = "Registry and audits"
