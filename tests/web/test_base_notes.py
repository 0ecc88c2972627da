"""A server whose IRIs would not dereference on it says so: at start (`publisher serve`) and in
the footer of every page."""

from __future__ import annotations

from publisher.commands.serve import base_warnings
from publisher.web import create_app
from tests.web.fixture_release import BASE, app_config


def test_serve_warns_when_the_release_or_the_port_is_another():
    assert base_warnings(BASE, BASE, "127.0.0.1", 8080) == []
    assert base_warnings(BASE, BASE, "0.0.0.0", 8080) == []
    other_port = base_warnings(BASE, BASE, "127.0.0.1", 8090)
    assert len(other_port) == 1 and "make run PORT=8090" in other_port[0]
    minted = base_warnings("http://127.0.0.1:8090/", BASE, "127.0.0.1", 8080)
    assert len(minted) == 1 and "minted under http://127.0.0.1:8090/" in minted[0]
    # A public base behind a proxy listens elsewhere by design: no warning.
    assert (
        base_warnings("https://kg.example.org/", "https://kg.example.org/", "127.0.0.1", 8080) == []
    )


def test_the_footer_says_when_the_iris_lead_elsewhere(home, release_dir):
    app = create_app(app_config(home, release_dir, QUERY_WORKERS=0))
    assert "base-warning" not in app.test_client().get("/").get_data(as_text=True)
    app.config["SERVED_AT"] = "http://127.0.0.1:8090/"
    page = app.test_client().get("/funding").get_data(as_text=True)
    assert "base-warning" in page and "make run PORT=8090" in page
    other = create_app(
        app_config(home, release_dir, BASE_IRI="http://127.0.0.1:8093/", QUERY_WORKERS=0)
    )
    page = other.test_client().get("/").get_data(as_text=True)
    assert "minted under " + BASE in page
