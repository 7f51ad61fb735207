"""The trigram indexes that imports read by equality keep a pending list again, a short one (64 kB),
on PostgreSQL: without one (0021, 0022) every new name and DOI went into its index a row at a time, a
tenth of a PubMed import's time into an empty registry; a short list is folded in every hundred names or
so, and a look-up reads a few pages of it, not the megabytes that made it slow. Nothing on other
databases.
"""

from django.db import migrations

from registry.gin_indexes import with_short_pending_list

INDEXES = ("person_name_trgm", "organization_name_trgm", "organizationalias_name_trgm", "article_doi_trgm")


class Migration(migrations.Migration):
    dependencies = [("registry", "0022_doi_trigram_index_without_pending_list")]

    operations = [with_short_pending_list(*INDEXES)]
