"""The admin's "Write statement" page: an article's competing-interest statement written from the disclosures
on file in a chosen house style, to copy for typesetting or send to the authors to confirm. Writes nothing."""

from __future__ import annotations

from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from registry.enums import StatementStyle
from registry.models import Article
from registry.statements import article_declarations, render_statement

PERMISSION = "registry.change_article"  # editors


def article_statement_urls(model_admin: ModelAdmin) -> list:
    def view(request, object_id):
        return write_article_statement(request, object_id, model_admin)

    return [
        path("<path:object_id>/statement/", model_admin.admin_site.admin_view(view), name="registry_article_statement")
    ]


def write_article_statement(request: HttpRequest, object_id: str, model_admin: ModelAdmin) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=object_id)
    style = request.GET.get("style", StatementStyle.ICMJE)
    if style not in StatementStyle.values:
        style = StatementStyle.ICMJE
    declarations = article_declarations(article)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"Competing-interest statement of “{article.title}”",
        "back": reverse("admin:registry_article_change", args=[article.pk]),
        "styles": StatementStyle.choices,
        "style": style,
        "statement": render_statement(declarations, style=StatementStyle(style)),
        # Said here only: the statement never claims that an author with nothing on file declares nothing.
        "not_on_file": [author.name for author in declarations if not author.on_file],
    }
    return TemplateResponse(request, "admin/registry/statements/statement.html", context)
