"""The web application: HTTP only. `create_app()` (app.py) serves the current release as
linked data and SPARQL through thin blueprints (pages, sparql, downloads, resources, browse,
search) over Flask-free modules: the store, descriptions and page models below this package.

gunicorn runs it as `gunicorn 'publisher.web:create_app()'`; `reload` switches a running app
to the release its link points at now.
"""

from publisher.web.app import create_app
from publisher.web.current import reload

__all__ = ["create_app", "reload"]
