"""Registry records: people, organizations, articles, disclosures and the interests they declare."""

from registry.models.articles import Article, ArticleFunding, ArticleJson, Authorship, EditorialRole
from registry.models.disclosures import DeclaredInterest, Disclosure, Interest
from registry.models.identity import PersonLink, PersonLookupKey
from registry.models.imports import ImportRecord, OrganizationIdentifier, PersonMatch
from registry.models.organization_identity import (
    OrganizationListEntry,
    OrganizationMerge,
    OrganizationMergeSuggestion,
)
from registry.models.organizations import Organization, OrganizationAlias
from registry.models.payments import PaymentRecord
from registry.models.people import Affiliation, Person, PersonName
from registry.models.topics import Topic, TopicSynonym

__all__ = [
    "Affiliation",
    "Article",
    "ArticleFunding",
    "ArticleJson",
    "Authorship",
    "DeclaredInterest",
    "Disclosure",
    "EditorialRole",
    "ImportRecord",
    "Interest",
    "Organization",
    "OrganizationAlias",
    "OrganizationIdentifier",
    "OrganizationListEntry",
    "OrganizationMerge",
    "OrganizationMergeSuggestion",
    "PaymentRecord",
    "Person",
    "PersonLink",
    "PersonLookupKey",
    "PersonMatch",
    "PersonName",
    "Topic",
    "TopicSynonym",
]
