"""The rule catalogue says what each severity means."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_catalogue_defines_each_severity(client):
    content = client.get(reverse("audits:rules")).content.decode()
    assert "<dt>High</dt><dd>An undisclosed or inconsistently disclosed tie that pays the author" in content
    assert "<dt>Low</dt><dd>A tie possibly held in the window (undated, declared only on later articles)" in content
