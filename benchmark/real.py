"""The audit on real articles: import JATS files, link people, audit, and score the findings per rule
against an auditor's labelled expectations (JSON lines, one case each)."""

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from audits.enums import Severity
from audits.models import Finding
from audits.scope import AuditScope
from audits.services import run_audit
from registry.importers import import_jats_paths
from registry.models import Article
from registry.names import fold, normalize_organization_name

FINDING, NO_FINDING = "finding", "no_finding"


@dataclass(frozen=True)
class Expectation:
    """One labelled case: a finding of `rule` about `person` on the article `doi` (and, when given,
    naming `organization`, of `severity`) is expected or must not appear. For ORGANIZATION_NAME_VARIANT the case
    names the two organizations instead: `organizations` [a, b]."""

    rule: str
    expect: str
    why: str
    doi: str = ""
    person: str = ""
    organization: str = ""
    organizations: tuple[str, ...] = ()
    severity: str = ""  # when given, only findings of this severity count (e.g. "no high finding")
    recall: bool = True  # False: a case that says a finding would be right, not that one is due

    def matches(self, finding: "FoundRow") -> bool:
        if finding.rule != self.rule or (self.severity and finding.severity != self.severity):
            return False
        if self.organizations:
            wanted = {normalize_organization_name(n) for n in self.organizations}
            return wanted == {normalize_organization_name(n) for n in finding.names}
        if self.doi and fold(self.doi) != fold(finding.doi):
            return False
        if self.person and not _same_person(self.person, finding.person):
            return False
        if self.organization:
            wanted = normalize_organization_name(self.organization)
            return any(wanted in normalize_organization_name(n) for n in finding.names)
        return True


def _same_person(label: str, name: str) -> bool:
    """The labelled name and the registry's: same surname and first initial."""
    a, b = fold(label).replace(".", " ").split(), fold(name).replace(".", " ").split()
    return bool(a and b) and a[-1] == b[-1] and a[0][0] == b[0][0]


def load_expectations(path: Path) -> list[Expectation]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        row = json.loads(line)
        if row.get("expect") not in (FINDING, NO_FINDING) or not row.get("rule") or not row.get("why"):
            raise ValueError(f"{path}:{number}: needs rule, expect (finding or no_finding) and why")
        cases.append(
            Expectation(
                rule=row["rule"],
                expect=row["expect"],
                why=row["why"],
                doi=row.get("doi", ""),
                person=row.get("person", ""),
                organization=row.get("organization", ""),
                organizations=tuple(row.get("organizations", ())),
                severity=row.get("severity", ""),
                recall=row.get("recall", True),
            )
        )
    return cases


class FoundRow(NamedTuple):
    rule: str
    severity: str
    doi: str
    person: str
    names: tuple[str, ...]  # the organizations the finding names
    summary: str


def _organization_names(evidence: dict) -> tuple[str, ...]:
    names = list(evidence.get("names", ()))
    ties = [evidence["tie"]] if "tie" in evidence else list(evidence.get("ties", ()))
    for tie in ties:
        interest = tie.get("interest", {}) if isinstance(tie, dict) else {}
        names += [n for n in (interest.get("organization"), interest.get("organization_as_written")) if n]
    return tuple(names)


def write_findings(findings: Iterable["FoundRow"], path: Path) -> None:
    """Every finding as a JSON line, for an auditor to read and label."""
    with path.open("w", encoding="utf-8") as out:
        for f in findings:
            out.write(json.dumps(f._asdict(), ensure_ascii=False) + "\n")


def found_rows(run) -> list[FoundRow]:
    rows = Finding.objects.filter(last_seen_run=run).select_related("article", "person").order_by("pk")
    return [
        FoundRow(
            f.rule_code,
            f.severity,
            f.article.doi if f.article else "",
            f.person.name if f.person else "",
            _organization_names(f.evidence),
            f.summary,
        )
        for f in rows
    ]


