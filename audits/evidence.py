"""A finding's frozen evidence as a reader sees it: a table of named records with links, and the disclosure
statement with the span each tie was read from highlighted.

The evidence is JSON written by the rules (audits/rules/evidence.py); this module only reads it.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from audits.models import Finding
from registry.enums import InterestCategory
from registry.models import DeclaredInterest, Disclosure

# Which record a nested object of the evidence names, by the key it sits under.
RECORD_KEYS = {
    "article": "article",
    "articles": "article",
    "declared_on": "article",
    "other_article": "article",
    "person": "person",
    "people": "person",
    "author": "person",
    "coauthor": "person",
    "interest": "interest",
    "interests": "interest",
    "organization": "organization",
    "organizations": "organization",
    "payer": "organization",
    "funder": "organization",
    "payments": "paymentrecord",
    "payment": "paymentrecord",
    "disclosure": "disclosure",
}
ID_KEYS = {"organization_id": "organization", "person_id": "person", "article_id": "article"}
CATEGORIES = dict(InterestCategory.choices)


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    value: SafeString


def admin_link(model: str, pk, text) -> SafeString:
    try:
        url = reverse(f"admin:registry_{model}_change", args=[pk])
    except NoReverseMatch:
        return format_html("{}", text)
    return format_html('<a href="{}">{}</a>', url, text)


def label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def record_text(model: str, record: dict) -> str:
    """The words a record is named by: a title, a name, a category and organization, a payment."""
    if model == "article":
        title = record.get("title") or f"article {record.get('id')}"
        return f"{title} (doi:{record['doi']})" if record.get("doi") else title
    if model == "interest":
        category = CATEGORIES.get(record.get("category"), record.get("category") or "tie")
        organization = record.get("organization") or record.get("organization_as_written") or "unnamed"
        return f"{category}: {organization}"
    if model == "paymentrecord":
        return f"{record.get('date', '')} {record.get('nature', '')} US${record.get('amount_usd', '?')}".strip()
    return str(record.get("name") or record.get("title") or f"{model} {record.get('id')}")


def render_value(value, key: str = "") -> SafeString:
    if value is None or value == "":
        return mark_safe("—")
    if isinstance(value, bool):
        return mark_safe("yes" if value else "no")
    if isinstance(value, list):
        if not value:
            return mark_safe("none")
        if all(not isinstance(item, (dict, list)) for item in value):
            return format_html("{}", ", ".join(str(item) for item in value))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((render_value(v, key),) for v in value)))
    if isinstance(value, dict):
        return render_record(value, RECORD_KEYS.get(key))
    if key == "category":
        return format_html("{}", CATEGORIES.get(value, value))
    return format_html("{}", value)


def render_record(record: dict, model: str | None) -> SafeString:
    """A record named and linked, then its other details; an unnamed object as its details."""
    shown_elsewhere = {"id", "name", "title", "doi"}
    head = mark_safe("")
    if model and record.get("id") is not None:
        head = admin_link(model, record["id"], record_text(model, record))
    else:
        shown_elsewhere = set()
    details = []
    for key, value in record.items():
        if key in shown_elsewhere:
            continue
        if key in ID_KEYS and value is not None:
            name = record.get(ID_KEYS[key], "") if ID_KEYS[key] in record else value
            details.append((label(ID_KEYS[key]), admin_link(ID_KEYS[key], value, name or value)))
            continue
        if record.get(key + "_id") is not None and not isinstance(value, dict):
            continue  # named by the link of its id
        details.append((label(key), render_value(value, key)))
    if not details:
        return head
    listed = format_html_join("", "<dt>{}</dt><dd>{}</dd>", details)
    return format_html('{}<dl class="evidence-record">{}</dl>', head, listed)


def evidence_rows(evidence: dict) -> list[EvidenceRow]:
    return [EvidenceRow(label(key), render_value(value, key)) for key, value in evidence.items()]


def interest_ids(evidence) -> set[int]:
    """Ids of the interests the evidence names, at any depth."""
    found = set()
    if isinstance(evidence, dict):
        for key, value in evidence.items():
            if RECORD_KEYS.get(key) == "interest":
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict) and isinstance(item.get("id"), int):
                        found.add(item["id"])
            found |= interest_ids(value)
    elif isinstance(evidence, list):
        for item in evidence:
            found |= interest_ids(item)
    return found


@dataclass(frozen=True)
class DisclosureShown:
    disclosure: Disclosure
    statement: SafeString
    ties: list[DeclaredInterest]


def highlighted(statement: str, spans: list[tuple[int, int]]) -> SafeString:
    """The statement with the given character spans in <mark>, the rest escaped."""
    parts, at = [], 0
    for start, end in sorted(spans):
        if start < at or end > len(statement):
            continue
        parts.append(format_html("{}<mark>{}</mark>", statement[at:start], statement[start:end]))
        at = end
    parts.append(format_html("{}", statement[at:]))
    return mark_safe("".join(parts))


def disclosure_shown(finding: Finding) -> DisclosureShown | None:
    """The author's disclosure behind an authorship finding, the ties of the finding highlighted (2 queries)."""
    if not finding.authorship_id:
        return None
    disclosure = Disclosure.objects.filter(authorship_id=finding.authorship_id).first()
    if disclosure is None:
        return None
    named = interest_ids(finding.evidence) | ({finding.interest_id} if finding.interest_id else set())
    ties = list(disclosure.declared_interests.select_related("interest__organization").order_by("span_start"))
    spans = [
        (t.span_start, t.span_end)
        for t in ties
        if t.interest_id in named and t.span_start is not None and t.span_end is not None
    ]
    return DisclosureShown(disclosure, highlighted(disclosure.statement, spans), ties)
