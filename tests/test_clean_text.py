"""The plain-text scrape cleaner: outlet styles, the offset map, bad input, the seed gold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.text import REASONS, clean_text
from storyline.model import CleanedPage

ROOT = Path(__file__).resolve().parents[1]
ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060\u180e"

# Fictional pages, one per outlet style. Each case: the text, the start of every
# body paragraph in order, and the reasons expected for some removed lines.
AP_STYLE = """Iran to send drones to Russia, US says

By JANE DOE and JOHN ROE
Associated Press

WASHINGTON (AP) — The White House said Monday that Iran is preparing to supply Russia with hundreds of drones for its war in Ukraine.

National security adviser Jake Sullivan said it was unclear whether any drones had been delivered yet.

“Our information indicates that the Iranian government is preparing to provide Russia with up to several hundred drones,” Sullivan told reporters.

Advertisement

Russia has lost many of its own drones since the invasion began in February.

Associated Press writer Sam Poe in Tehran contributed to this report.

Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
"""

BBC_STYLE = """Iran drones: Why Russia wants Tehran's weapons

Published
12 July 2022

Share

Image source, Getty Images
Image caption,
Iranian drones on display at an exhibition in Tehran

By Jane Doe
BBC News

The US says Iran is preparing to send hundreds of drones to Russia, some of them able to carry weapons.

The claim was made by national security adviser Jake Sullivan, who said training could begin in July.

What are the drones?

Iran has built up a large fleet of unmanned aircraft over the past decade.

Why does Russia want them?

Russia has lost a large number of drones in Ukraine, according to Western officials.

Related Topics

Iran
Russia

More on this story
"""

SPANISH_COMMENTS = """Drone deal raises alarm in Kyiv

KYIV, July 13, 2022 — Ukrainian officials on Wednesday warned that a supply of Iranian drones could prolong the fighting in the east of the country.

A spokesman for the air force said the military had already shot down several drones of foreign design.

“We are ready for this,” he told reporters in the capital, adding that air defences had been reinforced.

Comentarios

Deja un comentario

Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *

Nombre

Publicar comentario
"""

PAYWALL = """Iran's drone exports: what we know

Published: July 12, 2022 at 10:04 a.m.

Tehran has denied sending weapons to Moscow, but satellite images suggest a Russian delegation visited an Iranian airfield twice.

Officials in Washington say the visits were to inspect drones capable of carrying missiles.

This article is reserved for subscribers. Already a subscriber? Log in.

Subscribe now for $1 a month
"""

NEWSLETTER = """Kremlin confirms Putin trip to Tehran

MOSCOW —

The Kremlin said on Tuesday that President Vladimir Putin will travel to Tehran next week for talks with the leaders of Iran and Turkey.

Spokesman Dmitry Peskov told reporters the visit was planned for July 19.

Sign up for our Morning Brief newsletter

Get the day's top stories delivered straight to your inbox.

Enter your email

Sign up

A summit in Tehran

The three leaders are expected to discuss the conflict in Syria, where they back different sides.

Analysts said the meeting would also be watched closely in Washington.
"""

CROSSHEADS_NO_BLANK_LINES = """Russian officials have been training in Iran over the past few weeks, a US official said on Tuesday.
The official said the training was part of a deal for the handover of drones.
Officials Visit Airfield Twice
Satellite images show a Russian delegation at Kashan airfield in June and again in July.
Why Russia Needs Drones
Russia has struggled to replenish its own stock after heavy losses in the war.
"""

PAGE_HEADER_DATE = """Springfield, IL
Tuesday, July 12, 2022
Home | News | World | Politics | Business

Iran to arm Russia with drones, officials say

A tank and a drone at dusk. | Photo by Jane Roe, Shutterstock

Donate to The Springfield Ledger to Keep Local News Free

Officials in Washington said on Monday that Iran plans to send hundreds of drones to Russia.

US sources said that on June 28, 2021, an Iranian drone was on show at an aerospace fair in Tehran.

The Kremlin declined to comment on the report.

© 2022 The Springfield Ledger
"""

MASTHEAD = """Harbour Times - Drone talks stall as Tehran denies deal

London -

Drone talks stall as Tehran denies deal
Drone talks stall as Tehran denies deal / Photo: Jane Roe/AFP/File

Text size:

Iran on Tuesday denied any plan to supply drones to Russia, calling the claim a distraction.

- Denial from Tehran -

