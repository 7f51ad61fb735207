"""Import ORCID v3.0 records (JSON or XML; a full record, or the person, employments or fundings
sections): names and other names, employments as affiliations, fundings as grants.

The person is found by ORCID iD, else by name plus a shared employer, else created.
"""

import json
from dataclasses import dataclass, field
from datetime import date

from registry import services
from registry.enums import InterestCategory, OrganizationKind, Payee, Provenance
from registry.importers.articles.orgs import OrganizationResolver
from registry.importers.articles.people import PersonMatcher
from registry.importers.articles.records import AffiliationRecord, AuthorRecord, OrganizationRef
from registry.importers.errors import ImportFailure
from registry.importers.formats.fields import check_orcid, identifier, make_date
from registry.importers.formats.xmlsafe import local_name, parse_xml
from registry.models import Person, PersonName
from registry.validators import validate_date_range

_DISAMBIGUATION = {"ROR": "ror", "FUNDREF": "fundref", "RINGGOLD": "ringgold", "GRID": "grid"}


@dataclass
class Position:
    organization: OrganizationRef
    department: str = ""
    role: str = ""
    title: str = ""  # of a funding
    grant_numbers: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    location: str = ""


@dataclass
class OrcidRecord:
    orcid: str | None = None
    given_names: str = ""
    family_name: str = ""
    credit_name: str = ""
    other_names: list[str] = field(default_factory=list)
    employments: list[Position] = field(default_factory=list)
    fundings: list[Position] = field(default_factory=list)
    location: str = "$"

    @property
    def name(self) -> str:
        return self.credit_name or " ".join(p for p in (self.given_names, self.family_name) if p)


def import_orcid_record(data: bytes, *, file: str, source: str, actor, warnings: list[str]) -> int:
    try:
        record = _read_xml(data, file) if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else _read_json(data)
        _OrcidWriter(actor=actor, source=source).write(record)
    except ImportFailure as failure:
        raise failure.in_file(file) from None
    return 1


# JSON (the public API's v3.0 record)


def _value(node, *keys):
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node.get("value") if isinstance(node, dict) and "value" in node else node


def _json_date(node, where: str) -> date | None:
    if not node:
        return None
    return make_date(_value(node, "year"), _value(node, "month"), _value(node, "day"), location=where)


def _json_organization(node: dict, where: str) -> OrganizationRef:
    ref = OrganizationRef(name=" ".join(str(node.get("name") or "").split())[:300])
    address = node.get("address") or {}
    ref.country = str(address.get("country") or "").upper()[:2]
    ref.ror_id, ref.identifiers = _disambiguated(
        (node.get("disambiguated-organization") or {}).get("disambiguation-source"),
        (node.get("disambiguated-organization") or {}).get("disambiguated-organization-identifier"),
        where,
    )
    return ref


def _disambiguated(source, value, where: str):
    scheme = _DISAMBIGUATION.get(str(source or "").upper())
    if not scheme or not value:
        return None, ()
    scheme, value = identifier(scheme, str(value), location=f"{where}.disambiguated-organization")
    if scheme == "ror":
        return value, ()
    return None, ((scheme, value),) if value else ()


def _read_json(data: bytes) -> OrcidRecord:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"not UTF-8 text: {exc.reason}", location=f"byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise ImportFailure(f"not JSON: {exc.msg}", location=f"line {exc.lineno}") from None
    if not isinstance(document, dict):
        raise ImportFailure("an ORCID record must be a JSON object", location="$")
    record = OrcidRecord(
        orcid=check_orcid(_value(document, "orcid-identifier", "path"), location="$.orcid-identifier.path")
    )
    person = document.get("person") or {}
    name = person.get("name") or {}
    record.given_names = str(_value(name, "given-names") or "").strip()
    record.family_name = str(_value(name, "family-name") or "").strip()
    record.credit_name = str(_value(name, "credit-name") or "").strip()
    others = (person.get("other-names") or {}).get("other-name") or []
    record.other_names = [str(other.get("content") or "").strip() for other in others if other.get("content")]
    activities = document.get("activities-summary") or {}
    for kind, target in (("employments", record.employments), ("fundings", record.fundings)):
        section = activities.get(kind) or {}
        groups = section.get("affiliation-group") or section.get("group") or []
        for g, group in enumerate(groups):
            summaries = group.get("summaries") or group.get("funding-summary") or []
            for s, summary in enumerate(summaries):
                item = summary.get("employment-summary") or summary
                where = f"$.activities-summary.{kind}[{g}][{s}]"
                position = Position(
                    organization=_json_organization(item.get("organization") or {}, where),
                    department=str(item.get("department-name") or "").strip(),
                    role=str(item.get("role-title") or "").strip(),
                    title=str(_value(item, "title", "title") or "").strip(),
                    grant_numbers=tuple(
                        str(ext.get("external-id-value")).strip()
                        for ext in (item.get("external-ids") or {}).get("external-id") or []
                        if ext.get("external-id-type") == "grant_number" and ext.get("external-id-value")
                    ),
                    start=_json_date(item.get("start-date"), f"{where}.start-date"),
                    end=_json_date(item.get("end-date"), f"{where}.end-date"),
                    location=where,
                )
                target.append(position)
    return record


# XML (the v3.0 message schema)


def _child(element, name: str):
    if element is None:
        return None
    return next((child for child in element if local_name(child) == name), None)


