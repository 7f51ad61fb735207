"""The trigram indexes on names (people, organizations, aliases) keep no pending list on PostgreSQL.

A GIN index gathers new entries in a pending list that every search through it reads in full, until
a vacuum or 4 MB of them folds the list in. Imports add people and organizations all along and look
them up by name in the same breath; the planner took the trigram index for their `normalized_name IN
(...)` and each look-up read the whole list: 10 ms a name, 20-90 ms for a JATS file's people on the
benchmark's registry, two thirds of the file's time in the server. Without the list each new name
goes into the index at once (a dozen trigrams) and the look-ups take the b-tree index again. The
reader search's indexes on titles and statements, which imports only add to, keep theirs.
Nothing on other databases.
"""

from django.db import migrations

from registry.gin_indexes import without_pending_list

INDEXES = ("person_name_trgm", "organization_name_trgm", "organizationalias_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("registry", "0020_article_declares_ties")]

    operations = [without_pending_list(*INDEXES)]