A foreign ministry spokesman said cooperation with Moscow predated the war.
"""

QUESTION_HEADLINE = """Why is Iran sending drones to Russia and what does it mean for Ukraine?

By Jane Doe

Updated 10:04 AM EDT, Tue July 12, 2022

The White House said on Monday that Iran is preparing to supply Russia with drones.

The Kremlin declined to comment on the report.
"""

STANDFIRST_THEN_BYLINE = """Iran to arm Russia with drones

Officials say the move would deepen military ties between Moscow and Tehran.

By Jane Doe

July 12, 2022

The White House said on Monday that Iran is preparing to supply Russia with drones.

Officials said training could start in July, according to a US intelligence assessment.
"""

USER_COMMENTS = """We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.

Iran denies drone deal

LONDON, July 12 (Reuters) - Tehran on Tuesday denied that it planned to supply drones to Russia for use in Ukraine.

A foreign ministry spokesman said cooperation with Moscow predated the war in Ukraine.

Officials in Washington said the evidence came from declassified intelligence reports.

12 Comments

John Smith
This is exactly what everyone expected to happen, and nobody in the government will do anything about it.
Reply

Mary Jones
I disagree completely with the previous commenter, the sanctions are clearly working as intended.
Reply
"""

# -- three more outlet styles, written after the cleaner was tuned on the seeds and the examples

REGIONAL_WEATHER = """THE HOLLOWAY VALE RECORD
Serving the Vale since 1887. Local news. Local voices.
Wed 14 May 2025  |  Light rain, 12°C
Subscribe   Log in

Home › Local › Transport

Rail link to Dunmere delayed again as bridge repairs overrun

Engineers inspect the Cadder viaduct on Tuesday. Picture: Colm Arden

Rail link to Dunmere delayed again as bridge repairs overrun

By Priya Oduya
Transport Correspondent
Published 13 May 2025, 6:40 pm

The reopening of the rail line between Holloway and Dunmere has been pushed back to September after engineers found more damage than expected on the Cadder viaduct, the regional transport authority said on Tuesday.

The line was closed in January when a routine survey found cracks in two of the viaduct's stone piers. The authority had said in March that trains would run again by the start of June.

"We would rather open late than open a bridge we are not sure of," said Marten Coyle, the authority's director of infrastructure. "Every pier has now been surveyed, and we know what the job is."

Weather
Today: Light rain, 12°C
Tomorrow: Sunny spells, 15°C
Full forecast

Replacement buses will keep running every half hour, the authority said, and season-ticket holders will get a second month's refund.

Commuters react

Ellis Farr, who travels to Dunmere for work four days a week, said the bus added forty minutes to each journey. "It is the not knowing that wears you down," she said.

Most read
Vale school wins national robotics prize
Market square plans go on show
Two hurt in crash on the Dunmere road

Comments (0)
Be the first to comment.

© 2025 Holloway Vale Record Ltd. Registered in England.
"""

MAGAZINE_PULL_QUOTE = """Meridian Review
Ideas | Science | Culture | Books | Podcasts

SCIENCE

The quiet return of the river otter

After decades of absence, otters are back on almost every river in the north. Scientists are still arguing about why.

Words by Tomas Lindqvist  ·  Photographs by Hana Ibe
March 2025 issue

An otter surfaces below the weir at Carrow Mill. Photograph: Hana Ibe for Meridian Review

For most of the twentieth century, an otter on the River Carrow was a rumour. Anglers told stories of seeing one, but the surveys found nothing, year after year.

That changed in the early 2000s. By 2010, volunteers were finding spraints, the otter's droppings, under almost every bridge on the river.

Dr Amara Quist, who has studied the Carrow otters for fifteen years, thinks the ban on certain pesticides in the 1980s mattered as much as any clean-up. "People assume the otters came back because the rivers got cleaner," she says. "That is part of it, but it is not the whole story."

“People assume the otters came back because the rivers got cleaner”

Her team has found that otters now range much further than they once did, sometimes travelling twenty kilometres in a night between feeding sites.

A question of fish

Not everyone is pleased. Some anglers blame the otters for a fall in trout numbers, although the evidence for that is thin, Quist says.

This article appears in the March 2025 issue of Meridian Review. Subscribe to Meridian Review for £4 a month.

Read more from our Science desk
The birds that learned to use the city
Why the hedgehog count keeps falling

© Meridian Review Publishing 2025
"""

BLOG_SHARE_BARS = """the kitchen ledger
notes on food, farming and the sea

