"""Russian wording on sentences of the kind BelTA and city sites publish: the pairs and sectors read from them."""

from __future__ import annotations

from datetime import date

from etl.evaluate import labels_from_extraction
from etl.events import event_types_in
from etl.extract import extract_article
from etl.records import Article


def _labels(gazetteer, body: str, title: str = "Новости сотрудничества", published: date = date(2024, 5, 14)):
    article = Article(article_id="test", source_path="test.txt", title=title, body=body,
                      published_date=published, date_precision="day")
    return labels_from_extraction(extract_article(article, gazetteer))


def _pairs(labels) -> set[frozenset[str]]:
    return {frozenset(key.split("|")[0] for key in pair) for pair in labels.pairs}


def _named(*pairs: tuple[str, str]) -> set[frozenset[str]]:
    """Pairs as evaluate's labels write them (case-folded English names)."""
    return {frozenset(name.casefold() for name in pair) for pair in pairs}


def test_sectors_in_any_case_and_in_compound_words(gazetteer):
    labels = _labels(gazetteer, "Полоцк и Великие Луки подписали соглашение о сотрудничестве в сферах "
                                "здравоохранения, молодежной политики, жилищно-коммунального хозяйства и "
                                "агропромышленного комплекса.")
    assert labels.agreement_sectors == {"health", "youth", "other", "economy"}


def test_agritourism_is_tourism_not_agriculture(gazetteer):
    labels = _labels(gazetteer, "Браслав и Себеж подписали соглашение о развитии агроэкотуризма.")
    assert labels.agreement_sectors == {"tourism"}


def test_a_document_sentence_after_a_lead_in_gives_the_signing_its_sectors(gazetteer):
    labels = _labels(gazetteer, "Лида и Гатчина подписали соглашение о сотрудничестве. Кроме того, соглашение "
                                "предусматривает сотрудничество в области культуры и образования.")
    assert labels.agreement_sectors == {"culture", "education"}


def test_a_list_of_what_a_road_map_holds_goes_on_after_it(gazetteer):
    labels = _labels(gazetteer, "Гродненская и Андижанская области подписали дорожную карту. Документ включает "
                                "35 мероприятий. Среди них — поставки сельскохозяйственной техники и обмен "
                                "студентами.")
    assert labels.agreement_sectors == {"economy", "education"}


def test_directions_of_cooperation_named_after_a_signing(gazetteer):
    labels = _labels(gazetteer, "Альметьевск и Солигорск подписали соглашение о побратимстве. Первым направлением "
                                "сотрудничества стороны назвали промышленность.")
    assert "economy" in labels.agreement_sectors


def test_became_twin_towns_with_a_hyphenated_noun(gazetteer):
    labels = _labels(gazetteer, "Глава Браслава рассказал о планах на лето.", title="Браслав и Себеж стали "
                                "городами-побратимами")
    assert "twinning_established" in labels.event_types
    assert _pairs(labels) == _named(("Braslav", "Sebezh"))


def test_approving_a_programme_is_an_agreement(gazetteer):
    labels = _labels(gazetteer, "Оренбургская и Актюбинская области утвердили программу приграничного "
                                "сотрудничества на 2024-2026 годы с упором на транспортную инфраструктуру.")
    assert "agreement_signed" in labels.event_types
    assert labels.agreement_sectors == {"transport"}
    assert _pairs(labels) == _named(("Orenburg Region", "Aktobe Region"))


def test_the_town_after_v_is_the_venue_not_a_side(gazetteer):
    labels = _labels(gazetteer, "В Могилеве 11 октября подписано соглашение между Могилевской областью и "
                                "Республикой Татарстан о торгово-экономическом сотрудничестве.")
    assert _pairs(labels) == _named(("Mogilev Region", "Tatarstan"))


def test_two_towns_signing_stay_themselves_in_an_article_on_their_regions(gazetteer):
    labels = _labels(gazetteer, "Могилевская область и Брянская область подписали соглашение о сотрудничестве. "
                                "Кроме того, Бобруйск и российская Коломна подписали соглашение об установлении "
                                "побратимских связей.")
    assert _pairs(labels) == _named(("Mogilev Region", "Bryansk Region"), ("Bobruisk", "Kolomna"))


def test_a_pronoun_after_an_adverbial_takes_the_previous_subject(gazetteer):
    labels = _labels(gazetteer, "Железнодорожный район Витебска развивает прямые связи с российскими районами. "
                                "В прошлом году он заключил соглашение с Железнодорожным районом Екатеринбурга.")
    assert _pairs(labels) == _named(("Zheleznodorozhny District, Vitebsk",
                                     "Zheleznodorozhny District, Yekaterinburg"))


def test_a_possessive_pronoun_takes_the_previous_subject(gazetteer):
    labels = _labels(gazetteer, "Отдельная встреча прошла в Первомайском районе Минска. Его руководство приняло "
                                "представителей Юнусабадского района Ташкента.")
    assert _named(("Pervomaisky District, Minsk", "Yunusabad District, Tashkent")) <= _pairs(labels)
    assert "meeting" in labels.event_types


def test_a_standing_tie_stated_in_passing(gazetteer):
    labels = _labels(gazetteer, "Браславский район входит в состав Витебской области, которая уже много лет "
                                "сотрудничает с Псковской областью.")
    assert _pairs(labels) == _named(("Vitebsk Region", "Pskov Region"))
    assert labels.event_types == set()  # a tie, not news


def test_cities_bound_by_an_agreement_in_an_article_on_their_districts(gazetteer):
    labels = _labels(gazetteer, "Центральный район Минска и Адмиралтейский район Санкт-Петербурга подписали "
                                "соглашение о сотрудничестве. Минск и Санкт-Петербург связывает соглашение о "
                                "сотрудничестве, которое действует уже более двух десятилетий.")
    assert _pairs(labels) == _named(("Tsentralny District, Minsk", "Admiralteysky District, Saint Petersburg"),
                              ("Minsk", "Saint Petersburg"))


def test_an_administrative_district_is_a_kind_of_district_not_its_name(gazetteer):
    labels = _labels(gazetteer, "Административный район Еревана Малатия-Себастия и Калининский район Уфы "
                                "подписали меморандум о сотрудничестве.")
    assert _pairs(labels) == _named(("Malatia-Sebastia, Yerevan", "Kalininsky District, Ufa"))


def test_a_tie_survives_a_plan_in_the_same_sentence(gazetteer):
    labels = _labels(gazetteer, "Ташкентская область с 2019 года сотрудничает и с Челябинской областью, а в "
                                "следующем году делегация области планирует принять участие в выставке в "
                                "Екатеринбурге.")
    assert _pairs(labels) == _named(("Tashkent Region", "Chelyabinsk Region"))
    assert labels.event_types == set()


def test_a_perfective_future_is_a_plan(gazetteer):
    labels = _labels(gazetteer, "Из Минска делегация Московского района Казани отправится в Москву, где примет "
                                "участие в совещании.")
    assert labels.event_types == set() and labels.pairs == set()


