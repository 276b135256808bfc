"""The pages in a real headless browser (Debian's chromium, driven by Selenium), at a phone's
width (390 px) and a desktop's (1400 px), in Chinese and in English."""

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium/chromedriver missing: make test installs them (scripts/install-system-deps --browser)")
WIDTHS = {"phone": (390, 844, True), "desktop": (1400, 900, False)}


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    opts = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"):
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield drv
    drv.quit()


def open_page(browser, built_edition, width: str, lang: str = "zh"):
    w, h, mobile = WIDTHS[width]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": w, "height": h, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
    page = built_edition / "outputs" / "2024" / ("index.html" if lang == "zh" else "en/index.html")
    browser.get(page.as_uri())
    browser.execute_script("window.scrollTo(0, 0)")
    return browser


def in_viewport(browser, el) -> bool:
    return browser.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.width > 0 && r.top >= -2 && r.left >= -2 && r.bottom <= window.innerHeight + 2 &&"
        " r.right <= document.documentElement.clientWidth + 2;", el)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_overflow(browser, built_edition, width, lang):
    b = open_page(browser, built_edition, width, lang)
    vw = b.execute_script("return window.innerWidth")
    sw = b.execute_script("return document.documentElement.scrollWidth")
    assert sw <= vw, f"page is {sw} px wide in a {vw} px viewport"
    wide = b.execute_script(
        "return Array.from(document.querySelectorAll('main *')).filter(function(e){"
        " var r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 && !e.closest('.table-wrap');"
        "}).map(function(e){ return e.tagName + '.' + e.className; }).slice(0, 5);")
    assert wide == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_findings_come_first(browser, built_edition, width):
    b = open_page(browser, built_edition, width)
    first = b.find_elements("css selector", "main h2")[0]
    assert first.text == "核查结论"
    lede = b.find_element("css selector", "#findings .lede")
    assert "自相矛盾" in lede.text and in_viewport(b, lede)


@pytest.mark.parametrize("width", WIDTHS)
def test_clicking_a_number_shows_its_rating_next_to_it(browser, built_edition, width):
    b = open_page(browser, built_edition, width)
    num = b.find_element("css selector", '#source a.num[data-claim="proposals.satisfaction_rate"]')
    b.execute_script("arguments[0].scrollIntoView({block: 'center'})", num)
    y = b.execute_script("return window.scrollY")
    num.click()
    pop = b.find_element("id", "popover")
    assert pop.is_displayed() and in_viewport(b, pop)
    assert "无法复现" in pop.text and "98.16%" in pop.text
    assert abs(b.execute_script("return window.scrollY") - y) < 5  # the page did not jump away
    assert b.switch_to.active_element.get_attribute("class") == "close"
    # the formula is one click further, not in the way
    summary = pop.find_element("css selector", "details summary")
    assert not pop.find_element("css selector", "details").get_attribute("open")
    summary.click()
    assert "round(100k/n" in pop.text
    from selenium.webdriver.common.keys import Keys
    b.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not pop.is_displayed()
    assert b.switch_to.active_element.get_attribute("data-claim") == "proposals.satisfaction_rate"


@pytest.mark.parametrize("width", WIDTHS)
def test_tabbing_to_a_number_shows_its_rating(browser, built_edition, width):
    from selenium.webdriver.common.keys import Keys
    b = open_page(browser, built_edition, width)
    links = b.find_elements("css selector", "#source a")  # numbers and misprint marks, in reading order
    is_num = [("num" in (a.get_attribute("class") or "").split()) for a in links]
    k = next(i for i in range(1, len(links) - 1) if is_num[i] and is_num[i + 1])  # two numbers in a row
    b.execute_script("arguments[0].scrollIntoView({block: 'center'})", links[k + 1])
    b.execute_script("arguments[0].focus()", links[k])
    b.switch_to.active_element.send_keys(Keys.TAB)
    active = b.switch_to.active_element
    assert active.get_attribute("data-claim") == links[k + 1].get_attribute("data-claim")
    pop = b.find_element("id", "popover")
    assert pop.is_displayed() and in_viewport(b, pop)
    live = b.find_element("id", "live").get_attribute("textContent")
    assert live  # announced to screen readers
    active.send_keys(Keys.ESCAPE)
    assert not pop.is_displayed()


def test_a_misprint_is_marked_and_explained(browser, built_edition):
    b = open_page(browser, built_edition, "desktop")
    marks = b.find_elements("css selector", "#source a.mark.misprint")
    assert len(marks) == 9
    b.execute_script("arguments[0].scrollIntoView({block: 'center'})", marks[1])
    marks[1].click()
    pop = b.find_element("id", "popover")
    assert "疑似印误" in pop.text and "完善" in pop.text and in_viewport(b, pop)


def test_a_finding_links_to_its_number(browser, built_edition):
    b = open_page(browser, built_edition, "phone")
    link = b.find_element("css selector", "#findings li a[href^='#m-']")
    target = link.get_attribute("href").split("#")[1]
    b.execute_script("arguments[0].click()", link)
    assert b.current_url.endswith("#" + target)
    assert in_viewport(b, b.find_element("id", target))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_charts_render_with_alt_text_in_the_page_language(browser, built_edition, lang):
    b = open_page(browser, built_edition, "desktop", lang)
    imgs = b.find_elements("css selector", "figure img")
    assert len(imgs) >= 10
    import time
    for img in imgs:
        b.execute_script("arguments[0].scrollIntoView()", img)
        for _ in range(50):  # lazy images load once in view
            if b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img):
                break
            time.sleep(0.1)
        assert b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img), \
            img.get_attribute("src")
        alt = img.get_attribute("alt")
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in alt)
        assert alt and ((cjk > len(alt) / 4) if lang == "zh" else (cjk < len(alt) / 10)), alt
    assert b.find_element("tag name", "html").get_attribute("lang") == ("zh-Hans" if lang == "zh" else "en")


def test_no_console_errors(browser, built_edition):
    for lang in ("zh", "en"):
        b = open_page(browser, built_edition, "desktop", lang)
        errors = [e for e in b.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []


def test_a_chart_page_follows_its_container(browser, built_edition):
    w, h, mobile = WIDTHS["phone"]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": w, "height": h, "deviceScaleFactor": 2, "mobile": True})
    browser.get((built_edition / "outputs" / "2024" / "charts" / "grassroots_funds.html").as_uri())
    import time
    for _ in range(50):
        if browser.find_elements("css selector", "#chart svg"):
            break
        time.sleep(0.1)
    svg_w = browser.execute_script("return document.querySelector('#chart svg').getBoundingClientRect().width")
    assert 0 < svg_w <= browser.execute_script("return window.innerWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= w


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_phone_gets_the_narrow_chart_with_legible_text(browser, built_edition, lang):
    """On a phone every chart is its narrow drawing, shown near its own size (text of 11 px
    scaled to at least 9 px); on a desktop the full one."""
    import time
    for width, narrow in (("phone", True), ("desktop", False)):
        b = open_page(browser, built_edition, width, lang)
        imgs = b.find_elements("css selector", "figure img")
        assert len(imgs) >= 10
        for img in imgs:
            b.execute_script("arguments[0].scrollIntoView()", img)
            for _ in range(50):
                if b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img):
                    break
                time.sleep(0.1)
            src, natural, shown = b.execute_script(
                "var i = arguments[0]; return [i.currentSrc, i.naturalWidth, i.getBoundingClientRect().width];", img)
            assert src.endswith(".narrow.svg") == narrow, src
            if narrow:
                assert shown / natural >= 9 / 11, f"{src}: drawn at {shown:.0f} of {natural} px"
