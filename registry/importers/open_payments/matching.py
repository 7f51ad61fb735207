"""Which registry person received a register payment (the payer: open_payments/payers.py).

A recipient is matched by NPI, then by Open Payments profile id, then by first and last name in
their normal form (registry.names) when exactly one person in the registry has that name (as
published, as a variant, or as first given name and family name). A name two people share
matches no one. Each match records its method and confidence (registry.models.payments).

The registry's people are read once per file; each block of rows is matched with vectorized
look-ups, so matching costs about as much as reading.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from registry.enums import PaymentMatchMethod, PaymentMatchStatus
from registry.importers.open_payments.textbytes import text_buffers
from registry.models import Person, PersonName
from registry.models.payments import MATCH_CONFIDENCE
from registry.names import normalize_person_name


def name_keys(normalized_name: str, given_names: str = "", family_name: str = "") -> set[str]:
    """The forms of a person's name a register row's "first last" may take, from the name's normal
    form as the registry stores it (and the given and family names, when recorded apart)."""
    keys = set()
    for full in (normalized_name, normalize_person_name(f"{given_names} {family_name}")):
        words = full.split()
        if len(words) >= 2:
            keys |= {full, f"{words[0]} {words[-1]}"}
    return keys


def payment_name_key(first: pa.Array, last: pa.Array) -> pa.Array:
    """normalize_person_name(first + " " + last), vectorized. Most names are already in their normal
    form once lower-cased (letters, digits and single spaces between words): only the others go
    through the regular expression, and only those not ASCII through normalize_person_name."""
    written = pc.binary_join_element_wise(first, last, " ")
    joined = pc.ascii_lower(written)
    unclean = _not_in_normal_form(joined)
    if not pc.any(unclean).as_py():
        return joined
    text = pc.filter(joined, unclean)
    folded = pc.utf8_trim_whitespace(pc.replace_substring_regex(text, "[^0-9a-z]+", " "))
    ascii_only = pc.string_is_ascii(text)
    if not pc.all(ascii_only).as_py():
        slow = [normalize_person_name(value) for value in pc.filter(written, unclean).to_pylist()]
        folded = pc.if_else(ascii_only, folded, pa.array(slow, pa.string()))
    return pc.replace_with_mask(joined, unclean, folded)


# Bytes a name's normal form has: lower-case ASCII letters, digits and the space between words.
_NORMAL_BYTES = np.zeros(256, dtype=bool)
_NORMAL_BYTES[[*b"abcdefghijklmnopqrstuvwxyz0123456789 "]] = True


def _not_in_normal_form(text: pa.Array) -> pa.Array:
    """Whether each value has a byte outside the normal form's, two spaces in a row, or a space at
    either end (read in the array's bytes: a regular expression per value costs ten times as much)."""
    ends, body = text_buffers(text)
    if ends[-1] == ends[0]:
        return pc.not_equal(text, text)  # every value empty
    body = body[: ends[-1]]
    bad = ~_NORMAL_BYTES[body]
    space = body == 32
    bad[1:] |= space[1:] & space[:-1]  # a pair across two values marks one that ends in a space anyway
    counted = np.concatenate(([0], np.cumsum(bad, dtype=np.int64)))
    starts, stops = ends[:-1], ends[1:]
    unclean = counted[stops] > counted[starts]
    filled = stops > starts
    unclean[filled] |= space[starts[filled]] | space[stops[filled] - 1]
    return pa.array(unclean, pa.bool_())


class Lookup:
    """key -> person id, as arrays for pc.index_in."""

    def __init__(self, pairs: dict[str, int]):
        self.keys = pa.array(list(pairs), pa.string())
        self.ids = pa.array(list(pairs.values()), pa.int64())

    def find(self, values: pa.Array) -> pa.Array:
        if not len(self.keys):
            return pa.nulls(len(values), pa.int64())
        return pc.take(self.ids, pc.index_in(values, value_set=self.keys))

    def has(self, values: pa.Array) -> pa.Array:
        return pc.is_in(values, value_set=self.keys)


@dataclass
class MatchResult:
    person_id: pa.Array
    method: pa.Array
    confidence: pa.Array
    status: pa.Array
    reason: pa.Array

    def counts(self) -> tuple[int, int]:
        matched = pc.sum(pc.equal(self.status, PaymentMatchStatus.MATCHED)).as_py() or 0
        ambiguous = pc.sum(pc.equal(self.status, PaymentMatchStatus.AMBIGUOUS)).as_py() or 0
        return matched, ambiguous

    @classmethod
    def nobody(cls, rows: int) -> "MatchResult":
        """Rows matched to no one (nor possibly to someone)."""
        return cls(
            person_id=pa.nulls(rows, pa.int64()),
            method=pa.repeat("", rows),
            confidence=pa.nulls(rows, pa.float64()),
            status=pa.repeat(str(PaymentMatchStatus.UNMATCHED), rows),
            reason=pa.repeat("", rows),
        )

    def spread(self, rows: pa.Array) -> "MatchResult":
        """This match of some rows (`rows` true) put among rows matched to no one."""
        nobody = MatchResult.nobody(len(rows))
        return MatchResult(
            **{
                name: pc.replace_with_mask(getattr(nobody, name), rows, getattr(self, name))
                for name in ("person_id", "method", "confidence", "status", "reason")
            }
        )

    def columns(self) -> dict[str, pa.Array]:
        return {
            "person_id": self.person_id,
            "match_method": self.method,
            "match_confidence": self.confidence,
            "match_status": self.status,
            "match_reason": self.reason,
        }


class PaymentMatcher:
    def __init__(self):
        by_npi, by_profile, by_name = {}, {}, defaultdict(set)
        people = Person.objects.order_by().values_list(
            "pk", "normalized_name", "given_names", "family_name", "npi", "open_payments_profile_id"
        )
        for pk, name, given, family, npi, profile in people.iterator(chunk_size=10000):
            if npi:
                by_npi[npi] = pk
            if profile:
                by_profile[profile] = pk
            for key in name_keys(name, given, family):
                by_name[key].add(pk)
        for pk, variant in PersonName.objects.order_by().values_list("person_id", "normalized_name"):
            for key in name_keys(variant):
                by_name[key].add(pk)
        self.npi = Lookup(by_npi)
        self.profile = Lookup(by_profile)
        self.name = Lookup({key: min(ids) for key, ids in by_name.items() if len(ids) == 1})
        shared = {key: len(ids) for key, ids in by_name.items() if len(ids) > 1}
        self.shared = Lookup(dict.fromkeys(shared, 0))
        self.shared_counts = pa.array([str(n) for n in shared.values()], pa.string())

    def match(self, values: dict[str, pa.Array], investigators: list[dict[str, pa.Array]] = ()) -> MatchResult:
        """The recipient's match; for a row whose recipient matches no one (a research payment goes to
        a hospital or a company), the first of its principal investigators who matches someone.

        Most rows of a register file match no one: which rows might is found with set look-ups, and
        only those get the match's method, confidence and reason."""
        key = payment_name_key(values["first_name"], values["last_name"])
        people = [(values["npi"], values["profile_id"], key)]
        for investigator in investigators:
            pi_key = payment_name_key(investigator["first_name"], investigator["last_name"])
            people.append((investigator["npi"], investigator["profile_id"], pi_key))
        someone = self._someone(people, key)
        if not pc.any(someone).as_py():
            return MatchResult.nobody(len(key))
        rows = pc.indices_nonzero(someone)
        found = self._match([tuple(pc.take(column, rows) for column in person) for person in people])
        return found.spread(someone)

    def _someone(self, people: list[tuple[pa.Array, pa.Array, pa.Array]], key: pa.Array) -> pa.Array:
        """Rows whose recipient or a principal investigator has an NPI, profile id or name the
        registry knows, or whose recipient has a name several people share."""
        someone = self.shared.has(key)
        for npi, profile, name in people:
            someone = pc.or_(someone, pc.or_(self.npi.has(npi), pc.or_(self.profile.has(profile), self.name.has(name))))
        return someone

    def _match(self, people: list[tuple[pa.Array, pa.Array, pa.Array]]) -> MatchResult:
        (npi, profile, key), investigators = people[0], people[1:]
        person, method, confidence, reason = self._find(npi, profile, key)
        for number, (pi_npi, pi_profile, pi_key) in enumerate(investigators, start=1):
            found = self._find(pi_npi, pi_profile, pi_key)
            use = pc.and_(pc.is_null(person), pc.is_valid(found[0]))
            person = pc.if_else(use, found[0], person)
            method = pc.if_else(use, found[1], method)
            confidence = pc.if_else(use, found[2], confidence)
            reason = pc.if_else(
                use, pc.binary_join_element_wise(f"principal investigator {number}: ", found[3], ""), reason
            )
        shared = pc.take(self.shared_counts, pc.index_in(key, value_set=self.shared.keys))
        ambiguous = pc.and_(pc.is_null(person), pc.is_valid(shared))
        why_not = pc.binary_join_element_wise(shared, " people in the registry are named ", key, "")
        status = pc.if_else(
            pc.is_valid(person),
            str(PaymentMatchStatus.MATCHED),
            pc.if_else(ambiguous, str(PaymentMatchStatus.AMBIGUOUS), str(PaymentMatchStatus.UNMATCHED)),
        )
        return MatchResult(
            person_id=person,
            method=pc.fill_null(method, ""),
            confidence=confidence,
            status=status,
            reason=pc.fill_null(pc.if_else(ambiguous, why_not, reason), ""),
        )

    def _find(self, npi: pa.Array, profile: pa.Array, key: pa.Array) -> tuple[pa.Array, ...]:
        """(person, method, confidence, reason) by NPI, then profile id, then a name only one person has."""
        by_npi, by_profile, by_name = self.npi.find(npi), self.profile.find(profile), self.name.find(key)
        found = [
            (by_npi, PaymentMatchMethod.NPI, pc.binary_join_element_wise("NPI ", npi, "")),
            (
                by_profile,
                PaymentMatchMethod.PROFILE_ID,
                pc.binary_join_element_wise("Open Payments profile id ", profile, ""),
            ),
            (by_name, PaymentMatchMethod.NAME, pc.binary_join_element_wise("the only person named ", key, "")),
        ]
        person = pc.coalesce(by_npi, by_profile, by_name)
        method, confidence = pa.nulls(len(key), pa.string()), pa.nulls(len(key), pa.float64())
        reason = pa.nulls(len(key), pa.string())
        for ids, kind, why in reversed(found):  # the first method that found someone wins
            has = pc.is_valid(ids)
            method = pc.if_else(has, str(kind), method)
            confidence = pc.if_else(has, MATCH_CONFIDENCE[kind], confidence)
            reason = pc.if_else(has, why, reason)
        return person, method, confidence, reason
