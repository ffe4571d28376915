"""Twinning Atlas ETL: news pages in, places, pairs and events out, into DuckDB."""
