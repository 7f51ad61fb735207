"""Reusable reads, and the one place that decides what the public may see."""

from django.apps import apps
from django.db import models

from registry.enums import ArticleStatus
from registry.permissions import can_read_unpublished


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED)

    def visible_to(self, user):
        """Every article for editors and auditors; published ones for everyone else."""
        return self if can_read_unpublished(user) else self.published()

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


class PersonQuerySet(models.QuerySet):
    def published(self):
        """People who author at least one published article."""
        authorship = apps.get_model("registry", "Authorship")
        return self.filter(
            models.Exists(
                authorship.objects.filter(person=models.OuterRef("pk"), article__status=ArticleStatus.PUBLISHED)
            )
        )

    def visible_to(self, user):
        return self if can_read_unpublished(user) else self.published()