def test_coordinated_region_adjectives_are_both_regions(gazetteer):
    labels = _labels(gazetteer, "Председатели облисполкома и правительства подписали программу на 2022-2024 годы.",
                     title="Минская и Московская области подписали программу сотрудничества")
    assert _pairs(labels) == _named(("Minsk Region", "Moscow Region"))
    assert "minsk|by|city" not in labels.places


def test_a_province_is_not_its_namesake_city(gazetteer):
    labels = _labels(gazetteer, "Гомельская область и провинция Цзилинь подписали план сотрудничества. "
                                "Губернатор отметил, что Цзилинь видит в белорусском регионе надежного партнера.")
    assert _pairs(labels) == _named(("Gomel Region", "Jilin"))
    assert "jilin|cn|city" not in labels.places


def test_the_officials_of_a_rural_district_stand_for_its_town(gazetteer):
    labels = _labels(gazetteer, "Соглашение об установлении побратимских связей подписали председатель Браславского "
                                "райисполкома и глава Себежского района Псковской области.")
    assert _pairs(labels) == _named(("Braslav", "Sebezh"))


def test_a_rural_district_that_is_part_of_a_region_is_not_a_side(gazetteer):
    labels = _labels(gazetteer, "Татарстан и Минская область, в состав которой входит Солигорский район, "
                                "сотрудничают на основе соглашения о торгово-экономическом сотрудничестве.")
    assert _pairs(labels) == _named(("Minsk Region", "Tatarstan"))


def _place_names(gazetteer, body: str) -> set[str]:
    article = Article(article_id="test", source_path="test.txt", title="Новости сотрудничества", body=body,
                      published_date=date(2024, 5, 14), date_precision="day")
    extraction = extract_article(article, gazetteer)
    return {p.name for p in extraction.places.values()}


def test_streets_canals_rivers_and_people_honoured_are_not_towns(gazetteer):
    names = _place_names(gazetteer, "Гости из Гомеля прошли вдоль Крюкова канала, побывали на заводе имени Кирова "
                                    "и на улице Кирова, а затем отдохнули на берегу Днепра.")
    assert "Gomel" in names
    assert not names & {"Kryukiv", "Kirov", "Dnipro", "Kropyvnytskyi"}
    assert "Kirov" in _place_names(gazetteer, "Делегация Гомеля посетила Киров.")


def test_a_quarter_named_like_a_town_is_not_the_town(gazetteer):
    names = _place_names(gazetteer, "Глава района провел для гостей из Минска экскурсию по Коломне — "
                                    "историческому кварталу Петербурга.")
    assert "Kolomna" not in names
    assert "Kolomna" in _place_names(gazetteer, "Делегация Бобруйска побывала в Коломне.")


def test_ordinary_words_and_continents_are_not_towns(gazetteer):
    names = _place_names(gazetteer, "Участники из Минска обсудили туризм на Южном Урале на выставке "
                                    "«Иннопром. Центральная Азия».")
    assert names == {"Minsk"}


def test_hyphenated_region_adjectives_in_a_coordinated_pair(gazetteer):
    names = _place_names(gazetteer, "Административные центры Северо-Казахстанской и Курганской областей "
                                    "подписали соглашение.")
    assert {"North Kazakhstan Region", "Kurgan Region"} <= names


def _news_types(gazetteer, body: str) -> set[str]:
    """Types of the events reported as news (history the article recalls is background)."""
    article = Article(article_id="test", source_path="test.txt", title="Новости сотрудничества", body=body,
                      published_date=date(2024, 5, 14), date_precision="day")
    return {e.event_type for e in extract_article(article, gazetteer).events if not e.background}


def test_a_signing_recalled_in_passing_is_history_not_news(gazetteer):
    assert "agreement_signed" not in _news_types(
        gazetteer, "Визит стал первым шагом после того, как в марте районы Гомеля и Брянска подписали соглашение "
                   "о сотрудничестве.")
    assert "agreement_signed" not in _news_types(
        gazetteer, "Напомним, что Гродно и Белосток заключили соглашение о партнерстве.")
    assert "agreement_signed" not in _news_types(
        gazetteer, "Минск дружит с Пекином, а в прошлом году подписал соглашение о сотрудничестве с Чэнду.")


def test_talk_of_a_signing_a_proposal_or_a_failed_plan_is_not_an_event(gazetteer):
    assert _news_types(gazetteer, "Французская сторона предложила проработать вопрос о подписании меморандума "
                                  "между Брестом и Кемпером.") == set()
    assert _news_types(gazetteer, "Из-за пандемии Гродно и Андижану не удалось провести запланированные "
                                  "визиты.") == set()
    # ... while a signing that happened still is one.
    assert "agreement_signed" in _news_types(gazetteer, "Гомель и Брянск подписали соглашение о сотрудничестве.")


def test_a_protocol_of_intent_is_an_agreement_not_yet_a_twinning(gazetteer):
    assert _news_types(gazetteer, "Пинск и Обнинск подписали протокол о намерениях установить побратимские "
                                  "связи.") == {"agreement_signed"}


def test_a_trade_fair_is_not_a_cultural_event(gazetteer):
    assert "cultural_event" not in _news_types(
        gazetteer, "Ташкентская и Свердловская области подписали соглашения на промышленной выставке «Иннопром».")
    assert "cultural_event" in _news_types(
        gazetteer, "В Витебске открылась выставка работ художников из Смоленска.")


def test_how_long_a_tie_has_lasted_does_not_make_a_signing_history(gazetteer):
    assert "agreement_signed" in _news_types(
        gazetteer, "Полоцк и Великие Луки, которые дружат с 2006 года, подписали план совместных мероприятий.")
    assert _news_types(gazetteer, "Полоцк и Великие Луки дружат с 2006 года.") == set()


def test_a_sentence_that_opens_with_the_delegation_reports_a_visit(gazetteer):
    assert "visit" in _news_types(gazetteer, "Делегация Бишкека находится в Новосибирске в рамках Дней культуры "
                                             "Киргизии.")
    assert "visit" in _news_types(gazetteer, "Визит делегации Гомеля в Брянск начался с возложения цветов.")


def test_agreeing_to_prepare_and_sign_a_programme_later_is_a_plan(gazetteer):
    assert "agreement_signed" not in _news_types(
        gazetteer, "Стороны договорились подготовить программу сотрудничества Могилевской области и Ляонина и "
                   "подписать ее, как только позволит эпидемиологическая обстановка.")


def test_a_two_letter_russian_name_given_by_the_curated_gazetteer_is_read(gazetteer):
    assert "osh|kg|city" in _labels(gazetteer, "Из Новосибирска выполняются регулярные рейсы в Ош и Бишкек.").places


