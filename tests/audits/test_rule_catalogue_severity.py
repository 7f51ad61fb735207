"""The rule catalogue says what each severity means."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_catalogue_defines_each_severity(client):
    content = client.get(reverse("audits:rules")).content.decode()
    assert "<dt>High</dt><dd>An undisclosed or inconsistently disclosed tie that pays the author" in content
    assert "<dt>Low</dt><dd>A tie possibly held in the window (undated, declared only on later articles)" in content


def test_the_catalogue_says_which_notices_are_audited(client):
    content = client.get(reverse("audits:rules")).content.decode()
    assert "A notice about an article the registry holds is not audited" in content
    assert "A notice about an article the registry does not hold is audited in its place" in content
