"""Public pages. Each reads through `visible_to()` so drafts never reach the public."""

from django.shortcuts import render

from registry.models import Article


def home(request):
    articles = (
        Article.objects.visible_to(request.user)
        .with_disclosure_counts()
        .only("title", "doi", "journal", "published_date", "status")
        .order_by("-published_date", "title")[:50]
    )
    return render(request, "registry/home.html", {"articles": articles})
