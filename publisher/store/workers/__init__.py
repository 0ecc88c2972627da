"""Query workers: queries from outside run in processes that are killed at their deadline.

pyoxigraph evaluates a query without holding the GIL and cannot cancel it, so no thread can
stop a runaway query. Instead a *zygote* process is forked once the store is loaded (while the
server is still single-threaded) and forks query workers on demand: each shares the loaded
store copy-on-write, so nothing is reloaded and the store's memory is not duplicated. A query
goes to an idle worker over a socket; if no answer has come by its deadline, the zygote kills
the worker (SIGKILL), the caller gets QueryTimeout (503) and the next query gets a fresh
worker. Rows are cut at the row cap inside the worker, while pyoxigraph produces them lazily,
and come back as SPARQL TSV (N-Triples for graphs): a huge result is never built.

A worker can open no file or socket at all (RLIMIT_NOFILE is set to the descriptors it holds)
and has a memory ceiling (RLIMIT_AS), so even a query the guard missed could not reach the
network, and one that eats memory dies alone. Messages are JSON headers with a byte payload,
never pickles: a worker's answer is read as data, whatever query it ran.

The server's side is pool.py; zygote.py forks the workers, child.py is what runs in one, and
framing.py is the messages between them.
"""
