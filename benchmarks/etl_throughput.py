"""ETL throughput on synthetic seed-style pages: extraction on one core, loading with a 2-process pool.

    python benchmarks/etl_throughput.py [--articles N] [--workers 2] [--keep DIR]

Prints its figures last, on one line (extract figures: English pages; Russian ones last, with morphology on):
    extract_articles_per_s=… load_articles_per_s=… peak_rss_mb=… extract_ru_articles_per_s=…
peak_rss_mb is the load's: this process plus --workers times the largest worker (getrusage, an upper bound).
Targets (not assertions): extract >= 2000/s on one core; 100,000 loaded in < 3 min on 2 cores; peak < 1.5 GB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from etl.extract import default_gazetteer, extract_document
from etl.load import load_paths
from etl.records import RawDocument

# Real cities, as analysts write them, from many countries (Belarus, Russia and China most of all,
# as in the news this tool reads).
CITIES_TEXT = """
BY: Minsk, Brest, Grodno, Gomel, Mogilev, Vitebsk, Bobruisk, Baranovichi, Borisov, Pinsk, Orsha,
    Mozyr, Soligorsk, Novopolotsk, Lida, Molodechno, Polotsk, Zhlobin, Svetlogorsk, Rechitsa,
    Slutsk, Zhodino, Kobrin
RU: Moscow, Kazan, Novosibirsk, Yekaterinburg, Samara, Omsk, Chelyabinsk, Ufa, Volgograd, Perm,
    Krasnoyarsk, Voronezh, Saratov, Krasnodar, Tula, Smolensk, Bryansk, Pskov, Kaluga, Yaroslavl,
    Vladimir, Ryazan, Tver, Murmansk, Kaliningrad, Irkutsk, Khabarovsk, Vladivostok, Tomsk, Kursk,
    Orenburg, Penza, Astrakhan, Sochi, Ulyanovsk, Cheboksary, Saint Petersburg, Nizhny Novgorod,
    Rostov-on-Don
CN: Beijing, Shanghai, Guangzhou, Shenzhen, Chengdu, Chongqing, Wuhan, Xi'an, Hangzhou, Nanjing,
    Tianjin, Harbin, Changchun, Shenyang, Dalian, Qingdao, Jinan, Zhengzhou, Changsha, Kunming,
    Urumqi, Lanzhou, Suzhou, Xiamen, Hefei, Nanning, Fuzhou
