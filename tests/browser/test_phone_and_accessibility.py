"""Every public page at a phone's width (390 px): nothing scrolls the page sideways (wide tables stack or
scroll inside their own box); and axe-core finds no serious or critical accessibility violation."""

import datetime
from decimal import Decimal

import pytest

from tests.factories import OrganizationFactory, PaymentRecordFactory
from tests.helpers import AXE
from tests.registry.scenario import build_scenario

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
BLOCKING = {"serious", "critical"}


@pytest.fixture
def public_paths():
    s = build_scenario()
    OrganizationFactory(name="Acme Subsidiary", parent=s.acme)
    PaymentRecordFactory(person=s.ann, payer=s.acme, amount=Decimal("1234.56"))
    PaymentRecordFactory(person=s.ann, payer=s.beta, payment_date=datetime.date(2023, 4, 1))
    return [
        "/",
        "/?ties=1&page=1",
        "/search/?q=ketamine",
        "/search/?q=andreasen",
        f"/people/{s.ann.pk}/",
        f"/people/{s.bob.pk}/",
        f"/articles/{s.published.doi}/",
        f"/organizations/{s.acme.pk}/",
        f"/organizations/{s.beta.pk}/",
    ]


@pytest.fixture
def phone(page):
    page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield page
    page.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_every_public_page_fits_a_phone_without_sideways_scrolling(phone, public_paths):
    too_wide = {}
    for path in public_paths:
        driver = phone.open(path)
        widths = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            too_wide[path] = widths
    assert too_wide == {}


def test_axe_finds_no_serious_or_critical_violation_on_any_public_page(page, public_paths):
    source = AXE.read_text()
    found = {}
    for path in public_paths:
        driver = page.open(path)
        driver.execute_script(source)
        violations = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' '))])))"
            ".catch(e => done([['axe-error', 'critical', [String(e)]]]));"
        )
        blocking = [v for v in violations if v[1] in BLOCKING]
        if blocking:
            found[path] = blocking
    assert found == {}