Posted in Policy, Fisheries on 3 June 2025 by Ruth Abernathy

Why the anchovy quota fight matters for your grocery bill

Share this:  Facebook | X | LinkedIn | Email

When the fisheries council meets next week, it will decide how much anchovy the boats in the gulf may land this year. That sounds remote from a supermarket aisle, but the anchovy catch feeds a long chain of products, from fish sauce to the feed given to farmed salmon.

Last year the quota was cut by a fifth. Processors say that cut is one reason the price of tinned fish rose faster than almost anything else in the shop.

The fishers' side

The boat owners I spoke to in Portmarrow say the stock has recovered and want the old quota back. The council's own scientists are more cautious and would keep the cut for another year.

I don't know who is right. But I do know that whatever the council decides will show up at the till by the autumn.

Share this:  Facebook | X | LinkedIn | Email

Like this:
Like Loading...

You may also like
Three things I learned at the harbour auction
What a sardine costs, from boat to tin
The case for counting fish with cameras

4 thoughts on "Why the anchovy quota fight matters for your grocery bill"

Marguerite L. says:
June 3, 2025 at 9:12 pm
Great explainer. I had no idea fish sauce came into it.
Reply

Dev Patanjali says:
June 4, 2025 at 7:30 am
The scientists are usually right about these things, in my experience. Keep the cut.
Reply

Leave a Reply
Your email address will not be published. Required fields are marked *
"""

# -- one page per failure seen on the example corpus (a tagline taken for prose, the
# page-header "today" date taken for the article's, a newsletter named as the outlet,
# "Text size: A A A" kept, a share bar, a "Read next" box and a newsletter box kept)

TAGLINE_AND_HEADER_DATE = """LOWMARSH HERALD
Your marsh. Your river. Your news.
Friday, August 8, 2025
Home | Farming | Council | Sport | Notices

Ferry crossing closes for a month of repairs

Ferry crossing closes for a month of repairs

The chain ferry at Saltings Hard on Thursday. Photo: Ida Brenner / Lowmarsh Herald

By Colin Ashe, Rivers Reporter
July 3, 2025

Text size: A A A

The chain ferry across the Lowmarsh estuary will stop running on Monday for four weeks while its slipways are rebuilt, the county council said on Thursday.

Drivers will face a detour of about 30 kilometres through Fenning while the work goes on, the council said.

The ferry carries around 900 vehicles on a busy summer day, according to council figures.

SIGN UP FOR THE TIDE SHEET
The week on the marsh, every Saturday morning.
Your email
Subscribe

Donate to the Lowmarsh Herald
Local news costs money. Help us keep it free.

© Lowmarsh Herald Ltd
"""

HEADER_DATE_ONLY = """LOWMARSH HERALD
Your marsh. Your river. Your news.
Friday, August 8, 2025
Home | Farming | Council | Sport | Notices

Anglers asked to report sightings of rare eel

By Colin Ashe

Anglers on the lower Lowmarsh are being asked to report any sightings of the short-finned eel after a survey found the first one in the river for a decade.

The county wildlife trust said a single specimen had been caught and released near Fenning lock last week.

Donate to the Lowmarsh Herald
Local news costs money. Help us keep it free.
"""

SHARE_BAR_AND_READ_NEXT = """FENWICK BAY COURIER
Tuesday, 9 September 2025

Harbour wall repairs to start before the winter storms

FBC | 8 Sep 2025 18:30

Share on Facebook   Share on X   Email   Print

Contractors will begin repairing the damaged section of the Fenwick harbour wall in October, the harbour board said on Monday, weeks earlier than it had planned.

The wall was breached in two places during the February storms, and the board had said repairs would not start until next spring.

Board chair Ines Amaro said the earlier date had been made possible by a grant from the coastal fund.

Tags: Harbour, Storms, Fenwick

Read next
Lifeboat station appeals for new volunteers
Opinion: The harbour board has been too slow
Bus timetable changes for the autumn

Bay Briefing
The week's stories from around the bay, every Friday.
Email address
Sign me up

