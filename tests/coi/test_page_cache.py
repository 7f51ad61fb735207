import pytest
from django.urls import reverse

from audits.enums import RunStatus
from audits.models import AuditRun
from registry.enums import ArticleStatus
from registry.importers.articles.bulk import insert_rows
from registry.models import Article
from tests.factories import ArticleFactory, AuditRunFactory

pytestmark = pytest.mark.django_db
# Writes bump the generation once committed: these tests commit, as a real request or import does.
committing = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_a_second_anonymous_read_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    ArticleFactory(title="Cached study")
    assert client.get(reverse("home"))["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(reverse("home"))
    assert response["X-Page-Cache"] == "hit"
    assert "Cached study" in response.content.decode()


@committing
def test_a_saved_change_makes_the_next_read_fresh(client):
    article = ArticleFactory(title="Old title")
    client.get(reverse("home"))
    article.title = "New title"
    article.save()
    response = client.get(reverse("home"))
    assert response["X-Page-Cache"] == "miss"
    assert "New title" in response.content.decode()


@committing
def test_a_bulk_update_that_sends_no_signal_makes_the_next_read_fresh(client):
    ArticleFactory(title="Before the bulk update")
    client.get(reverse("home"))
    Article.objects.update(title="After the bulk update")
    assert "After the bulk update" in client.get(reverse("home")).content.decode()


@committing
def test_a_bulk_create_makes_the_next_read_fresh(client):
    client.get(reverse("home"))
    Article.objects.bulk_create([ArticleFactory.build(title="Bulk created study")])
    assert "Bulk created study" in client.get(reverse("home")).content.decode()


@committing
def test_an_importers_bulk_insert_makes_the_next_read_fresh(client):
    # Enough rows for a COPY on PostgreSQL, which the page cache must see as a write like an INSERT.
    client.get(reverse("home"))
    insert_rows([ArticleFactory.build(title=f"Copied study {n}", doi=f"10.1/copied.{n}") for n in range(25)])
    assert "Copied study 24" in client.get(reverse("home")).content.decode()


@committing
def test_a_running_audit_stamping_its_run_keeps_the_cache(client):
    run = AuditRunFactory(status=RunStatus.RUNNING)
    client.get(reverse("home"))
    AuditRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    assert client.get(reverse("home"))["X-Page-Cache"] == "hit"


def test_an_editor_is_never_served_a_cached_page_and_never_fills_the_cache(client, editor_user):
    ArticleFactory(title="Published study")
    ArticleFactory(title="Draft under review", status=ArticleStatus.DRAFT, published_date=None)
    assert "Draft under review" not in client.get(reverse("home")).content.decode()  # cached for the public

    client.force_login(editor_user)
    response = client.get(reverse("home"))
    assert "X-Page-Cache" not in response
    assert "Draft under review" in response.content.decode()

    client.logout()
    response = client.get(reverse("home"))
    assert response["X-Page-Cache"] == "hit"
    assert "Draft under review" not in response.content.decode()


def test_an_api_token_holder_is_never_served_a_cached_page(api):
    ArticleFactory()
    api.get(reverse("api:article-list"))
    api.credentials(HTTP_AUTHORIZATION="Token not-checked-by-the-cache")
    assert "X-Page-Cache" not in api.get(reverse("api:article-list"))


def test_the_api_caches_json_and_browsable_html_apart(client):
    ArticleFactory()
    client.get(reverse("api:article-list"), HTTP_ACCEPT="application/json")
    response = client.get(reverse("api:article-list"), HTTP_ACCEPT="text/html")
    # Not the JSON stored before (and not stored itself: the browsable page sets a CSRF cookie).
    assert response.get("X-Page-Cache") != "hit"
    assert response["Content-Type"].startswith("text/html")


def test_pages_outside_the_public_ones_are_never_cached(client):
    assert "X-Page-Cache" not in client.get(reverse("audits:findings"))


def test_off_without_a_shared_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory()
    client.get(reverse("home"))
    assert "X-Page-Cache" not in client.get(reverse("home"))
