"""pg_trgm for the reader search's typo tolerance. TrigramExtension does nothing on other databases
(SQLite scores every candidate with rapidfuzz instead)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("registry", "0010_topics_editors")]

    operations = [TrigramExtension()]