Fenwick Bay Courier | About us | Advertise | Privacy
© 2025 Fenwick Media Group
"""

STYLE_CASES = [
    pytest.param(
        AP_STYLE,
        ["WASHINGTON (AP) —", "National security", "“Our information", "Russia has lost", "Associated Press writer"],
        {"Advertisement": "widget", "By JANE DOE and JOHN ROE": "byline", "Copyright 2022": "copyright"},
        {"title": "Iran to send drones to Russia, US says", "outlet": "Associated Press",
         "author": "JANE DOE and JOHN ROE", "date": None},
        id="ap-dateline",
    ),
    pytest.param(
        BBC_STYLE,
        ["12 July 2022", "The US says", "The claim", "What are the drones?", "Iran has built", "Why does Russia",
         "Russia has lost"],
        {"Share": "widget", "Image source, Getty Images": "photo credit",
         "Iranian drones on display": "image caption", "By Jane Doe": "byline"},
        {"title": "Iran drones: Why Russia wants Tehran's weapons", "date": "2022-07-12", "author": "Jane Doe"},
        id="bbc",
    ),
    pytest.param(
        SPANISH_COMMENTS,
        ["KYIV, July 13, 2022 —", "A spokesman", "“We are ready"],
        {"Comentarios": "comments block", "Deja un comentario": "comments block",
         "Tu dirección": "comments block", "Nombre": "comments block", "Publicar comentario": "comments block"},
        {"title": "Drone deal raises alarm in Kyiv", "date": "2022-07-13"},
        id="spanish-comment-widget",
    ),
    pytest.param(
        PAYWALL,
        ["Published: July 12, 2022", "Tehran has denied", "Officials in Washington"],
        {"This article is reserved": "paywall", "Subscribe now": "paywall"},
        {"title": "Iran's drone exports: what we know", "date": "2022-07-12"},
        id="paywall",
    ),
    pytest.param(
        NEWSLETTER,
        ["MOSCOW —", "The Kremlin said", "Spokesman Dmitry", "A summit in Tehran", "The three leaders",
         "Analysts said"],
        {"Sign up for our": "newsletter block", "Get the day's": "newsletter block",
         "Enter your email": "newsletter block", "Sign up": "newsletter block"},
        {"title": "Kremlin confirms Putin trip to Tehran", "date": None},
        id="newsletter-mid-article",
    ),
    pytest.param(
        CROSSHEADS_NO_BLANK_LINES,
        ["Russian officials", "The official said", "Officials Visit Airfield Twice", "Satellite images",
         "Why Russia Needs Drones", "Russia has struggled"],
        {},
        {"title": None, "outlet": None, "date": None},
        id="crossheads-without-blank-lines",
    ),
    pytest.param(
        PAGE_HEADER_DATE,
        ["Officials in Washington", "US sources said", "The Kremlin declined"],
        {"Tuesday, July 12, 2022": "page header date", "Home | News": "navigation",
         "A tank and a drone": "image caption", "Donate to": "donation appeal", "© 2022": "copyright"},
        {"title": "Iran to arm Russia with drones, officials say", "outlet": "Springfield Ledger",
         "crawl_date": "2022-07-12", "date": None},
        id="page-header-date-is-the-crawl-day",
    ),
    pytest.param(
        MASTHEAD,
        ["London -", "Iran on Tuesday", "- Denial from Tehran -", "A foreign ministry"],
        {"Harbour Times - Drone": "masthead", "Text size:": "widget",
         "Drone talks stall as Tehran denies deal /": "image caption"},
        {"title": "Drone talks stall as Tehran denies deal", "outlet": "Harbour Times"},
        id="masthead-and-repeated-headline",
    ),
    pytest.param(
        QUESTION_HEADLINE,
        ["Updated 10:04 AM EDT", "The White House", "The Kremlin"],
        {"Why is Iran": "headline", "By Jane Doe": "byline"},
        {"title": "Why is Iran sending drones to Russia and what does it mean for Ukraine?", "author": "Jane Doe",
         "date": "2022-07-12"},
        id="question-headline-and-updated-line",
    ),
    pytest.param(
        STANDFIRST_THEN_BYLINE,
        ["Officials say the move", "July 12, 2022", "The White House", "Officials said training"],
        {"By Jane Doe": "byline"},
        {"title": "Iran to arm Russia with drones", "author": "Jane Doe", "date": "2022-07-12"},
        id="standfirst-then-byline-and-date",
    ),
    pytest.param(
        USER_COMMENTS,
        ["LONDON, July 12 (Reuters) -", "A foreign ministry", "Officials in Washington"],
        {"We use cookies": "cookie notice", "12 Comments": "comments block", "John Smith": "comments block",
         "This is exactly": "comments block", "I disagree": "comments block", "Reply": "comments block"},
        {"title": "Iran denies drone deal", "date": None},  # a dateline without a year gives no date
        id="user-comments-after-the-article",
    ),
    pytest.param(
        REGIONAL_WEATHER,
        ["Published 13 May 2025", "The reopening", "The line was closed", '"We would rather', "Replacement buses",
         "Commuters react", "Ellis Farr"],
        {"THE HOLLOWAY VALE RECORD": "masthead", "Serving the Vale": "page header",
         "Wed 14 May 2025": "page header date", "Home › Local": "navigation", "Engineers inspect": "image caption",
         "By Priya Oduya": "byline", "Transport Correspondent": "byline", "Weather": "widget", "Today: Light": "widget",
         "Tomorrow:": "widget", "Full forecast": "widget", "Most read": "related link", "Vale school": "related link",
         "Comments (0)": "comments block", "Be the first": "comments block", "© 2025": "copyright"},
        {"title": "Rail link to Dunmere delayed again as bridge repairs overrun", "outlet": "Holloway Vale Record",
         "author": "Priya Oduya", "date": "2025-05-13", "crawl_date": "2025-05-14"},
        id="regional-tagline-and-weather-widget",
    ),
    pytest.param(
        MAGAZINE_PULL_QUOTE,
        ["After decades of absence", "For most of", "That changed", "Dr Amara Quist", "Her team", "A question of fish",
         "Not everyone"],
        {"Meridian Review": "masthead", "Ideas | Science": "navigation", "SCIENCE": "section label",
         "Words by": "byline", "March 2025 issue": "byline", "An otter surfaces": "image caption",
         "“People assume": "repeated line", "This article appears": "paywall", "Read more from": "related link",
         "The birds that": "related link", "©": "copyright"},
        {"title": "The quiet return of the river otter", "outlet": "Meridian Review", "author": "Tomas Lindqvist",
         "date": None},  # "March 2025" is a month, not a day
        id="magazine-standfirst-and-pull-quote",
    ),
    pytest.param(
        BLOG_SHARE_BARS,
        ["Posted in Policy", "When the fisheries", "Last year", "The fishers' side", "The boat owners", "I don't know"],
        {"Share this:": "widget", "Like this:": "widget", "Like Loading": "widget", "You may also like": "related link",
         "What a sardine": "related link", "4 thoughts on": "comments block", "Marguerite L.": "comments block",
         "Great explainer": "comments block", "Leave a Reply": "comments block",
         "Your email address": "comments block"},
        {"title": "Why the anchovy quota fight matters for your grocery bill", "outlet": None, "date": "2025-06-03"},
        id="blog-share-bars-and-you-may-also-like",
    ),
]

FAILURE_CASES = [
    pytest.param(
        TAGLINE_AND_HEADER_DATE,
        ["July 3, 2025", "The chain ferry across", "Drivers will face", "The ferry carries"],
        {"Your marsh. Your river.": "page header", "Friday, August 8, 2025": "page header date",
         "Home | Farming": "navigation", "The chain ferry at": "image caption",
         "By Colin Ashe": "byline", "Text size: A A A": "widget", "SIGN UP FOR THE TIDE SHEET": "newsletter block",
         "The week on the marsh": "newsletter block", "Donate to": "donation appeal",
         "Local news costs money": "donation appeal"},
        {"title": "Ferry crossing closes for a month of repairs", "outlet": "Lowmarsh Herald", "author": "Colin Ashe",
         "date": "2025-07-03", "crawl_date": "2025-08-08"},
        id="tagline-is-not-a-paragraph",
    ),
    pytest.param(
        HEADER_DATE_ONLY,
        ["Anglers on the lower", "The county wildlife trust"],
        {"Friday, August 8, 2025": "page header date", "Local news costs money": "donation appeal"},
        {"title": "Anglers asked to report sightings of rare eel", "outlet": "Lowmarsh Herald", "date": None,
         "crawl_date": "2025-08-08"},
        id="header-date-is-never-the-articles",
    ),
    pytest.param(
        SHARE_BAR_AND_READ_NEXT,
        ["FBC | 8 Sep 2025 18:30", "Contractors will begin", "The wall was breached", "Board chair"],
        {"Tuesday, 9 September 2025": "page header date", "Share on Facebook": "widget", "Tags:": "widget",
         "Read next": "related link", "Opinion: The harbour board": "related link", "Bay Briefing": "newsletter block",
         "The week's stories": "newsletter block", "Sign me up": "newsletter block"},
        {"title": "Harbour wall repairs to start before the winter storms", "outlet": "Fenwick Bay Courier",
         "date": "2025-09-08", "crawl_date": "2025-09-09"},
        id="share-bar-read-next-and-newsletter-box",
    ),
]


@pytest.mark.parametrize(("text", "paragraphs", "removed", "fields"), STYLE_CASES + FAILURE_CASES)
def test_outlet_styles(
    text: str, paragraphs: list[str], removed: dict[str, str], fields: dict[str, str | None]
) -> None:
    page = clean_text(text)
    body_paragraphs = page.body.split("\n\n")
    assert len(body_paragraphs) == len(paragraphs), body_paragraphs
    for got, start in zip(body_paragraphs, paragraphs):
        assert got.startswith(start)
    reasons = {block.text: block.reason for block in page.removed}
    for start, reason in removed.items():
        matches = [r for t, r in reasons.items() if t.startswith(start)]
        assert matches and all(r == reason for r in matches), (start, matches)
    for name, value in fields.items():
        assert getattr(page, name) == value, name
    assert page.date is None or page.date != page.crawl_date
    _check_page(text, page)


def test_headline_lines_are_named() -> None:
    page = clean_text(MASTHEAD)
    reasons = [block.reason for block in page.removed]
    assert reasons.count("headline") == 1
    assert "repeated headline" not in reasons  # the copy is the caption's lead, itself removed
    page = clean_text("Storm hits coast\n\nStorm hits coast\n\nMIAMI (AP) — A powerful storm hit the coast on Monday, "
                      "officials said.\n\nResidents were told to stay indoors until the winds eased.\n")
    assert page.title == "Storm hits coast"
    assert [b.reason for b in page.removed] == ["headline", "repeated headline"]


def test_date_evidence_points_into_the_body() -> None:
    for text, expected in ((PAYWALL, "July 12, 2022 at 10:04 a.m."), (SPANISH_COMMENTS, "July 13, 2022"),
                           (BBC_STYLE, "12 July 2022")):
        page = clean_text(text)
        assert page.date_method == "text"
        ((start, end),) = page.date_evidence
        assert page.body[start:end] == expected


def test_header_date_by_position_without_a_headline() -> None:
    """A date line among the page's menus is the crawl day, whatever the zones and the title make of the page."""
    text = ("Sunday, March 2, 2025\nEN | FR | DE\nNews | Sport | Weather | Letters\n\n"
            "The council voted on Tuesday to keep the town library open on Saturdays, officials said.\n\n"
            "The library had faced cuts to its opening hours since the autumn budget review.\n")
    page = clean_text(text)
    assert page.title is None
    assert page.crawl_date == "2025-03-02" and page.date is None and page.date_method == "unknown"
    assert [b.reason for b in page.removed][0] == "page header date"


