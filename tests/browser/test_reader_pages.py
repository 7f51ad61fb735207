"""A reader in a real browser: search for an author from the home page, read their declared ties and
the timeline's text alternative, and follow on to an article and an organization, with and without
JavaScript."""

from contextlib import contextmanager

import pytest
from selenium.webdriver.common.by import By

from tests.browser.waiting import wait_replaced
from tests.registry.scenario import NEVER_PUBLIC, build_scenario

pytestmark = pytest.mark.django_db(transaction=True)


def follow(driver, element) -> None:
    """Click a link or button and wait for the next page to replace this one."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_replaced(driver, old_page)


def search(driver, query: str) -> None:
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(query)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]"))


def heading(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def row_texts(driver, css: str) -> list[str]:
    return [" ".join(row.text.split()) for row in driver.find_elements(By.CSS_SELECTOR, css)]


@contextmanager
def javascript_off(driver):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_reader_finds_an_author_reads_their_ties_and_timeline_and_opens_an_article(page):
    build_scenario()
    driver = page.open("/")
    search(driver, "example")
    assert row_texts(driver, "ul.results li") == [
        "Person Ann Example ORCID 0000-0002-1825-0097 Professor, University of Oslo · 2 articles · 2 declared ties",
        "Article Ketamine for depression: a trial Journal of Tests, doi:10.5555/reader.1 2024 · 2 authors · "
        "2 declared ties Statement by Ann Example: Ann Example has received consulting fees from Acme and holds "
        "shares in …",
    ]

    follow(driver, driver.find_element(By.LINK_TEXT, "Ann Example"))
    assert heading(driver) == "Ann Example"
    groups = row_texts(driver, "#ties-by-organization + table tbody th[scope=rowgroup]")
    assert groups == ["Acme Pharma (declared as Acme)", "Beta Clinics"]
    categories = row_texts(driver, "#ties-by-category + table tbody th[scope=row]")
    assert categories == ["4. Consulting fees", "11. Stock or stock options"]

    timeline = driver.find_element(By.ID, "timeline-table")
    assert timeline.is_displayed()
    assert timeline.find_element(By.TAG_NAME, "caption").text == "Timeline as a table"
    assert row_texts(driver, "#timeline-table tbody tr")[:1] == ["2021 1 1 1"]
    assert driver.find_element(By.CSS_SELECTOR, "svg[role=img]").get_attribute("aria-labelledby") == (
        "timeline-title timeline-desc"
    )

    follow(driver, driver.find_element(By.LINK_TEXT, "Ketamine for depression: a trial"))
    assert heading(driver) == "Ketamine for depression: a trial"
    authors = row_texts(driver, "section[aria-labelledby=authors] > table > tbody > tr > th")
    assert authors == ["1. Ann Example corresponding ORCID 0000-0002-1825-0097", "2. Bob Nobody"]
    source = driver.page_source
    for words in NEVER_PUBLIC:
        assert words not in source, words


def test_without_javascript_a_reader_goes_from_search_to_an_organization_and_back_to_the_author(page):
    build_scenario()
    driver = page.open("/")
    with javascript_off(driver):
        follow(driver, driver.find_element(By.LINK_TEXT, "Search"))
        search(driver, "ACME")
        follow(driver, driver.find_element(By.LINK_TEXT, "Acme Pharma"))
        assert heading(driver) == "Acme Pharma"
        assert row_texts(driver, "#category-consulting ~ table tbody tr")[:2] == [
            "2024 1 1 Ann Example",
            "2021 1 1 Ann Example",
        ]
        follow(driver, driver.find_element(By.LINK_TEXT, "Ann Example"))
        assert heading(driver) == "Ann Example"
        # The numbers next to a tie lead to the articles that declare it, further down the page.
        driver.find_element(By.CSS_SELECTOR, "td.cites a[href='#article-2']").click()
        assert driver.current_url.endswith("#article-2")
        assert driver.find_element(By.ID, "article-2").text.startswith("An earlier review")
