"""What the public API shows of published records. Explicit fields only: amounts, currencies, provenance,
emails, NPIs, name variants, editorial roles and editors' notes are never among them."""

from functools import cached_property

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from registry.models import Article, ArticleFunding, Authorship, Disclosure, Interest, Organization, Person


class OrganizationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name"]


class PublicInterestSerializer(serializers.ModelSerializer):
    """A tie as declared: the reader pages' TIE_FIELDS, nothing an editor or a register added."""

    organization = OrganizationRefSerializer(allow_null=True, help_text="The registry's record, when resolved.")
    name_as_declared = serializers.CharField(source="organization_name")

    class Meta:
        model = Interest
        fields = [
            "category",
            "payee",
            "organization",
            "name_as_declared",
            "specification",
            "start_date",
            "end_date",
            "ongoing",
        ]


class PublicDisclosureSerializer(serializers.ModelSerializer):
    """A statement as the public reads it: whether it was corrected or withdrawn, not the editors' note why."""

    interests = serializers.SerializerMethodField(help_text="The interests this disclosure declares.")

    class Meta:
        model = Disclosure
        fields = ["statement", "declares_none", "form", "completed_on", "status", "status_changed_on", "interests"]

    @extend_schema_field(PublicInterestSerializer(many=True))
    def get_interests(self, disclosure: Disclosure) -> list:
        # The API itself writes these rows with registry/api/article_rows.py, from these fields.
        interests = [declared.interest for declared in disclosure.declared_interests.all()]
        return self._interests.to_representation(interests)

    @cached_property
    def _interests(self) -> serializers.ListSerializer:
        # One serializer for every disclosure of a list: a new one per disclosure built its fields again
        # each time, half the time of /api/articles/.
        return PublicInterestSerializer(many=True)


class PersonRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "orcid"]


class AuthorSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    disclosure = PublicDisclosureSerializer(allow_null=True, help_text="Null when no disclosure is on file.")

    class Meta:
        model = Authorship
        fields = ["position", "corresponding", "name_as_printed", "affiliations_as_printed", "person", "disclosure"]


class FundingSerializer(serializers.ModelSerializer):
    organization = OrganizationRefSerializer()

    class Meta:
        model = ArticleFunding
        fields = ["organization", "award_id"]


class ArticleSerializer(serializers.ModelSerializer):
    topics = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    funders = FundingSerializer(source="fundings", many=True)
    authors = AuthorSerializer(source="authorships", many=True, help_text="In the order printed.")

    class Meta:
        model = Article
        fields = [
            "id",
            "doi",
            "title",
            "journal",
            "article_type",
            "received_date",
            "accepted_date",
            "published_date",
            "topics",
            "funding_statement",
            "competing_interests_text",
            "funders",
            "authors",
        ]


class PersonArticleSerializer(serializers.ModelSerializer):
    """One of the person's published articles, as which author."""

    id = serializers.IntegerField(source="article.id")
    doi = serializers.CharField(source="article.doi", allow_null=True)
    title = serializers.CharField(source="article.title")
    journal = serializers.CharField(source="article.journal")
    published_date = serializers.DateField(source="article.published_date")

    class Meta:
        model = Authorship
        fields = ["id", "doi", "title", "journal", "published_date", "position", "corresponding"]


class PersonListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "given_names", "family_name", "orcid"]


class PersonDetailSerializer(PersonListSerializer):
    articles = PersonArticleSerializer(source="published_authorships", many=True, help_text="Newest first.")
    interests = PublicInterestSerializer(
        source="declared_interests", many=True, help_text="Interests declared in published disclosures."
    )

    class Meta(PersonListSerializer.Meta):
        fields = [*PersonListSerializer.Meta.fields, "articles", "interests"]


class OrganizationSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "country", "ror_id", "aliases"]