def test_today_line_is_the_crawl_day_even_under_the_headline() -> None:
    text = ("Harbour reopens after the storm\n\nToday: Monday, June 2, 2025\n\n"
            "The harbour reopened on Friday after three days of repairs to the outer wall, officials said.\n\n"
            "Fishing boats were back at sea within hours of the announcement.\n")
    page = clean_text(text)
    assert page.crawl_date == "2025-06-02" and page.date is None


@pytest.mark.parametrize(
    "closing",
    [
        "Police declined comment.",  # one short sentence is a paragraph; only a run of them is a tagline
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "The show opened in 2019. Pictures by local photographers will hang in the library until May.",
    ],
)
def test_closing_lines_that_look_like_furniture_stay_body(closing: str) -> None:
    text = ("Storm hits the coast\n\nMIAMI (AP) — A powerful storm hit the coast on Monday, officials said.\n\n"
            f"Residents were told to stay indoors until the winds eased.\n\n{closing}\n\n© 2025 Coast Wire\n")
    page = clean_text(text)
    assert page.body.endswith(closing)
    assert [b.reason for b in page.removed] == ["headline", "copyright"]


def test_dates_inside_paragraphs_are_not_the_articles() -> None:
    text = ("Officials said on Monday that Iran was ready.\n\nOn June 28, 2021, a drone was shown at a fair in "
            "Tehran, officials said.\n\nThe Kremlin declined to comment on the matter.\n")
    page = clean_text(text)
    assert page.date is None and page.date_method == "unknown" and page.date_evidence == ()
    assert page.crawl_date is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Kommentare", "comments block"),
        ("Commentaires (12)", "comments block"),
        ("Комментарии", "comments block"),
        ("Abonnez-vous à notre newsletter", "newsletter block"),
        ("Подпишитесь на рассылку", "newsletter block"),
        ("Jetzt spenden", "donation appeal"),
        ("Cet article est réservé aux abonnés.", "paywall"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("English | Español | Français", "language switcher"),
        ("* * *", "separator"),
        ("Read more: Iran denies drone deal", "related link"),
        ("Listen to this article", "widget"),
        ("Getty Images", "photo credit"),
        ("Demonstrators gather in Tehran on Tuesday. (AP Photo/Jane Roe, File)", "image caption"),
        ("The quay at dawn on Friday. Photo: Jane Roe / Harbour Times", "image caption"),
        ("Text size: A A A", "widget"),
        ("Text size: Small | Medium | Large", "widget"),
        ("Share on Facebook   Share on X   Email   Print", "widget"),
        ("Facebook | X | WhatsApp | Email", "widget"),
        ("Topics: Harbour, Council, Water", "widget"),
        ("News | Harbour | Council | Schools | Sport | Letters | Events | Family notices", "navigation"),
    ],
)
def test_furniture_lines_between_paragraphs(line: str, reason: str) -> None:
    text = ("Iran has denied that it plans to send drones to Russia, officials said on Tuesday.\n\n"
            f"{line}\n\n"
            "The denial came a day after the White House said training could start in July.\n")
    page = clean_text(text)
    assert [(b.text, b.reason) for b in page.removed] == [(line, reason)]
    assert page.body.count("\n\n") == 1


