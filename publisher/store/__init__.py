"""Read-only SPARQL access to the knowledge graph, whatever holds it.

The rest of the server talks to a `Store` (interface.py) and gets `QueryResult`s back
(results.py). `EmbeddedStore` (embedded.py) keeps the release in memory with pyoxigraph and
runs queries from outside in killable worker processes (workers/); `RemoteStore` (remote.py)
queries a SPARQL store over HTTP (http.py) and parses its answers into the same QueryResult.
`execute` (execute.py) is the one door for untrusted queries: it applies the limits and the
refusals (guard.py) before the store. `loading.py` fills a remote store with a release.
"""
