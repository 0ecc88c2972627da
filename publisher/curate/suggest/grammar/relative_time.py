"""Words of relative time in both languages ("after that", "بعد ذلك"): timing.py resolves them."""

from __future__ import annotations

from publisher.curate.suggest.grammar.folding import folded

# Words of relative time, both languages (publisher/curate/suggest/timing.py resolves them).
AFTER_THAT = folded(
    "after that",
    "thereafter",
    "afterwards",
    "subsequently",
    "later",
    "بعد ذلك",
    "لاحقا",
    "فيما بعد",
    "إثر ذلك",
)