def test_years_ago_in_words_and_a_month_of_a_past_year_are_history(gazetteer):
    labels = _labels(gazetteer, "«Десять лет назад мы подписывали соглашение о побратимстве с Крагуевацем», — "
                                "сказал мэр Ярославля.", published=date(2023, 10, 12))
    assert labels.event_types == set()
    labels = _labels(gazetteer, "Соглашение о побратимстве Ярославль и Крагуевац заключили в октябре 2013 года.",
                     published=date(2023, 10, 12))
    assert labels.event_types == set()


def test_a_decision_to_sign_later_is_a_plan(gazetteer):
    labels = _labels(gazetteer, "Подписать программу сотрудничества Могилевской и Смоленской областей решено осенью.")
    assert "agreement_signed" not in labels.event_types
    labels = _labels(gazetteer, "Могилев и Смоленск договорились провести совместный фестиваль.")
    assert labels.event_types == set()


def test_namesakes_twinned_are_two_towns(gazetteer):
    labels = _labels(gazetteer, "Белорусский Славгород и его российский тезка из Алтайского края подписали "
                                "соглашение об установлении побратимских связей.", title="Славгород и Славгород стали городами-побратимами")
    assert {frozenset(pair) for pair in labels.pairs} == {frozenset({"slavgorod|by", "slavgorod|ru"})}


def test_the_town_of_a_rural_district_named_in_the_nominative(gazetteer):
    labels = _labels(gazetteer, "Мостовский и Дрокиевский районы подписали соглашение о сотрудничестве.")
    assert _pairs(labels) == _named(("Mosty", "Drochia"))
    labels = _labels(gazetteer, "Браславский район входит в состав Витебской области, которая сотрудничает "
                                "с Псковской областью.")
    assert _pairs(labels) == _named(("Vitebsk Region", "Pskov Region"))


def test_plural_names_decline_as_plurals_and_towns_named_like_words_are_found_capitalised(gazetteer):
    labels = _labels(gazetteer, "Первый регулярный рейс из Минеральных Вод в Минск выполнен в четверг.")
    assert {"mineralnye vody|ru|city", "minsk|by|city"} <= labels.places
    labels = _labels(gazetteer, "Делегация Лидского района побывала в Таре Омской области.")
    assert "tara|ru|city" in labels.places
    labels = _labels(gazetteer, "Тара для продукции поступает из Омска.")  # the word, opening the sentence
    assert "tara|ru|city" not in labels.places


def test_spectators_and_matches_are_not_visits_or_talks(gazetteer):
    labels = _labels(gazetteer, "Матч в Солигорске посетили около 3800 зрителей, брестчане сыграли вничью — 1:1.")
    assert labels.event_types == set()


def test_a_quoted_name_is_an_organisation_and_quoted_speech_is_not(gazetteer):
    labels = _labels(gazetteer, "Делегация Могилева посетила ОАО «Бабушкина крынка» и ФК «Витебск».")
    assert {key.split("|")[0] for key in labels.places} == {"mogilev"}
    labels = _labels(gazetteer, "«Витебск и Смоленск — побратимы уже более четверти века», — сказал мэр.")
    assert _pairs(labels) == _named(("Vitebsk", "Smolensk"))


def test_listed_documents_after_a_signing(gazetteer):
    labels = _labels(gazetteer, "Стороны подписали три соглашения, в том числе:\n– соглашение об установлении "
                                "побратимских связей между городом Димитровградом и городом Бобруйском, "
                                "предусматривающее сотрудничество в сфере спорта.")
    assert {"twinning_established", "agreement_signed"} <= labels.event_types and "sport" in labels.agreement_sectors
    labels = _labels(gazetteer, "Подписанные документы позволят Могилеву и Ульяновску выйти на новый уровень.")
    assert "agreement_signed" not in labels.event_types


def test_history_over_these_years_a_cancelled_trip_and_never_meeting(gazetteer):
    labels = _labels(gazetteer, "За эти годы Уфа и Кахраманмараш обменивались делегациями и спортивными командами.")
    assert labels.event_types == set()
    labels = _labels(gazetteer, "Визит калининградской делегации в Гродно пришлось отменить из-за пандемии.")
    assert labels.event_types == set()
    labels = _labels(gazetteer, "Ленинский район Гродно и Калининград заключили соглашение, так ни разу и не "
                                "встретившись лично.")
    assert labels.event_types == {"agreement_signed"}


def test_according_to_the_document_gives_the_signing_its_sectors(gazetteer):
    labels = _labels(gazetteer, "Мэр Ванадзора и глава Ставрополя подписали меморандум о сотрудничестве. Согласно "
                                "документу, вузы двух городов организуют обмен студентами.")
    assert "education" in labels.agreement_sectors


def test_the_town_of_a_district_adjective_in_the_cis_first(gazetteer):
    labels = _labels(gazetteer, "Сафоновский и Оршанский районы подписали соглашение о сотрудничестве.")
    assert _pairs(labels) == _named(("Safonovo", "Orsha"))
    labels = _labels(gazetteer, "Председатель Лидского райисполкома и глава Тарского района подписали соглашение.")
    assert _pairs(labels) == _named(("Lida", "Tara"))


def test_the_town_of_an_urban_district(gazetteer):
    labels = _labels(gazetteer, "Молодечненский район и Дмитровский городской округ Московской области подписали "
                                "соглашение об установлении побратимских связей.")
    assert _pairs(labels) == _named(("Molodechno", "Dmitrov"))


def test_the_town_of_an_okrug_in_a_headline(gazetteer):
    labels = _labels(gazetteer, "Молодечненский район и Дмитровский округ Подмосковья стали побратимами.")
    assert _pairs(labels) == _named(("Molodechno", "Dmitrov"))


def test_more_russian_sector_words(gazetteer):
    from etl.events import sectors_in

    assert "economy" in sectors_in("Документ предусматривает кооперацию молочных предприятий и поставки тракторов.")
    assert "health" in sectors_in("Соглашение предусматривает стажировки врачей в клиниках Могилева.")
    assert "sport" in sectors_in("Стороны будут проводить турниры по футболу и хоккею.")
    assert "transport" in sectors_in("Документ касается авиации и пассажирских перевозок.")
    assert "transport" not in sectors_in("Соглашение подписали Железнодорожный район Витебска и Новосибирск.")


def test_big_foreign_cities_decline_and_plural_towns_decline_as_plurals(gazetteer):
    assert [p.name for p in gazetteer.lookup("Аданы")] == ["Adana"]
    assert [p.name for p in gazetteer.lookup("Горках")] == ["Gorki"]
    assert not [p for p in gazetteer.lookup("Армении") if p.kind == "city"]  # the country's, not Colombia's city


def test_joint_projects_talked_of_are_no_event_but_a_joint_venture_set_up_is(gazetteer):
    labels = _labels(gazetteer, "Астраханская и Атырауская области подписали меморандум о совместных проектах.")
    assert labels.event_types == {"agreement_signed"}
    labels = _labels(gazetteer, "Могилевская область и Татарстан создали совместное предприятие по сборке тракторов.")
    assert "other" in labels.event_types