def test_plain_prose_mentioning_keywords_is_kept() -> None:
    lines = [
        "Kremlin spokesman Dmitry Peskov said Russia had no comments on the matter.",
        "He declined to comment.",
        "Ukraine recently appealed for donations to build its own drone army, officials said.",
        "Subscribers to the agency's service received the photos on Tuesday, the company said.",
        "Russia Seeks Iranian Drones",
        "So, in a nutshell?",
    ]
    text = "\n\n".join(["Iran has denied that it plans to send drones to Russia, officials said on Tuesday.", *lines,
                        "The denial came a day after the White House said training could start in July."])
    page = clean_text(text)
    assert page.removed == ()
    assert page.body == text


def test_hard_wrapped_paragraphs_are_joined_not_lost() -> None:
    text = ("WASHINGTON (AP) — The White House said on Tuesday that Iran\n"
            "is preparing to supply Russia with hundreds of drones, including\n"
            "some that are able to carry weapons.\n\n"
            "Sullivan said it was unclear whether any drones had been delivered\n"
            "so far, and that training could begin in July.\n")
    page = clean_text(text)
    assert page.removed == ()
    first, second = page.body.split("\n\n")
    assert first.count("\n") == 2 and first.startswith("WASHINGTON") and first.endswith("weapons.")
    assert second.endswith("July.")
    _check_page(text, page)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\r\n\t\x0b\x0c\u2028",
        "One line",
        "One line of prose that ends like a sentence.",
        "x" * 50_000,
        "word " * 10_000,
        "Paragraph one.\r\nParagraph two is here.\r\n",
        "line\u2028another line\u2029third line\x85fourth",
        "\ufeffTitle\n\nBody text of the article follows here, as usual.\n",
        "\x00\x01\x02binary\xff\xfe\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "\ufffd\ufffd\ufffd\ufffd abc \ufffd\ufffd\n\nNormal prose line that is fine here.",
        "Short\n" * 50_000,
        "A line of article prose, with enough words to count as a sentence here.\n" * 20_000,
        "- Heading -\n" * 1_000 + "Text.",
    ],
)
def test_any_text_gives_a_page(text: str) -> None:
    page = clean_text(text)
    assert isinstance(page, CleanedPage)
    _check_page(text, page)


