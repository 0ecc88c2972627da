"""gunicorn's settings for the publisher in production (docs/deployment.md):

    PUBLISHER_HOME=/srv/kg PUBLISHER_BASE_IRI=https://kg.example.org/ \\
      gunicorn -c deploy/gunicorn.conf.py 'publisher.web:create_app()'

Options on the command line win over this file (`-b 0.0.0.0:8080`, `-w 8`). After a build,
`kill -HUP <master pid>` starts new workers on the new release and stops the old ones once
their requests are done; a release that fails its checks is refused and the last good one
kept (docs/operations.md, "Releases in service").
"""

import gc
import os
import shutil
import tempfile

wsgi_app = "publisher.web:create_app()"
bind = ["127.0.0.1:8080"]
workers = 4  # processes: each opens the store (embedded, on disk: shared) and has its query workers
# gthread (threads, so that a slow client or a long query holds one thread) that takes a new
# connection only while a thread is free, so that a burst of connections spreads over the
# workers (publisher/web/worker.py)
worker_class = "publisher.web.worker.BalancedThreadWorker"
threads = 8  # twice QUERY_SLOTS: queries never take every thread from pages
timeout = 60  # above PUBLISHER_QUERY_TIMEOUT (30 s): waiting on a query is not hanging
graceful_timeout = 30  # on HUP or stop, what old workers get to finish their requests
limit_request_line = 0  # long GET queries reach the app, which has limits of its own

# The last good release: every worker writes down the release it verified in this file, and a
# worker started by a later HUP serves that release when the link points at one that fails its
# checks (publisher/release/lastgood.py, whose RECORD_ENV this is). A private folder per
# server, made here in the master before any worker starts and removed when it stops, so that
# a fresh start never falls back: a bad release at the first start is an error.
RECORD_ENV = "PUBLISHER_LAST_GOOD"


def on_starting(server):
    folder = tempfile.mkdtemp(prefix="publisher-gunicorn-")
    os.environ[RECORD_ENV] = os.path.join(folder, "last-good.json")


def on_exit(server):
    record = os.environ.pop(RECORD_ENV, "")
    if record:
        shutil.rmtree(os.path.dirname(record), ignore_errors=True)


# What a worker made while starting (the app, the modules it imported, the release's
# catalogue) lives as long as the worker: it is moved out of the garbage collector's sight, so
# that the full collections that requests set off (a description of an actor makes thousands of
# objects the collector tracks: pyoxigraph's terms and quads) scan only what requests made.
# A full collection over the start's objects paused a request 24 to 48 ms on a loaded
# machine, 1 ms after (benchmarks/README.md, "The first request for a description"). Safe
# because a worker never replaces its release in process: a HUP starts new workers
# (`publisher serve` reloads in process and does not do this).
def post_worker_init(worker):
    gc.freeze()
