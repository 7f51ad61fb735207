"""`validated` checks plain values itself and still refuses what the model's full_clean() refuses,
with the same message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry.importers.articles.bulk import new_row, validated
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


def _state_of(obj) -> tuple:
    values = {name: value for name, value in vars(obj).items() if name != "_state"}
    return values, obj._state.db, obj._state.adding, dict(obj._state.fields_cache)


@pytest.mark.django_db
def test_new_row_builds_the_instance_django_builds():
    from registry.models import Affiliation, Authorship, Disclosure, Organization, Person

    person = Person.objects.create(name="Ada Lovelace", family_name="Lovelace")
    organization = Organization.objects.create(name="Analytical Engines Ltd")
    unsaved = Person(name="Charles Babbage")
    article = Article(title="Notes", journal="Taylor's Scientific Memoirs", published_date=datetime.date(1843, 9, 1))
    cases = [
        (Article, {"doi": None, "title": "Notes", "journal": "Memoirs", "published_date": datetime.date(1843, 9, 1)}),
        (Affiliation, {"person": person, "organization": organization, "department": "Mathematics"}),
        (Affiliation, {"person": unsaved, "organization": organization}),
        (Authorship, {"article": article, "person": person, "position": 1, "name_as_printed": "A. Lovelace"}),
        (Disclosure, {"authorship_id": 7, "statement": "None.", "declares_none": True}),
        (Disclosure, {"authorship": Authorship(article=article, person=person, position=2), "statement": "None."}),
        (Person, {"name": "Ada Lovelace", "given_names": "Ada", "family_name": "Lovelace", "orcid": None}),
    ]
    for model, values in cases:
        assert _state_of(new_row(model, **values)) == _state_of(model(**values)), model.__name__
    authorship = Authorship(article=article, person=person, position=3)
    disclosure = new_row(Disclosure, authorship=authorship, statement="None.")
    assert authorship.disclosure is disclosure
    # A related object not saved yet takes its id when the row is saved: the cached object gives it.
    affiliation = new_row(Affiliation, person=unsaved, organization=organization)
    unsaved.save()
    affiliation._prepare_related_fields_for_save(operation_name="save")
    assert affiliation.person_id == unsaved.pk


def test_new_row_hands_unknown_keywords_to_django():
    with pytest.raises(TypeError):
        new_row(Article, title="T", no_such_field=1)
