"""The long lists of the author page, as HTML built in Python.

A prolific author has hundreds of ties and articles (the target: 500 ties and 200 articles
in 50 ms), and Django's template engine spends about 3 µs on every value it prints: half the budget
on these lists alone. Every value here goes through `html.escape`; nothing is marked safe unescaped.
"""

from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

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
