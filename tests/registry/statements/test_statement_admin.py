"""The article admin's "Write statement" page: editors only, both styles, authors with nothing on file."""

import pytest
from django.urls import reverse

from tests import factories
from tests.registry.statements.test_seed_statement import ICMJE, PER_AUTHOR


def statement_url(article, style=None):
    url = reverse("admin:registry_article_statement", args=[article.pk])
    return f"{url}?style={style}" if style else url


@pytest.mark.parametrize(("style", "expected"), [(None, ICMJE), ("icmje", ICMJE), ("per-author", PER_AUTHOR)])
def test_editor_sees_the_written_statement(editor_client, seed_article, style, expected):
    response = editor_client.get(statement_url(seed_article, style))

    assert response.status_code == 200
    assert response.context["statement"] == expected
    assert response.context["not_on_file"] == []


def test_authors_with_nothing_on_file_are_named_on_the_page_only(editor_client):
    article = factories.ArticleFactory()
    factories.AuthorshipFactory(article=article, person=factories.PersonFactory(name="Paul Thompson"), position=1)

    response = editor_client.get(statement_url(article))

    assert response.context["statement"] == ""
    assert response.context["not_on_file"] == ["Paul Thompson"]
    assert "No disclosure on file (left out of the statement): Paul Thompson." in response.content.decode()


def test_change_page_links_to_it_for_editors(editor_client, seed_article):
    response = editor_client.get(reverse("admin:registry_article_change", args=[seed_article.pk]))

    assert statement_url(seed_article) in response.content.decode()


def test_auditors_may_not(client, auditor_user, seed_article):
    client.force_login(auditor_user)

    assert client.get(statement_url(seed_article)).status_code == 403
    change_page = client.get(reverse("admin:registry_article_change", args=[seed_article.pk]))
    assert statement_url(seed_article) not in change_page.content.decode()


def test_anonymous_users_are_sent_to_the_login(client, seed_article):
    response = client.get(statement_url(seed_article))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
