"""WCAG 2.1 AA on every public page type, checked by axe-core in Chromium, in es/en/pt, on a desktop
and a phone; the same pages read at 320 px without sideways scrolling. Screenshots of each go to
SCREENSHOT_DIR (kept by CI as artefacts).

axe-core is shipped with the tests (vendor/axe.min.js): nothing is fetched while they run.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import screenshot, serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["es", "en", "pt"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
PAGE_TYPES = [
    "home",
    "search",
    "search-filtered",
    "search-empty",
    "practice",
    "lesson",
    "institution",
    "topic",
    "meeting",
    "roadmap",
    "comparison",
    "indicators",
    "indicator",
    "exchange",
    "featured-selection",
    "about",
    "404",
]
# Best-practice rules kept at zero too (issue 14): every landmark told apart, every role allowed on its element.
AXE_RULES = ["landmark-unique", "aria-allowed-role"]


@pytest.fixture(scope="module")
def live_site(django_db_setup, django_db_blocker):
    """One server for the whole module: these tests only read."""
    with serving(django_db_blocker) as url:
        yield url


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per width, reused by every page; the CSP is bypassed only so that axe can be injected."""
    contexts, pages = [], {}
    for name, viewport in {**WIDTHS, "narrow": {"width": 320, "height": 640}}.items():
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        contexts.append(context)
        pages[name] = context.new_page()
    yield pages
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def page_urls(django_db_setup, django_db_blocker):
    """The path of one page of each type in each language, looked up in the demo content."""
    from wagtail.models import Locale

    from curation.models import FeaturedSelectionPage, RoadmapPage, TopicIndexPage
    from meetings.models import MeetingPage
    from practices.models import InstitutionPage, PracticePage
    from practices.taxonomy import Topic

    urls = {}
    with django_db_blocker.unblock():
        topic = Topic.objects.order_by("pk").first()
        spanish = Locale.objects.get(language_code="es")
        practices = PracticePage.objects.live().public().filter(locale=spanish, kind="practice").order_by("pk")
        first, second = practices[:2]
        # The comparison of three backlogs: aligned indicator rows and a chart (issue 14).
        backlogs = [
            practices.filter(country__iso2=code, results__indicator_type__slug="pending-applications")
            .distinct()
            .get()
            .pk
            for code in ("CO", "DO", "BZ")
        ]
        lesson = PracticePage.objects.live().public().filter(locale=spanish, kind="lesson").order_by("pk").first()
        originals = {
            "practice": first,
            "lesson": lesson,
            "institution": InstitutionPage.objects.live().filter(locale=spanish).order_by("pk").first(),
            "meeting": MeetingPage.objects.live().filter(locale=spanish).order_by("pk").first(),
            "roadmap": RoadmapPage.objects.live().filter(locale=spanish).first(),
            "featured-selection": FeaturedSelectionPage.objects.live().filter(locale=spanish).order_by("pk").first(),
            "topic": TopicIndexPage.objects.live().filter(locale=spanish).first(),
        }
        for language in LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            with translation.override(language):
                search = reverse("search")
                found = {key: page.get_translation(locale).url for key, page in originals.items()}
                found["topic"] += f"{topic.slug}/"
                found.update(
                    {
                        "home": f"/{language}/",
                        "search": search,
                        "search-filtered": f"{search}?kind=practice&country=CO&topic={topic.slug}",
                        "search-empty": f"{search}?q=zzyzxqwv",
                        "comparison": f"{reverse('compare')}?" + "&".join(f"p={pk}" for pk in backlogs),
                        "about": reverse("about"),
                        "indicators": reverse("indicator_index"),
                        "indicator": reverse("indicator_type", kwargs={"slug": "pending-applications"}),
                        "exchange": reverse("exchange:submit", kwargs={"page_id": first.pk}),
                        "404": f"/{language}/no-such-page-here/",
                    }
                )
            urls[language] = found
    return urls


def visit(tab, url: str, page_type: str):
    response = tab.goto(url)
    expected = 404 if page_type == "404" else 200
    assert response.status == expected, f"{url} answered {response.status}"
    return response


def violations_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].replace(chr(10), ' ')}")
            lines.append(f"        {node['html'][:200]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_wcag_aa_violations(tabs, live_site, page_urls, page_type, language, width):
    tab = tabs[width]
    url = live_site + page_urls[language][page_type]
    visit(tab, url, page_type)
    assert tab.locator("html").get_attribute("lang") == language
    screenshot(tab, f"{page_type}-{language}-{width}")
    tab.evaluate(AXE)
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    assert not result["violations"], f"{url} at {width} width:\n{violations_report(result['violations'])}"
    result = tab.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']})",
        AXE_RULES,
    )
    assert not result["violations"], f"{url} at {width} width:\n{violations_report(result['violations'])}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_reads_at_320_px_without_sideways_scrolling(tabs, live_site, page_urls, page_type):
    """320 CSS px is also what a 1280 px window shows at 400 % zoom (WCAG 1.4.10); 200 % is covered a fortiori."""
    tab = tabs["narrow"]
    visit(tab, live_site + page_urls["es"][page_type], page_type)
    screenshot(tab, f"{page_type}-es-320")
    widths = tab.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth})"
    )
    if widths["scroll"] > widths["client"]:
        culprits = tab.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
        )
        pytest.fail(f"{page_type} scrolls sideways at 320 px ({widths}); too wide: {culprits}")
