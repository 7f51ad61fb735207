"""Public pages. Drafts never reach the public: the start page reads through `visible_to()`, the reader
pages (author, article, organization, search) through the `published()` and `public()` queryset methods,
the same for everyone.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from registry.models import Article
from registry.reader.article import article_page
from registry.reader.author import author_page
from registry.reader.home import HomeFilters, home_page
from registry.reader.jsonld import article_jsonld, person_jsonld
from registry.reader.organization import organization_page
from registry.reader.search import SEARCH_PAGE_SIZE, clean_query, results, search
from registry.validators import normalize_doi


def home(request):
    filters = HomeFilters.from_query(request.GET)
    page = home_page(Article.objects.visible_to(request.user), filters, request.GET.get("page"))
    return render(request, "registry/home.html", {"home": page, "articles": page.page.object_list})


def person(request, pk: int):
    page = author_page(pk, today=timezone.localdate())
    url = request.build_absolute_uri(reverse("person", args=[pk]))
    jsonld = person_jsonld(page.person, url=url, affiliations=page.affiliations)
    return render(request, "registry/person.html", {"page": page, "jsonld": jsonld, "canonical": url})


def article(request, key: str):
    """An article by DOI, its canonical address (DOIs are case-insensitive: stored in lower case), or by
    id when it has none; other forms of the address redirect there."""
    found = _published_article(key)
    canonical = found.doi or str(found.pk)
    if key != canonical:
        return redirect("article", canonical, permanent=True)
    page = article_page(found)
    url = request.build_absolute_uri(reverse("article", args=[canonical]))
    jsonld = article_jsonld(page, url=url, absolute=request.build_absolute_uri)
    context = {"page": page, "article": found, "jsonld": jsonld, "canonical": url}
    return render(request, "registry/article.html", context)


def _published_article(key: str) -> Article:
    if key.isdigit():  # a DOI never is: it starts "10." and has a slash
        return get_object_or_404(Article.objects.published(), pk=int(key))
    try:
        doi = normalize_doi(key)
    except ValidationError:
        raise Http404("Not a DOI") from None
    return get_object_or_404(Article.objects.published(), doi=doi)


def organization(request, pk: int):
    return render(request, "registry/organization.html", {"page": organization_page(pk)})


def search_page(request):
    query = clean_query(request.GET.get("q"))
    page = Paginator(search(query), SEARCH_PAGE_SIZE).get_page(request.GET.get("page")) if query else None
    context = {"query": query, "page": page, "results": results(page.object_list) if page else []}
    return render(request, "registry/search.html", context)
