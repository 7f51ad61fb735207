"""The public pages' figures measure rendering, never the page cache."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from benchmark.serving import as_measured, production_client
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@override_settings(PAGE_CACHE_SECONDS=300)
def test_pages_are_rendered_afresh_each_time_even_with_the_page_cache_on():
    ArticleFactory()
    client = Client()
    with as_measured():
        responses = [client.get(reverse("home")) for _ in range(2)]
    assert [response.status_code for response in responses] == [200, 200]
    assert [response.get("X-Page-Cache") for response in responses] == [None, None]
    # Outside the benchmark the same two readings are a miss and then a hit.
    assert [client.get(reverse("home")).get("X-Page-Cache") for _ in range(2)] == ["miss", "hit"]


PRODUCTION = {
    "ALLOWED_HOSTS": [],
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


def test_pages_are_measured_as_production_serves_them():
    """With the production settings (DEBUG off) a plain request is redirected to HTTPS; the benchmark
    asks as the HTTPS proxy forwards a reader's request, and is answered."""
    ArticleFactory()
    with override_settings(**PRODUCTION), as_measured():
        assert Client().get(reverse("home")).status_code == 301
        client = production_client()
        responses = [client.get(reverse("home")), client.get(reverse("api:article-list"))]
        assert [response.wsgi_request.is_secure() for response in responses] == [True, True]
    assert [response.status_code for response in responses] == [200, 200]
