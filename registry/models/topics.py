"""Topics (conditions, treatments, products, fields) that make a tie relevant to an article."""

from django.db import models

from registry.models.base import NormalizedNameModel
from registry.names import normalize_term


class Topic(NormalizedNameModel):
    """A subject an article discusses or an organization is active in, e.g. "depression", "ketamine".

    Synonyms and related topics are data an editor maintains; relevance rules read them.
    """

    normalizer = staticmethod(normalize_term)
    name = models.CharField(max_length=200)
    normalized_name = models.CharField(max_length=200, editable=False, unique=True)
    description = models.TextField(blank=True)
    related = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        help_text="Topics close enough that a tie to one is relevant to an article on the other "
        "(e.g. ketamine treatment and depression).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TopicSynonym(NormalizedNameModel):
    """Another word for a topic ("PTSD" for post-traumatic stress disorder)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="synonyms")
    normalizer = staticmethod(normalize_term)
    name = models.CharField(max_length=200)
    normalized_name = models.CharField(max_length=200, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_name"],
                name="topic_synonym_unique_name",
                violation_error_message="This synonym already belongs to a topic.",
            )
        ]

    def __str__(self) -> str:
        return self.name
