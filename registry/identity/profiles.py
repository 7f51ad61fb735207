"""What the registry knows of each person record that bears on identity, read in a few set-based
queries: names, identifiers, e-mails, articles and their bylines, co-authors, organizations, topics."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from registry.identity.names import NameForm, form_key, name_form, printed_form
from registry.models import Affiliation, Article, Authorship, Person, PersonName
from registry.names import fold
from registry.sql import among

_CHUNK = 900  # under SQLite's limit of bound parameters per query
_SCAN_ABOVE = 20 * _CHUNK  # ids beyond which a table is read whole


@dataclass
class Profile:
    person_id: int | None
    name: str
    orcid: str | None = None
    names: set[NameForm] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # block keys of every name form
    name_keys: set[tuple[str, str]] = field(default_factory=set)  # (block key, given name) of every form
    contributor_ids: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    coauthors: set[str] = field(default_factory=set)  # co-authors' block keys
    bylines: dict[int, frozenset[str]] = field(default_factory=dict)  # article -> its authors' keys
    organizations: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # distinctive words of the affiliations as printed
    topics: set[int] = field(default_factory=set)

    def add_name(self, name: str, family_name: str = "") -> None:
        form = name_form(name, family_name)
        self.add_form(form, form_key(form) if form is not None else "")

    def add_form(self, form: NameForm | None, key: str) -> None:
        if form is not None:
            self.names.add(form)
            self.keys.add(key)
            self.name_keys.add((key, form.first))


class _Forms(dict):
    """Parsed names and their block keys by (name, family name), for one load: each distinct name
    is parsed once (a whole registry's names outgrow the shared cache of `name_form`)."""

    def __missing__(self, name: tuple[str, str]) -> tuple[NameForm | None, str]:
        form = name_form(*name)
        parsed = self[name] = (form, form_key(form) if form is not None else "")
        return parsed

    def printed(self, printed: str, name: str, family: str) -> tuple[NameForm | None, str]:
        """`self[(printed, "")]`, for a name printed on an article by the record `(name, family)`: an
        author printed under their record's own name (every author an import created) is not parsed again."""
        parsed = self.get((printed, ""))
        if parsed is None:
            if printed != name or not family:
                return self[(printed, "")]
            form = printed_form(name, family, self[(name, family)][0])
            parsed = self[(printed, "")] = (form, form_key(form) if form is not None else "")
        return parsed


@dataclass
class ArticleFacts:
    article_type: str
    journal: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of nearly every affiliation: they say nothing about where someone works.
_GENERIC_PLACE_WORDS = _words(
    "department dept university universidad universite universitat universita institute institut "
    "instituto school college faculty division section program programme center centre unit laboratory "
    "laboratories lab group hospital clinic medical medicine sciences science research national state "
    "federal foundation biology biological biochemistry molecular cell cellular chemistry physics "
    "genetics health public graduate studies and for the of de del der des di la le und et y fur street "
    "road avenue box usa united states kingdom america china japan germany france italy spain canada "
    "australia india switzerland netherlands sweden korea israel brazil"
)


@lru_cache(maxsize=1 << 14)
def place_words(text: str) -> frozenset[str]:
    """Distinctive words of a printed affiliation ("berkeley", "hughes", "wyss"), without postcodes.
    Cached: co-authors print the same affiliations."""
    return frozenset(word for word in fold(text).split() if len(word) > 3 and not word.isdigit()) - _GENERIC_PLACE_WORDS


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _rows(queryset, field_name: str, ids: list[int] | None, *fields):
    """`fields` of the rows whose `field_name` (the first field) is one of `ids` (all rows when None).

    Many ids are read by one pass over the table rather than in chunks: building the queries of
    hundreds of chunks of 900 ids (about 10 ms each) costs more than reading the rows not wanted."""
    if ids is None or len(ids) > _SCAN_ABOVE:
        wanted = None if ids is None else set(ids)
        for row in queryset.order_by().values_list(*fields).iterator(chunk_size=20000):
            if wanted is None or row[0] in wanted:
                yield row
        return
    opts = queryset.model._meta
    column = opts.pk.column if field_name == "pk" else opts.get_field(field_name).column
    for chunk in _chunks(ids):
        yield from queryset.filter(among(queryset.model, column, chunk)).order_by().values_list(*fields)


def load_identities(person_ids: Iterable[int] | None = None, *, models=None) -> dict[int, Profile]:
    """Profiles with names and identifiers only (three queries): what lookup keys are made of.

    `models` gives the (Person, PersonName, Authorship) classes to read, for a migration's."""
    return _read_identities(None if person_ids is None else sorted(set(person_ids)), models)[0]


def _read_identities(
    wanted: list[int] | None, models=None, forms: _Forms | None = None
) -> tuple[dict[int, Profile], set[int]]:
    person, person_name, authorship = models or (Person, PersonName, Authorship)
    forms = _Forms() if forms is None else forms
    profiles: dict[int, Profile] = {}
    families: dict[int, str] = {}
    for pk, name, family, orcid, email in _rows(
        person.objects.all(), "pk", wanted, "pk", "name", "family_name", "orcid", "email"
    ):
        profile = profiles[pk] = Profile(pk, name, orcid=orcid)
        families[pk] = family
        profile.add_form(*forms[(name, family)])
        if email:
            profile.emails.add(email.casefold())
    for person_id, name in _rows(person_name.objects.all(), "person_id", wanted, "person_id", "name"):
        profiles[person_id].add_form(*forms[(name, "")])
    article_ids: set[int] = set()
    for person_id, article_id, printed, contributor_id, email, affiliations in _rows(
        authorship.objects.all(),
        "person_id",
        wanted,
        "person_id",
        "article_id",
        "name_as_printed",
        "contributor_id",
        "email",
        "affiliations_as_printed",
    ):
        profile = profiles[person_id]
        if affiliations:
            profile.places |= place_words(affiliations)
        profile.articles.add(article_id)
        article_ids.add(article_id)
        if printed:
            profile.add_form(*forms.printed(printed, profile.name, families[person_id]))
        if contributor_id:
            profile.contributor_ids.add(contributor_id)
        if email:
            profile.emails.add(email.casefold())
    return profiles, article_ids


def _reuse_identities(
    wanted: list[int], known: dict[int, Profile], forms: _Forms
) -> tuple[dict[int, Profile], set[int]]:
    """The identities of `wanted`: those in `known` as they are, the others read; in `wanted`'s order."""
    read, article_ids = _read_identities([pk for pk in wanted if pk not in known], forms=forms)
    profiles = {}
    for pk in wanted:
        profile = known.get(pk) or read.get(pk)
        if profile is not None:
            profiles[pk] = profile
            article_ids |= profile.articles
    return profiles, article_ids


def load_profiles(
    person_ids: Iterable[int] | None = None, *, known: dict[int, Profile] | None = None
) -> tuple[dict[int, Profile], dict[int, ArticleFacts]]:
    """Profiles of these people (everyone when None), and the facts of their articles. `known`:
    identities the caller has just loaded (`load_identities`), completed here instead of read again."""
    wanted = None if person_ids is None else sorted(set(person_ids))
    forms = _Forms()
    if wanted is None or not known:
        profiles, article_ids = _read_identities(wanted, forms=forms)
    else:
        profiles, article_ids = _reuse_identities(wanted, known, forms)
    for person_id, organization_id in _rows(
        Affiliation.objects.all(), "person_id", wanted, "person_id", "organization_id"
    ):
        profiles[person_id].organizations.add(organization_id)
    articles = sorted(article_ids)
    article_scope = None if wanted is None else articles
    bylines: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for article_id, person_id, printed, name, family in _rows(
        Authorship.objects.all(),
        "article_id",
        article_scope,
        "article_id",
        "person_id",
        "name_as_printed",
        "person__name",
        "person__family_name",
    ):
        bylines[article_id].append(
            (person_id, forms.printed(printed, name, family)[1] if printed else forms[(name, family)][1])
        )
    for article_id, authors in bylines.items():
        keys = frozenset(key for _, key in authors)
        for person_id, own in authors:
            profile = profiles.get(person_id)
            if profile is not None:
                profile.bylines[article_id] = keys
                profile.coauthors.update(key for _, key in authors if key != own)
    topics_of: dict[int, set[int]] = defaultdict(set)
    for article_id, topic_id in _rows(
        Article.topics.through.objects.all(), "article_id", article_scope, "article_id", "topic_id"
    ):
        topics_of[article_id].add(topic_id)
    facts = {
        pk: ArticleFacts(article_type.casefold(), journal.casefold())
        for pk, article_type, journal in _rows(
            Article.objects.all(), "pk", article_scope, "pk", "article_type", "journal"
        )
    }
    for profile in profiles.values():
        for article_id in profile.articles:
            profile.topics |= topics_of.get(article_id, set())
    return profiles, facts
