"""Waiting for the browser to leave a page."""

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


def replaced(element):
    """A wait condition: true once `element`'s document has been replaced by the next page.

    Chromium reports a node of a document being torn down either as a stale element or, when the
    question lands mid-navigation, as an inspector error that the node "does not belong to the
    document"; both mean the old page is gone. Selenium's `staleness_of` knows only the first."""

    def gone(_driver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise
        return False

    return gone


def wait_replaced(driver, element, timeout: float = 10) -> None:
    WebDriverWait(driver, timeout).until(replaced(element))
