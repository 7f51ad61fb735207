"""How the weighed evidence of a person link or queue entry is shown to editors."""

from django.utils.html import format_html, format_html_join


def evidence_table(evidence: list[dict], score: float | None):
    """The evidence as an editor reads it: kind, weight in bits, what was found; then the sum."""
    if not evidence:
        return "—"
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (item["kind"], "never" if item["weight"] is None else f"{item['weight']:+g}", item["detail"])
            for item in evidence
        ),
    )
    total = "—" if score is None else f"{score:g}"
    return format_html(
        "<table><tr><th>evidence</th><th>weight</th><th>found</th></tr>{}"
        "<tr><th>score</th><th>{}</th><td></td></tr></table>",
        rows,
        total,
    )
