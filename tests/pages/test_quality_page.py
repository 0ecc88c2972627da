"""/quality: the release's data-quality measurements and each document's coverage, as a page
and as JSON, from the store (the embedded one and a real oxigraph server alike)."""

from __future__ import annotations


def test_the_json_gives_every_measurement_and_document(client) -> None:
    response = client.get("/quality.json")
    assert response.status_code == 200
    data = response.get_json()
    measured = {m["metric"]: m["value"] for m in data["measurements"] if not m["drafter"]}
    assert measured["candidate-coverage"] == 1.0
    assert measured["candidate-sentences"] == (
        measured["candidates-with-claims"] + measured["candidates-with-reason"]
    )
    assert measured["claims-by-hand"] >= 200
    assert len(data["documents"]) == 5
    assert all(d["unaccounted"] == 0 for d in data["documents"])
    assert sum(d["candidates"] for d in data["documents"]) == measured["candidate-sentences"]
    assert data["reasons"]


def test_the_page_and_its_negotiation(client) -> None:
    page = client.get("/quality", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "100.0 % of the candidate sentences accounted for" in text
    assert "Accept" in page.headers.get("Vary", "")
    as_json = client.get("/quality", headers={"Accept": "application/json"})
    assert as_json.mimetype == "application/json"
    assert as_json.get_json()["documents"]
    home = client.get("/").get_data(as_text=True)
    assert 'href="/quality"' in home
