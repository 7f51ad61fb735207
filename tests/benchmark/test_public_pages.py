"""The public pages' figures measure rendering, never the page cache."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from benchmark.public_pages import as_measured
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