def _text(element, *path: str) -> str:
    for name in path:
        element = _child(element, name)
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _read_xml(data: bytes, file: str) -> OrcidRecord:
    tree = parse_xml(data, file=file)
    root = tree.getroot()
    path = (root.get("path") or "").strip("/").split("/")[0]
    record = OrcidRecord(
        orcid=check_orcid(path, location=f"{tree.getpath(root)}/@path") if path else None,
        location=tree.getpath(root),
    )
    for element in root.iter():
        name = local_name(element)
        if name == "name" and local_name(element.getparent()) == "person":
            record.given_names = _text(element, "given-names")
            record.family_name = _text(element, "family-name")
            record.credit_name = _text(element, "credit-name")
        elif name == "other-name":
            if content := _text(element, "content"):
                record.other_names.append(content)
        elif name in {"employment-summary", "funding-summary"}:
            (record.employments if name == "employment-summary" else record.fundings).append(
                _xml_position(tree, element)
            )
    return record


def _xml_position(tree, element) -> Position:
    where = tree.getpath(element)
    organization = _child(element, "organization")
    ref = OrganizationRef(name=_text(organization, "name")[:300])
    ref.country = _text(organization, "address", "country").upper()[:2]
    disambiguated = _child(organization, "disambiguated-organization")
    ref.ror_id, ref.identifiers = _disambiguated(
        _text(disambiguated, "disambiguation-source"),
        _text(disambiguated, "disambiguated-organization-identifier"),
        where,
    )
    external = _child(element, "external-ids")
    numbers = tuple(
        _text(ext, "external-id-value")
        for ext in (external if external is not None else [])
        if _text(ext, "external-id-type") == "grant_number" and _text(ext, "external-id-value")
    )

    def when(name: str) -> date | None:
        node = _child(element, name)
        if node is None:
            return None
        return make_date(_text(node, "year"), _text(node, "month"), _text(node, "day"), location=tree.getpath(node))

    return Position(
        organization=ref,
        department=_text(element, "department-name"),
        role=_text(element, "role-title"),
        title=_text(element, "title", "title"),
        grant_numbers=numbers,
        start=when("start-date"),
        end=when("end-date"),
        location=where,
    )


# Writing


class _OrcidWriter:
    def __init__(self, *, actor, source: str):
        self.actor = actor
        self.source = source
        self.reason = f"Imported from {source}"[:100]
        self.organizations = OrganizationResolver(actor=actor, reason=self.reason)

    def write(self, record: OrcidRecord) -> None:
        for position in [*record.employments, *record.fundings]:
            try:
                validate_date_range(position.start, position.end)
            except Exception as exc:  # ValidationError: the message says which dates
                raise ImportFailure(" ".join(exc.messages), location=position.location) from None
            if not position.organization.name:
                raise ImportFailure("the organization has no name", location=position.location)
        for position in record.fundings:
            position.organization.kind = position.organization.kind or OrganizationKind.FUNDER
        self.organizations.ensure(
            [position.organization for position in record.employments],
            funders=[position.organization for position in record.fundings],
        )
        person = self.person(record)
        for position in record.employments:
            services.record_affiliation(
                actor=self.actor,
                person=person,
                organization=self.organizations.get(position.organization),
                role=position.role[:300],
                department=position.department[:300],
                start_date=position.start,
                end_date=position.end,
                reason=self.reason,
            )
        for position in record.fundings:
            numbers = ", ".join(position.grant_numbers)
            services.record_interest(
                actor=self.actor,
                person=person,
                item=services.InterestInput(
                    category=InterestCategory.GRANTS,
                    organization=self.organizations.get(position.organization),
                    organization_name=position.organization.name,
                    payee=Payee.INSTITUTION,
                    specification="; ".join(p for p in (position.title, numbers and f"grant {numbers}") if p),
                    start_date=position.start,
                    end_date=position.end,
                ),
                provenance=Provenance.IMPORT,
                provenance_detail=self.source,
                reason=self.reason,
            )

    def person(self, record: OrcidRecord):
        if not record.name:
            # A section on its own (employments, fundings) belongs to a person the registry knows.
            person = Person.objects.filter(orcid=record.orcid).first() if record.orcid else None
            if person is None:
                raise ImportFailure(
                    "the record has no name, and no registry person has its ORCID iD "
                    f"{record.orcid or '(none given)'}: import the person record first",
                    location=record.location,
                )
            return person
        matcher = PersonMatcher(actor=self.actor, reason=self.reason, source=self.source)
        author = AuthorRecord(
            name=record.name[:300],
            given_names=record.given_names[:200],
            family_name=record.family_name[:200],
            orcid=record.orcid,
            affiliations=[AffiliationRecord(organization=p.organization) for p in record.employments],
            location="/",
        )
        matcher.prefetch([author])
        employers = {self.organizations.get(p.organization).pk for p in record.employments}
        decision = matcher.decide(author, organization_ids=employers, on_article={}, taken=set())
        matcher.flush()
        matcher.record([(decision, author)], article=None)
        person = decision.person
        known = {person.normalized_name, *person.name_variants.values_list("normalized_name", flat=True)}
        for variant in [record.name, record.credit_name, *record.other_names]:
            key = PersonName.normalizer(variant)
            if variant and key not in known:
                PersonName.objects.create(person=person, name=variant[:300])
                known.add(key)
        return person
