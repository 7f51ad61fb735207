"""What the public may see: published articles and what hangs off them, nothing else.

Every read of the reader pages starts here, and every one goes through `ArticleQuerySet.published()`,
so a change to what "published" means reaches authorships, declarations, people and organizations.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from registry.models import Article, ArticleFunding, Authorship, DeclaredInterest, Organization, Person


def on_published_article(article_path: str) -> Exists:
    """True for rows whose article (reached by `article_path` from the row) is published."""
    return Exists(Article.objects.published().filter(pk=OuterRef(article_path)))


def published_authorships() -> QuerySet[Authorship]:
    return Authorship.objects.filter(on_published_article("article_id"))


def published_declarations() -> QuerySet[DeclaredInterest]:
    """Interests as declared in the disclosures of published articles.

    An interest known only from a draft's disclosure, an import or a register is never declared here,
    so it never reaches a public page.
    """
    return DeclaredInterest.objects.filter(on_published_article("disclosure__authorship__article_id"))


def public_people() -> QuerySet[Person]:
    return Person.objects.published()


def is_public_organization(organization_path: str = "pk") -> Q:
    """An organization is public once a published disclosure names it or it funds a published article."""
    declared = published_declarations().filter(interest__organization=OuterRef(organization_path))
    funded = ArticleFunding.objects.filter(on_published_article("article_id"), organization=OuterRef(organization_path))
    return Q(Exists(declared)) | Q(Exists(funded))


def public_organizations() -> QuerySet[Organization]:
    return Organization.objects.filter(is_public_organization())
