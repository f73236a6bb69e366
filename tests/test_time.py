"""Publication dates inferred from the texts, and the merged timeline (link/published.py, link/timeline.py)."""

from __future__ import annotations

from storyline.link.published import compatible, date_articles, value_span
from storyline.link.timeline import build_timeline
from storyline.model import Article, Published, TimelineEvent
from storyline.pipeline import story_time


def article(article_id: str, body: str, published: str | None = None, *, method: str = "metadata",
            crawl_date: str | None = None, outlet: str | None = None) -> Article:
    if published:
        dated = Published(date=published, earliest=published, latest=published, method=method, crawl_date=crawl_date)
    else:
        dated = Published(crawl_date=crawl_date)
    return Article(id=article_id, source=article_id, body=body, published=dated, language="en",
                   outlet=outlet or article_id)


WIRE = article("wire.txt", "The White House announced on July 11 that Iran is preparing to supply Russia with "
                           "hundreds of drones, national security adviser Jake Sullivan told reporters.", "2022-07-12")
UNDATED = article("post.txt", "Iran is preparing to supply Russia with hundreds of drones, the White House revealed "
                              "on Monday. Sullivan told reporters the drones could be delivered soon.")


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def test_weekday_anchored_by_another_articles_date_gives_a_range_with_evidence() -> None:
    dated, timexes, warnings = date_articles([WIRE, UNDATED])
    published = by_id(dated)["post.txt"].published
    assert published.method == "inferred"
    assert (published.earliest, published.latest) == ("2022-07-11", "2022-07-17")
    assert published.date is None  # a range of days, not one day
    evidence = {(m.article, m.text) for m in published.evidence}
    assert ("post.txt", "Monday") in evidence and ("wire.txt", "July 11") in evidence
    monday = next(t for t in timexes["post.txt"] if t.text == "Monday")
    assert monday.value == "2022-07-11"  # the same Monday on every day of the range
    assert by_id(dated)["wire.txt"].published == WIRE.published  # a known date is left alone


def test_weekday_with_a_dated_event_in_the_same_article() -> None:
    body = ("Putin will travel to Tehran on Tuesday for talks with Raisi. The Tehran talks with Raisi on "
            "July 19, 2022 will be his second trip abroad since the invasion.")
    dated, _, _ = date_articles([article("a.txt", body)])
    published = dated[0].published
    assert published.method == "inferred"
    assert published.earliest is not None and published.latest == "2022-07-19"
    assert "2022-07-13" <= published.earliest <= "2022-07-19"


def test_age_of_an_event_dated_in_another_article() -> None:
    start = article("start.txt", "Russia invaded Ukraine on February 24, 2022, in the largest attack in Europe "
                                 "since 1945.", "2022-02-25")
    later = article("later.txt", "Heavy losses mounted four months after Russia invaded Ukraine, officials said.")
    dated, _, _ = date_articles([start, later])
    published = by_id(dated)["later.txt"].published
    assert published.method == "inferred"
    assert published.earliest == "2022-06-24" and published.latest == "2022-07-23"


def test_future_tense_dates_bound_the_range_from_above() -> None:
    body = "Officials said on June 28, 2022 that Putin will visit Tehran on July 19, 2022."
    published = date_articles([article("a.txt", body)])[0][0].published
    assert published.method == "inferred"
    assert published.earliest == "2022-06-28" and published.latest == "2022-07-19"


def test_no_evidence_stays_unknown() -> None:
    dated, _, _ = date_articles([article("a.txt", "Drones were seen over the city. Nobody knows who sent them.")])
    assert dated[0].published.method == "unknown"
    assert dated[0].published.earliest is None


def test_printed_date_that_contradicts_the_evidence_becomes_the_crawl_date() -> None:
    scraped = article("scrape.txt", UNDATED.body, "2022-09-25", method="text")
    dated, _, warnings = date_articles([WIRE, scraped])
    published = by_id(dated)["scrape.txt"].published
    assert published.method == "inferred"
    assert published.crawl_date == "2022-09-25"
    assert (published.earliest, published.latest) == ("2022-07-11", "2022-07-17")
    assert any("crawl date" in w.reason and w.article == "scrape.txt" for w in warnings)


def test_printed_date_that_agrees_with_the_evidence_is_kept() -> None:
    scraped = article("scrape.txt", UNDATED.body, "2022-07-12", method="text")
    dated, _, _ = date_articles([WIRE, scraped])
    assert by_id(dated)["scrape.txt"].published == scraped.published


def test_publication_after_the_crawl_date_is_a_warning() -> None:
    odd = article("odd.txt", "Drones were seen on Monday.", "2022-07-12", crawl_date="2022-07-01")
    dated, _, warnings = date_articles([odd])
    assert dated[0].published.date == "2022-07-12"
    assert any("after the crawl date" in w.reason for w in warnings)


def test_publication_far_in_the_future_is_a_warning() -> None:
    odd = article("odd.txt", "Drones were seen on Monday.", "2999-07-12")
    _, _, warnings = date_articles([odd])
    assert any("future" in w.reason for w in warnings)


def test_value_spans_and_compatibility() -> None:
    assert value_span("2022-W28") == (value_span("2022-07-11")[0], value_span("2022-07-17")[1])  # type: ignore[index]
    assert value_span("2022-02-30") is None
    assert compatible("2022-07-11", "2022-07") and compatible("2022-W28", "2022-07-13")
    assert compatible("XXXX-07-11", "2022-07-11") and not compatible("XXXX-07-11", "2022-07-12")
    assert not compatible("2022", "2022-07-11")  # a year says too little to anchor a day


# --- The timeline -------------------------------------------------------------------------------