def test_non_text_input_is_reported_not_raised() -> None:
    page = clean_text(None)  # type: ignore[arg-type]
    assert page.body == "" and page.removed and "not text" in page.removed[0].reason
    page = clean_text("Iran denies drone deal, officials say.".encode())  # type: ignore[arg-type]
    assert page.body == "Iran denies drone deal, officials say."


def test_binary_junk_is_removed_as_unreadable() -> None:
    junk = "\x00\x01\x02\x03\x04\x05\x06\x07abc\x08\x0e\x0f\x10\x11"
    page = clean_text(f"{junk}\n\nIran denied the report on Tuesday, officials said.\n")
    assert [b.reason for b in page.removed] == ["unreadable"]


def test_reasons_are_from_the_stable_list() -> None:
    for param in STYLE_CASES + FAILURE_CASES:
        for block in clean_text(param.values[0]).removed:
            assert block.reason in REASONS


# -- the offset map, for any text

LINES = st.sampled_from([
    "", " ", "Iran Allegedly Intends to Give Russia Military Drones", "English Español", "Fine Print",
    "Sunday, September 25, 2022", "Text size:", "- Divulging intelligence -", "Getty Images", "London -",
    "Donate to Dallas Express to Keep it Free", "Subscribe to Comments", "View all comments", "***",
    "A senior official said on Tuesday that the plan shows an urgent need for weapons after heavy losses.",
    "“There has been no special development in this relationship recently,” he said.",
    "Predator drones at dusk. | Image by Jane Roe, Shutterstock", "Published: July 12, 2022 at 10:04 a.m.",
    "By Jane Doe", "Comentarios", "Tu dirección de correo electrónico no será publicada.", "\t  indented line  \xa0",
    "continued wrapped line in lower case, after a long one that stopped mid sentence and",
])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_offset_map_holds_for_arbitrary_text(text: str) -> None:
    _check_page(text, clean_text(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25), st.sampled_from(["\n", "\n\n", "\r\n", "\u2028"]))
