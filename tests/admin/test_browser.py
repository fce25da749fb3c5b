"""The editors' desk in a real browser (headless Chromium), end to end with re-import.

An editor logs in, finds an article by search and two filters, corrects its title, removes a
person link, merges two persons, assigns a topic; then ``import_seeds`` runs again and every
correction is still there. Screenshots of the list and the change form go to docs/screenshots/.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connections
from django.db.models import Count

from articles.models import Article, Country, LinkRejection, Person, PersonAlias, Source, Topic

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEEDS = settings.BASE_DIR / "seeds"
SCREENSHOTS = settings.BASE_DIR / "docs" / "screenshots"
PASSWORD = "desk-browser-pw"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` package (.ci/run does)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(live_server):
    """A logged-out browser tab on the live server."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls here are sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(base_url=live_server.url, viewport={"width": 1600, "height": 1000})
        tab.set_default_timeout(15_000)
        yield tab
        browser.close()
        # While Playwright's loop runs, Django keeps this thread's connections apart (they are
        # context-local): close the test's own here, or PostgreSQL refuses to drop the test
        # database at the end of the session.
        connections.close_all()


def import_seeds():
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO(), stderr=io.StringIO())


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def pick_autocomplete(page, container, text):
    """Choose ``text`` in the select2 box inside ``container`` (the admin's autocomplete)."""
    page.click(f"{container} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    option = page.locator(".select2-results__option", has_text=text).first
    option.wait_for()
    option.click()


def run_action(page, action_label):
    page.select_option("select[name=action]", label=action_label)
    page.click("button[name=index]")


def choose_article(word_pattern=re.compile(r"[A-Za-z]{6,}")):
    """An imported article fit for the story: it has a source, countries, a few persons and a
    written headline (correcting a derived one also records that it is no longer derived)."""
    candidates = (
        Article.objects.filter(source__isnull=False, countries__isnull=False, title_derived=False)
        .annotate(persons_n=Count("person_links", distinct=True))
        .filter(persons_n__gte=2)
        .order_by("persons_n", "pk")  # a short form makes a readable screenshot
    )
    for article in candidates:
        words = sorted(word_pattern.findall(article.title), key=len, reverse=True)
        if words:
            return article, words[0]
    pytest.fail("the seeds gave no article with a source, a country, a person and a title word")


def choose_persons_to_merge(keep_away):
    """Two persons named in articles (not the one the editor unlinks): a surname-only person
    and the full name ending in it when the seeds have such a pair, else the first two."""
    named = Person.objects.filter(article_links__isnull=False).exclude(pk=keep_away.pk)
    persons = list(named.distinct().order_by("pk"))
    full_names = {p.name.split()[-1]: p for p in persons if len(p.name.split()) > 1}
    for person in persons:
        if person.name in full_names:
            return full_names[person.name], person
    return persons[0], persons[1]


def links_of(person) -> set[tuple]:
    return set(person.article_links.values_list("article_id", "role", "count", "origin"))


def find_article(page, article, word, country):
    """Search for ``word``, then filter by the article's source (a link) and ``country``
    (a search-as-you-type box); the article must be in the list."""
    page.goto("/admin/articles/article/")
    page.fill("#searchbar", word)
    page.press("#searchbar", "Enter")
    page.wait_for_url(re.compile(r"\?q="))
    source_filter = page.locator('details[data-filter-title="source"]')
    source_filter.get_by_role("link", name=article.source.name, exact=True).click()
    page.wait_for_url(re.compile(r"source__id__exact="))
    pick_autocomplete(page, 'details[data-filter-title="country"]', country.name)
    page.wait_for_url(re.compile(r"countries__id__exact="))
    row = page.locator("#result_list tbody tr", has_text=article.title)
    assert row.count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article-changelist.png")
    return row


def correct_article(page, row, title, unlinked):
    """Open the article from its row, change the title and delete one person link."""
    row.get_by_role("link").first.click()
    page.wait_for_selector("#id_title")
    page.fill("#id_title", title)
    person_row = page.locator("#person_links-group tr.has_original", has_text=unlinked.name)
    person_row.locator("input[name$=DELETE]").check()
    page.screenshot(path=SCREENSHOTS / "article-change-form.png", full_page=True)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")


def merge_persons(page, target, merged):
    page.goto(f"/admin/articles/person/?id__in={target.pk},{merged.pk}")
    page.check("#action-toggle")
    run_action(page, "Merge into…")
    targets = page.locator(".desk-action form input[name=target]")
    assert targets.count() == 2  # only the selected persons are offered
    page.check(f".desk-action form input[name=target][value='{target.pk}']")
    page.click("input[type=submit]")
    page.wait_for_selector("text=Confirm the merge")
    page.click("input[name=confirm]")
    page.wait_for_selector(".messagelist .success")


def assign_topic(page, article, topic):
    page.goto(f"/admin/articles/article/?id__exact={article.pk}")
    page.check("#action-toggle")
    run_action(page, "Assign topic…")
    pick_autocomplete(page, ".desk-action form", topic.name)
    page.click("input[type=submit]")
    page.wait_for_selector(".messagelist .success")


def test_editor_corrections_survive_reimport(page):
    import_seeds()
    editor = User.objects.create_user("edna", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    article, word = choose_article()
    unlinked = article.person_links.order_by("pk").first().person
    target, merged = choose_persons_to_merge(keep_away=unlinked)
    country = article.country_links.order_by("-count", "pk").first().country
    topic = Topic.objects.create(name="Editors' pick")
    corrected = f"{article.title} (corrected)"

    log_in(page, "edna")
    row = find_article(page, article, word, country)
    correct_article(page, row, corrected, unlinked)
    merge_persons(page, target, merged)
    merged_links = links_of(target)
    assign_topic(page, article, topic)
    import_seeds()

    article.refresh_from_db()
    assert (article.title, article.edited_fields) == (corrected, ["title"])
    assert not article.person_links.filter(person=unlinked).exists()
    assert LinkRejection.objects.filter(article=article, target_id=unlinked.pk).exists()
    assert not Person.objects.filter(pk=merged.pk).exists()
    assert PersonAlias.objects.get(key=merged.key).person == target
    assert links_of(target) == merged_links
    assert article.topic_links.get(topic=topic).origin == "editor"
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert page.input_value("#id_title") == corrected
    assert page.locator("#person_links-group", has_text=unlinked.name).count() == 0
    assert page.locator("#topic_links-group", has_text=topic.name).count() == 1


def test_article_list_fits_1280_pixels(page):
    """Every column of the list, provenance (the last) included, is on screen at 1,280 px."""
    import_seeds()
    User.objects.create_user("edna", password=PASSWORD, is_staff=True).groups.add(
        Group.objects.get(name="Editor")
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "edna")
    page.goto("/admin/articles/article/")
    last = page.locator("#result_list tbody tr").first.locator("td.field-provenance_short")
    box = last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1280
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 1280
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article-list-1280.png")


def most_named(model):
    return model.objects.order_by("-article_count", "pk").first()


def test_dashboard_filters_map_and_entity_page(page):
    """The dashboard: filter by a source, click a country on the map to get its articles, then
    read a person's page and follow it into the article list."""
    import_seeds()
    User.objects.create_user("edna", password=PASSWORD, is_staff=True).groups.add(
        Group.objects.get(name="Editor")
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "edna")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    total = Article.objects.count()
    assert page.locator(".desk-dashboard-total strong").inner_text() == str(total)
    page.screenshot(path=SCREENSHOTS / "dashboard.png", full_page=True)
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=SCREENSHOTS / "dashboard-dark.png")
    page.emulate_media(color_scheme="light")

    source = most_named(Source)
    page.select_option("#desk-dashboard select[name=source]", source.slug)
    page.click("#desk-dashboard input[type=submit]")
    page.wait_for_url(re.compile(rf"source={source.slug}"))
    shown = page.locator(".desk-dashboard-total strong").inner_text()
    assert shown == str(source.articles.count()) and int(shown) < total

    named = Country.objects.filter(article_links__article__source=source)
    country = named.annotate(n=Count("pk")).order_by("-n", "pk")[0]
    page.locator("#dashboard-map").screenshot(path=SCREENSHOTS / "dashboard-map.png")
    shape = page.locator(f'#dashboard-map a[*|href$="countries__id__exact={country.pk}"]').first
    # A click on the shape itself: the centre of a country's box may lie on another country
    # (the United States' spans Alaska and Hawaii), where a mouse click would land.
    shape.dispatch_event("click")
    page.wait_for_url(re.compile(rf"countries__id__exact={country.pk}"))
    expected = Article.objects.filter(source=source, countries=country).distinct().count()
    assert page.locator("#result_list tbody tr").count() == min(expected, 50)

    person = most_named(Person)
    page.goto(f"/admin/articles/person/{person.pk}/change/")
    story = page.locator("#entity-story")
    story.wait_for()
    assert story.locator("#story-latest tbody tr").count() == min(person.article_count, 10)
    page.screenshot(path=SCREENSHOTS / "entity-page.png", full_page=True)
    story.get_by_role("link", name=re.compile(r"^All \d+ article")).click()
    page.wait_for_url(re.compile(rf"persons__id__exact={person.pk}"))
    assert page.locator("#result_list tbody tr").count() == min(person.article_count, 50)
