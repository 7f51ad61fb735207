"""Pages in a real browser: headless Chromium driven by Selenium against Django's live server.

`make test` installs Debian's chromium and chromedriver when they are missing (`make browser`).
Without them these tests are skipped, unless COI_REQUIRE_BROWSER is set (CI sets it), when they fail.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")


@pytest.fixture(scope="session")
def browser(live_server):
    """One browser for the session. It asks for the live server so that it quits first: its open
    keep-alive connections then end while the server may still use the test database."""
    if not (CHROMIUM and CHROMEDRIVER):
        message = "Chromium and chromedriver are not installed: run `make browser`"
        if os.environ.get("COI_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, live_server):
    """The browser, with `page.open(path)` on the live server and `page.login(user)`; logged out after."""

    class Page:
        driver = browser
        base = live_server.url

        def open(self, path: str):
            browser.get(self.base + path)
            return browser

        def submit(self, element) -> None:
            """Click a button or link and wait until the next page has replaced this one."""
            from tests.browser.waiting import wait_replaced

            old = browser.find_element("tag name", "html")
            element.click()
            wait_replaced(browser, old)

        def login(self, user) -> None:
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            browser.get(self.base + "/")  # a cookie is set for the page's domain
            browser.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "path": "/"})

    yield Page()
    browser.delete_all_cookies()
