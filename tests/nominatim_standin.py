"""A tiny Nominatim on 127.0.0.1 for tests: answers /search from a dict and counts the requests."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self
from urllib.parse import parse_qs, urlparse

# Shaped like a real Nominatim answer (jsonv2 fields, numbers as strings); coordinates are Komarin's.
KOMARIN = {
    "place_id": 123456,
    "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
    "osm_type": "node",
    "osm_id": 274688541,
    "lat": "51.4575",
    "lon": "30.5694",
    "class": "place",
    "type": "town",
    "place_rank": 18,
    "addresstype": "town",
    "name": "Komarin",
    "display_name": "Komarin, Bragin District, Gomel Region, Belarus",
    "address": {"town": "Komarin", "county": "Bragin District", "state": "Gomel Region",
                "ISO3166-2-lvl4": "BY-HO", "country": "Belarus", "country_code": "by"},
    "boundingbox": ["51.4375", "51.4775", "30.5494", "30.5894"],
}


class NominatimStandIn:
    """``with NominatimStandIn({"komarin": [KOMARIN]}) as server:`` then ``nominatim(domain=server.domain,
    scheme="http")``. Unknown queries get ``[]`` (Nominatim's "not found"); ``status=500`` fails every request."""

    def __init__(self, answers: dict[str, list[dict]] | None = None, status: int = 200):
        self.answers = {q.lower(): a for q, a in (answers or {}).items()}
        self.status = status
        self.requests: list[dict[str, list[str]]] = []
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                params = parse_qs(url.query)
                standin.requests.append(params)
                if standin.status != 200 or url.path != "/search":
                    self.send_error(standin.status if standin.status != 200 else 404)
                    return
                query = params.get("q", [""])[0].lower()
                body = json.dumps(standin.answers.get(query, [])).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # A short poll interval: shutting down waits for the next poll (0.5 s by default).
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    @property
    def domain(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{host}:{port}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop answering: later requests find nobody listening (safe to call twice)."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