def test_teams_of_twin_towns_listed_are_the_hosts_twins(gazetteer):
    labels = _labels(gazetteer, "В Оше прошел турнир. Участвовали пять команд: хозяева — сборная Оша, команды "
                                "городов-побратимов Андижана, Кашгара и Худжанда.")
    assert _pairs(labels) == _named(("Osh", "Andijan"), ("Osh", "Kashgar"), ("Osh", "Khujand"))


def test_a_town_has_twin_towns(gazetteer):
    labels = _labels(gazetteer, "Кроме того, у Находки есть города-побратимы Цуруга в Японии и Окснард в США.")
    assert _pairs(labels) == _named(("Nakhodka", "Tsuruga"), ("Nakhodka", "Oxnard"))


def test_a_topic_a_habit_and_a_welcome_are_no_events(gazetteer):
    from etl.events import event_types_in

    assert "transport_link" not in event_types_in("Стороны обсудили возможность открытия прямого рейса Гянджа — Махачкала.")
    assert "cultural_event" not in event_types_in("Ежегодно республика и область проводят совместные ярмарки и выставки.")
    assert "meeting" not in event_types_in("Самолет со 162 пассажирами на борту встретили традиционной водяной аркой.")
    assert "meeting" not in event_types_in("На церемонии встречи первого рейса присутствовал губернатор Ширакской области.")
    assert "meeting" not in event_types_in("На автовокзале в Мстиславле автобус встречали представители райисполкома.")
    assert "meeting" not in event_types_in("Оригиналы стороны передадут друг другу при ближайшей встрече.")
    assert "cultural_event" not in event_types_in("Первыми пассажирами стали туристы, желающие побывать на ярмарке.")
    assert "cultural_event" not in event_types_in("«Оба наших города – признанные центры культуры и фестивалей.")
    assert "cultural_event" in event_types_in("В Мстиславле открылась ярмарка, на которую пришли все желающие.")
    assert "cultural_event" not in event_types_in("На выставке форума гродненские предприятия представили технику.")
    assert "cultural_event" not in event_types_in("На выставке достижений регионов брестчане представили свою продукцию.")
    assert "forum" in event_types_in("Предприниматели встретились на бизнес-форуме, где обсудили поставки техники.")


def test_a_foreign_twin_named_like_a_case_form_of_a_word_is_found_mid_sentence(gazetteer):
    labels = _labels(gazetteer, "У Находки есть города-побратимы Цуруга и Отару в Японии. "
                                "Делегацию возглавил Тимофей Соколов.")
    assert "otaru|jp|city" in labels.places  # «отару» is also a case form of «отара», a flock
    assert not any(place.endswith("|br|city") or place.startswith("sokolov|") for place in labels.places)


def test_a_region_in_the_genitive_after_a_town_is_its_address_not_a_side(gazetteer):
    labels = _labels(gazetteer, "Славгород Могилевской области и Славгород Алтайского края подписали соглашение "
                                "об установлении побратимских связей.")
    assert {"slavgorod|by|city", "slavgorod|ru|city"} <= labels.places
    assert labels.pairs == {frozenset({"slavgorod|by", "slavgorod|ru"})}  # no pair with either region


def test_the_region_of_a_town_the_gazetteer_lacks_is_its_address_not_a_side(gazetteer):
    # GeoNames has no Russian name for Uzlovaya («Узловая» is also an ordinary adjective)
    labels = _labels(gazetteer, "На турнир приехали команды городов-побратимов Рогачева — Кимр (Тверская область) "
                                "и Узловой Тульской области.")
    assert not any("tula region" in pair or "tver region" in pair for pair in map(" ".join, labels.pairs))
    assert frozenset({"kimry|ru", "rogachev|by"}) in labels.pairs


def _twin_town_page(town: str) -> Article:
    return Article(article_id="t", source_path="t.txt", title=f"{town} и Железноводск подписали меморандум",
                   body="Гости прилетели в Ереван из Минеральных Вод, откуда до Железноводска около 20 километров, "
                        f"и встретились с мэром Еревана. Армянский курортный город {town} и российский "
                        "Железноводск стали городами-побратимами.",
                   published_date=date(2024, 5, 14), date_precision="day")


def test_a_twin_town_no_gazetteer_lists_is_listed_and_no_other_pair_is_put_in_its_place(gazetteer):
    extraction = extract_article(_twin_town_page("Лусакерт"), gazetteer)  # a village GeoNames does not list
    assert [name for name, _ in extraction.unresolved] == ["Лусакерт"]
    title_events = [e for e in extraction.events if e.sentence.startswith("Лусакерт")]
    assert title_events and all(not e.pairs for e in title_events)  # not Yerevan's pair: its side is unknown


def test_a_small_town_of_a_country_the_article_names_is_read_from_geonames_longer_list(gazetteer):
    # Jermuk (4,000 people) is below the gazetteer's threshold; the page says it is a town and names Armenia's capital
    extraction = extract_article(_twin_town_page("Джермук"), gazetteer)
    jermuk = [p for p in extraction.places.values() if p.name == "Jermuk"]
    assert jermuk and jermuk[0].country_code == "AM" and not extraction.unresolved
    title_events = [e for e in extraction.events if e.sentence.startswith("Джермук")]
    assert title_events and all(e.pairs == [tuple(sorted((jermuk[0].place_id, _id(extraction, "Zheleznovodsk"))))]
                                for e in title_events)


def _id(extraction, name: str) -> int:
    return next(p.place_id for p in extraction.places.values() if p.name == name)


def test_the_region_after_a_rural_district_is_its_address_not_a_side(gazetteer):
    labels = _labels(gazetteer, "Делегация Соснового Бора побывала с рабочим визитом в Островецком районе "
                                "Гродненской области.", title="Сосновый Бор и Островец подписали соглашение")
    assert not any(any(side.startswith("grodno region") for side in pair) for pair in labels.pairs)


def test_an_agreement_the_work_rests_on_states_a_standing_tie(gazetteer):
    labels = _labels(gazetteer, "Сотрудничество районов ведется с 2015 года в рамках соглашения между Витебской и "
                                "Псковской областями.")
    assert frozenset({"pskov region|ru", "vitebsk region|by"}) in labels.pairs
    assert labels.event_types <= {"twinning_established"}  # a standing tie, not news


def test_a_delegation_named_by_its_citys_adjective_is_that_citys(gazetteer):
    labels = _labels(gazetteer, "Делегация Ставрополя прибыла в Ванадзор. Позже ставропольская делегация "
                                "встретилась с губернатором Лорийской области.")
    assert frozenset({"lori province|am", "stavropol|ru"}) in labels.pairs


def test_a_region_after_na_is_where_not_who(gazetteer):
    labels = _labels(gazetteer, "Жлобинцы стали первыми побратимами Старого Оскола на Гомельщине.",
                     title="Жлобин и Старый Оскол стали побратимами")
    assert frozenset({"gomel region|by", "stary oskol|ru"}) not in labels.pairs


