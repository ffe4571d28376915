"""Dates on news pages: publication dates with their precision, year inference, and event dates in sentences.

A page dump often gives only "11:02, 10 June". The year is then inferred, in this order: the analyst's
``--year``; a year in the URL or the file name (``017_2019_grodno.txt``); the years the text itself names
(see ``year_from_text``); the file's modification time. An inferred year is marked ``year_inferred``.

Everything here runs for every page and every event sentence, so the regexes are compiled once at import.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import NamedTuple

FIRST_YEAR, LAST_YEAR = 1990, 2035  # the years a news page about twinning can plausibly be from or name
# A day-month without a year is read in the publication's year, unless that puts it this far after
# publication: then it is last year's ("on 28 December" in a page of 3 January).
LATEST_AFTER_PUBLICATION = timedelta(days=62)

_MONTH_NAMES = {
    1: "january jan января январе январь студзеня янв",
    2: "february feb февраля феврале февраль лютага фев",
    3: "march mar марта марте март сакавіка мар",
    4: "april apr апреля апреле апрель красавіка апр",
    5: "may мая мае май траўня",
    6: "june jun июня июне июнь чэрвеня июн",
    7: "july jul июля июле июль ліпеня июл",
    8: "august aug августа августе август жніўня авг",
    9: "september sept sep сентября сентябре сентябрь верасня сен сент",
    10: "october oct октября октябре октябрь кастрычніка окт",
    11: "november nov ноября ноябре ноябрь лістапада ноя",
    12: "december dec декабря декабре декабрь снежня дек",
}
MONTHS: dict[str, int] = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
# Any word where a month name may stand; the word is looked up in MONTHS afterwards. An alternation of
# all month names in the regexes made every date search ~10 times slower (re does not build a trie).
_MONTH = r"[^\W\d_]{3,11}\.?"
_YEAR = r"(?:19[89]\d|20[0-3]\d)"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"  # "21:06:42", as some agencies print the clock
_DAY_RANGE_TAIL = r"(?:\s*[-–—]\s*\d{1,2}(?!\d))?"  # "9-10 June": the event starts on the first day

# A line that is only a date, as page dumps print them: "11:02, 10 June", "14:35, 3 March 2021",
# "10 June 2025", "10.06.2025", "2025-06-10", "June 10, 2025", "10 июня 2025 г., 11:02".
# "Published: Tuesday, 10 June 2025, 11:02 AM", «Опубликовано: вторник, 10 июня 2025»: a label, a weekday
# and a 12-hour clock around the same dates
_CLOCK = rf"{_TIME}(?:\s*[AaPp]\.?[Mm]\.?)?"
_LABEL = (r"(?:(?:Published|Updated|Posted|Date|Опубликовано|Обновлено|Дата(?:\s+публикации)?)(?:\s+on)?\s*:?\s*"
          # "Press release · 14 June", «Пресс-релиз · 14 июня»: a rubric and a dot before the date
          r"|(?:Press\s+release|News|Пресс-релиз|Новост[ьи])\s*[·•|]\s*)")
_WEEKDAY = (r"(?:(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|urday)?\.?"
            r"|(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)),?\s+)")
# "10 June 2025, 11:02 | Views: 345", "10.06.2025 | 2 min read", «| Просмотров: 120»: counters after the date
# and "| Source: Shaanxi Daily", "| Updated October 14, 2024 5:40 PM", «| Источник: БЕЛТА»
_COUNTERS = (r"(?:\s*[|•·]\s*(?:(?i:views?|просмотр\w*|comments?|комментари\w*)\s*:?\s*\d+|\d+\s*(?i:min(?:ute)?s?"
             r"(?:\s+read)?|мин\w*\.?(?:\s+чтения)?|views?|просмотр\w*)"
             r"|(?i:source|источник|editor|редактор|updated|обновлено|изменено)\b[^|]{0,40}))*")
# "03/03/2025 · 14:25 · Communication Office": the desk that wrote it, after the time and a dot
# "4 June 2025 18:05 (UTC +04:00)", "10:02 MSK", "11:02 (GMT+3)": the clock's time zone
_ZONE = r"(?:\s*\(?(?:UTC|GMT|MSK|МСК)\s*(?:[+−-]\s*\d{1,2}(?::?\d{2})?)?\)?)?"
_DESK = r"(?:\s*[·•]\s*[^\W\d][^\d|·•]{0,38})?"
# "Posted 08/18/2025 by NBSCA Communications": a byline's desk
_BY_DESK = r"(?:\s+by\s+[^\W\d][^\d|·•]{0,38})?"
_DATE_LINE = re.compile(
    rf"""^\s*{_LABEL}?(?:{_CLOCK}\s*[,|]?\s*)?{_WEEKDAY}?
    (?:
        (?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})(?:\s*,?\s*(?P<y1>{_YEAR}))?(?:\s*(?:г\.|года))?
      | (?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y2>{_YEAR}))?
      | (?P<d3>\d{{1,2}})(?P<s3>[./])(?P<n3>\d{{1,2}})(?P=s3)(?P<y3>{_YEAR})
      | (?P<y4>{_YEAR})-(?P<n4>\d{{1,2}})-(?P<d4>\d{{1,2}})
    )
    (?:\s*[,|·•]?\s*(?:в\s+|at\s+)?\[?{_CLOCK}\]?{_ZONE}{_DESK})?{_BY_DESK}{_COUNTERS}\s*$""",
    re.VERBOSE,
)
# A full date (with its year) anywhere in a text: the visible date of an HTML page.
_FULL_DATE = re.compile(
    rf"""(?<![\d.])(?:
        (?P<d3>\d{{1,2}})\.(?P<n3>\d{{1,2}})\.(?P<y3>{_YEAR})
      | (?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s*,?\s*(?P<y1>{_YEAR})
      | (?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})
    )(?!\d)""",
    re.VERBOSE,
)
# A time-stamped day-month ("11:02, 10 June"): the dateline of a page whose year is not printed.
# The time is required, so event dates in the body ("on 9-10 June") are not taken for it.
_STAMPED_DAY_MONTH = re.compile(rf"\b{_TIME}\s*,?\s*(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})")
_TIME_AROUND_DATE = re.compile(rf"^\s*{_LABEL}?(?:{_CLOCK}\s*[,|]?\s*)?{_WEEKDAY}?"
                               rf"|(?:\s*[,|·•]?\s*(?:в\s+|at\s+)?\[?{_CLOCK}\]?{_ZONE}{_DESK})?{_BY_DESK}{_COUNTERS}\s*$|^\s+|\s+$")
_MONTH_YEAR = re.compile(rf"^\s*(?P<m1>{_MONTH})\s*,?\s*(?P<y1>{_YEAR})\s*$")
_ONLY_YEAR = re.compile(rf"^\s*(?P<y1>{_YEAR})\s*$")

# Event dates are found from the numbers of a sentence outwards (numbers are rare, month words are not
# cheap to find): "on 9-10 June" (day, month after), "June 9, 2019" (month before), "in March 2020"
# (a year with a month before: month precision), "8 февраля 2019 года", "14.05.2019".
_NUMBER = re.compile(r"\d{1,4}(?![\d:])")  # no lookbehind: it makes re test every position (3x slower)
_DIGITS = "0123456789"
_MONTH_AFTER_DAY = re.compile(rf"{_DAY_RANGE_TAIL}\s+([^\W\d_]+)\.?(?:\s*,?\s*({_YEAR})(?!\d))?")
_YEAR_AFTER_DAY = re.compile(rf"(?:st|nd|rd|th)?{_DAY_RANGE_TAIL}\s*,?\s+({_YEAR})(?!\d)")
_NUMERIC_DATE_REST = re.compile(rf"\.(\d{{1,2}})\.({_YEAR})(?!\d)")

# A year in a URL or a file name, standing alone between separators: "/2019/05/", "017_2019_grodno.txt";
# letters around it ("a2019f" in a hash) disqualify it.
_NAME_YEAR = re.compile(rf"(?<![0-9A-Za-z]){_YEAR}(?![0-9A-Za-z])")
# Words after which a year is background or a target, not the time of the news:
# "since 2010", "until 2030", "back in 2005", "с 2010 года", "до 2030 года".
_NOT_NOW_WORDS = frozenset({
    "since", "until", "till", "through", "thru", "by", "before", "to", "back", "after",
    "с", "со", "от", "до", "по", "к", "после",
})
_NOT_NOW_PHRASES = frozenset({"back in", "early as"})
_WORD = re.compile(r"[^\W\d_]+")


class PartialDate(NamedTuple):
    """A date as a page prints it: the day or month may be missing, and so may the year.

    A NamedTuple rather than a dataclass: it is built for every date line tried, and builds ~4x faster.
    """

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"


def _partial(match: re.Match) -> PartialDate | None:
    """The date a match of one of the date regexes holds.

    Their alternatives number their groups: d1 (day), m1 (month name), n1 (month number), y1 (year), d2...
    The last group that matched tells which alternative did (cheaper than reading every group).
    """
    groups = match.groupdict()
    day_key, month_key, number_key, year_key = _GROUP_KEYS[match.lastgroup[-1]]
    day, month_name, year = groups.get(day_key), groups.get(month_key), groups.get(year_key)
    month = MONTHS.get(month_name.lower().rstrip(".")) if month_name else groups.get(number_key)
    if not month:
        return None  # a word where a month name may stand, but not a month
    found = PartialDate(int(year) if year else None, int(month), int(day) if day else None)
    if not _is_valid(found) and groups.get("s3") == "/":
        # "08/18/2025": an American site puts the month first (where the day could not be a month)
        found = PartialDate(found.year, found.day, found.month)
    return found if _is_valid(found) else None


_GROUP_KEYS = {suffix: ("d" + suffix, "m" + suffix, "n" + suffix, "y" + suffix) for suffix in "1234"}
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February: possible in some year


def _is_valid(found: PartialDate) -> bool:
    year, month, day = found
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if not 1 <= day <= _DAYS_IN_MONTH[month]:
        return False
    return not (year and month == 2 and day == 29 and not _is_leap(year))


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# "10.04.2025 14:05 (обновлено: 10.04.2025 16:30)", "15.10.2024 - Update : 15.10.2024": when it was changed
_CHANGED_TAIL = re.compile(r"\s*(?:\((?:updated|update|обновлено|изменено)\b[^)]*\)|[-–—]\s*(?:updated?|обновлено)\s*:.*)$",
                           re.IGNORECASE)


def parse_date_line(line: str) -> PartialDate | None:
    """The date of a line that holds only a date (and perhaps a time): "11:02, 10 June" -> 10 June, no year."""
    part = _date_part(line)
    return None if part is None else _partial(_DATE_LINE.match(part))


def _date_part(line: str) -> str | None:
    """The part of a stamp line that is its date: the line itself, or one of the fields an agency prints
    around it ("Source: Xinhua | 2024-08-17 21:06:42 | Editor: Zhang Min", "By ZHOU HUIYING | chinadaily.com.cn
    | Updated: 2024-11-06 16:45")."""
    if len(line) > 120:  # a dateline is short: most lines are rejected here
        return None
    if len(line) <= 80 and (match := _DATE_LINE.match(line)) and _partial(match):
        return line
    if line[:3] in ("By ", "by ") and " on " in line:
        # "By Aigerim Seitkali in Business on 8 July 2025": a byline that ends with the date
        field = line.rsplit(" on ", 1)[1]
        return field if (match := _DATE_LINE.match(field)) and _partial(match) else None
    if "|" not in line and "(" not in line and " - " not in line:
        return None
    for field in _CHANGED_TAIL.sub("", line).split("|"):
        if field.strip() and (match := _DATE_LINE.match(field)) and _partial(match):
            return field
    return None


def date_line_text(line: str) -> str | None:
    """The date part of a date line, without its time: "09:02, 23 May" -> "23 May"."""
    part = _date_part(line)
    return None if part is None else _TIME_AROUND_DATE.sub("", part)


def parse_date_value(value: str) -> PartialDate | None:
    """A date from metadata or a feed column: ISO 8601, RFC 2822, "10.06.2025", "10 June 2025", "June 2025"."""
    value = (value or "").strip()
    if not value:
        return None
    if value[:4].isdigit() and len(value) >= 10:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
        except ValueError:
            parsed = None
        if parsed and FIRST_YEAR <= parsed.year <= LAST_YEAR:
            return PartialDate(parsed.year, parsed.month, parsed.day)
    found = parse_date_line(value)
    if found:
        return found
    if (match := _MONTH_YEAR.match(value)) and (found := _partial(match)):
        return found
    if match := _ONLY_YEAR.match(value):
        return PartialDate(int(match["y1"]))
    if "," in value and ":" in value:  # "Tue, 10 Jun 2025 11:02:00 +0300", as RSS prints dates
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if FIRST_YEAR <= parsed.year <= LAST_YEAR:
            return PartialDate(parsed.year, parsed.month, parsed.day)
    return None


def find_visible_date(text: str) -> PartialDate | None:
    """The first full date printed in a text ("14.05.2019", "14 May 2019"), else a dateline like "11:02, 10 June"."""
    for match in _FULL_DATE.finditer(text):
        found = _partial(match)
        if found:
            return found
    for match in _STAMPED_DAY_MONTH.finditer(text):
        found = _partial(match)
        if found:
            return found
    return None


def year_from_name(name: str | None) -> int | None:
    """The first year standing alone in a URL or a file name."""
    match = _NAME_YEAR.search(name or "")
    return int(match.group()) if match else None


def _year_of_file_name(file_name: str | None, text: str, saved_year: int | None) -> int | None:
    """The year a file name gives. Where it holds several ("2016_2024_molodechno.txt": a number, then the
    year), the one the text agrees with, else the latest."""
    years = [int(match.group()) for match in _NAME_YEAR.finditer(file_name or "")]
    if len(years) < 2:
        return years[0] if years else None
    told = year_from_text(text, saved_year)
    return told if told in years else max(years)


def year_from_text(text: str, latest_possible: int | None = None) -> int | None:
    """The year a text is most likely from: the latest year it names as "now".

    Counted: standalone years and the START of ranges ("a programme for 2025-2027" -> 2025). Not counted:
    the end of a range, decades ("the 1990s"), years after "since", "until", "by", "back in" and the like
    (background or targets), and years after ``latest_possible`` (the year the file was saved: a page
    cannot be saved before it is published). The latest remaining year wins, because news reports the
    present and looks back at the past.
    """
    anniversary = _year_of_anniversary(text, latest_possible)
    if anniversary:
        return anniversary
    best = None
    for start in _year_positions(text):
        year = int(text[start:start + 4])
        if (best is not None and year <= best) or (latest_possible and year > latest_possible):
            continue
        before = text[max(0, start - 20):start]
        joined = before.rstrip()
        if joined and joined[-1] in "-–—/" and joined[:-1].rstrip()[-4:].isdigit():
            continue  # the end of a range: "2025-2027", "2025 – 2027"
        if before[-1:] in ("-", "–", "—") and before[-2:-1].isalpha():
            continue  # part of a name: "Strategy-2030"
        words = _WORD.findall(before.lower())[-2:]
        if words and (words[-1] in _NOT_NOW_WORDS or " ".join(words) in _NOT_NOW_PHRASES):
            continue
        best = year
    return best


# "the 30th anniversary of the partnership, established in 1987", "65 years since … in 1959",
# «к 30-летию побратимских отношений, … подписано в 1989 году», «1160-летие Полоцка … под 862 годом».
_ANNIVERSARY = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)\s+anniversary|\b(\d{1,4})\s+years\s+(?:of|since)\b"
                          r"|\b(\d{1,4})-лети\w+", re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:in|since|from|of)\s+(\d{3,4})\b|\b(\d{3,4})\s+(?:год|г\.)", re.IGNORECASE)


