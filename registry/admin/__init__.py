"""The editors' admin: daily data entry of people, organizations, articles and disclosures."""

from django.contrib import admin

from registry.admin import (  # noqa: F401 - registers models
    articles,
    disclosures,
    identity,
    imports,
    organization_identity,
    organizations,
    payments,
    people,
)

admin.site.site_header = "Disclosure registry"
admin.site.site_title = "Disclosure registry"
admin.site.index_title = "Registry and audits"
