"""Datelines, year inference and event dates, on the phrasings news pages use."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from etl.dates import (
    PartialDate,
    date_line_text,
    find_event_date,
    find_visible_date,
    parse_date_line,
    parse_date_value,
    resolve_published,
    year_from_name,
    year_from_text,
)


@pytest.mark.parametrize(("line", "expected"), [
    ("11:02, 10 June", PartialDate(None, 6, 10)),
    ("14:35, 3 March 2021", PartialDate(2021, 3, 3)),
    ("10 June 2025", PartialDate(2025, 6, 10)),
    ("10.06.2025", PartialDate(2025, 6, 10)),
    ("2025-06-10", PartialDate(2025, 6, 10)),
    ("June 10, 2025", PartialDate(2025, 6, 10)),
    ("10 июня 2025 г., 11:02", PartialDate(2025, 6, 10)),
    ("  09:02, 23 May ", PartialDate(None, 5, 23)),
    # labels, weekdays and 12-hour clocks other sites print around the date
    ("Tuesday, 10 June 2025", PartialDate(2025, 6, 10)),
    ("вторник, 10 июня 2025", PartialDate(2025, 6, 10)),
    ("Jun 10, 2025 11:02 AM", PartialDate(2025, 6, 10)),
    ("Опубликовано: 10.06.2025", PartialDate(2025, 6, 10)),
    ("Published: Tuesday, 10 June 2025, 11:02 AM", PartialDate(2025, 6, 10)),
    ("10 июня 2025 в 11:02", PartialDate(2025, 6, 10)),
    ("2025-11-05 16:40 | Source: Shaanxi Daily", PartialDate(2025, 11, 5)),
    ("22.04.2025 [15:40]", PartialDate(2025, 4, 22)),
    ("Published October 14, 2024 6:00 AM | Updated October 14, 2024 5:40 PM", PartialDate(2024, 10, 14)),
    ("10 June 2025, 11:02 | Views: 345", PartialDate(2025, 6, 10)),
    ("Published: Monday 16 June", PartialDate(None, 6, 16)),
    ("Press release · 14 June", PartialDate(None, 6, 14)),
    ("03/03/2025 · 14:25 · Communication Office", PartialDate(2025, 3, 3)),
    ("4 June 2025 18:05 (UTC +04:00)", PartialDate(2025, 6, 4)),
    ("14 ноя 2024, 16:20", PartialDate(2024, 11, 14)),
    # agencies' stamp lines: the date among bylines and sources, a clock with seconds, the time it was changed
    ("Source: Xinhua | 2024-08-17 21:06:42 | Editor: Zhang Min", PartialDate(2024, 8, 17)),
    ("By ZHOU HUIYING | chinadaily.com.cn | Updated: 2024-11-06 16:45", PartialDate(2024, 11, 6)),
    ("Ayşe Demir |15.10.2024 - Update : 15.10.2024", PartialDate(2024, 10, 15)),
    ("16:45 07.06.2025 (обновлено: 17:10 07.06.2025)", PartialDate(2025, 6, 7)),
    # an American site's month first, a byline's desk after the date
    ("Posted 08/18/2025 by NBSCA Communications", PartialDate(2025, 8, 18)),
    ("Posted on 3 June", PartialDate(None, 6, 3)),
    ("By Aigerim Seitkali in Business on 8 July 2025", PartialDate(2025, 7, 8)),  # a byline ending in the date
])
def test_datelines(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("line", [
    "Minsk, Kazan sign cooperation program for 2025-2027",
    "31 June",  # no such day
    "10 Junk",  # a word where the month stands, but no month
    "29.02.2023",  # not a leap year
    "Photo: the Minsk City Executive Committee",
    "2025-2027",
    "Minsk, 10 June",  # a town, not a weekday
    "10 June · Minsk delegation visits Kazan",  # a related headline with its date, not a dateline
    "10.06/2025",
])
def test_lines_that_are_not_datelines(line):
    assert parse_date_line(line) is None


def test_dateline_text_drops_the_time():
    assert date_line_text("09:02, 23 May") == "23 May"
    assert date_line_text("10 июня 2025 г., 11:02") == "10 июня 2025 г."
    assert date_line_text("Belarusian delegation pays visit") is None
    assert date_line_text("Published: Tuesday, 10 June 2025, 11:02 AM") == "10 June 2025"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-06-10T11:02:00+03:00", PartialDate(2025, 6, 10)),
    ("2025-06-10T08:02:00Z", PartialDate(2025, 6, 10)),
    ("Tue, 10 Jun 2025 11:02:00 +0300", PartialDate(2025, 6, 10)),
    ("13.04.2024", PartialDate(2024, 4, 13)),
    ("June 2025", PartialDate(2025, 6, None)),
    ("2025", PartialDate(2025, None, None)),
    ("yesterday", None),
    ("", None),
])
def test_metadata_and_feed_date_values(value, expected):
    assert parse_date_value(value) == expected


def test_precision_follows_what_the_date_gives():
    assert PartialDate(2025, 6, 10).precision == "day"
    assert PartialDate(2025, 6).precision == "month"
    assert PartialDate(2025).precision == "year"


def test_visible_date_prefers_a_full_date_then_a_time_stamped_day_month():
    assert find_visible_date("Posted 14.05.2019 by the press office") == PartialDate(2019, 5, 14)
    assert find_visible_date("News | 11:02, 10 June | Minsk") == PartialDate(None, 6, 10)
    assert find_visible_date("Minsk Days run in Kazan on 9-10 June.") is None  # an event, not a dateline


def test_year_from_name_ignores_digits_inside_words():
    assert year_from_name("017_2019_grodno.txt") == 2019
    assert year_from_name("https://eng.belta.by/2021/05/14/minsk.html") == 2021
    assert year_from_name("000_28e4aa2019e16fccf.txt") is None  # part of a hash
    assert year_from_name(None) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Minsk, Kazan sign cooperation program for 2025-2027", 2025),  # the start of a range
    ("Twin towns since 2010, they signed a plan until 2030 in 2019.", 2019),  # since/until are not "now"
    ("Friendly ties date back to the 1990s.", None),  # a decade is not a year
    ("They were twinned back in 2005. In 2018 a forum was held.", 2018),  # the latest "now" year wins
    ("Сотрудничество с 2010 года; программа до 2030 года.", None),
    ("The Strategy-2030 was discussed in 2021.", 2021),
])
def test_year_from_text(text, expected):
    assert year_from_text(text) == expected


def test_year_from_text_ignores_years_after_the_file_was_saved():
    assert year_from_text("A programme for 2025-2027; the 2019 agreement.", latest_possible=2024) == 2019


SEED_DATELINE = PartialDate(None, 6, 10)  # "11:02, 10 June"
SAVED = datetime(2023, 8, 1, 12, 0)


@pytest.mark.parametrize(("arguments", "expected_year"), [
    ({"year": 2021, "source_path": "data/017_2019_grodno.txt", "text": "plan for 2025-2027"}, 2021),
    ({"url": "https://x.by/2018/06/10/a.html", "source_path": "017_2019_grodno.txt"}, 2018),
    ({"source_path": "data/017_2019_grodno.txt", "text": "a programme for 2022-2024"}, 2019),
    ({"source_path": "data/000_28e4aa494e16fccf.txt", "text": "a programme for 2022-2024"}, 2022),
    ({"source_path": "data/000_28e4aa494e16fccf.txt", "text": "no year here"}, 2023),
])
def test_year_inference_order(arguments, expected_year):
    published, precision, inferred = resolve_published(SEED_DATELINE, modified=SAVED, **arguments)
    assert published == date(expected_year, 6, 10)
    assert precision == "day"
    assert inferred is True


def test_year_from_the_modification_time_never_puts_the_page_after_it_was_saved():
    published, _, inferred = resolve_published(SEED_DATELINE, modified=datetime(2023, 3, 1))
    assert published == date(2022, 6, 10)
    assert inferred is True


def test_a_date_with_its_year_is_not_inferred():
    assert resolve_published(PartialDate(2021, 3, 3), year=2025) == (date(2021, 3, 3), "day", False)


def test_no_date_and_no_clue_gives_no_date():
    assert resolve_published(None, year=2025) == (None, None, False)
    assert resolve_published(SEED_DATELINE) == (None, None, False)


PUBLISHED = date(2025, 6, 10)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Minsk Days are running in Russia's Kazan on 9-10 June.", (date(2025, 6, 9), "day")),
    ("The festival ran on 9–10 June in Grodno.", (date(2025, 6, 9), "day")),  # en dash
    ("The agreement was signed on 8 February.", (date(2025, 2, 8), "day")),
    ("The agreement was signed on 8 February 2019.", (date(2019, 2, 8), "day")),
    ("The twinning was formalised in March 2020.", (date(2020, 3, 1), "month")),
    ("Delegates met on June 9, 2019 in Minsk.", (date(2019, 6, 9), "day")),
    ("The forum opened on 28 December.", (date(2024, 12, 28), "day")),  # >2 months after publication
    ("Соглашение подписано 8 февраля 2019 года.", (date(2019, 2, 8), "day")),
    ("Делегация побывала в Казани 9 июня.", (date(2025, 6, 9), "day")),
    ("Форум прошёл в марте 2020 года.", (date(2020, 3, 1), "month")),
    ("The memorandum was signed on 14.05.2019.", (date(2019, 5, 14), "day")),
    ("a Minsk-Kazan cooperation program for 2025-2027", None),
    ("In May, 12 cities joined the network.", None),
    ("The forum will be held in June.", None),
    ("Some 2,000 people came by 2030.", None),
])
def test_event_dates(sentence, expected):
    assert find_event_date(sentence, PUBLISHED) == expected


def test_event_date_without_year_needs_a_publication_date():
    assert find_event_date("signed on 8 February", None) is None
    assert find_event_date("signed on 8 February 2019", None) == (date(2019, 2, 8), "day")


@pytest.mark.parametrize(("text", "year"), [
    ("Delegations met to mark the 30th anniversary of the partnership, established in 1987.", 2017),
    ("A programme marking 65 years since the two cities signed their charter in 1959.", 2024),
    ("Праздник приурочен к 30-летию побратимских отношений, соглашение о которых подписано в 1989 году.", 2019),
    ("На празднование 1160-летия Полоцка, впервые упомянутого под 862 годом, приехали гости.", 2022),
])
def test_an_anniversary_and_the_year_it_counts_from_give_the_year(text, year):
    assert year_from_text(text, 2026) == year


def test_an_anniversary_that_fits_several_years_picks_none_of_them():
    text = "The 20th anniversary of ties set up in 1995 and of the fair first held in 2001."
    assert year_from_text(text, 2026) not in (2015, 2021)


def test_a_file_name_with_a_number_and_a_year_gives_the_year():
    """"2016_2024_molodechno.txt": the page's number reads like a year too; the later one is the year."""
    published, _, inferred = resolve_published(PartialDate(None, 12, 2), source_path="pages/2016_2024_molodechno.txt")
    assert published == date(2024, 12, 2) and inferred
    # where the text agrees with one of them, that one
    assert resolve_published(PartialDate(None, 5, 1), source_path="2024_2008_run.txt",
                             text="The 2008 run was the tenth.")[0] == date(2008, 5, 1)