def _year_of_anniversary(text: str, latest_possible: int | None) -> int | None:
    """The year an anniversary names: its number of years after a year the text gives, when exactly one
    such sum is a plausible year of publication."""
    if "nniversar" not in text and "years" not in text and "лети" not in text:
        return None
    spans = [int(next(g for g in m.groups() if g)) for m in _ANNIVERSARY.finditer(text)]
    if not spans:
        return None
    latest = latest_possible or LAST_YEAR
    starts = {int(next(g for g in m.groups() if g)) for m in _PAST_YEAR.finditer(text)}
    found = {start + span for start in starts for span in spans if FIRST_YEAR <= start + span <= latest}
    return found.pop() if len(found) == 1 else None


def _year_positions(text: str):
    """Where the standalone years 1990-2035 of a text start. str.find beats a regex scan ~10x here."""
    for prefix in ("19", "20"):
        start = text.find(prefix)
        while start >= 0:
            end = start + 4
            if (text[start + 2:end].isdecimal() and FIRST_YEAR <= int(text[start:end]) <= LAST_YEAR
                    and not text[end:end + 1].isalnum() and not (start and text[start - 1].isalnum())):
                yield start
            start = text.find(prefix, start + 1)


def _within_year_before(day_month: PartialDate, anchor: date) -> date:
    """The day-month in the anchor's year, or the year before when that lies more than ~2 months after the anchor."""
    found = _safe_date(anchor.year, day_month.month or 1, day_month.day or 1)
    if found - anchor > LATEST_AFTER_PUBLICATION:
        found = _safe_date(anchor.year - 1, day_month.month or 1, day_month.day or 1)
    return found


