"""The synthetic registry is written with the public set's flags the database would give it, so that the
database's refresh at commit rewrites no row, and leaves the indexes the importers read by equality
with short pending lists."""

import pytest
from django.db import connection

from benchmark.synthetic import Generator, Scale
from registry import gin_indexes, public_set
from registry.models import Article, Organization, Person

TINY = Scale("tiny", articles=150, people=120, companies=40, ties_per_person=2, planted_per_rule=1)


@pytest.mark.django_db(transaction=True)  # the database refreshes the flags at the commit
def test_the_generator_writes_the_flags_the_database_keeps():
    generator = Generator(TINY, seed=7)
    generator.build()
    generator.set_public_flags()
    tables = {"people": (Person, "is_public"), "organizations": (Organization, "is_public")}
    tables["articles"] = (Article, "declares_ties")
    computed = {
        name: {
            row[generator.t[model].index["id"]]
            for row in generator.t[model].rows
            if row[generator.t[model].index[column]]
        }
        for name, (model, column) in tables.items()
    }
    generator.write()  # writes the rows and commits

    kept = {
        name: set(model.objects.filter(**{column: True}).values_list("pk", flat=True))
        for name, (model, column) in tables.items()
    }
    assert kept == computed
    assert public_set.drift().total == 0
    # Neither all nor none: reviewers publish nothing, universities are declared by no one, and some
    # articles' authors all declare none.
    counts = {name: (len(kept[name]), model.objects.count()) for name, (model, _) in tables.items()}
    assert all(0 < true < total for true, total in counts.values()), counts


@pytest.mark.django_db
def test_the_generator_leaves_the_looked_up_indexes_with_short_pending_lists():
    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes and their pending lists are PostgreSQL's")
    Generator(TINY, seed=7).generate()  # with the lists on while it writes

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s) ORDER BY relname",
            [list(gin_indexes.SHORT_PENDING_LIST)],
        )
        assert cursor.fetchall() == [
            ("article_doi_trgm", ["fastupdate=on", "gin_pending_list_limit=64"]),
            ("organization_name_trgm", ["fastupdate=on", "gin_pending_list_limit=64"]),
            ("organizationalias_name_trgm", ["fastupdate=on", "gin_pending_list_limit=64"]),
            ("person_name_trgm", ["fastupdate=on", "gin_pending_list_limit=64"]),
        ]
