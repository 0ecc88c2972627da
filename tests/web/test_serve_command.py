"""`publisher serve`: options, building a missing release, the production hint."""

from __future__ import annotations

import argparse

import pytest
from flask import Flask

from publisher.commands import serve
from tests.web.fixture_release import BASE, write_release


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="publisher")
    serve.register(parser.add_subparsers())
    return parser.parse_args(["serve", *argv])


def test_help_names_the_gunicorn_command(capsys):
    with pytest.raises(SystemExit):
        _parse("--help")
    assert (
        "gunicorn -c deploy/gunicorn.conf.py 'publisher.web:create_app()'"
        in capsys.readouterr().out
    )


def test_defaults():
    args = _parse()
    assert (args.host, args.port, args.store) == ("127.0.0.1", 8080, "embedded")


def test_builds_a_missing_release_then_serves_it(tmp_path, monkeypatch):
    built, served = [], []

    def fake_build(home, base, out):
        folder = tmp_path / "release.d" / "x"
        folder.mkdir(parents=True)
        write_release(folder, base)
        out.symlink_to(folder)
        built.append((home, base, out))
        return folder

    monkeypatch.setattr("publisher.build.publish.build_release", fake_build)
    monkeypatch.setattr(Flask, "run", lambda app, **options: served.append((app, options)))
    args = _parse("--home", str(tmp_path), "--port", "8099", "--base", BASE)
    assert serve.run(args) == 0
    assert built == [(tmp_path, BASE, (tmp_path / "release").absolute())]
    app, options = served[0]
    assert options["port"] == 8099 and options["threaded"] is True
    assert app.config["BASE_IRI"] == BASE


def test_base_defaults_to_the_release_base(release_dir, home, monkeypatch):
    served = []
    monkeypatch.delenv("PUBLISHER_BASE_IRI", raising=False)
    monkeypatch.setattr(Flask, "run", lambda app, **options: served.append(app))
    serve.run(_parse("--home", str(home), "--release", str(release_dir)))
    assert served[0].config["BASE_IRI"] == BASE


@pytest.mark.parametrize(
    ("word", "on"), [("0", False), ("off", False), ("false", False), ("1", True), ("yes", True)]
)
def test_an_on_off_setting_is_read_from_its_word(monkeypatch, word, on):
    from publisher.settings import defaults

    monkeypatch.setenv("PUBLISHER_QUERY_SANDBOX", word)
    assert defaults()["QUERY_SANDBOX"] is on
