"""Merging two records of one person: what moves, what is kept, and what cannot be merged."""

import pytest

from registry.merges import MergeRefused, merge_people
from registry.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def test_two_authors_of_one_article_cannot_be_merged(editor_user):
    article = factories.ArticleFactory()
    first = factories.AuthorshipFactory(article=article).person
    second = factories.AuthorshipFactory(article=article).person

    with pytest.raises(MergeRefused, match="are both authors of"):
        merge_people(actor=editor_user, keep=first, merge=second, reason="test")

    assert Person.objects.count() == 2


def test_merge_moves_the_orcid_and_keeps_the_name_as_a_variant(editor_user):
    keep = factories.PersonFactory(name="E. Jarvis")
    merge = factories.PersonFactory(name="Erich Jarvis", orcid="0000-0002-1825-0097")

    merge_people(actor=editor_user, keep=keep, merge=merge, reason="Same person")

    keep.refresh_from_db()
    assert keep.orcid == "0000-0002-1825-0097"
    assert list(keep.name_variants.values_list("name", flat=True)) == ["Erich Jarvis"]
