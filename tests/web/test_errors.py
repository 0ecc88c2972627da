"""No request produces a 500 or a traceback; unexpected errors are logged and answered briefly."""

from __future__ import annotations

import pytest

from publisher.errors import ReleaseError
from publisher.web import create_app
from tests.web.fixture_release import app_config


@pytest.mark.parametrize(
    "method, url, kwargs",
    [
        ("GET", "/doc/id/", {}),
        ("GET", "/id/%00", {}),
        ("GET", "/doc/id/actor/iran?page=-1", {}),
        ("GET", "/graph/", {}),
        ("GET", "/sparql?query=", {}),
        ("GET", "/sparql?default-graph-uri=not%20an%20iri&query=ASK%7B%7D", {}),
        (
            "POST",
            "/sparql",
            {"data": b"\xff\xfe", "content_type": "application/x-www-form-urlencoded"},
        ),
        ("POST", "/doc/id/actor/iran", {}),
        ("DELETE", "/download/dataset.nq", {}),
        ("GET", "/download/%2e%2e%2frelease.json", {}),
        ("GET", "/.well-known/void", {"headers": {"Accept": "application/x-unknown"}}),
    ],
)
def test_bad_input_never_gives_a_500(client, method, url, kwargs):
    response = client.open(url, method=method, **kwargs)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert "Traceback" not in response.get_data(as_text=True)


def test_unexpected_errors_are_500_without_traceback(home, release_dir, caplog):
    app = create_app(app_config(home, release_dir))
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body
    assert "secret internals" in caplog.text
    # The status is named in words, as a person reads it (not a Python object's repr).
    assert "<title>500 Internal Server Error" in body and "object at 0x" not in body
    text = app.test_client().get("/boom", headers={"Accept": "text/plain"}).get_data(as_text=True)
    assert text.startswith("500 Internal Server Error:") and "object at 0x" not in text


def test_missing_release_is_a_clear_error(tmp_path):
    with pytest.raises(ReleaseError, match="publisher build"):
        create_app(app_config(tmp_path, tmp_path / "release"))


def test_damaged_release_is_refused(tmp_path):
    from tests.web.fixture_release import make_home

    home = make_home(tmp_path / "home")
    target = (home / "release").resolve() / "dataset.nq"
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(ReleaseError, match="damaged"):
        create_app(app_config(home, home / "release"))
