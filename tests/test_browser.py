"""The front page in a real headless browser (Debian's chromium, driven by Selenium)."""

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium/chromedriver missing: make test installs them (scripts/install-system-deps --browser)")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    opts = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def page(browser, built_edition):
    browser.get((built_edition / "outputs" / "2024" / "index.html").as_uri())
    return browser


def test_no_console_errors(page):
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_charts_render(page):
    imgs = page.find_elements("css selector", "figure img")
    assert len(imgs) >= 10
    for img in imgs:
        assert page.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img), \
            img.get_attribute("src")
        assert img.get_attribute("alt")


def test_clicking_a_number_shows_its_verdict_and_leads_to_its_claim(page):
    num = page.find_element("css selector", "#source a.num.v-inconsistent")
    claim = num.get_attribute("data-claim")
    page.execute_script("arguments[0].scrollIntoView()", num)
    num.click()
    panel = page.find_element("id", "detail").text
    assert "inconsistent" in panel and claim in panel
    assert page.current_url.endswith(f"#claim-{claim}")
    row = page.find_element("id", f"claim-{claim}")
    back = row.find_element("css selector", "a.to-text")
    back.click()
    assert page.current_url.endswith(f"#m-{num.get_attribute('data-start')}")


def test_keyboard_reaches_a_number(page):
    from selenium.webdriver.common.keys import Keys
    nums = page.find_elements("css selector", "#source a.num")
    page.execute_script("arguments[0].focus()", nums[1])
    assert page.switch_to.active_element == nums[1]
    assert nums[1].get_attribute("data-claim") in page.find_element("id", "detail").text
    nums[1].send_keys(Keys.ENTER)
    assert page.current_url.endswith("#claim-" + nums[1].get_attribute("data-claim"))
