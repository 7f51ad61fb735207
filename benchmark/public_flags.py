"""The public set's flags of generated rows, computed in Python before the rows are written.

The database keeps `Person.is_public`, `Organization.is_public` and `Article.declares_ties` itself
(`registry/public_set.py`) and recomputes every row a transaction touched at its commit, whatever the rows
were written with. Written with the value the data gives, the flags are found right and no row is
rewritten: rewriting them cost an UPDATE of 380,000 rows of the large registry, each through every index
of its table (the trigram indexes of names and titles among them), since the flag is in the predicate of
the tables' partial indexes. These are the same conditions as the database's; were they ever to differ,
the refresh at commit would still write what the database's say, only slower.
"""

from benchmark.tables import Table
from registry.enums import DISCLOSURE_STATUSES_IN_FORCE, ArticleStatus


def set_public_flags(
    *,
    people: Table,
    organizations: Table,
    articles: Table,
    authorships: Table,
    disclosures: Table,
    interests: Table,
    declarations: Table,
    fundings: Table,
) -> None:
    """Set the flags of the rows queued in `people`, `organizations` and `articles` from the others."""
    published = _ids(articles, where=lambda row, at: row[at["status"]] == ArticleStatus.PUBLISHED)
    article_of = {row[authorships.index["id"]]: row[authorships.index["article_id"]] for row in authorships.rows}
    public_people = {
        row[authorships.index["person_id"]]
        for row in authorships.rows
        if row[authorships.index["article_id"]] in published
    }
    disclosure_at = disclosures.index
    article_of_disclosure = {
        row[disclosure_at["id"]]: article_of[row[disclosure_at["authorship_id"]]] for row in disclosures.rows
    }
    in_force = _ids(disclosures, where=lambda row, at: row[at["status"]] in DISCLOSURE_STATUSES_IN_FORCE)
    organization_of = {row[interests.index["id"]]: row[interests.index["organization_id"]] for row in interests.rows}
    public_organizations, with_ties = set(), set()
    for row in declarations.rows:
        disclosure = row[declarations.index["disclosure_id"]]
        article = article_of_disclosure[disclosure]
        if disclosure in in_force:
            with_ties.add(article)
        if article in published:
            public_organizations.add(organization_of[row[declarations.index["interest_id"]]])
    public_organizations.update(
        row[fundings.index["organization_id"]]
        for row in fundings.rows
        if row[fundings.index["article_id"]] in published
    )
    _set(people, "is_public", public_people)
    _set(organizations, "is_public", public_organizations)
    _set(articles, "declares_ties", with_ties)


def _ids(table: Table, *, where) -> set[int]:
    return {row[table.index["id"]] for row in table.rows if where(row, table.index)}


def _set(table: Table, column: str, true_ids: set[int]) -> None:
    at, id_at = table.index[column], table.index["id"]
    table.rows = [(*row[:at], row[id_at] in true_ids, *row[at + 1 :]) for row in table.rows]
