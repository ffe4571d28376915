"""Finding article files and reading them as raw documents, on a real little folder tree."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from etl.sources import find_files, read_document


@pytest.fixture
def article_tree(tmp_path):
    """A folder as an analyst keeps it: pages, feeds, gold labels, hidden clutter, a sub-folder."""
    files = {
        "b_page.txt": "Headline\n\nBody.",
        "a_page.html": "<html><body><p>x</p></body></html>",
        "a_page.gold.json": "{}",
        ".DS_Store": "junk",
        ".git/config": "[core]",
        "2019/grodno.txt": "Headline\n\nBody.",
        "2019/feed.jsonl": '{"title": "t", "body": "b"}',
        "2019/.hidden.txt": "not an article",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_folders_are_searched_recursively_sorted_without_hidden_files_or_labels(article_tree):
    found = find_files([article_tree])
    assert [p.relative_to(article_tree).as_posix() for p in found] == [
        "2019/feed.jsonl", "2019/grodno.txt", "a_page.html", "b_page.txt",
    ]


def test_files_named_directly_are_kept_and_repeats_dropped(article_tree):
    page = article_tree / "b_page.txt"
    found = find_files([str(page), article_tree / "2019", page])
    assert found == sorted([page, article_tree / "2019" / "feed.jsonl", article_tree / "2019" / "grodno.txt"])


def test_a_gold_label_named_directly_is_still_not_an_article(article_tree):
    assert find_files([article_tree / "a_page.gold.json"]) == []


def test_a_missing_path_is_reported_by_name(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        find_files([tmp_path / "no_such_folder"])


def test_read_document_gives_bytes_and_modification_time(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("Минск\n".encode("cp1251"))
    saved = datetime(2021, 3, 4, 5, 6, 7)
    os.utime(page, (saved.timestamp(), saved.timestamp()))
    document = read_document(page)
    assert document.content == "Минск\n".encode("cp1251")  # undecoded: parse sniffs the encoding
    assert document.modified == saved
    assert document.source_path == str(page)