def _safe_date(year: int, month: int, day: int) -> date:
    """The date, with 29 February moved to the 28th in a common year."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def resolve_published(
    found: PartialDate | None,
    *,
    year: int | None = None,
    url: str | None = None,
    source_path: str | None = None,
    text: str = "",
    modified: datetime | None = None,
) -> tuple[date | None, str | None, bool]:
    """(publication date, precision, year_inferred) of a page whose printed date is ``found``.

    A date without a year takes it from, in order: ``year`` (the analyst's --year), the URL, the file
    name, the text (``year_from_text``), the modification time.
    """
    if found is None:
        return None, None, False
    if found.year:
        return date(found.year, found.month or 1, found.day or 1), found.precision, False
    saved_year = modified.year if modified and modified.year >= FIRST_YEAR else None
    file_name = source_path.replace("\\", "/").rsplit("/", 1)[-1] if source_path else None
    inferred = year or year_from_name(url) or _year_of_file_name(file_name, text, saved_year) \
        or year_from_text(text, saved_year)
    if inferred:
        return _safe_date(inferred, found.month or 1, found.day or 1), found.precision, True
    if saved_year:
        return _within_year_before(found, modified.date()), found.precision, True
    return None, None, False


def find_event_date(sentence: str, published: date | None) -> tuple[date, str] | None:
    """The date of the event a sentence reports, with its precision ("day" or "month"), or None.

    "on 9-10 June" -> 9 June (the start); a day-month without a year takes the publication's year, or
    the year before when that would put it more than ~2 months after publication.
    """
    first = _first_digit(sentence)
    if first < 0:  # most sentences have no number, and every date has one
        return None
    for number in _NUMBER.finditer(sentence, first):
        if number.start() and sentence[number.start() - 1] in "0123456789.,:":
            continue  # part of "2,000", "14.05.2019" (read from its day) or "11:02"
        found = _date_around(sentence, number)
        if found is None or not _is_valid(found):
            continue
        if found.year:
            return date(found.year, found.month, found.day or 1), found.precision
        if published is not None:
            return _within_year_before(found, published), found.precision
    return None


def _first_digit(text: str) -> int:
    """Where the first digit of a text is, or -1; ten str.find calls beat a regex scan of the whole text."""
    positions = [position for position in map(text.find, _DIGITS) if position >= 0]
    return min(positions) if positions else -1


def _date_around(sentence: str, number: re.Match) -> PartialDate | None:
    """The date a number of a sentence belongs to, read from the words around it."""
    start, end = number.span()
    value = int(number.group())
    if value >= 1000:  # a year: "in March 2020", "in March, 2020"
        month = _month_before(sentence, start, comma_allowed=True)
        return PartialDate(value, month) if month and FIRST_YEAR <= value <= LAST_YEAR else None
    if numeric := _NUMERIC_DATE_REST.match(sentence, end):
        return PartialDate(int(numeric.group(2)), int(numeric.group(1)), value)
    if after := _MONTH_AFTER_DAY.match(sentence, end):
        month = MONTHS.get(after.group(1).lower())
        if month:
            return PartialDate(int(after.group(2)) if after.group(2) else None, month, value)
    if month := _month_before(sentence, start, comma_allowed=False):  # "June 9", not "In May, 12 cities"
        year = _YEAR_AFTER_DAY.match(sentence, end)
        return PartialDate(int(year.group(1)) if year else None, month, value)
    return None


def _month_before(sentence: str, start: int, comma_allowed: bool) -> int | None:
    """The month named by the word just before ``start`` ("June 9", "Sept. 3"), or None."""
    if not start or not sentence[start - 1].isspace():
        return None
    head = sentence[max(0, start - 16):start].rstrip()
    if head.endswith(","):
        if not comma_allowed:
            return None
        head = head[:-1]
    words = head.rstrip(".").rsplit(None, 1)
    return MONTHS.get(words[-1].lower()) if words else None
