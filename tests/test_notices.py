"""Web-page notices (cookie walls, paywalls, crawl notes, widget text): a page that is only notices is
skipped with its reason; a notice line inside an article is removed as furniture; news *about* cookies or
web archives is kept. All texts are written for these tests."""

from __future__ import annotations

from newsweave.ingest import ingest
from newsweave.ingest.notices import notice_line, notice_page
from newsweave.model import Article

COOKIE_WALL = (
    "We use cookies to improve your experience on our website and to show you relevant advertising.\n"
    "Please enable cookies in your web browser settings in order to continue.\n"
    "Read more.\n"
)

CRAWL_NOTE = (
    "These crawls were collected by an automated web crawler as part of a project to preserve pages as they "
    "appeared. Captures from these crawls are added to the Wayback Machine after a short delay. The crawl "
    "data is donated to the Internet Archive."
)

ARTICLE = (
    "Harbour council approves flood wall\n\n"
    "The Port Alven harbour council voted 7 to 2 on Tuesday to build a 400-metre flood wall along the "
    "eastern quay, after storms flooded the fish market twice last winter.\n\n"
    "Please enable JavaScript to watch this video.\n\n"
    "Construction is due to begin in March and will cost about 12 million euros, the council said.\n"
)

COOKIE_LAW_NEWS = (
    "Regulators fined three retailers on Monday for making visitors accept cookies before they could "
    "see any prices. The watchdog said the sites gave shoppers no real choice. Two of the retailers said "
    "they would appeal, and the third said it had already changed its checkout pages. The fines total "
    "4.2 million euros."
)

ARCHIVE_NEWS = (
    "The Internet Archive said on Thursday that its Wayback Machine had saved its trillionth web page. "
    "The non-profit library, founded in 1996, stores copies of pages so that readers can see them after "
    "they change or vanish. Its director said the milestone came as more newsrooms cite archived pages in "
    "their reporting, and that donations had risen by a third this year."
)


def test_a_saved_cookie_wall_is_skipped_with_its_reason(tmp_path):
    path = tmp_path / "consent.txt"
    path.write_text(COOKIE_WALL)
    result = ingest([path])
    assert result.articles == []
    assert [s.source for s in result.skipped] == [str(path)]
    assert "cookie notice" in result.skipped[0].reason


def test_a_crawl_note_given_as_an_article_is_skipped_and_accounted_for():
    real = Article(id="real", source="api/real", text=ARTICLE)
    note = Article(id="note", source="api/note", text=CRAWL_NOTE)
    result = ingest([real, note])
    assert [a.id for a in result.articles] == ["real"]
    assert [(s.source, s.reason.split(" (")[0]) for s in result.skipped] == [
        ("api/note", "not an article: web-page notices only")]
    assert "web-archive notice" in result.skipped[0].reason


def test_a_notice_line_inside_an_article_is_removed_as_furniture(tmp_path):
    path = tmp_path / "flood-wall.txt"
    path.write_text(ARTICLE)
    (article,) = ingest([path]).articles
    assert "JavaScript" not in article.text
    assert "flood wall along the eastern quay" in article.text and "12 million euros" in article.text
    assert [(r.text, r.reason) for r in article.removed] == [
        ("Please enable JavaScript to watch this video.", "video-player message")]


def test_news_about_cookies_or_web_archives_is_kept():
    assert notice_page(COOKIE_LAW_NEWS) is None
    assert notice_page(ARCHIVE_NEWS) is None
    result = ingest([Article(id="c", source="c", text=COOKIE_LAW_NEWS), Article(id="a", source="a", text=ARCHIVE_NEWS)])
    assert [a.id for a in result.articles] == ["c", "a"] and result.skipped == []
    # As lone lines, reports about an archive or about cookie rules are not page notices either.
    assert notice_line(ARCHIVE_NEWS.split(". ")[0] + ".") is None
    assert notice_line(COOKIE_LAW_NEWS.split(". ")[0] + ".") is None


def test_a_notice_run_into_the_article_does_not_make_it_a_notice_page():
    # Scraped text with no break between a player message and the report: the report must stay.
    text = ("Please enable JavaScript to watch this video the harbour council voted on Tuesday to build a flood "
            "wall along the eastern quay after storms flooded the fish market twice last winter, and work is due "
            "to begin in March at a cost of about 12 million euros, the council said in a statement")
    assert notice_page(text) is None


def test_paywall_and_login_pages():
    assert "paywall" in notice_page("You have read all your free articles this month. Please purchase a "
                                    "subscription to continue reading.")
    assert "log-in wall" in notice_page("Notice: you must log in to continue.")
    # A teaser with real reporting above the paywall line is an article.
    teaser = ("The harbour council voted on Tuesday to build a 400-metre flood wall after storms flooded the "
              "fish market twice last winter. Work starts in March and will cost about 12 million euros, and "
              "the mayor said the town would seek help from the regional government. "
              "Subscribe now to continue reading.")
    assert notice_page(teaser) is None