def test_offset_map_holds_for_page_like_text(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    _check_page(text, clean_text(text))


def _check_page(text: str, page: CleanedPage) -> None:
    """Segments map body to text exactly; every visible character is kept or removed exactly once."""
    body = page.body
    covered = [0] * len(text)
    previous_body_end = 0
    for body_start, source_start, length in page.segments:
        assert length > 0
        assert body[body_start:body_start + length] == text[source_start:source_start + length]
        assert body_start >= previous_body_end
        previous_body_end = body_start + length
        for i in range(source_start, source_start + length):
            covered[i] += 1
    mapped = sum(length for _, _, length in page.segments)
    assert len(body) - mapped == body.count("\n") - sum(text[s:s + n].count("\n") for _, s, n in page.segments)
    for block in page.removed:
        if block.start < 0:
            continue
        assert text[block.start:block.end] == block.text and block.text.strip(ZERO_WIDTH + " ")
        assert block.reason
        for i in range(block.start, block.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        visible = not ch.isspace() and ch not in ZERO_WIDTH
        assert covered[i] <= 1
        if visible:
            assert covered[i] == 1, (i, ch)
    for start, end in page.date_evidence:
        assert 0 <= start < end <= len(body)


# -- the seed scrapes against their line-level gold


def _eval_module():
    spec = importlib.util.spec_from_file_location("extraction_text", ROOT / "eval" / "extraction_text.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_gold_quality_floor(shared_dir: Path) -> None:
    if not (shared_dir / "seeds").is_dir():
        pytest.skip("no seed scrapes beside the repository")
    result = _eval_module().score_seeds(shared_dir)
    assert not result["missing"]
    assert result["overall"]["f1"] >= 0.99
    assert result["lost"] == []


def test_example_corpus_gold_and_metadata(examples_dir: Path) -> None:
    """The plain-text scrapes of `examples/corpus` against `eval/gold/examples-lines.json` and `annotation.json`."""
    module = _eval_module()
    gold = json.loads((ROOT / "eval" / "gold" / "examples-lines.json").read_text(encoding="utf-8"))["examples"]
    result = module.score_pages(examples_dir, gold)
    assert not result["missing"]
    assert result["overall"]["f1"] >= 0.99
    assert result["lost"] == []
    for name, fields in module.check_metadata(examples_dir.parent).items():
        assert not fields["header_date_as_date"], name
        for field in ("title", "outlet", "date", "crawl_date"):
            assert fields[field]["ok"], (name, field, fields[field])


def test_seed_metadata(seeds_dir: Path) -> None:
    if not seeds_dir.is_dir():
        pytest.skip("no seed scrapes beside the repository")
    pages = {p.name[:3]: clean_text(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))}
    if set(pages) != {"000", "001", "002", "003"}:
        pytest.skip("the seed set has changed")
    assert pages["000"].crawl_date == "2022-09-25" and pages["000"].date is None
    assert pages["000"].outlet == "Dallas Express"
    assert pages["001"].outlet == "Morning Chronicle"
    assert pages["001"].body.startswith("London -")
    assert pages["002"].title and pages["002"].title.startswith("This Is Why Iran")
    assert pages["003"].title is None and pages["003"].removed == ()
