"""The keys person linking blocks records by, and their indexed copy (PersonLookupKey) through which
linking one article's authors finds its candidates in a few queries, whatever the registry's size.

A block is every record sharing a key. Blocks larger than `MAX_BLOCK` are compared within one given
name only, and a given name's group larger than that not at all; a shared name says less the more
different given names share its block. The whole-registry run counts this from the profiles it
loads; an article's run reads the same counts from the index.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connections, router, transaction
from django.db.models import BooleanField, Count, Q
from django.db.models.expressions import RawSQL

from registry.identity.profiles import Profile, load_identities
from registry.importers.articles.bulk import insert_values
from registry.models import Authorship, Person, PersonLookupKey, PersonName
from registry.sql import among_any

MAX_BLOCK = 200  # larger blocks ("wang w") are compared within the same given name only
_CHUNK = 900


def profile_keys(profile: Profile) -> set[tuple[str, str]]:
    """(key, given name) pairs of a record: its names' block keys, and its identifiers."""
    keys = {(f"name:{key}", first) for key, first in profile.name_keys}
    keys |= {(f"contributor:{value}", "") for value in profile.contributor_ids}
    keys |= {(f"email:{value}", "") for value in profile.emails}
    if profile.orcid:
        keys.add((f"orcid:{profile.orcid.upper()}", ""))
    return keys


@dataclass
class BlockSizes:
    """How many records each block and each given name's group within it hold, and how many
    different given names (not initials) the block's names carry."""

    members: dict[str, int] = field(default_factory=dict)
    groups: dict[tuple[str, str], int] = field(default_factory=dict)
    firsts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def counted(cls, keys_of: dict[int, set[tuple[str, str]]]) -> "BlockSizes":
        """The sizes of the blocks these records form among themselves."""
        members: dict[str, set[int]] = defaultdict(set)
        groups: dict[tuple[str, str], int] = defaultdict(int)
        for pk, keys in keys_of.items():
            for key, first in keys:
                members[key].add(pk)
                groups[(key, first)] += 1
        sizes = cls({key: len(pks) for key, pks in members.items()}, dict(groups))
        for key, first in groups:
            sizes.firsts[key].add(first)
        return sizes

    def frequency(self, key: str) -> int:
        """How many different given names share a name block (1 for identifiers)."""
        if not key.startswith("name:"):
            return 1
        return max(1, sum(1 for first in self.firsts.get(key, ()) if len(first) > 1))

    def compared_groups(self, key: str, members: dict[str, set[int]]) -> list[set[int]]:
        """The groups of a block whose records are compared with one another."""
        if self.members.get(key, 0) <= MAX_BLOCK:
            return [{pk for group in members.values() for pk in group}]
        return [group for first, group in members.items() if self.groups.get((key, first), 0) <= MAX_BLOCK]


def registry_blocks(focus: dict[int, Profile]) -> tuple[BlockSizes, set[int], dict[int, Profile]]:
    """The blocks of these records across the whole registry, read from the index (about four
    queries), the other records they are compared with there, and, loaded, those of them the index
    did not know under their name yet (created or renamed outside an import), for the caller to index."""
    unindexed = _unindexed(focus)
    local = {**focus, **unindexed}
    own = {pk: profile_keys(profile) for pk, profile in local.items()}
    sizes = BlockSizes.counted(own)
    keys = {key for pairs in own.values() for key, _ in pairs}
    if not keys:
        return sizes, set(), unindexed
    # The IN lists are built as plain SQL: the ORM prepares each of thousands of values on its own.
    others = (
        PersonLookupKey.objects.filter(among_any(PersonLookupKey, {"key": sorted(keys)}))
        .exclude(among_any(PersonLookupKey, {"person_id": sorted(local)}))
        .order_by()
    )
    for key, first, count in others.values_list("key", "first").annotate(count=Count("person_id", distinct=True)):
        sizes.groups[(key, first)] = sizes.groups.get((key, first), 0) + count
        sizes.firsts[key].add(first)
    for key, count in others.values_list("key").annotate(count=Count("person_id", distinct=True)):
        sizes.members[key] += count
    whole = {key for key in keys if sizes.members[key] <= MAX_BLOCK}
    wanted = Q(among_any(PersonLookupKey, {"key": sorted(whole)}))
    by_key: dict[str, set[str]] = defaultdict(set)
    for pk in focus:
        for key, first in own[pk]:
            if key not in whole and sizes.groups[(key, first)] <= MAX_BLOCK:
                by_key[key].add(first)
    for key, firsts in by_key.items():
        wanted |= Q(key=key) & Q(among_any(PersonLookupKey, {"first": sorted(firsts)}))
    candidates = set(others.filter(wanted).values_list("person_id", flat=True).distinct())
    return sizes, candidates | set(unindexed), unindexed


