"""Auditors' flows in a real browser: review findings in bulk from the list, and triage them one by one by keyboard."""

import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from audits.models import Finding, FindingReview
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def finding(severity: str, name: str):
    article = factories.ArticleFactory(published_date=datetime.date(2026, 5, 1))
    authorship = factories.AuthorshipFactory(article=article, person__name=name)
    return factories.FindingFactory(authorship=authorship, severity=severity)


def test_an_auditor_dismisses_two_findings_from_the_list_with_one_reason(page):
    first, second, untouched = finding("high", "Ann Lee"), finding("medium", "Bob Stone"), finding("low", "Cy Dahl")
    page.login(factories.auditor(username="ada"))
    driver = page.open("/audits/findings/")

    for pk in (first.pk, second.pk):
        driver.find_element(By.CSS_SELECTOR, f"input[name=findings][value='{pk}']").click()
    Select(driver.find_element(By.NAME, "decision")).select_by_value("dismissed")
    page.submit(driver.find_element(By.CSS_SELECTOR, "#bulk-review button[name=bulk]"))
    # Without a reason nothing is written, and the page says so at its top.
    assert "Say why the finding is dismissed." in driver.find_element(By.ID, "errors").text
    assert FindingReview.objects.count() == 0

    for pk in (first.pk, second.pk):
        driver.find_element(By.CSS_SELECTOR, f"input[name=findings][value='{pk}']").click()
    Select(driver.find_element(By.NAME, "decision")).select_by_value("dismissed")
    driver.find_element(By.NAME, "reason").send_keys("Declared in the journal's own form.")
    page.submit(driver.find_element(By.CSS_SELECTOR, "#bulk-review button[name=bulk]"))

    assert "2 findings marked dismissed." in driver.find_element(By.CSS_SELECTOR, "ul.messages").text
    reviews = FindingReview.objects.order_by("finding_id")
    assert [(r.finding_id, r.decision, r.reason) for r in reviews] == [
        (first.pk, "dismissed", "Declared in the journal's own form."),
        (second.pk, "dismissed", "Declared in the journal's own form."),
    ]
    assert Finding.objects.get(pk=untouched.pk).review_status == "open"


def test_an_auditor_triages_findings_by_keyboard_in_the_lists_order(page):
    high, medium, low = finding("high", "Ann Lee"), finding("medium", "Bob Stone"), finding("low", "Cy Dahl")
    page.login(factories.auditor(username="ada"))
    driver = page.open("/audits/findings/")
    page.submit(driver.find_element(By.LINK_TEXT, high.summary))
    assert driver.find_element(By.TAG_NAME, "h1").text == high.summary

    body = driver.find_element(By.TAG_NAME, "body")
    old = driver.find_element(By.TAG_NAME, "html")
    body.send_keys("c")  # confirm, and on to the next
    _wait_stale(driver, old)
    assert driver.find_element(By.TAG_NAME, "h1").text == medium.summary
    assert Finding.objects.get(pk=high.pk).review_status == "confirmed"

    driver.find_element(By.TAG_NAME, "body").send_keys("d")  # dismiss: the reason gets the focus
    reason = driver.switch_to.active_element
    assert reason.get_attribute("name") == "reason"
    reason.send_keys("A different person of the same name.")
    old = driver.find_element(By.TAG_NAME, "html")
    reason.send_keys(Keys.CONTROL, Keys.ENTER)
    _wait_stale(driver, old)
    assert driver.find_element(By.TAG_NAME, "h1").text == low.summary
    review = FindingReview.objects.get(finding=medium)
    assert (review.decision, review.reason) == ("dismissed", "A different person of the same name.")

    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.TAG_NAME, "body").send_keys("k")  # back to the previous
    _wait_stale(driver, old)
    assert driver.find_element(By.TAG_NAME, "h1").text == medium.summary


def _wait_stale(driver, element) -> None:
    from tests.browser.waiting import wait_replaced

    wait_replaced(driver, element)
