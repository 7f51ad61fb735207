"""Articles, their funders and their authorships."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from registry.enums import ArticleStatus, EditorialRoleKind
from registry.models.base import CanonicalFieldsModel
from registry.querysets import ArticleFundingQuerySet, ArticleQuerySet, AuthorshipQuerySet
from registry.validators import normalize_doi, validate_doi


class Article(CanonicalFieldsModel):
    field_normalizers = {"doi": normalize_doi, "preprint_doi": normalize_doi}

    doi = models.CharField(
        "DOI",
        max_length=255,
        null=True,
        blank=True,
        validators=[validate_doi],
        help_text="e.g. 10.4045/tidsskr.26.0122 (a doi.org link is accepted).",
    )
    pmid = models.CharField(
        "PMID", max_length=20, null=True, blank=True, help_text="PubMed identifier, when the article is in PubMed."
    )
    pmid_version = models.PositiveSmallIntegerField(
        "PMID version", null=True, blank=True, help_text="The version of the PubMed record last imported."
    )
    pubmed_file = models.CharField(
        max_length=100,
        blank=True,
        help_text="The PubMed file the record was last read from; a file that sorts before it holds an older one.",
    )
    preprint_doi = models.CharField(
        "preprint DOI",
        max_length=255,
        blank=True,
        validators=[validate_doi],
        help_text="The preprint (an earlier version) this article is the published version of, as its source says.",
    )
    preprint_pmid = models.CharField(
        "preprint PMID", max_length=20, blank=True, help_text="The PubMed identifier of that preprint, when it has one."
    )
    title = models.CharField(max_length=1000)
    journal = models.CharField(max_length=300, blank=True)
    article_type = models.CharField(max_length=100, blank=True, help_text="e.g. perspective, research article.")
    received_date = models.DateField("received/submitted", null=True, blank=True)
    accepted_date = models.DateField("accepted", null=True, blank=True)
    published_date = models.DateField("published", null=True, blank=True)
    topics = models.ManyToManyField(
        "registry.Topic", blank=True, related_name="articles", help_text="Topics and keywords it discusses."
    )
    funders = models.ManyToManyField(
        "registry.Organization", through="ArticleFunding", blank=True, related_name="funded_articles"
    )
    funding_statement = models.TextField(blank=True)
    competing_interests_text = models.TextField(
        "competing interests as printed",
        blank=True,
        help_text="The statement exactly as the journal printed it.",
    )
    status = models.CharField(max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    # An author declares a tie in a disclosure in force: kept by the database (registry/public_set.py),
    # never written here.
    declares_ties = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["declares_ties"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_date", "title"]
        indexes = [
            # Lookups by DOI as stored (lower case): audit --article, importers, the API. The unique
            # constraint's index is on lower(doi), which PostgreSQL only uses for lower(doi) = ...
            models.Index(fields=["doi"], name="article_doi_idx"),
            # Audit scope --since (received date, else publication date) and the admin date hierarchy.
            models.Index(fields=["received_date"], name="article_received_idx"),
            models.Index(fields=["published_date"], name="article_published_idx"),
            # The home page and /api/articles/: published articles newest first, in their exact order,
            # so a page is read off the index, and the count of published ones from the index alone
            # (SQLite sorted all 100,000 for 25: 0.44 s).
            models.Index(fields=["status", "-published_date", "title", "id"], name="article_newest_first"),
            # The same for the home page's "declares ties" filter.
            models.Index(
                fields=["status", "-published_date", "title", "id"],
                condition=models.Q(declares_ties=True),
                name="article_with_ties_newest_first",
            ),
            # The published versions of a preprint, on the preprint's page (`versions_of`).
            models.Index(fields=["preprint_doi"], name="article_preprint_doi_idx"),
            models.Index(fields=["preprint_pmid"], name="article_preprint_pmid_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("doi"),
                name="article_unique_doi",
                violation_error_message="Another article already has this DOI.",
            ),
            # Its index serves the PubMed importer's lookups by PMID.
            models.UniqueConstraint(
                fields=["pmid"],
                condition=models.Q(pmid__isnull=False),
                name="article_unique_pmid",
                violation_error_message="Another article already has this PMID.",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_date__isnull=True)
                | models.Q(received_date__isnull=True)
                | models.Q(accepted_date__gte=models.F("received_date")),
                name="article_accepted_after_received",
                violation_error_message="An article cannot be accepted before it was received.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ArticleStatus.PUBLISHED) | models.Q(published_date__isnull=False),
                name="article_published_has_date",
                violation_error_message="A published article needs a publication date.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.received_date and self.accepted_date and self.accepted_date < self.received_date:
            raise ValidationError({"accepted_date": "The accepted date is before the received date."})


class ArticleJson(models.Model):
    """An article's JSON as /api/articles/ lists it, kept by the database (registry/api/stored_json.py):
    written by the first list page that shows the article after a change, cleared (stale) by triggers on
    every table the JSON shows, whatever writes them. `version` counts the changes, so that a text built
    from data older than the last change is never stored; `shape` names the JSON's description it was
    written with (a new one makes every text stale)."""

    # No foreign key constraint: the article's insert and delete triggers add and remove the row.
    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="stored_json"
    )
    text = models.TextField(null=True)
    version = models.BigIntegerField(default=0)
    shape = models.CharField(max_length=16, blank=True)

    def __str__(self) -> str:
        return f"JSON of article {self.article_id}"


class ArticleFunding(models.Model):
    """An organization that funded the article, with the award id where printed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="fundings")
    organization = models.ForeignKey("registry.Organization", on_delete=models.PROTECT, related_name="fundings")
    award_id = models.CharField(max_length=200, blank=True)

    objects = ArticleFundingQuerySet.as_manager()

    class Meta:
        ordering = ["article", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organization", "award_id"],
                name="article_funding_unique",
                violation_error_message="This funder and award are already recorded for the article.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.award_id})" if self.award_id else str(self.organization)


class Authorship(models.Model):
    """A person as an author of an article, with the name and affiliations as printed."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="authorships")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(help_text="1 for the first author.")
    corresponding = models.BooleanField(default=False)
    name_as_printed = models.CharField(max_length=300, blank=True)
    affiliations_as_printed = models.TextField(blank=True)
    contributor_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="The publisher's id of the contributor, with its scheme (e.g. elife:author-1031).",
    )
    email = models.EmailField(
        blank=True, help_text="As printed for correspondence. Private: never shown to the public."
    )
    history = HistoricalRecords()

    objects = AuthorshipQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        indexes = [
            # Linking a newly imported article's authors: the people with the same publisher id.
            models.Index(fields=["contributor_id"], name="authorship_contributor_idx", condition=~Q(contributor_id="")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person"],
                name="authorship_unique_person",
                violation_error_message="This person is already an author of the article.",
            ),
            models.UniqueConstraint(
                fields=["article", "position"],
                name="authorship_unique_position",
                violation_error_message="Another author already holds this position on the article.",
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=1),
                name="authorship_position_positive",
                violation_error_message="Author positions start at 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_as_printed or self.person} ({self.position}) on {self.article}"


class EditorialRole(models.Model):
    """A person who handled the article as its editor or a reviewer (never public)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="editorial_roles")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="editorial_roles")
    role = models.CharField(max_length=20, choices=EditorialRoleKind.choices)
    assigned_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"],
                name="editorial_role_unique",
                violation_error_message="This person already has that role on the article.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}) on {self.article}"
