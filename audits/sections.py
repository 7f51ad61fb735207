"""The audits' section of the public article and author pages (counts of confirmed findings), and the
start page's filter "with findings an auditor confirmed".

Registered in AuditsConfig.ready() with the registry's reader pages (registry/reader/sections.py).
"""

from django.db.models import Exists, OuterRef

from audits.selectors import article_audit_summary, author_audit_summary, public_findings
from registry.models import Article, Person
from registry.reader.sections import ArticleListFilter, PageSection

TITLE = "Audit summary"
ANCHOR = "audit-heading"
TEMPLATE = "audits/includes/audit_summary.html"
ARTICLE_TEMPLATE = "audits/includes/article_audit_summary.html"  # the summary, and the report for auditors


def article_audit_section(article: Article) -> PageSection:
    return PageSection(TITLE, ANCHOR, ARTICLE_TEMPLATE, article_audit_summary(article.pk))  # 1 query


def author_audit_section(person: Person) -> PageSection:
    return PageSection(TITLE, ANCHOR, TEMPLATE, author_audit_summary(person.pk))  # 1 query


def has_confirmed_findings() -> Exists:
    """Articles with a finding the public may see (confirmed, not resolved, not on private records)."""
    return Exists(public_findings().filter(article=OuterRef("pk")))


confirmed_findings_filter = ArticleListFilter("confirmed", "with findings an auditor confirmed", has_confirmed_findings)
