"""The long lists of the author and organization pages, as HTML built in Python.

A prolific author has hundreds of ties and articles (the target: 500 ties and 200 articles
in 50 ms), and Django's template engine spends about 3 µs on every value it prints: half the budget
on these lists alone. Every value here goes through `html.escape`; nothing is marked safe unescaped.
"""

from collections.abc import Iterable
from html import escape

from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from registry.reader.paths import page_path
from registry.reader.statements import Statement
from registry.reader.ties import CategoryTies, OrganizationTies, Tie


def tie_groups(groups: list[OrganizationTies]) -> SafeString:
    """A <tbody> per organization: a heading row naming it, then a row per kind of tie."""
    return mark_safe("".join(_tie_group(group) for group in groups))


def _tie_group(group: OrganizationTies) -> str:
    name = escape(group.name or "Organization not named")
    heading = f'<a href="{escape(group.url)}">{name}</a>' if group.url else name
    if group.names_as_declared:
        heading += f' <span class="meta">(declared as {escape(group.names_as_declared)})</span>'
    rows = "".join(_tie_row(tie) for tie in group.ties)
    return f'<tbody id="{group.anchor}"><tr><th scope="rowgroup" colspan="5">{heading}</th></tr>{rows}</tbody>\n'


def _tie_row(tie: Tie) -> str:
    cells = (escape(tie.category_label), escape(tie.payee_label), escape(tie.period), escape(tie.specification))
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + f'<td class="cites">{tie.citations}</td></tr>'


def category_rows(groups: list[CategoryTies]) -> SafeString:
    """A row per ICMJE category: how many ties, and links to the organizations' groups above."""
    return mark_safe("".join(_category_row(group) for group in groups))


def _category_row(group: CategoryTies) -> str:
    links = ", ".join(f'<a href="#{tie.anchor}">{escape(tie.organization or "not named")}</a>' for tie in group.ties)
    return f'<tr><th scope="row">{escape(group.label)}</th><td>{len(group.ties)}</td><td>{links}</td></tr>\n'


def article_items(articles: Iterable) -> SafeString:
    """The author's articles (`AuthorArticle`s) as the items of the page's numbered list, each with the
    author's statement."""
    return mark_safe(
        "".join(
            f'\n    <li id="article-{article.number}"><a href="{escape(article.url)}">{escape(article.title)}</a> '
            f'<span class="meta">{escape(article.meta)}</span>\n      {article.statement}\n    </li>\n  '
            for article in articles
        )
    )


def statement(disclosure: Statement | None) -> SafeString:
    """A disclosure as printed, its correction or withdrawal, or the fact that none is on file."""
    if disclosure is None:
        return mark_safe('<p class="none">No disclosure on file.</p>')
    parts = []
    if disclosure.amended:
        on = f" on {disclosure.status_changed_on.isoformat()}" if disclosure.status_changed_on else ""
        parts.append(f'<p><span class="tag">{escape(disclosure.status_label)}{on}</span></p>')
    if disclosure.statement:
        parts.append(f'<blockquote class="statement">{escape(disclosure.statement)}</blockquote>')
    if disclosure.declares_none:
        parts.append('<p class="none">Declares no competing interests.</p>')
    return mark_safe("\n".join(parts))


# The organization page's lists: a busy company's page names hundreds of people and articles, each a
# link; a {% url %} per link and the template's per-value work were most of its rendering.


def category_year_rows(years: Iterable) -> SafeString:
    """A row per year (`CategoryYear`) of one kind of tie: how many people, disclosures, and who."""
    return mark_safe(
        "".join(
            f'\n      <tr><th scope="row">{entry.year}</th><td data-label="People">{len(entry.people)}</td>'
            f'<td data-label="Disclosures">{entry.disclosures}</td><td data-label="Who">{_people(entry.people)}</td>'
            "</tr>\n    "
            for entry in years
        )
    )


def declarant_rows(declarants: Iterable) -> SafeString:
    """A row per person (`DeclarantSummary`): the kinds of tie and the years declared."""
    return mark_safe(
        "".join(
            f'\n      <tr><th scope="row">{_people([summary.person])}</th>'
            f'<td data-label="Kinds">{escape("; ".join(summary.categories))}</td>'
            f'<td data-label="Years">{_years(summary.first_year, summary.last_year)}</td></tr>\n    '
            for summary in declarants
        )
    )


def article_list_items(articles: Iterable) -> SafeString:
    """Articles (with doi, title, journal and published_date) as list items linking to their pages."""
    return mark_safe("".join(_article_item(article) for article in articles))


def _article_item(article) -> str:
    href = page_path("article", article.doi or article.pk)
    journal = f"{escape(article.journal)}, " if article.journal else ""
    year = article.published_date.year if article.published_date else ""
    return f'<li><a href="{escape(href)}">{escape(article.title)}</a> <span class="meta">{journal}{year}</span></li>'


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}\N{EN DASH}{last}"


def _people(people: Iterable) -> str:
    return ", ".join(
        f'<a href="{page_path("person", person.person_id)}">{escape(person.name)}</a>' for person in people
    )


def chart_marks(chart) -> SafeString:
    """A `StackedBars` chart's bars (each with its title) and year labels, as SVG elements."""
    bars = "".join(
        f'<rect x="{_number(segment.x)}" y="{_number(segment.y)}" width="{_number(chart.bar_width)}" '
        f'height="{_number(segment.height)}" fill="{escape(segment.colour)}">'
        f"<title>{escape(segment.title)}</title></rect>"
        for segment in chart.segments
    )
    labels = "".join(
        f'<text x="{_number(x)}" y="{_number(chart.labels_y)}" text-anchor="middle">{_number(year)}</text>'
        for x, year in chart.labels
    )
    return mark_safe(f"{bars}\n      {labels}")


def _number(value: float) -> str:
    # As the template prints a number: str() but for exponents, which Django writes out.
    text = str(value)
    return localize(value) if "e" in text else text
