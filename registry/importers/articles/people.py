"""Which registry person an imported author is, and why.

Rules, in order: the same ORCID iD; the author already on this article under the same name (a
re-import); the same normal name (canonical or a variant) when `registry.identity.scoring` finds the
name and the shared affiliation organizations enough to link. Anyone else becomes a new person, and
the writer then links the new people with all the evidence (`registry.identity.linking`), which
merges, lists a pair for an editor, or keeps them apart.

Candidates are read in three queries per batch; new people are created together by `flush()`. Until
then a new person is a candidate for later authors like anyone else, keyed by `identity()`: the
bulk path for new articles flushes once a batch, the per-record path once an article. `forget()`
drops what a batch read and created once it is written: the next batch reads the people it needs
again, those of earlier batches included (they are on record by then), so memory does not grow with
the file.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from registry.enums import MatchMethod, MatchStatus
from registry.identity.names import block_key
from registry.identity.profiles import Profile
from registry.identity.scoring import Decision as ScoreDecision
from registry.identity.scoring import assess
from registry.importers.articles.bulk import create_with_history, insert_rows, new_row, validated
from registry.importers.articles.origins import Origin
from registry.importers.articles.records import AuthorRecord
from registry.importers.errors import ImportFailure
from registry.models import Affiliation, Article, Authorship, Person, PersonMatch, PersonName
from registry.names import normalize_person_name
from registry.services import save_with_history
from registry.sql import among_any

person_key = lru_cache(maxsize=16384)(normalize_person_name)


@dataclass
class Decision:
    person: Person
    method: str = ""  # MatchMethod when an existing person was chosen by a rule; "" otherwise
    reason: str = ""


class PersonMatcher:
    """Matches the authors of one file; `prefetch()` loads every candidate in three queries."""

    def __init__(self, *, actor, reason: str, source: str):
        self.actor = actor
        self.reason = reason
        self.source = source
        self.by_orcid: dict[str, Person] = {}
        self.by_name: dict[str, dict[int | tuple[str, int], Person]] = defaultdict(dict)  # by identity()
        self.organizations_of: dict[int | tuple[str, int], set[int]] = defaultdict(set)  # by identity()
        self.coauthors_of: dict[int | tuple[str, int], set[str]] = defaultdict(set)  # by identity(): block keys
        self.new_people: list[Person] = []
        self.created: list[Person] = []  # everyone created since `forget()`, for callers to tell apart
        self.created_ids: set[int] = set()  # the ids of everyone this matcher created (the file's new people)
        self.new_names: dict[tuple, PersonName] = {}
        # Where a person not saved yet is filed (its names), to file it under its id once saved.
        self.unsaved_names: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.created_order: dict[tuple[str, int], int] = {}
        self.origin: Origin | None = None  # the file of the record being matched, in a batch of files

    def enter(self, origin: Origin) -> None:
        """Match what follows as read from `origin`'s file: its new people and matches say so."""
        self.origin, self.reason, self.source = origin, origin.reason, origin.source

    def forget(self) -> None:
        """Drop the people read and created so far (all saved by now): what a batch knew is on record,
        and the next batch's `prefetch()` reads it again. Only the ids of the people created are kept."""
        if self.new_people or self.new_names:
            raise RuntimeError("flush() the new people before forgetting them")
        self.by_orcid = {}
        self.by_name = defaultdict(dict)
        self.organizations_of = defaultdict(set)
        self.coauthors_of = defaultdict(set)
        self.created = []
        self.unsaved_names = defaultdict(set)
        self.created_order = {}

    def prefetch(self, authors: list[AuthorRecord]) -> None:
        orcids = {author.orcid for author in authors if author.orcid}
        names = {person_key(author.name) for author in authors}
        if not names:
            return
        # The IN lists are built as plain SQL: the ORM prepares each of thousands of values on its own.
        variants = list(
            PersonName.objects.filter(among_any(PersonName, {"normalized_name": sorted(names)}))
            .order_by()
            .values_list("person_id", "normalized_name")
        )
        wanted = among_any(
            Person,
            {
                "normalized_name": sorted(names),
                "id": sorted({person_id for person_id, _ in variants}),
                "orcid": sorted(orcids),
            },
        )
        people = {person.pk: person for person in Person.objects.filter(wanted).order_by()}
        for person in people.values():
            if person.orcid and person.orcid in orcids:
                self.by_orcid[person.orcid] = person
            if person.normalized_name in names:
                self.by_name[person.normalized_name][person.pk] = person
        for person_id, name in variants:
            self.by_name[name][person_id] = people[person_id]
        affiliations = Affiliation.objects.filter(person_id__in=people).order_by()
        for person_id, organization_id in affiliations.values_list("person_id", "organization_id"):
            self.organizations_of[person_id].add(organization_id)
        if people:
            self._prefetch_coauthors(set(people))

    def _prefetch_coauthors(self, people: set[int]) -> None:
        """Who the candidates have written with (one query), evidence for common names."""
        rows = Authorship.objects.filter(article__authorships__person_id__in=people).order_by()
        bylines: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for article_id, person_id, printed, name, family in rows.values_list(
            "article_id", "person_id", "name_as_printed", "person__name", "person__family_name"
        ).distinct():
            bylines[article_id].append((person_id, block_key(printed) if printed else block_key(name, family)))
        for authors in bylines.values():
            for person_id, own in authors:
                if person_id in people:
                    self.coauthors_of[person_id].update(key for _, key in authors if key != own)

    def decide(
        self,
        author: AuthorRecord,
        *,
        organization_ids: set[int],
        on_article: dict[str, Person],
        taken: set[int],
        coauthors: frozenset[str] = frozenset(),
    ) -> Decision:
        """Choose (or create) the person for `author`.

        `on_article` maps normal names to the people already authoring this article (re-import);
        `taken` holds the people (by `identity()`) already given to earlier authors of the same article;
        `coauthors` the block keys of the article's authors.
        New people are created by `flush()`.
        """
        key = person_key(author.name)
        if author.orcid and author.orcid in self.by_orcid:
            person = self.by_orcid[author.orcid]
            if identity(person) in taken:
                raise ImportFailure(f"ORCID iD {author.orcid} is given to two authors", location=author.location)
            return self._adopt(Decision(person, MatchMethod.ORCID, f"Same ORCID iD {author.orcid}."), author)
        previous = on_article.get(key)
        if previous is not None and identity(previous) not in taken and not _other_orcid(previous, author):
            return self._adopt(Decision(previous), author)
        same_name = [
            person
            for _, person in sorted(self.by_name.get(key, {}).items(), key=self._candidate_order)
            if identity(person) not in taken and not _other_orcid(person, author)
        ]
        shared = [person for person in same_name if self._enough(author, person, organization_ids, coauthors)]
        if shared:
            person = shared[0]
            return self._adopt(
                Decision(
                    person,
                    MatchMethod.NAME_AND_AFFILIATION,
                    f"Same name ({author.name!r}) and a shared affiliation organization.",
                ),
                author,
            )
        person = self._create(author)
        return Decision(person, reason="No registry person with this ORCID iD or this name and a shared affiliation.")

    def _enough(self, author: AuthorRecord, person: Person, organization_ids: set[int], coauthors) -> bool:
        """Whether the name, the affiliations and the co-authors link the author to this same-name person."""
        shared = self.organizations_of[identity(person)] & organization_ids
        if not shared:
            return False
        printed = Profile(None, author.name, orcid=author.orcid, organizations=organization_ids)
        printed.add_name(author.name, author.family_name)
        printed.coauthors = set(coauthors) - printed.keys
        known = Profile(
            person.pk, person.name, orcid=person.orcid, organizations=self.organizations_of[identity(person)]
        )
        known.add_name(person.name, person.family_name)
        known.coauthors = self.coauthors_of[identity(person)]
        return assess(printed, known).decision == ScoreDecision.LINK

    def _create(self, author: AuthorRecord) -> Person:
        person = new_row(
            Person,
            name=author.name,
            given_names=author.given_names,
            family_name=author.family_name,
            orcid=author.orcid,
        )
        validated(person, location=author.location)
        if self.origin is not None:
            self.origin.stamp(person)
        self.created_order[identity(person)] = len(self.created_order)
        self.new_people.append(person)
        self._file(person, person.normalized_name)
        if person.orcid:
            self.by_orcid[person.orcid] = person
        return person

    def _file(self, person: Person, key: str) -> None:
        self.by_name[key][identity(person)] = person
        if person.pk is None:
            self.unsaved_names[identity(person)].add(key)

    def _candidate_order(self, item: tuple) -> tuple[int, int]:
        """People on record by id, then new people as created: the order of their ids once saved."""
        key, _ = item
        return (0, key) if isinstance(key, int) else (1, self.created_order[key])

    def flush(self) -> None:
        """Create the people decided on since the last flush, and the name variants read."""
        unsaved = [(person, identity(person)) for person in self.new_people]
        created = create_with_history(self.new_people, actor=self.actor, reason=self.reason)
        self.created += created
        self.created_ids.update(person.pk for person in created)
        for person, old in unsaved:
            for key in self.unsaved_names.pop(old, ()):
                self.by_name[key][person.pk] = self.by_name[key].pop(old)
            if old in self.organizations_of:
                self.organizations_of[person.pk] = self.organizations_of.pop(old)
            if old in self.coauthors_of:
                self.coauthors_of[person.pk] = self.coauthors_of.pop(old)
            del self.created_order[old]  # ordered by id from now on
        self.new_people = []
        insert_rows(list(self.new_names.values()))
        self.new_names = {}

    def _adopt(self, decision: Decision, author: AuthorRecord) -> Decision:
        """Complete an existing person with what the file adds: a missing ORCID iD, a name variant."""
        person = decision.person
        if author.orcid and not person.orcid:
            person.orcid = author.orcid
            if person.pk is not None:  # a person not saved yet is created with it
                save_with_history(person, actor=self.actor, reason=self.reason)
            self.by_orcid[person.orcid] = person
        key = person_key(author.name)
        if key != person.normalized_name and identity(person) not in self.by_name.get(key, {}):
            self.new_names[(identity(person), key)] = PersonName(person=person, name=author.name, normalized_name=key)
            self._file(person, key)
        return decision

    def add_coauthors(self, decided: list[tuple[Decision, AuthorRecord]]) -> None:
        """The co-authors one article gives the people decided for its byline, evidence for later
        articles of the batch (as the registry would hold it, had the article been written already)."""
        keys = [(identity(decision.person), block_key(author.name)) for decision, author in decided]
        for person, own in keys:
            self.coauthors_of[person].update(key for _, key in keys if key != own)

    def remember_affiliations(self, person: Person, organization_ids: set[int]) -> None:
        self.organizations_of[identity(person)] |= organization_ids

    def record(self, decisions: list[tuple[Decision, AuthorRecord]], *, article: Article | None) -> None:
        """Keep the reason of each rule-based match.

        Call after `flush()`: new people need their ids.
        """
        self.record_all([(decisions, article, self.source)])

    def record_all(self, decided: list[tuple[list[tuple[Decision, AuthorRecord]], Article | None, str]]) -> None:
        """`record()` for the decisions of many articles, each with the file it was read from (one query)."""
        rows = []
        for decisions, article, source in decided:
            rows += self._match_rows(decisions, article, source)
        # Matches made by a rule name no candidate: none can meet a pair listed already (the only
        # uniqueness on matches), so they go in as plain rows.
        insert_rows(rows)

    @staticmethod
    def _match_rows(decisions: list[tuple[Decision, AuthorRecord]], article: Article | None, source: str) -> list:
        rows = []
        for decision, author in decisions:
            common = {"article": article, "name_as_printed": author.name[:300], "source": source[:500]}
            if decision.method:
                rows.append(
                    new_row(
                        PersonMatch,
                        person=decision.person,
                        method=decision.method,
                        status=MatchStatus.AUTOMATIC,
                        reason=decision.reason,
                        **common,
                    )
                )
        return rows


def identity(person: Person) -> int | tuple[str, int]:
    """The same registry person, whichever query loaded it; a person not saved yet by object."""
    return person.pk if person.pk is not None else ("new", id(person))


def _other_orcid(person: Person, author: AuthorRecord) -> bool:
    """Two different ORCID iDs mean two different people, whatever their names."""
    return bool(author.orcid and person.orcid and person.orcid != author.orcid)