def test_a_river_at_a_confluence_or_a_lake_is_not_the_town_of_that_name(gazetteer):
    labels = _labels(gazetteer, "Гости из Кимр прогулялись по Рогачеву у слияния Днепра и Друти. На набережной "
                                "озера Щучье работала ярмарка.")
    assert not any(place.startswith(("dnipro|", "shchuch")) for place in labels.places)


def test_twin_towns_listed_in_the_sentence_after_their_count(gazetteer):
    labels = _labels(gazetteer, "Всего у Южно-Сахалинска шесть городов-побратимов. Кроме Асахикавы, это японские "
                                "Кусиро и Томакомай и китайский Муданьцзян.")
    assert {frozenset({"kushiro|jp", "yuzhno-sakhalinsk|ru"}), frozenset({"mudanjiang|cn", "yuzhno-sakhalinsk|ru"}),
            frozenset({"tomakomai|jp", "yuzhno-sakhalinsk|ru"})} <= labels.pairs


def test_the_short_form_of_a_town_named_in_full_is_that_town(gazetteer):
    labels = _labels(gazetteer, "Из Комсомольска-на-Амуре открыт прямой рейс в Цзямусы. Для Комсомольска это первый "
                                "международный рейс.")
    assert "komsomolsk-on-amur|ru|city" in labels.places
    assert not any(place.startswith("komsomolsk|") for place in labels.places)


def test_a_gift_of_equipment_and_what_the_document_provides_for(gazetteer):
    labels = _labels(gazetteer, "Навои и Цзиньчан подписали соглашение об установлении побратимских связей. Документ "
                                "предусматривает сотрудничество горно-металлургических предприятий и подготовку для "
                                "них кадров. После подписания китайская сторона передала городской больнице два "
                                "аппарата ультразвуковой диагностики.")
    assert "other" in labels.event_types
    assert {"economy", "education"} <= labels.agreement_sectors


def test_forum_participants_touring_a_trade_show_pay_no_visit(gazetteer):
    labels = _labels(gazetteer, "Омская и Павлодарская области подписали план мероприятий. Во второй день участники "
                                "форума посетили выставку сельскохозяйственной техники омских предприятий.")
    assert not labels.event_types & {"visit", "cultural_event"}


def test_a_line_not_resumed_is_no_link_and_a_new_container_line_is(gazetteer):
    assert "transport_link" not in _labels(gazetteer, "Паромная линия Корсаков — Вакканай в этом году не "
                                                      "возобновится.").event_types
    assert "transport_link" in _labels(gazetteer, "В порт Находки прибыл первый контейнеровоз новой регулярной "
                                                  "линии Хайфон – Находка.").event_types


def test_sharing_a_rivers_water_is_another_field(gazetteer):
    labels = _labels(gazetteer, "Жамбылская и Таласская области подписали дорожную карту. Документ предусматривает "
                                "совместный мониторинг и справедливое распределение воды реки Талас.")
    assert "other" in labels.agreement_sectors


def test_fairs_the_sides_agreed_to_hold_describe_the_document(gazetteer):
    labels = _labels(gazetteer, "Глава Черлакского района и аким Железинского района подписали соглашение о "
                                "сотрудничестве. Соседние районы договорились проводить сельскохозяйственные ярмарки и "
                                "приглашать творческие коллективы на районные праздники.")
    assert {"culture", "economy"} <= labels.agreement_sectors
    assert "cultural_event" not in labels.event_types


def test_going_somewhere_is_no_congress(gazetteer):
    labels = _labels(gazetteer, "– Теперь любой благовещенец может съездить в Хэйхэ и вернуться домой к ужину, – "
                                "отметил мэр Благовещенска.")
    assert "forum" not in labels.event_types


def test_a_province_with_only_an_english_name_is_not_its_capital(gazetteer):
    labels = _labels(gazetteer, "Витебская область и вьетнамская провинция Тханьхоа подписали меморандум "
                                "о сотрудничестве.")
    assert _pairs(labels) == _named(("Vitebsk Region", "Thanh Hoa Province"))
    english = _labels(gazetteer, "Vitebsk Oblast and the Vietnamese province of Thanh Hoa signed a memorandum "
                                 "of cooperation.")
    assert _pairs(english) == _named(("Vitebsk Region", "Thanh Hoa Province"))


def test_rivers_a_power_station_stands_on_are_not_towns(gazetteer):
    names = _place_names(gazetteer, "Оба города выросли рядом с электростанциями: Светлогорск – у электростанции "
                                    "на Березине, Мингячевир – у ГЭС на Куре.")
    assert names == {"Svetlogorsk", "Mingachevir"}


def test_days_of_a_region_held_in_the_host_named_first(gazetteer):
    labels = _labels(gazetteer, "С 11 по 13 сентября в Калужской области проходят Дни Брестской области.")
    assert "visit" in labels.event_types
    assert _pairs(labels) == _named(("Brest Region", "Kaluga Region"))


def test_guest_artists_performing_for_the_town_are_a_cultural_event(gazetteer):
    body = ("Делегация Рославля приехала в Климовичи на День города. Вечером для жителей и гостей города "
            "выступили климовичские артисты и вокальный ансамбль из Рославля.")
    assert "cultural_event" in _labels(gazetteer, body).event_types
    welcome = ("Делегация Рославля приехала в Климовичи. Вечером для гостей выступили народный хор "
               "и детский ансамбль.")
    assert "cultural_event" not in _labels(gazetteer, welcome).event_types


def test_what_the_sides_agreed_paragraphs_after_the_signing_is_their_own_plan(gazetteer):
    body = ("Темиртау и Жлобин подписали меморандум о сотрудничестве. Меморандум предусматривает развитие деловых "
            "связей между предприятиями двух городов. «Наши города похожи», – отметил председатель райисполкома. "
            "Товарооборот региона с Беларусью составил 120 млн долларов. Беларусь поставляет в регион технику. "
            "Из региона в республику идут металлопрокат и уголь. "
            "Стороны договорились организовать обмен делегациями молодежи.")
    assert _labels(gazetteer, body).agreement_sectors == {"economy"}
    right_after = ("Темиртау и Жлобин подписали меморандум о сотрудничестве. "
                   "Стороны договорились организовать обмен делегациями молодежи.")
    assert _labels(gazetteer, right_after).agreement_sectors == {"youth"}


def test_an_agreement_that_may_be_signed_next_year_is_a_plan(gazetteer):
    labels = _labels(gazetteer, "Стороны договорились подготовить соглашение о побратимстве Павлодара и "
                                "Новосибирска, которое может быть подписано в следующем году.")
    assert labels.event_types == set()


def test_the_delegation_of_a_twin_town_is_no_new_twinning(gazetteer):
    labels = _labels(gazetteer, "Почетными гостями праздника в Поставах стала делегация города-побратима Волжска.")
    assert "twinning_established" not in labels.event_types
    assert "twinning_established" in _labels(gazetteer, "Поставы и Волжск стали городами-побратимами.").event_types
    assert "twinning_established" in _labels(
        gazetteer, "Жлобинцы стали первыми побратимами Старого Оскола.").event_types