def _unindexed(focus: dict[int, Profile]) -> dict[int, Profile]:
    """Records whose own name shares a block key with these but is not in the index (one query)."""
    names = sorted({key for profile in focus.values() for key in profile.keys})
    missing = (
        Person.objects.filter(among_any(Person, {"name_key": names}))
        .exclude(among_any(Person, {"id": sorted(focus)}))
        .filter(_not_indexed_under([f"name:{key}" for key in names]))
    )
    ids = list(missing.order_by().values_list("pk", flat=True))
    return load_identities(ids) if ids else {}


def _not_indexed_under(keys: list[str]) -> RawSQL:
    """For `Person.objects.filter()`: the record has none of these keys in the index. Plain SQL: the
    ORM's `__in` would prepare each of the thousands of keys on its own."""
    quote = connections[router.db_for_read(Person)].ops.quote_name
    person, index = quote(Person._meta.db_table), quote(PersonLookupKey._meta.db_table)
    listed = among_any(PersonLookupKey, {"key": keys})
    owner = f"{index}.{quote('person_id')} = {person}.{quote('id')}"
    sql = f"NOT EXISTS (SELECT 1 FROM {index} WHERE {owner} AND {listed.sql})"
    return RawSQL(sql, listed.params, output_field=BooleanField())


def refresh_lookup_keys(profiles: dict[int, Profile]) -> None:
    """Replace these records' keys with those of their profiles (loaded with names and identifiers)."""
    ids = sorted(profiles)
    if not ids:
        return
    with transaction.atomic(savepoint=False):  # within an import's or a link's transaction, no savepoint
        for start in range(0, len(ids), _CHUNK):
            PersonLookupKey.objects.filter(
                among_any(PersonLookupKey, {"person_id": ids[start : start + _CHUNK]})
            ).delete()
        insert_values(PersonLookupKey, _COLUMNS, list(_rows_of(profiles)))


def refresh_lookup_keys_of(person_ids: Iterable[int]) -> None:
    """Read these records' names and identifiers again and replace their keys."""
    refresh_lookup_keys(load_identities(person_ids))


def rebuild_lookup_keys(*, models=None) -> int:
    """Every record's keys, from scratch; how many rows. `models`: the (PersonLookupKey, Person,
    PersonName, Authorship) classes to use, for a migration's."""
    key_model, *sources = models or (PersonLookupKey, Person, PersonName, Authorship)
    profiles = load_identities(models=tuple(sources))
    key_model.objects.all().delete()
    written, batch = 0, []
    for row in _rows_of(profiles):
        batch.append(row)
        if len(batch) == 20000:
            written += insert_values(key_model, _COLUMNS, batch)
            batch = []
    return written + insert_values(key_model, _COLUMNS, batch)


_COLUMNS = ("person_id", "key", "first")


def _rows_of(profiles: dict[int, Profile]) -> Iterable[tuple[int, str, str]]:
    """The index rows of these records, as values of `_COLUMNS` (tuples: cheaper than model instances)."""
    for pk, profile in profiles.items():
        for key, first in sorted(profile_keys(profile)):
            yield (pk, key[:320], first[:200])
