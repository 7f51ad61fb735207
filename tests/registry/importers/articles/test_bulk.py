"""`validated` checks plain values itself and still refuses what the model's full_clean() refuses,
with the same message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry.importers.articles.bulk import validated
from registry.importers.errors import ImportFailure
from registry.models import Article


def _full_clean_message(article: Article) -> str:
    with pytest.raises(ValidationError) as caught:
        article.full_clean(exclude={"topics"}, validate_unique=False, validate_constraints=False)
    return "; ".join(f"{field}: {message}" for field, errors in caught.value.message_dict.items() for message in errors)


def test_a_plain_article_passes_as_it_is():
    article = Article(title="Paradoxical resistance", journal="eLife", published_date=datetime.date(2015, 9, 1))

    assert validated(article) is article
    assert (article.title, article.published_date) == ("Paradoxical resistance", datetime.date(2015, 9, 1))


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "x" * 1001},  # longer than the column
        {"title": ""},  # required
        {"published_date": "1 Sept"},  # not a date: goes through the field
    ],
)
def test_what_full_clean_refuses_is_refused_with_its_message(fields):
    expected = _full_clean_message(Article(**{"title": "T", "journal": "eLife", **fields}))

    with pytest.raises(ImportFailure) as caught:
        validated(Article(**{"title": "T", "journal": "eLife", **fields}), location="f.xml:PMID 1")

    assert (caught.value.reason, caught.value.location) == (expected, "f.xml:PMID 1")