def test_sports_competitions_among_pupils_are_sport(gazetteer):
    body = ("Курск и Гомель подписали программу сотрудничества. Программа предусматривает проведение совместных "
            "спортивных соревнований среди школьников и обмен молодежными делегациями.")
    assert _labels(gazetteer, body).agreement_sectors == {"sport", "youth"}


def test_a_hanoi_district_named_in_russian(gazetteer):
    labels = _labels(gazetteer, "Фрунзенский район Минска и район Бадинь Ханоя подписали соглашение о сотрудничестве.")
    assert _pairs(labels) == _named(("Frunzensky District, Minsk", "Ba Dinh District, Hanoi"))


def test_the_guests_received_by_a_regional_head_meet_that_region(gazetteer):
    body = ("Бобруйск и Ленкорань подписали меморандум о сотрудничестве. Азербайджанская делегация находится в "
            "Бобруйске с официальным визитом. В первый день визита гостей принял председатель Могилевского "
            "облисполкома.")
    labels = _labels(gazetteer, body)
    assert "meeting" in labels.event_types
    assert _pairs(labels) == _named(("Bobruisk", "Lankaran"), ("Lankaran", "Mogilev Region"))


def test_other_humanitarian_areas_are_other(gazetteer):
    body = ("Гагаузия и Башкортостан подписали соглашение. Документ предусматривает обмен творческими коллективами, "
            "а также сотрудничество в других гуманитарных областях.")
    assert _labels(gazetteer, body).agreement_sectors == {"culture", "other"}


def test_district_adjectives_of_towns_ending_in_ya_and_i(gazetteer):
    labels = _labels(gazetteer, "На полях визита председатель Лунинецкого райисполкома и глава Грязинского "
                                "муниципального района подписали соглашение о сотрудничестве.")
    assert _pairs(labels) == _named(("Luninets", "Gryazi"))
    labels = _labels(gazetteer, "Подписано соглашение о сотрудничестве между Логойским районом и Шуйским "
                                "муниципальным районом Ивановской области.")
    assert _pairs(labels) == _named(("Logoisk", "Shuya"))
    labels = _labels(gazetteer, "Соглашение о сотрудничестве подписали Козельский район и Ветковский район.")
    assert _pairs(labels) == _named(("Kozelsk", "Vetka"))
    labels = _labels(gazetteer, "Богородицкий район и Буда-Кошелевский район заключили соглашение об установлении "
                                "побратимских связей.")  # a hyphenated town's adjective
    assert _pairs(labels) == _named(("Bogoroditsk", "Buda-Koshelevo"))


def test_a_forum_report_with_signings_of_regions_cities_and_districts(gazetteer):
    body = ("Главным документом для Гродненщины стало соглашение о сотрудничестве с Астраханской областью. Его "
            "подписали председатель Гродненского облисполкома и губернатор Астраханской области. Гродненский "
            "горисполком и администрация Йошкар-Олы подписали программу сотрудничества. Щучинский райисполком и "
            "администрация Лужского муниципального района Ленинградской области заключили соглашение.")
    assert _pairs(_labels(gazetteer, body)) == _named(("Grodno Region", "Astrakhan Region"),
                                                      ("Grodno", "Yoshkar-Ola"), ("Shchuchin", "Luga"))


def test_the_partners_a_chairman_lists_are_his_towns(gazetteer):
    body = ("ШКЛОВ, 10 октября (БЕЛТА) – Шклов и город Каттакурган подписали соглашение об установлении "
            "побратимских связей. «Каттакурган стал пятым побратимом нашего района. Мы давно сотрудничаем с "
            "российскими Конаково и Лихославлем, казахстанским Есилем и сербским Апатином», – отметил председатель "
            "Шкловского райисполкома.")
    assert _pairs(_labels(gazetteer, body)) == _named(
        ("Shklov", "Kattakurgan"), ("Shklov", "Konakovo"), ("Shklov", "Likhoslavl"), ("Shklov", "Yesil"),
        ("Shklov", "Apatin"))


def test_a_vietnamese_province_merged_away_is_still_found(gazetteer):
    labels = _labels(gazetteer, "Брестская область и вьетнамская провинция Тхайбинь подписали меморандум о "
                                "сотрудничестве.", published=date(2024, 11, 20))
    assert _pairs(labels) == _named(("Brest Region", "Thai Binh Province"))


def test_a_plan_implementing_an_older_agreement_has_only_its_own_sectors(gazetteer):
    body = ("Пензенская и Могилевская области подписали план мероприятий по реализации соглашения о "
            "торгово-экономическом, научно-техническом и культурном сотрудничестве. План предусматривает обмен "
            "школьниками.")
    assert _labels(gazetteer, body).agreement_sectors == {"education"}


def test_guests_of_a_town_holiday_one_from_each_country_pair_with_the_host(gazetteer):
    labels = _labels(gazetteer,
                     "В субботу Осиповичи отметили День города. Поздравить осиповичан приехали делегации "
                     "городов-побратимов. Российскую Узловую представляла делегация во главе с главой администрации, казахстанский Аксу Павлодарской "
                     "области – заместитель акима, китайский Лилин – представители правительства, сербский Крушевац – член веча. "
                     "Осиповичи и Аксу подписали план мероприятий. Творческие коллективы из Аксу выступили в "
                     "Осиповичах. Дни культуры Аксу пройдут в Осиповичах.",
                     title="Побратимы поздравили Осиповичи с Днем города")
    assert _pairs(labels) == _named(("Osipovichi", "Uzlovaya"), ("Osipovichi", "Aksu"), ("Osipovichi", "Liling"),
                                    ("Osipovichi", "Krusevac"))


def test_a_town_in_a_partner_province_named_as_a_venue_is_the_province(gazetteer):
    labels = _labels(gazetteer,
                     "Делегация провинции Юньнань находилась в Витебской области с визитом. Председатель Витебского "
                     "облисполкома провел с губернатором провинции Юньнань переговоры. Стороны обсудили открытие "
                     "торгового дома Витебской области в Куньмине.\n\nГородок и Усвяты стали побратимами\n\n"
                     "В четверг в Городке председатель Городокского райисполкома и глава Усвятского района Псковской "
                     "области подписали соглашение об установлении побратимских связей.",
                     title="Городок и Усвяты стали побратимами, Витебщину посетили гости из Юньнани")
    assert _pairs(labels) == _named(("Vitebsk Region", "Yunnan"), ("Gorodok", "Usvyaty"))


