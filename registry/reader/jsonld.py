"""schema.org descriptions (JSON-LD) of authors and articles, for search engines and citation tools."""

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from registry.reader.article import ArticlePage

# Inside <script>, "</script>" or "<!--" in a title would end or confuse the element: escape the
# characters HTML cares about, as Django's json_script does.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_content(data: dict) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES))


def orcid_url(orcid: str | None) -> str:
    return f"https://orcid.org/{orcid}" if orcid else ""


def doi_url(doi: str | None) -> str:
    return f"https://doi.org/{doi}" if doi else ""


def ror_url(ror_id: str | None) -> str:
    return f"https://ror.org/{ror_id}" if ror_id else ""


def person_node(*, name: str, url: str, orcid: str | None = None, given: str = "", family: str = "") -> dict:
    node = {"@type": "Person", "@id": url, "url": url, "name": name}
    if given:
        node["givenName"] = given
    if family:
        node["familyName"] = family
    if orcid:
        node["identifier"] = {"@type": "PropertyValue", "propertyID": "ORCID", "value": orcid}
        node["sameAs"] = orcid_url(orcid)
    return node


def organization_node(name: str, ror_id: str | None = None) -> dict:
    node = {"@type": "Organization", "name": name}
    if ror_id:
        node["sameAs"] = ror_url(ror_id)
    return node


def person_jsonld(person, *, url: str, affiliations) -> SafeString:
    node = person_node(
        name=person.name, url=url, orcid=person.orcid, given=person.given_names, family=person.family_name
    )
    organizations = {a.organization_id: a.organization for a in affiliations}.values()
    if organizations:
        node["affiliation"] = [organization_node(o.name, o.ror_id) for o in organizations]
    return as_script_content({"@context": "https://schema.org", **node})


def article_jsonld(page: "ArticlePage", *, url: str, absolute: Callable[[str], str]) -> SafeString:
    """`absolute` turns a path into a full URL (the request's build_absolute_uri)."""
    article = page.article
    authors = [
        person_node(
            name=author.person.name,
            url=absolute(reverse("person", args=[author.person.pk])),
            orcid=author.person.orcid,
        )
        for author in page.authors
    ]
    node = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": url,
        "url": url,
        "name": article.title,
        "headline": article.title,
        "author": authors,
    }
    if article.doi:
        node["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": article.doi}
        node["sameAs"] = doi_url(article.doi)
    if article.published_date:
        node["datePublished"] = article.published_date.isoformat()
    if article.journal:
        node["isPartOf"] = {"@type": "Periodical", "name": article.journal}
    if page.topics:
        node["keywords"] = [topic.name for topic in page.topics]
    if page.fundings:
        node["funder"] = [organization_node(f.organization.name, f.organization.ror_id) for f in page.fundings]
    return as_script_content(node)
