"""The trigram index on DOIs keeps no pending list on PostgreSQL either (see 0021): importers look
articles up by `doi IN (...)`, which the planner answered from it, reading the whole pending list that
each imported article adds to (3.6 ms for two DOIs after 180 imported files on the benchmark's small
registry, against 0.02 ms by the b-tree index). The indexes on titles and statements, which nothing
reads by equality, keep theirs. Nothing on other databases.
"""

from django.db import migrations

from registry.gin_indexes import without_pending_list

INDEXES = ("article_doi_trgm",)


class Migration(migrations.Migration):
    dependencies = [("registry", "0021_name_trigram_indexes_without_pending_list")]

    operations = [without_pending_list(*INDEXES)]
