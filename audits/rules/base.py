"""What every audit rule is: a code, a version, a default severity, parameters with defaults, and a
`find()` that reads the audit context set-wise and yields explained findings."""

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from audits.enums import Severity, SubjectType

if TYPE_CHECKING:
    from audits.context import AuditContext


@dataclass(frozen=True)
class Parameter:
    name: str
    default: Any
    help: str

    def coerce(self, value: Any) -> Any:
        """Bring a value given on the command line or in a form to the default's type."""
        kind = type(self.default)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        if kind is bool:
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"{self.name} must be true or false, not {value!r}")
        if kind in (int, float):
            try:
                number = kind(value)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{self.name} must be a number, not {value!r}") from exc
            if number < 0:
                raise ValueError(f"{self.name} cannot be negative")
            return number
        if kind is str:
            return str(value)
        raise ValueError(f"{self.name} cannot be set from {value!r}")


@dataclass
class FindingData:
    """A finding as a rule produces it, before it is matched to the registry of findings."""

    rule_code: str
    key: str
    severity: str
    subject_type: str
    summary: str
    evidence: dict[str, Any]
    article_id: int | None = None
    authorship_id: int | None = None
    person_id: int | None = None
    organization_id: int | None = None
    interest_id: int | None = None
    fingerprint: str = field(init=False)

    def __post_init__(self):
        self.fingerprint = hashlib.sha256(f"{self.rule_code}|{self.key}".encode()).hexdigest()


class Rule:
    """Base class. Subclasses set the class attributes and implement `find()`.

    `registry_wide` rules (about organizations rather than articles) see the whole registry, and
    their findings are marked resolved only by a run over the whole registry.
    """

    code: ClassVar[str]
    title: ClassVar[str]
    version: ClassVar[int] = 1
    severity: ClassVar[str] = Severity.MEDIUM
    subject_type: ClassVar[str] = SubjectType.AUTHORSHIP
    parameters: ClassVar[tuple[Parameter, ...]] = ()
    registry_wide: ClassVar[bool] = False

    def __init__(self, params: dict[str, Any] | None = None):
        self.params = self.resolve_parameters(params or {})

    @classmethod
    def resolve_parameters(cls, given: dict[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in cls.parameters}
        unknown = set(given) - set(known)
        if unknown:
            names = ", ".join(sorted(unknown))
            raise ValueError(f"{cls.code} has no parameter {names}; it takes {', '.join(known) or 'none'}")
        return {name: p.coerce(given[name]) if name in given else p.default for name, p in known.items()}

    @classmethod
    def describe(cls) -> str:
        return " ".join((cls.__doc__ or "").split())

    def find(self, ctx: "AuditContext") -> Iterable[FindingData]:
        raise NotImplementedError

    def finding(self, key: str, summary: str, evidence: dict[str, Any], author=None, **subject) -> FindingData:
        """A finding of this rule; `author` (an authorship row) makes its article, authorship and
        person the subject."""
        if author is not None:
            subject = {
                "article_id": author.article_id,
                "authorship_id": author.id,
                "person_id": author.person_id,
                **subject,
            }
        return FindingData(
            rule_code=self.code,
            key=key,
            severity=subject.pop("severity", self.severity),
            subject_type=subject.pop("subject_type", self.subject_type),
            summary=summary,
            evidence=evidence,
            **subject,
        )


_RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: adds the rule to the catalogue."""
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"Two rules share the code {rule.code}")
    _RULES[rule.code] = rule
    return rule


def all_rules() -> dict[str, type[Rule]]:
    return dict(sorted(_RULES.items()))


def iter_rule_classes(codes: Iterable[str] | None) -> Iterator[type[Rule]]:
    rules = all_rules()
    if codes is None:
        yield from rules.values()
        return
    for code in codes:
        if code not in rules:
            raise ValueError(f"Unknown rule {code}; known rules: {', '.join(rules)}")
        yield rules[code]