KZ: Almaty, Astana, Shymkent, Karaganda, Aktobe, Pavlodar, Kostanay
UZ: Tashkent, Samarkand, Bukhara, Namangan, Andijan, Fergana
PL: Warsaw, Krakow, Lublin, Gdansk, Poznan, Bialystok, Lodz, Wroclaw
DE: Berlin, Hamburg, Munich, Cologne, Frankfurt, Dresden, Leipzig, Bonn
FR: Paris, Lyon, Marseille, Toulouse, Nice, Bordeaux, Lille
IT: Rome, Milan, Naples, Turin, Florence, Bologna, Genoa
TR: Istanbul, Ankara, Izmir, Bursa, Antalya, Konya
IN: Delhi, Mumbai, Bangalore, Kolkata, Chennai, Hyderabad
VN: Hanoi, Haiphong, Danang
RS: Belgrade, Novi Sad, Nis
AM: Yerevan, Gyumri
AZ: Baku, Ganja
GE: Tbilisi, Batumi, Kutaisi
KG: Bishkek, Osh
TJ: Dushanbe, Khujand
MN: Ulaanbaatar, Darkhan
LT: Vilnius, Kaunas, Klaipeda
LV: Riga, Daugavpils
HU: Budapest, Debrecen
CZ: Prague, Brno
BG: Sofia, Plovdiv, Varna
RO: Bucharest, Cluj-Napoca
EG: Cairo, Alexandria
IR: Tehran, Isfahan, Tabriz
AE: Dubai, Abu Dhabi
CU: Havana, Santiago de Cuba
VE: Caracas
BR: Sao Paulo, Brasilia
JP: Tokyo, Osaka, Sapporo
KR: Seoul, Busan
ES: Madrid, Barcelona, Valencia
GR: Athens, Thessaloniki
AT: Vienna, Graz
FI: Helsinki, Tampere
MD: Chisinau, Balti
TM: Ashgabat
SK: Bratislava, Kosice
"""


def _cities(text: str) -> dict[str, list[str]]:
    """"CC: name, name" lines (a line starting with spaces continues the one above) -> {CC: [names]}."""
    cities: dict[str, list[str]] = {}
    code = ""
    for line in text.strip().splitlines():
        if not line.startswith(" "):
            code, line = line.split(":", 1)
        cities.setdefault(code, []).extend(name.strip() for name in line.split(",") if name.strip())
    return cities


CITIES = _cities(CITIES_TEXT)
COUNTRY_NAMES = {"BY": "Belarus", "RU": "Russia", "CN": "China", "KZ": "Kazakhstan", "UZ": "Uzbekistan"}
SECTORS = ("sport", "tourism", "culture", "education", "trade and economic", "science", "healthcare", "youth policy",
           "transport", "investment", "agriculture", "industry")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "tenth")

COOPERATION = (
    "{a} and {b} signed an agreement on cooperation in {s1} and {s2} on {day} {month}.",
    "A delegation of {a} headed by the city mayor paid an official visit to {b} on {day} {month}.",
    ("The {ordinal} forum of twin towns of {a} and {b} was held in {b}, bringing together officials and "
     "entrepreneurs of the two cities."),
    "Officials of {a} and {b} held talks on expanding cooperation in {s1}.",
    "A cooperation programme between {a} and {b} for {y1}-{y2} was signed during the visit.",
    "Days of {a} in {b} opened with a concert of folk ensembles and an exhibition of local crafts.",
    "{a} and {b} established twin-town relations in {y1} and have since implemented dozens of joint projects.",
    "A regular flight between {a} and {b} will be launched, the airline said.",
    "The sides agreed to hold a business forum in {a} and a festival of culture in {b} next year.",
    "A memorandum of understanding on cooperation in {s1}, {s2} and other areas was concluded between {a} and {b}.",
)
FILLER = (
    "The parties discussed prospects for expanding trade and economic ties and implementing joint projects.",
    "Particular attention was paid to cooperation between industrial enterprises and educational institutions.",
    "The mayor noted that the partnership has a long history and good prospects for further development.",
    "Trade between the regions grew by {pct} percent last year and exceeded {money} million dollars.",
    "The participants visited a number of enterprises, a technology park and a new sports complex.",
    "According to the press service, more than {people} people took part in the events of the programme.",
    "The guests laid flowers at the memorial and met with representatives of the local community.",
    "Representatives of business circles held more than {talks} negotiations on the sidelines of the meeting.",
    "The agreement provides for exchanges of students, joint exhibitions and the promotion of tourist routes.",
    "The parties also discussed the supply of agricultural machinery, food products and building materials.",
    "It was noted that the interregional cooperation is an important driver of bilateral relations.",
    "Young people of both cities will take part in joint summer camps and sports competitions.",
)


def _fill(template: str, rng: random.Random, a: str, b: str) -> str:
    s1, s2 = rng.sample(SECTORS, 2)
    y1 = rng.randint(2019, 2025)
    return template.format(
        a=a, b=b, s1=s1, s2=s2, day=rng.randint(1, 28), month=rng.choice(MONTHS), ordinal=rng.choice(ORDINALS),
        y1=y1, y2=y1 + rng.randint(1, 4), pct=rng.randint(3, 60), money=rng.randint(10, 900),
        people=rng.randint(100, 5000), talks=rng.randint(10, 200),
    )


def _stamp(rng: random.Random) -> str:
    """A BelTA date line: "11:02, 10 June"."""
    return f"{rng.randint(8, 20):02}:{rng.randint(0, 59):02}, {rng.randint(1, 28)} {rng.choice(MONTHS)}"


def synthetic_page(rng: random.Random, number: int) -> str:
    """A seed-style page dump of ~250-400 words about two cities, naming a few others in passing."""
    country_a, country_b = rng.sample(["BY", "BY", "RU", "RU", "CN", *CITIES], 2)
    a, b = rng.choice(CITIES[country_a]), rng.choice(CITIES[country_b])
    if a == b:
        b = rng.choice(CITIES["RU"])
    others = [rng.choice(CITIES[c]) for c in rng.sample(list(CITIES), 3)]
    title = _fill(rng.choice(COOPERATION[:2] + COOPERATION[4:5]), rng, a, b).rstrip(".")
    words_wanted = rng.randint(250, 400)
    sentences, words = [], 0
    if country_b in COUNTRY_NAMES:
        day = rng.randint(1, 27)
        sentences.append(f"{a} Days are running in {COUNTRY_NAMES[country_b]}'s {b} on {day}-{day + 1} "
                         f"{rng.choice(MONTHS)}.")
        words = len(sentences[0].split())
    while words < words_wanted:
        if rng.random() < 0.45:
            x, y = (a, b) if rng.random() < 0.8 else (rng.choice([a, b]), rng.choice(others))
            sentence = _fill(rng.choice(COOPERATION), rng, x, y)
        else:
            sentence = _fill(rng.choice(FILLER), rng, a, b)
        if rng.random() < 0.15:
            sentence = sentence.rstrip(".") + f", BelTA learned from the {a} City Executive Committee (item {number})."
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    related = [_fill(rng.choice(COOPERATION[:2]), rng, rng.choice(others), rng.choice([a, b])).rstrip(".")
               for _ in range(3)]
    stamp = _stamp(rng)
    lines = ["Новостные рубрики", "", title, "", stamp, "", *("\n\n".join(paragraphs).split("\n")), "",
             "Другие материалы в категории «Region cooperation»", ""]
    for headline in related:
        lines += [headline, "", _stamp(rng), ""]
    return "\n".join(lines)


# Russian pages, as BelTA and city sites write them: names declined, so morphology is on the path.
# City: nominative, genitive, prepositional, instrumental.
CITIES_RU = (
    ("Минск", "Минска", "Минске", "Минском"), ("Казань", "Казани", "Казани", "Казанью"),
    ("Гомель", "Гомеля", "Гомеле", "Гомелем"), ("Брянск", "Брянска", "Брянске", "Брянском"),
    ("Могилев", "Могилева", "Могилеве", "Могилевом"), ("Смоленск", "Смоленска", "Смоленске", "Смоленском"),
    ("Витебск", "Витебска", "Витебске", "Витебском"), ("Псков", "Пскова", "Пскове", "Псковом"),
    ("Гродно", "Гродно", "Гродно", "Гродно"), ("Новосибирск", "Новосибирска", "Новосибирске", "Новосибирском"),
    ("Брест", "Бреста", "Бресте", "Брестом"), ("Тула", "Тулы", "Туле", "Тулой"),
    ("Калуга", "Калуги", "Калуге", "Калугой"), ("Ярославль", "Ярославля", "Ярославле", "Ярославлем"),
    ("Пекин", "Пекина", "Пекине", "Пекином"), ("Ташкент", "Ташкента", "Ташкенте", "Ташкентом"),
    ("Омск", "Омска", "Омске", "Омском"), ("Самара", "Самары", "Самаре", "Самарой"),
    ("Орша", "Орши", "Орше", "Оршей"), ("Алматы", "Алматы", "Алматы", "Алматы"),
)
BELARUS_RU = frozenset(["Минск", "Гомель", "Могилев", "Витебск", "Гродно", "Брест", "Орша"])
SECTORS_RU = ("спорта", "туризма", "культуры", "образования", "торговли", "науки", "здравоохранения",
              "молодежной политики", "транспорта", "инвестиций", "сельского хозяйства", "промышленности")
MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
COOPERATION_RU = (
    "{a} и {b} подписали соглашение о сотрудничестве в сферах {s1} и {s2} {day} {month}.",
    "Делегация {a_gen} во главе с мэром города находится с официальным визитом в {b_prep}.",
    "В {b_prep} прошел форум городов-побратимов {a_gen} и {b_gen}, собравший чиновников и предпринимателей.",
    "Представители {a_gen} и {b_gen} провели переговоры о расширении сотрудничества в сфере {s1}.",
    "Программа сотрудничества между {a_ins} и {b_ins} на {y1}-{y2} годы подписана в ходе визита.",
    "Дни {a_gen} в {b_prep} открылись концертом народных ансамблей и выставкой ремесел.",
    "{a} и {b} установили побратимские связи в {y1} году и с тех пор реализовали десятки совместных проектов.",
    "Регулярный авиарейс между {a_ins} и {b_ins} будет запущен, сообщили в авиакомпании.",
)
FILLER_RU = (
    "Стороны обсудили перспективы расширения торгово-экономических связей и реализации совместных проектов.",
    "Особое внимание уделено сотрудничеству промышленных предприятий и учреждений образования.",
    "Мэр отметил, что партнерство имеет давнюю историю и хорошие перспективы развития.",
    "Товарооборот между регионами в прошлом году вырос на {pct} процентов и превысил {money} млн долларов.",
    "Участники посетили ряд предприятий, технопарк и новый спортивный комплекс.",
    "По информации пресс-службы, в мероприятиях программы приняли участие более {people} человек.",
    "Гости возложили цветы к мемориалу и встретились с представителями местной общественности.",
    "Соглашение предусматривает обмен студентами, совместные выставки и продвижение туристических маршрутов.",
    "Молодежь обоих городов примет участие в совместных летних лагерях и спортивных соревнованиях.",
)


def _fill_ru(template: str, rng: random.Random, a: tuple[str, ...], b: tuple[str, ...]) -> str:
    s1, s2 = rng.sample(SECTORS_RU, 2)
    y1 = rng.randint(2019, 2025)
    return template.format(
        a=a[0], a_gen=a[1], a_prep=a[2], a_ins=a[3], b=b[0], b_gen=b[1], b_prep=b[2], b_ins=b[3], s1=s1, s2=s2,
        day=rng.randint(1, 28), month=rng.choice(MONTHS_RU), y1=y1, y2=y1 + rng.randint(1, 4),
        pct=rng.randint(3, 60), money=rng.randint(10, 900), people=rng.randint(100, 5000),
    )


def synthetic_page_ru(rng: random.Random, number: int) -> str:
    """The Russian twin of synthetic_page: ~250-400 words about two cities, a third named in passing."""
    # A Belarusian city and a partner abroad (a pair needs a border between its sides).
    a = rng.choice([city for city in CITIES_RU if city[0] in BELARUS_RU])
    b, other = rng.sample([city for city in CITIES_RU if city[0] not in BELARUS_RU], 2)
    title = _fill_ru(rng.choice(COOPERATION_RU[:2]), rng, a, b).rstrip(".")
    words_wanted = rng.randint(250, 400)
    sentences: list[str] = []
    words = 0
    while words < words_wanted:
        if rng.random() < 0.45:
            x, y = (a, b) if rng.random() < 0.8 else (rng.choice([a, b]), other)
            sentence = _fill_ru(rng.choice(COOPERATION_RU), rng, x, y)
        else:
            sentence = _fill_ru(rng.choice(FILLER_RU), rng, a, b)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    stamp = f"{rng.randint(8, 20):02}:{rng.randint(0, 59):02}, {rng.randint(1, 28)} {rng.choice(MONTHS_RU)}"
    related = _fill_ru(COOPERATION_RU[1], rng, other, a).rstrip(".")
    lines = ["Новостные рубрики", "", title, "", stamp, "", *("\n\n".join(paragraphs).split("\n")), "",
             "Другие материалы в категории «Региональное сотрудничество»", "", related, "", stamp, ""]
    return "\n".join(lines)


def extract_rate(documents: list[RawDocument]) -> float:
    """Articles per second extracted on this one core (the gazetteer already loaded)."""
    started = time.perf_counter()
    extracted = sum(len(extract_document(document, 2025)) for document in documents)
    return extracted / (time.perf_counter() - started)


def write_pages(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        # Spread over sub-folders as a real crawl would be (and to keep folders small).
        path = folder / f"{number // 1000:03}" / f"{number:06}_{rng.getrandbits(48):012x}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_page(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mb(workers: int) -> tuple[float, float, float]:
    """(total, this process, largest worker) in MB; total = this process's peak plus ``workers`` times the
    largest finished child's, an upper bound of the peak of the whole load (getrusage gives no sum)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + workers * child, own, child


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000, help="synthetic articles to generate (default 20000)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the load (default 2)")
    parser.add_argument("--extract-sample", type=int, default=20000,
                        help="articles extracted for the one-core figure (default: up to 20000)")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="twinning-bench-") as scratch:
        root = args.keep or Path(scratch)
        started = time.perf_counter()
        paths = write_pages(root / "pages", args.articles)
        print(f"generated {len(paths)} pages in {time.perf_counter() - started:.1f} s", file=sys.stderr)

        # The load first, while this process is still small: ru_maxrss only ever grows, and the
        # one-core extraction below loads the gazetteer here.
        started = time.perf_counter()
        summary = load_paths([root / "pages"], root / "bench.duckdb", year=2025, workers=args.workers, progress=False)
        elapsed = time.perf_counter() - started
        load_rate = summary.articles_added / elapsed
        total, own, child = peak_rss_mb(args.workers)
        print(f"loaded {summary.articles_added} articles ({summary.files_failed} files failed) with "
              f"{args.workers} workers in {elapsed:.1f} s", file=sys.stderr)

        sample = [RawDocument(str(p), p.read_bytes()) for p in paths[: args.extract_sample]]
        default_gazetteer()  # loaded once, outside the timing, as a worker does in its initializer
        english_rate = extract_rate(sample)
        print(f"extracted {len(sample)} English pages on one core: {english_rate:.0f}/s", file=sys.stderr)
        rng = random.Random(11)
        russian = [RawDocument(f"ru/{n}.txt", synthetic_page_ru(rng, n).encode())
                   for n in range(min(len(sample), 5000))]
        russian_rate = extract_rate(russian)
        print(f"extracted {len(russian)} Russian pages on one core: {russian_rate:.0f}/s", file=sys.stderr)

    print(f"peak RSS: this process {own:.0f} MB, largest worker {child:.0f} MB", file=sys.stderr)
    print(f"extract_articles_per_s={english_rate:.0f} load_articles_per_s={load_rate:.0f} peak_rss_mb={total:.0f} "
          f"extract_ru_articles_per_s={russian_rate:.0f}")


if __name__ == "__main__":
    main()
