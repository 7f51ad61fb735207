"""Load a registry seed file (fixtures/seed/*.json): topics, organizations, people and articles
with their authors' disclosures, written through the registry services so history records them.

Loading is atomic and idempotent: a bad file writes nothing, a second load changes nothing.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from registry import services
from registry.models import Organization, Person, Topic
from registry.selectors import resolve_organizations

REASON = "Loaded from seed file {name}"


class SeedError(ValueError):
    """A seed file that cannot be loaded, with the file and the place in it."""


def _date(value: str | None, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise SeedError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc


class _Loader:
    def __init__(self, path: Path, actor):
        self.path = path
        self.actor = actor
        self.reason = REASON.format(name=path.name)
        self.topics: dict[str, Topic] = {}
        self.organizations: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        self.resolved: dict[str, Organization | None] = {}

    def fail(self, where: str, message: str) -> SeedError:
        return SeedError(f"{self.path}: {where}: {message}")

    def topic(self, name: str, where: str) -> Topic:
        if name not in self.topics:
            raise self.fail(where, f"unknown topic {name!r}; list it under 'topics' first")
        return self.topics[name]

    def organization(self, name: str, where: str) -> Organization:
        if name in self.organizations:
            return self.organizations[name]
        found = resolve_organizations([name])[name].organization
        if found is None:
            raise self.fail(where, f"unknown organization {name!r}; list it under 'organizations' first")
        return found

    def resolve(self, name: str) -> Organization | None:
        """The organization a declared name refers to; names recur across statements, so each is looked up once."""
        if name not in self.resolved:
            self.resolved[name] = resolve_organizations([name])[name].organization
        return self.resolved[name]

    def load(self, data: dict[str, Any]) -> dict[str, int]:
        for row in data.get("topics", []):
            self.topics[row["name"]] = services.record_topic(
                name=row["name"], synonyms=row.get("synonyms", []), description=row.get("description", "")
            )
        for index, row in enumerate(data.get("topics", [])):
            related = [self.topic(name, f"topics[{index}].related") for name in row.get("related", [])]
            if related:
                self.topics[row["name"]].related.add(*related)
        for index, row in enumerate(data.get("organizations", [])):
            self.load_organization(index, row)
        for index, row in enumerate(data.get("people", [])):
            self.load_person(index, row)
        for index, row in enumerate(data.get("articles", [])):
            self.load_article(index, row)
        return {
            "topics": len(self.topics),
            "organizations": len(self.organizations),
            "people": len(self.people),
            "articles": len(data.get("articles", [])),
        }

    def load_organization(self, index: int, row: dict) -> None:
        where = f"organizations[{index}]"
        parent = self.organization(row["parent"], f"{where}.parent") if row.get("parent") else None
        self.organizations[row["name"]] = services.record_organization(
            actor=self.actor,
            name=row["name"],
            aliases=row.get("aliases", []),
            topics=[self.topic(name, f"{where}.topics") for name in row.get("topics", [])],
            kind=row.get("kind", "company"),
            country=row.get("country", ""),
            ror_id=row.get("ror_id"),
            parent=parent,
            publicly_traded=row.get("publicly_traded"),
            description=row.get("description", ""),
            reviewed=True,  # the seed is editors' data, checked as they entered it
            reason=self.reason,
        )

    def load_person(self, index: int, row: dict) -> None:
        where = f"people[{index}]"
        person = services.record_person(
            actor=self.actor,
            name=row["name"],
            orcid=row.get("orcid"),
            name_variants=row.get("name_variants", []),
            given_names=row.get("given_names", ""),
            family_name=row.get("family_name", ""),
            email=row.get("email", ""),
            reason=self.reason,
        )
        for number, affiliation in enumerate(row.get("affiliations", [])):
            services.record_affiliation(
                actor=self.actor,
                person=person,
                organization=self.organization(
                    affiliation["organization"], f"{where}.affiliations[{number}].organization"
                ),
                role=affiliation.get("role", ""),
                department=affiliation.get("department", ""),
                start_date=_date(affiliation.get("start_date"), f"{where}.affiliations[{number}].start_date"),
                end_date=_date(affiliation.get("end_date"), f"{where}.affiliations[{number}].end_date"),
                reason=self.reason,
            )
        self.people[row["name"]] = person

    def load_article(self, index: int, row: dict) -> None:
        where = f"articles[{index}]"
        article = services.record_article(
            actor=self.actor,
            doi=row["doi"],
            topics=[self.topic(name, f"{where}.topics") for name in row.get("topics", [])],
            funders=[
                (self.organization(funder["organization"], f"{where}.funders"), funder.get("award_id", ""))
                for funder in row.get("funders", [])
            ],
            title=row["title"],
            journal=row.get("journal", ""),
            article_type=row.get("article_type", ""),
            received_date=_date(row.get("received_date"), f"{where}.received_date"),
            accepted_date=_date(row.get("accepted_date"), f"{where}.accepted_date"),
            published_date=_date(row.get("published_date"), f"{where}.published_date"),
            status=row.get("status", "draft"),
            funding_statement=row.get("funding_statement", ""),
            competing_interests_text=row.get("competing_interests_text")
            or "\n\n".join(
                f"{a['name_as_printed']}: {a['disclosure']['statement']}"
                for a in row.get("authorships", [])
                if a.get("disclosure")
            ),
            reason=self.reason,
        )
        for number, authorship_row in enumerate(row.get("authorships", [])):
            self.load_authorship(article, authorship_row, f"{where}.authorships[{number}]")

    def load_authorship(self, article, row: dict, where: str) -> None:
        if row["person"] not in self.people:
            raise self.fail(f"{where}.person", f"unknown person {row['person']!r}; list them under 'people'")
        authorship = services.record_authorship(
            actor=self.actor,
            article=article,
            person=self.people[row["person"]],
            position=row["position"],
            corresponding=row.get("corresponding", False),
            name_as_printed=row.get("name_as_printed", ""),
            affiliations_as_printed=row.get("affiliations_as_printed", ""),
            reason=self.reason,
        )
        disclosure = row.get("disclosure")
        if disclosure is None:
            return
        statement = disclosure["statement"]
        items = [
            self.interest_input(item, statement, f"{where}.disclosure.interests[{number}]")
            for number, item in enumerate(disclosure.get("interests", []))
        ]
        services.record_disclosure(
            actor=self.actor,
            authorship=authorship,
            statement=statement,
            form=disclosure.get("form", "free_text"),
            completed_on=_date(disclosure.get("completed_on"), f"{where}.disclosure.completed_on"),
            declares_none=disclosure.get("declares_none", False),
            interests=items,
            provenance_detail=self.path.name,
            reason=self.reason,
        )

    def interest_input(self, item: dict, statement: str, where: str) -> services.InterestInput:
        written = item.get("text_as_written", "")
        start = statement.find(written) if written else -1
        if written and start < 0:
            raise self.fail(f"{where}.text_as_written", "this text does not occur in the statement")
        name = item.get("organization")
        return services.InterestInput(
            category=item["category"],
            organization=self.resolve(name) if name else None,
            organization_name=name or "",
            payee=item.get("payee", "self"),
            specification=item.get("specification", ""),
            topics=[self.topic(topic, f"{where}.topics") for topic in item.get("topics", [])],
            text_as_written=written,
            span=(start, start + len(written)) if start >= 0 else None,
        )


def load_seed_file(path: Path, *, actor=None) -> dict[str, int]:
    """Load one seed file in one transaction; returns counts by kind of record."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"{path}: cannot be read as JSON: {exc}") from exc
    try:
        with transaction.atomic():
            return _Loader(path, actor).load(data)
    except ValidationError as exc:
        raise SeedError(f"{path}: {'; '.join(exc.messages)}") from exc
    except KeyError as exc:
        raise SeedError(f"{path}: a record lacks the required field {exc}") from exc
