"""Editors' flows in a real browser: parse a pasted statement and confirm the rows; upload an article file."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from registry.enums import ArticleStatus
from registry.models import Article, DeclaredInterest, Disclosure, Interest, Person
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db(transaction=True)

# One of the seed article's statements (Tidsskrift 2026, DOI 10.4045/tidsskr.26.0122), verbatim.
ANDREASSEN = (
    "The author has completed the ICMJE form and declares the following conflicts of interest: "
    "he has received consultancy fees from Precision-Health.ai, Ledidi, BMS and Lilly; lecture fees from "
    "BMS, Lilly, Janssen, Lundbeck, Otsuka and Sunovion; has served on the advisory board for Ledidi; and "
    "holds stock options/shares in Precision-Health.ai, Lididi and Cortechs.ai."
)


def value(element) -> str:
    return element.get_attribute("value")


def rows(driver) -> list[dict]:
    """The proposed rows as the editor sees them."""
    out = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "table.rows tbody tr"):
        fields = {el.get_attribute("name").split("-", 2)[-1]: el for el in tr.find_elements(By.CSS_SELECTOR, "[name]")}
        if "category" in fields:
            out.append(fields)
    return out


def test_an_editor_parses_a_pasted_statement_corrects_it_and_saves(page):
    editor = factories.editor(username="editor")
    ledidi = factories.OrganizationFactory(name="Ledidi")
    bms = factories.OrganizationFactory(name="Bristol-Myers Squibb")
    factories.OrganizationAliasFactory(organization=bms, name="BMS")
    article = factories.ArticleFactory(status=ArticleStatus.DRAFT, published_date=None)
    person = factories.PersonFactory(name="Ole A. Andreassen")
    authorship = factories.AuthorshipFactory(article=article, person=person, position=1)
    disclosure = factories.DisclosureFactory(authorship=authorship, statement="")
    page.login(editor)

    driver = page.open(f"/admin/registry/disclosure/{disclosure.pk}/change/")
    page.submit(driver.find_element(By.CSS_SELECTOR, ".object-tools a[href$='/parse/']"))
    driver.find_element(By.NAME, "statement").send_keys(ANDREASSEN)
    page.submit(driver.find_element(By.CSS_SELECTOR, "input[name=parse]"))

    # Step 2: the proposal, with nothing written yet.
    assert "Nothing has been written yet" in driver.page_source
    assert Interest.objects.count() == 0
    marked = driver.find_elements(By.CSS_SELECTOR, "#statement mark")
    assert "Precision-Health.ai" in " ".join(m.text for m in marked)
    warning = driver.find_element(By.CSS_SELECTOR, ".messagelist .warning").text
    assert "Ledidi" in warning and "Lididi" in warning
    proposed = rows(driver)
    by_name = {(value(r["category"]), value(r["organization_name"])): r for r in proposed}
    assert len(proposed) == 14
    bms_row = by_name[("consulting", "BMS")]
    assert Select(bms_row["organization"]).first_selected_option.text.startswith("Bristol-Myers Squibb")
    # The editor leaves the misspelt "Lididi" out and files Lilly's lecture fees as consultancy.
    by_name[("stock", "Lididi")]["include"].click()
    Select(by_name[("lectures", "Lilly")]["category"]).select_by_value("consulting")
    page.submit(driver.find_element(By.CSS_SELECTOR, "input[name=save]"))

    disclosure.refresh_from_db()
    assert disclosure.statement == ANDREASSEN
    declared = DeclaredInterest.objects.filter(disclosure=disclosure)
    written = sorted((d.interest.category, d.interest.organization_name) for d in declared)
    assert ("stock", "Lididi") not in written
    assert ("lectures", "Lilly") not in written and ("consulting", "Lilly") in written
    assert len(written) == 12  # 14 proposed, one left out, one merged into the consultancy already there
    assert Interest.objects.get(category="advisory_board").organization == ledidi
    assert Interest.objects.get(category="consulting", organization_name="BMS").organization == bms
    assert Disclosure.history.filter(history_user=editor).exists()


def test_an_editor_uploads_an_article_file_and_a_broken_one(page):
    editor = factories.editor(username="editor")
    page.login(editor)

    driver = page.open("/admin/registry/importrecord/upload/")
    Select(driver.find_element(By.NAME, "kind")).select_by_value("jats")
    driver.find_element(By.NAME, "file").send_keys(str(DATA / "jats" / "elife00471.xml"))
    page.submit(driver.find_element(By.CSS_SELECTOR, "input[type=submit][value=Import]"))

    assert driver.find_element(By.ID, "result-title").text == "Imported"
    summary = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=result-title]").text
    assert "1 of 1 file(s) imported" in summary
    article = Article.objects.get(doi="10.7554/elife.00471")
    assert article.authorships.count() == 6
    before = Person.objects.count()

    broken = DATA / "jats" / "broken.xml"
    Select(driver.find_element(By.NAME, "kind")).select_by_value("jats")
    driver.find_element(By.NAME, "file").send_keys(str(broken))
    page.submit(driver.find_element(By.CSS_SELECTOR, "input[type=submit][value=Import]"))

    assert driver.find_element(By.ID, "result-title").text == "Refused: nothing was written"
    error = driver.find_element(By.CSS_SELECTOR, ".messagelist .error").text
    assert "broken.xml" in error
    assert Person.objects.count() == before
