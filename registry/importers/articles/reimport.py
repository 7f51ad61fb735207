"""Re-imports: which service calls would change nothing, found in batched reads, so the writer
can skip them. Anything that might change (or that the service would decide ambiguously) still
goes through registry.services.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from registry import services
from registry.enums import DisclosureForm
from registry.models import Article, Authorship, DeclaredInterest, Disclosure, Interest, Topic

# (authorship, statement, declares_none, interests, disclosure on file)
DisclosureUpdate = tuple[Authorship, str, bool, list[services.InterestInput], Disclosure]


def article_unchanged(article: Article, fields: dict, topics: Sequence[Topic]) -> bool:
    """Whether record_article() would change nothing: the same values, every topic listed already
    (one query instead of the service's five)."""
    if any(getattr(article, name) != value for name, value in fields.items()):
        return False
    if not topics:
        return True
    listed = set(Article.topics.through.objects.filter(article=article).values_list("topic_id", flat=True))
    return all(topic.pk in listed for topic in topics)


def unchanged_disclosures(updates: Iterable[DisclosureUpdate]) -> set[int]:
    """The authorships whose record_disclosure() would change nothing, in two queries: the same
    statement, each interest read matching exactly one tie on record that would keep its values and
    is declared with the same words, and nothing else declared."""
    updates = [update for update in updates if update[4] is not None]
    if not updates:
        return set()
    ties: dict[int, list[Interest]] = defaultdict(list)
    for interest in Interest.objects.filter(person_id__in={update[0].person_id for update in updates}).order_by():
        ties[interest.person_id].append(interest)
    declared: dict[int, dict[int, DeclaredInterest]] = defaultdict(dict)
    for row in DeclaredInterest.objects.filter(disclosure_id__in=[update[4].pk for update in updates]).order_by():
        declared[row.disclosure_id][row.interest_id] = row
    same = set()
    for authorship, statement, declares_none, interests, disclosure in updates:
        wanted = (statement, DisclosureForm.FREE_TEXT, None, declares_none)
        if (disclosure.statement, disclosure.form, disclosure.completed_on, disclosure.declares_none) != wanted:
            continue
        rows = declared[disclosure.pk]
        kept = set()
        for item in interests:
            interest = _same_interest(ties[authorship.person_id], item, declared_here=rows)
            # The same disclosure declaring the same tie again is no new source: the tie keeps the
            # provenance of the file that last declared it anew (else an author's ties would move
            # from file to file on every re-import of the articles declaring them).
            if interest is None or not interest_unchanged(interest, item, provenance_detail=""):
                break
            row = rows.get(interest.pk)
            start, end = item.span or (None, None)
            if row is None or (row.text_as_written, row.span_start, row.span_end) != (item.text_as_written, start, end):
                break
            kept.add(interest.pk)
        else:
            if kept == set(rows):
                same.add(authorship.pk)
    return same


def _same_interest(ties: list[Interest], item: services.InterestInput, declared_here) -> Interest | None:
    """The tie services.record_interest() would reuse, when only one fits, or when of several that fit
    (two records of one person, linked since, each kept its ties) this disclosure declares just one;
    else the service decides."""
    found = services.same_ties(ties, item)
    if len(found) > 1:
        found = [interest for interest in found if interest.pk in declared_here]
    return found[0] if len(found) == 1 else None


def interest_unchanged(interest: Interest, item: services.InterestInput, provenance_detail: str) -> bool:
    """Whether services.record_interest() would leave `interest` as it is."""
    values = services.restated_values(interest, item, provenance_detail)
    return not item.topics and all(getattr(interest, name) == value for name, value in values.items())


# Every change an import writes has a history reason that starts so (see ArticleWriter.reason).
IMPORT_REASON = "Imported from "


def changed_by_editors(article: Article, names: Iterable[str]) -> set[str]:
    """Of the fields `names`, those whose latest change in the article's history was not an import's
    (one query): an editor's decision that a re-import keeps."""
    names = list(names)
    latest: dict[str, str] = {}
    previous: dict | None = None
    for row in article.history.order_by("history_id").values("history_change_reason", *names):
        for name in names:
            if previous is None or row[name] != previous[name]:
                latest[name] = row["history_change_reason"] or ""
        previous = row
    return {name for name, reason in latest.items() if not reason.startswith(IMPORT_REASON)}


def kept_by_editors(updates: Iterable[DisclosureUpdate], *, own_reasons: set[str]) -> set[int]:
    """The authorships whose disclosure was changed by someone else (an editor, another source) after
    this file last wrote it, while the file still says what it said then: the change stays (one query).

    What the file said then is the history row its last import wrote (reasons in `own_reasons`), not
    the current row: a file whose statement changed since is a newer version, and is recorded."""
    updates = [update for update in updates if update[4] is not None]
    if not updates:
        return set()
    rows = Disclosure.history.filter(id__in=[update[4].pk for update in updates]).order_by("history_id")
    history: dict[int, list[dict]] = defaultdict(list)
    for row in rows.values("id", "statement", "declares_none", "history_change_reason"):
        history[row["id"]].append(row)
    kept = set()
    for authorship, statement, declares_none, _, disclosure in updates:
        records = history[disclosure.pk]
        own = [i for i, row in enumerate(records) if (row["history_change_reason"] or "") in own_reasons]
        if not own:
            continue  # this file never wrote the disclosure: what it says is news
        written = records[own[-1]]
        if (written["statement"], written["declares_none"]) != (statement, declares_none):
            continue  # the file changed since its last import
        if any((row["history_change_reason"] or "") not in own_reasons for row in records[own[-1] + 1 :]):
            kept.add(authorship.pk)
    return kept
