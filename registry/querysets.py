"""Reusable reads, and the one place that decides what the public may see and which disclosures count.

Everything public hangs off a published article: authorships, disclosures and declarations on one,
people who author one, organizations a published disclosure names or that fund a published article.
Each of those asks `published_article_condition()`, so a change to what "published" means reaches them all;
the public people and organizations are kept as flags by the database (registry/public_set.py), whose
triggers say the same in SQL.

The condition is a plain join on the article's status (`…__article__status = 'published'`), not an
`EXISTS` over the articles: Django builds a join many times faster than a nested subquery (building
the subqueries was most of a page's time), and the database reuses the join a query already has.
"""

from django.db import models

from registry.enums import DISCLOSURE_STATUSES_IN_FORCE, ArticleStatus
from registry.permissions import can_read_unpublished


def published_article_condition(prefix: str = "") -> models.Q:
    """Articles (reached by `prefix`, e.g. "authorship__article__") that the public may read."""
    return models.Q(**{f"{prefix}status": ArticleStatus.PUBLISHED})


def on_published_article(article_path: str) -> models.Q:
    """True for rows whose article (reached by `article_path` from the row, e.g. "article" or
    "disclosure__authorship__article"; a trailing "_id" is allowed) is published. A join through
    the foreign keys: a row without an article is never on a published one."""
    path = article_path.removesuffix("_id")
    return published_article_condition(f"{path}__")


def disclosure_in_force(prefix: str = "") -> models.Q:
    """Disclosures (reached by `prefix`, e.g. "disclosure__") whose declaration still stands."""
    return models.Q(**{f"{prefix}status__in": DISCLOSURE_STATUSES_IN_FORCE})


def is_public_organization(organization_path: str = "pk") -> models.Q:
    """An organization is public once a published disclosure names it or it funds a published article:
    the flag the database keeps (registry/public_set.py). `organization_path` reaches the organization
    from the row ("pk" for the organization itself, or a foreign key such as "parent_id")."""
    if organization_path == "pk":
        return models.Q(is_public=True)
    path = organization_path.removesuffix("_id")
    # With the foreign key's own test, a row without one reads false rather than NULL (an outer join).
    return models.Q(**{f"{path}__isnull": False, f"{path}__is_public": True})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_article_condition())

    def visible_to(self, user):
        """Every article for editors and auditors; published ones for everyone else."""
        return self if can_read_unpublished(user) else self.published()

    def versions_of(self, article):
        """The other versions of `article` on record: the preprint it is the published version of, and
        the published versions of it when it is a preprint (sources link them by DOI or PMID)."""
        wanted = models.Q(pk__in=[])
        if article.preprint_doi:
            wanted |= models.Q(doi=article.preprint_doi)
        if article.preprint_pmid:
            wanted |= models.Q(pmid=article.preprint_pmid)
        if article.doi:
            wanted |= models.Q(preprint_doi=article.doi)
        if article.pmid:
            wanted |= models.Q(preprint_pmid=article.pmid)
        return self.filter(wanted).exclude(pk=article.pk)

    def with_disclosure_counts(self):
        """Annotate authors, disclosures on file and explicit "nothing to declare" per article.

        Keeps the default ordering, which an aggregate would otherwise drop.
        """
        return self.order_by(*self.query.order_by or self.model._meta.ordering).annotate(
            author_count=models.Count("authorships", distinct=True),
            disclosure_count=models.Count("authorships__disclosure", distinct=True),
            declares_none_count=models.Count(
                "authorships__disclosure",
                filter=models.Q(authorships__disclosure__declares_none=True),
                distinct=True,
            ),
        )


class ArticleFundingQuerySet(models.QuerySet):
    def published(self):
        """Fundings of published articles."""
        return self.filter(on_published_article("article"))


class AuthorshipQuerySet(models.QuerySet):
    def published(self):
        """Authorships of published articles."""
        return self.filter(on_published_article("article"))

    def with_disclosure_in_force(self):
        """Make `disclosure_in_force__…` read the authorship's disclosure only while it is in force
        (a withdrawn one reads as none), in the same join as `disclosure__…`."""
        return self.annotate(
            disclosure_in_force=models.FilteredRelation("disclosure", condition=disclosure_in_force("disclosure__"))
        )


class DisclosureQuerySet(models.QuerySet):
    def published(self):
        """Disclosures on published articles."""
        return self.filter(on_published_article("authorship__article"))

    def in_force(self):
        """Disclosures that count: active ones and corrected ones (corrected in place, so the record
        holds the corrected declaration); a withdrawn disclosure declares nothing any more."""
        return self.filter(disclosure_in_force())


class DeclaredInterestQuerySet(models.QuerySet):
    def published(self):
        """Interests as declared in the disclosures of published articles.

        An interest known only from a draft's disclosure, an import or a register is never declared here,
        so it never reaches a public page.
        """
        return self.filter(on_published_article("disclosure__authorship__article"))

    def in_force(self):
        """Declarations in disclosures in force (see `DisclosureQuerySet.in_force()`)."""
        return self.filter(disclosure_in_force("disclosure__"))


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        """Organizations a published disclosure names or that fund a published article."""
        return self.filter(is_public_organization())

    def with_parent_is_public(self):
        """Annotate `parent_is_public`: whether the parent (if any) may be shown or linked to."""
        return self.annotate(
            parent_is_public=models.ExpressionWrapper(
                is_public_organization("parent_id"), output_field=models.BooleanField()
            )
        )


class PersonQuerySet(models.QuerySet):
    def published(self):
        """People who author at least one published article: the flag the database keeps
        (registry/public_set.py)."""
        return self.filter(is_public=True)

    def visible_to(self, user):
        return self if can_read_unpublished(user) else self.published()