@dataclass
class RuleScore:
    findings: int = 0
    severities: Counter = field(default_factory=Counter)
    true_positives: int = 0  # labelled "finding" cases found
    expected: int = 0  # labelled "finding" cases
    labelled_findings: int = 0  # findings that match some labelled case
    correct_findings: int = 0  # of those, ones matching a "finding" case

    @property
    def precision(self) -> float | None:
        return self.correct_findings / self.labelled_findings if self.labelled_findings else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.expected if self.expected else None


@dataclass
class RealReport:
    articles: int
    refused: int
    scores: dict[str, RuleScore]
    missed: list[Expectation]
    wrong: list[tuple[Expectation, FoundRow]]

    @property
    def findings(self) -> int:
        return sum(s.findings for s in self.scores.values())

    @property
    def to_review(self) -> int:
        """Findings an auditor works through: information (declared ties described) left out."""
        return self.findings - sum(s.severities[Severity.INFO] for s in self.scores.values())


def score(findings: Iterable[FoundRow], cases: list[Expectation], articles: int, refused: int = 0) -> RealReport:
    findings = list(findings)
    scores: dict[str, RuleScore] = defaultdict(RuleScore)
    for found in findings:
        scores[found.rule].findings += 1
        scores[found.rule].severities[found.severity] += 1
        matching = [c for c in cases if c.matches(found)]
        if matching:
            scores[found.rule].labelled_findings += 1
            if any(c.expect == FINDING for c in matching):
                scores[found.rule].correct_findings += 1
    missed, wrong = [], []
    for case in cases:
        hits = [f for f in findings if case.matches(f)]
        if case.expect == NO_FINDING:
            wrong += [(case, hit) for hit in hits]
        elif case.recall:
            scores[case.rule].expected += 1
            if hits:
                scores[case.rule].true_positives += 1
            else:
                missed.append(case)
    return RealReport(articles, refused, dict(sorted(scores.items())), missed, wrong)


def measure_real(paths: list[Path], cases: list[Expectation], *, findings_to: Path | None = None) -> RealReport:
    """Import (people are linked at import), audit everything, score. Run it on a scratch database."""
    summary = import_jats_paths(paths)
    run = run_audit(actor=None, scope=AuditScope())
    found = found_rows(run)
    if findings_to:
        write_findings(found, findings_to)
    return score(found, cases, Article.objects.count(), len(summary.failures))


SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)


def report_lines(report: RealReport) -> list[str]:
    per = 100 / report.articles if report.articles else 0.0
    lines = [
        f"{report.articles} articles ({report.refused} files refused), {report.findings} findings "
        f"({report.findings * per:.1f} per 100 articles), {report.to_review} to review, information left out "
        f"({report.to_review * per:.1f} per 100 articles)",
        f"{'rule':34} {'per 100':>8} {'high':>6} {'medium':>7} {'low':>6} {'info':>6} {'precision':>10} {'recall':>8}",
    ]
    for code, s in report.scores.items():
        shares = [f"{s.severities[level] / s.findings:.0%}" if s.findings else "-" for level in SEVERITY_ORDER]
        precision = (
            f"{s.precision:.2f} ({s.correct_findings}/{s.labelled_findings})" if s.precision is not None else "-"
        )
        recall = f"{s.recall:.2f} ({s.true_positives}/{s.expected})" if s.recall is not None else "-"
        rate = f"{s.findings * per:8.1f}"
        levels = f"{shares[0]:>6} {shares[1]:>7} {shares[2]:>6} {shares[3]:>6}"
        lines.append(f"{code:34} {rate} {levels} {precision:>10} {recall:>8}")
    for case in report.missed:
        lines.append(f"missed: {case.rule} {case.doi} {case.person} {case.organization or case.organizations}")
    for case, hit in report.wrong:
        lines.append(f"must not fire: {case.rule} {hit.doi} {hit.person}: {hit.summary[:160]}")
    return lines