def test_two_towns_twinned_in_a_digest_of_their_regions_stay_towns(gazetteer):
    extraction = extract_article(Article(
        article_id="test", source_path="test.txt", title="Витебщину посетила делегация провинции Юньнань",
        body="Делегация провинции Юньнань находилась в Витебской области с визитом. Председатель Витебского "
             "облисполкома провел с гостями из Юньнани переговоры. Стороны подписали меморандум.\n\n"
             "Городок и Усвяты стали побратимами\n\nВ четверг в Городке председатель Городокского райисполкома и "
             "глава Усвятского района Псковской области подписали соглашение. Усвятская делегация находилась "
             "в Городке два дня.",
        published_date=date(2025, 11, 21), date_precision="day"), gazetteer)
    visits = [e for e in extraction.events if e.event_type == "visit" and "Усвятская" in e.sentence]
    assert [{extraction.places[i].name for i in pair} for e in visits for pair in e.pairs] == [{"Gorodok", "Usvyaty"}]


def test_a_list_of_couples_signing_in_russian_gives_each_couple_its_pair(gazetteer):
    labels = _labels(gazetteer, "Соглашения о сотрудничестве подписали Саратовская и Ширакская области, Самарская и "
                                "Котайкская области, а также Воронежская и Армавирская области.")
    assert _pairs(labels) == _named(("Saratov Region", "Shirak Province"), ("Samara Region", "Kotayk Province"),
                                    ("Voronezh Region", "Armavir Province"))


def test_delegations_of_twin_towns_listed_after_a_dash_visit_the_host(gazetteer):
    labels = _labels(gazetteer,
                     "В субботу в Кобрине прошел фестиваль городов-побратимов. На праздник приехали официальные "
                     "делегации трех городов-побратимов – российских Кашина и Алексина и армянского Арташата. "
                     "Кобрин и Кашин подписали программу сотрудничества.",
                     title="Кобрин принял гостей из городов-побратимов")
    assert _pairs(labels) == _named(("Kobrin", "Kashin"), ("Kobrin", "Aleksin"), ("Kobrin", "Artashat"))


def test_couples_of_districts_named_with_their_nouns_and_a_cis_town_for_a_district_adjective(gazetteer):
    labels = _labels(gazetteer, "Соглашения о сотрудничестве подписали Клецкий район и Рузский городской округ, "
                                "Любанский район и городской округ Шатура, а также Узденский район и Егорьевск.")
    # «Любанский район» is Lyuban in Minsk Oblast, not the Polish Lubań
    assert _pairs(labels) == _named(("Kletsk", "Ruza"), ("Lyuban", "Shatura"), ("Uzda", "Yegoryevsk"))


def test_a_district_adjective_shared_by_two_towns_names_the_one_in_the_region_named(gazetteer):
    labels = _labels(gazetteer, "Соглашения о сотрудничестве подписали Людиновский район Калужской области и "
                                "Светлогорский район Гомельской области.")
    assert "svetlogorsk|by|city" in labels.places and "svetlogorsk|ru|city" not in labels.places


def test_stations_fields_parks_councils_and_quoted_words_are_not_towns(gazetteer):
    names = _place_names(gazetteer, "Поезд на Минск отправился с Московского вокзала. Гости возложили цветы на "
                                    "Бородинском поле и погуляли в парке Горького. В состав делегации вошли члены "
                                    "Совета старейшин.\n\n– Дружба с Кашиным продолжается уже двадцать лет, – "
                                    "отметил председатель.")
    assert "Minsk" in names and names <= {"Minsk", "Kashin"}


def test_what_they_agreed_right_after_signing_gives_the_agreement_its_sectors(gazetteer):
    labels = _labels(gazetteer, "Бобруйск и Чирчик подписали соглашение об установлении побратимских связей. Оба "
                                "города – крупные промышленные центры, и они договорились развивать кооперацию "
                                "предприятий и обмениваться творческими коллективами.")
    assert labels.agreement_sectors == {"economy", "culture"}


def test_the_twins_a_host_names_as_ours_are_the_hosts_whoever_signed_most(gazetteer):
    labels = _labels(gazetteer,
                     "В субботу в Молодечно прошел фестиваль. Его гостями стали делегации городов-побратимов – "
                     "российского Дмитрова Московской области, кыргызского Каракола и сербского Шабаца. Молодечно и "
                     "Каракол подписали план мероприятий. Дни культуры Каракола пройдут в Молодечно, а творческие "
                     "коллективы Каракола выступят на празднике.\n\n"
                     "«С Шабацем нас связывает больше двадцати лет дружбы, с Дмитровом – семь лет, а Каракол – наш "
                     "самый молодой побратим», – отметил председатель райисполкома.",
                     title="Побратимы из трех стран стали гостями фестиваля «Маладзечна – горад сяброў»")
    assert _pairs(labels) == _named(("Molodechno", "Dmitrov"), ("Molodechno", "Karakol"), ("Molodechno", "Sabac"))


def test_a_festival_a_town_is_famous_for_is_no_event_of_the_day(gazetteer):
    assert "cultural_event" not in _news_types(gazetteer, "Наманган известен своими садами и ежегодным фестивалем "
                                                          "цветов.")


def test_delegations_listed_one_by_one_at_a_city_day_are_the_hosts_guests(gazetteer):
    labels = _labels(gazetteer,
                     "В субботу Тула отметила День города. Поздравить туляков приехали делегации городов-побратимов. "
                     "Могилев представляла делегация во главе с председателем горисполкома, Брест – заместитель "
                     "председателя горисполкома, Баня-Луку – заместитель градоначальника. Глава Тулы встретился с "
                     "гостями. Тула и Могилев подписали план мероприятий. На концерте выступил ансамбль из Могилева. "
                     "Дни Могилева пройдут в Туле осенью.",
                     title="Тула отметила День города")
    assert _pairs(labels) == _named(("Tula", "Mogilev"), ("Tula", "Brest"), ("Tula", "Banja Luka"))


def test_a_group_from_the_twin_town_arriving_is_a_visit(gazetteer):
    assert "visit" in _news_types(gazetteer, "Группа из 30 школьников из Ярославля приехала в Гродно по программе "
                                             "обмена между городами-побратимами.")


def test_how_the_towns_first_met_is_history(gazetteer):
    assert "meeting" not in _news_types(gazetteer, "«Впервые наши районы встретились на Днях Брянской области на "
                                                   "Гомельщине, с тех пор мы регулярно бываем друг у друга», – "
                                                   "отметил глава района.")


def test_the_kyrgyz_capital_is_bishkek_and_a_delegation_of_18_people_is_one_delegation(gazetteer):
    labels = _labels(gazetteer, "Дни Бишкека проходят в Новосибирске. В пятницу мэр Бишкека провел переговоры с мэром "
                                "Новосибирска. В тот же день мэр кыргызской столицы встретился с губернатором "
                                "Новосибирской области.")
    assert _named(("Bishkek", "Novosibirsk Region")) <= _pairs(labels)
    assert "visit" in event_types_in("Документ подписал хяким Туркменбаши, который находится в городе с рабочим "
                                     "визитом во главе делегации из 18 человек.")


def test_a_document_just_signed_and_then_called_a_twinning_is_one(gazetteer):
    labels = _labels(gazetteer, "Еще один документ подписали Бобруйск и Каменск-Уральский. Соглашение об установлении "
                                "побратимских связей предусматривает кооперацию машиностроительных предприятий.")
    assert {"agreement_signed", "twinning_established"} <= labels.event_types
    assert labels.agreement_sectors == {"economy"}


