"""Opening a release folder: manifest, checked files, validators."""

from __future__ import annotations

import json

import pytest

from publisher.errors import ReleaseError
from publisher.release.reader import open_release


def test_open_through_the_link(release_dir):
    release = open_release(release_dir)
    assert release.folder == release_dir.resolve()
    manifest = json.loads((release_dir / "release.json").read_text())
    assert release.manifest == manifest and release.base == manifest["base"]
    assert {"dataset.nq", "void.ttl", "SHA256SUMS", "dataset.nq.gz"} <= set(release.files)
    assert release.files["dataset.nq.gz"].media_type == "application/gzip"
    assert release.files["dataset.trig"].media_type == "application/trig"
    assert len(release.digest) == 64 and release.last_modified.tzinfo is not None


def test_damage_is_found(tmp_path):
    from tests.web.fixture_release import make_home

    home = make_home(tmp_path / "home")
    (home / "release" / "void.ttl").write_text("tampered")
    with pytest.raises(ReleaseError, match=r"void\.ttl"):
        open_release(home / "release")
    assert open_release(home / "release", verify=False).files["void.ttl"]


def test_missing_sums_or_manifest(tmp_path):
    with pytest.raises(ReleaseError):
        open_release(tmp_path / "nothing")
    (tmp_path / "release.json").write_text("{}")
    with pytest.raises(ReleaseError, match="SHA256SUMS"):
        open_release(tmp_path)