def test_reports_of_one_event_merge_across_articles_with_all_mentions() -> None:
    _, _, timeline, _ = story_time([WIRE, UNDATED])
    announced = [e for e in timeline if e.date == "2022-07-11"]
    assert len(announced) == 1
    event = announced[0]
    assert event.granularity == "day"
    assert {(m.mention.article, m.expression) for m in event.mentions} == {("wire.txt", "July 11"),
                                                                           ("post.txt", "Monday")}
    for mention in event.mentions:
        body = WIRE.body if mention.mention.article == "wire.txt" else UNDATED.body
        assert body[mention.mention.start:mention.mention.end] == mention.mention.text


def test_granularity_is_honest_and_order_is_oldest_first() -> None:
    body = ("Iran began showing the drones to Russian officials in June. The drones were first seen at a fair "
            "in 2021. Russian crews trained at Kashan airfield on July 2, and more trained there last week.")
    _, _, timeline, _ = story_time([article("a.txt", body, "2022-07-20")])
    dated = [(e.date, e.granularity) for e in timeline if e.date]
    assert ("2022-06", "month") in dated and ("2021", "year") in dated and ("2022-07-02", "day") in dated
    assert ("2022-W28", "week") in dated
    starts = [value_span(d)[0] for d, _ in dated]  # type: ignore[index]
    assert starts == sorted(starts)


def test_different_days_do_not_merge_and_planned_events_are_marked() -> None:
    one = article("one.txt", "Putin will visit Tehran on July 19 to meet Raisi.", "2022-07-12")
    two = article("two.txt", "Putin visited Tehran on July 20 to meet Raisi.", "2022-07-21")
    _, _, timeline, _ = story_time([one, two])
    visits = {e.date: e for e in timeline if e.date in ("2022-07-19", "2022-07-20")}
    assert set(visits) == {"2022-07-19", "2022-07-20"}
    assert visits["2022-07-19"].planned and not visits["2022-07-20"].planned


def test_event_known_only_by_a_relation_keeps_its_anchor_and_no_date() -> None:
    body = ("A ceasefire took effect on March 3, 2023 along the front. Before the ceasefire, drones struck "
            "the power grid for weeks.")
    _, _, timeline, _ = story_time([article("a.txt", body, "2023-03-10")])
    relative = [e for e in timeline if e.relation]
    assert len(relative) == 1
    event = relative[0]
    assert event.date is None and event.granularity is None and event.anchor == "the ceasefire"
    anchor = next(e for e in timeline if e.id == event.anchor_event)
    assert anchor.date == "2023-03-03"
    ids = [e.id for e in timeline]
    assert ids.index(event.id) == ids.index(anchor.id) - 1  # placed just before what it precedes


def test_timeline_round_trips_through_json() -> None:
    _, _, timeline, _ = story_time([WIRE, UNDATED])
    for event in timeline:
        assert TimelineEvent.from_dict(event.to_dict()) == event


def test_hundreds_of_dates_are_fine() -> None:
    days = " ".join(f"Drones struck the city on July {d % 28 + 1}, 2022, officials said." for d in range(400))
    dated, timexes, timeline, _ = story_time([article("many.txt", days)])
    assert len(timexes["many.txt"]) >= 400
    assert all(e.date for e in timeline)


def test_articles_without_dates_or_text_do_not_break_the_timeline() -> None:
    empty = article("empty.txt", "")
    plain = article("plain.txt", "No dates here at all.")
    assert build_timeline([empty, plain], {"empty.txt": (), "plain.txt": ()}) == ()
    _, _, timeline, _ = story_time([empty, plain])
    assert timeline == ()


def test_html_timeline_chart_escapes_and_links_events() -> None:
    from storyline.model import Dossier
    from storyline.report.html import render_html

    hostile = article("bad.txt", 'Officials said <script>alert("x")</script> drones struck Kyiv on July 11, 2022 '
                                 "at dawn. Before the ceasefire, drones struck Odesa.", "2022-07-12")
    articles, _, timeline, _ = story_time([hostile])
    page = render_html(Dossier(generated_at="now", articles=tuple(articles), timeline=timeline))
    section = page[page.index('<section id="timeline">'):]
    section = section[:section.index("</section>")]
    assert "<script>" not in section and "&lt;script&gt;" in section
    assert '<svg class="timeline-chart"' in section and 'href="#event-t' in section
    assert 'class="when">July 11, 2022</span>' in section
    assert "undated" in section  # the event dated only by the ceasefire


def test_bad_dates_become_warnings_in_the_dossier_not_errors() -> None:
    body = ("The deal was signed on February 30, 2022, officials said. Talks resumed on 7/11/22. "
            "By the year 3000 the treaty will have expired.")
    articles, timexes, timeline, warnings = story_time([article("odd.txt", body, "2022-07-12")])
    reasons = [w.reason for w in warnings if w.article == "odd.txt" and w.stage == "time"]
    assert any("February 30" in r for r in reasons) and any("far in the future" in r for r in reasons)
    values = {t.text: t.value for t in timexes["odd.txt"]}
    assert values["February 30, 2022"] == "2022-02"  # kept at the precision that exists
    assert values["7/11/22"] == "2022-07-11"  # a two-digit year near the publication date
    assert ("2022-02", "month") in {(e.date, e.granularity) for e in timeline}


def test_age_of_an_event_by_its_ordinal_month() -> None:
    start = article("start.txt", "Russia launched the war against Ukraine on February 24, 2022.", "2022-02-25")
    later = article("later.txt", "Drones now matter more in a war now in its fifth month, analysts said.")
    published = by_id(date_articles([start, later])[0])["later.txt"].published
    assert (published.earliest, published.latest) == ("2022-06-24", "2022-07-23")