def test_guests_listed_as_a_towns_twins_stay_its_guests_in_later_sentences(gazetteer):
    labels = _labels(gazetteer, "Поздравить орловцев приехали официальные делегации городов-побратимов – белорусского "
                                "Бобруйска, болгарского Габрово и армянского Гориса. Бобруйскую делегацию возглавил "
                                "председатель Бобруйского горисполкома, делегацию Габрово – заместитель кмета общины, "
                                "Гориса – мэр города. Вместе с орловскими артистами на сцену вышли ансамбль танца из "
                                "Бобруйска и музыканты из Габрово.", title="Орел отметил День города")
    assert _pairs(labels) == _named(("Oryol", "Bobruisk"), ("Oryol", "Gabrovo"), ("Oryol", "Goris"))


def test_couples_listed_after_what_the_first_couple_did(gazetteer):
    labels = _labels(gazetteer, "Мозырь и Сызрань заключили соглашение об установлении побратимских связей, Речица и "
                                "Отрадный, а также Светлогорск и Новокуйбышевск – соглашения о сотрудничестве.")
    assert _pairs(labels) == _named(("Mozyr", "Syzran"), ("Rechitsa", "Otradny"), ("Svetlogorsk", "Novokuybyshevsk"))


def test_a_town_named_like_an_adjective_before_its_region_and_a_group_that_stayed_as_guests(gazetteer):
    labels = _labels(gazetteer, "С 17 по 22 ноября в Осиповичах по программе молодежного обмена гостила группа из 20 "
                                "школьников и педагогов из Узловой Тульской области.")
    assert _pairs(labels) == _named(("Osipovichi", "Uzlovaya"))
    assert "visit" in labels.event_types


def test_an_audience_greeting_a_song_and_conference_participants_discussing_are_no_talks():
    assert "meeting" not in event_types_in("Особенно тепло публика встретила песню, которую дети исполнили с хором.")
    assert "meeting" not in event_types_in("Участники подвели итоги проекта и обсудили подготовку новых заявок.")
    assert "meeting" in event_types_in("Глава района встретился с делегацией.")


def test_what_universities_and_hospitals_will_do_after_the_provisions_is_more_of_the_document(gazetteer):
    labels = _labels(gazetteer, "Амурская область и провинция Хэйлунцзян подписали программу сотрудничества. Программа "
                                "предусматривает создание совместных предприятий по переработке сои. Вузы Амурской "
                                "области увеличат прием студентов из провинции Хэйлунцзян, а больницы провинции будут "
                                "принимать на стажировки амурских врачей.")
    assert labels.agreement_sectors == {"economy", "education", "health"}


def test_a_delegation_with_tourism_companies_is_a_visit_and_enterprises_will_help_is_the_documents_content():
    assert "visit" in event_types_in("Делегация области, в которую вошли представители туристических компаний и ученые, "
                                     "находится в Ганьсу с визитом.")
    assert "visit" not in event_types_in("Матч посетили 3800 зрителей.")


def test_trade_fairs_and_oil_shows_are_no_cultural_events():
    assert "cultural_event" not in event_types_in("Церемония прошла в рамках Китайско-Евразийской ярмарки товаров и "
                                                  "торговли.")
    assert "cultural_event" not in event_types_in("В мае делегация Атырау побывала в Карамае на международной нефтяной "
                                                  "выставке.")
    assert "cultural_event" in event_types_in("В парке прошла ярмарка народных ремесел.")


def test_a_district_adjective_names_the_town_the_article_names_zaslavl_not_iziaslav(gazetteer):
    labels = _labels(gazetteer, "Делегации из Сремска-Митровицы и Звенигорода приняли участие в празднике Заславля. "
                                "Гостей принял председатель Заславского горисполкома.")
    assert "iziaslav|ua|city" not in labels.places
    assert {"zaslavl|by|city", "sremska mitrovica|rs|city"} <= labels.places


def test_a_proposal_for_the_future_is_no_twinning_and_a_plenary_session_is_no_talks(gazetteer):
    labels = _labels(gazetteer, "Губернатор Лорийской области предложил в перспективе установить побратимские связи "
                                "между Ванадзором и одним из городов Минской области.")
    assert "twinning_established" not in labels.event_types
    assert "meeting" not in event_types_in("На пленарном заседании обсуждались промышленная кооперация и сборка техники.")


def test_two_towns_officials_meeting_in_an_article_on_their_regions_are_the_towns(gazetteer):
    labels = _labels(gazetteer, "Дни Ярославской области проходят в Гродненской области. Губернатор провел переговоры с "
                                "председателем Гродненского облисполкома. В тот же день мэр Ярославля провел встречу с "
                                "председателем Гродненского горисполкома.")
    assert _named(("Grodno", "Yaroslavl"), ("Grodno Region", "Yaroslavl Region")) <= _pairs(labels)


def test_what_the_plan_records_gives_the_signing_its_sectors(gazetteer):
    labels = _labels(gazetteer, "Андреапольский и Лиозненский районы подписали план совместных мероприятий. В нем "
                                "записаны обмен опытом в глубокой переработке древесины и летнее оздоровление детей.")
    assert {"economy", "health"} <= set(labels.agreement_sectors)


def test_the_official_word_order_of_a_kazakh_region(gazetteer):
    labels = _labels(gazetteer, "Аким области Абай и губернатор Алтайского края подписали соглашение о сотрудничестве.")
    assert "abai region|kz|region" in labels.places
    assert not any(place.startswith("abay|") for place in labels.places)


def test_a_province_named_after_its_capital_is_the_town_when_written_alone(gazetteer):
    labels = _labels(gazetteer, "Брест и Сьенфуэгос подписали меморандум о сотрудничестве. Документ подписали "
                                "председатель горисполкома и председатель муниципальной ассамблеи народной власти "
                                "Сьенфуэгоса.")
    assert "cienfuegos|cu|city" in labels.places and "cienfuegos province|cu|region" not in labels.places
    assert "forum" not in labels.event_types  # an assembly of people's power is a council, not a forum
    labels = _labels(gazetteer, "Браслав и Даугавпилс связал новый автобусный маршрут.")
    assert "daugavpils|lv|city" in labels.places


def test_a_courtesy_reception_of_a_children_s_group_is_no_meeting_unless_talks_are_told(gazetteer):
    labels = _labels(gazetteer, "Школьники из Валуек отдыхают в лагере на Зельвенщине. Во вторник гостей принял "
                                "председатель Зельвенского райисполкома.")
    assert "meeting" not in labels.event_types
    labels = _labels(gazetteer, "Делегация Курска прибыла в Гомель. В первый день визита гостей принял председатель "
                                "Гомельского горисполкома. Стороны провели переговоры о поставках техники.")
    assert "meeting" in labels.event_types
