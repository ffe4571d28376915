"""Russian wording on sentences of the kind BelTA and city sites publish: the pairs and sectors read from them."""

from __future__ import annotations

from datetime import date

from etl.evaluate import labels_from_extraction
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


def test_a_perfective_future_is_a_plan(gazetteer):
    labels = _labels(gazetteer, "Из Минска делегация Московского района Казани отправится в Москву, где примет "
                                "участие в совещании.")
    assert labels.event_types == set() and labels.pairs == set()
