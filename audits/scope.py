"""What an audit run covers: the whole registry, one article, one person's articles, or articles
dated since a day."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from registry.models import Article, Person
from registry.validators import normalize_doi, normalize_orcid


@dataclass(frozen=True)
class AuditScope:
    article_q: Q | None = None
    key: str = "all"
    label: str = "the whole registry"
    description: dict = field(default_factory=dict)
    # The articles' ids when the scope names them (one article, or a list): reads then filter by the
    # ids, which the ORM builds and the database plans faster than the subquery of `articles()`.
    article_ids: tuple[int, ...] | None = None

    @property
    def is_full(self) -> bool:
        return self.article_q is None

    def articles(self):
        return Article.objects.all() if self.article_q is None else Article.objects.filter(self.article_q)

    def articles_for_filter(self):
        """What `article__in=` takes: the ids when known, else the articles as a subquery."""
        return list(self.article_ids) if self.article_ids is not None else self.articles()


class ScopeError(ValueError):
    pass


def build_scope(
    *,
    article: str | None = None,
    person: str | None = None,
    since: date | None = None,
    article_ids: list[int] | None = None,
) -> AuditScope:
    """Narrow the audit; each given option narrows further. Unknown articles or people are errors."""
    parts, keys, labels, description = [], [], [], {}
    named: set[int] | None = None  # the articles, when only ids and DOIs narrow the scope
    if article_ids:
        ids = sorted(set(article_ids))
        named = set(ids)
        parts.append(Q(pk__in=ids))
        keys.append("articles:" + ",".join(map(str, ids)))
        labels.append(f"{len(ids)} selected article{'s' if len(ids) > 1 else ''}")
        description["articles"] = ids
    if article:
        doi = normalize_doi(article)
        found = Article.objects.filter(doi=doi).values_list("pk", flat=True).first()
        if found is None:
            raise ScopeError(f"No article with DOI {doi} in the registry.")
        parts.append(Q(pk=found))
        named = {found} if named is None else named & {found}
        keys.append(f"article:{found}")
        labels.append(f"article {doi}")
        description["article"] = doi
    if person:
        person_obj = _find_person(person)
        parts.append(Q(authorships__person=person_obj))
        keys.append(f"person:{person_obj.pk}")
        labels.append(f"articles by {person_obj.name}")
        description["person"] = person_obj.pk
    if since:
        parts.append(Q(received_date__gte=since) | Q(received_date__isnull=True, published_date__gte=since))
        keys.append(f"since:{since.isoformat()}")
        labels.append(f"articles dated since {since.isoformat()}")
        description["since"] = since.isoformat()
    if not parts:
        return AuditScope()
    q = Q()
    for part in parts:
        q &= part
    if person:
        # A person filter joins authorships; keep one row per article.
        q = Q(pk__in=Article.objects.filter(q).values("pk"))
    ids = tuple(sorted(named)) if named is not None and not person and not since else None
    return AuditScope(q, "|".join(keys), ", ".join(labels), description, ids)


def scope_from_description(description: dict) -> AuditScope:
    """Rebuild the scope a run recorded (for a worker that picks the run up later)."""
    since = description.get("since")
    return build_scope(
        article=description.get("article"),
        person=str(description["person"]) if description.get("person") else None,
        since=date.fromisoformat(since) if since else None,
        article_ids=description.get("articles"),
    )


def _find_person(value: str) -> Person:
    value = value.strip()
    if value.isdigit():
        found = Person.objects.filter(pk=int(value)).first()
    else:
        found = Person.objects.filter(orcid=normalize_orcid(value)).first()
    if found is None:
        raise ScopeError(f"No person with id or ORCID iD {value} in the registry.")
    return found
