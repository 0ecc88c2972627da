"""The union Turtle's merged blocks, kept in the build cache from one release to the next.

A subject with triples in several graphs (an actor a document's claims describe, a source) is
written in dataset.ttl as one block made again from all its triples (release/union.py), which
parses and serialises them: three thousand such subjects at a million triples, half the time
of the union's merge. A block depends only on those triples and the prefixes, so a release
after a one-document change takes the others from here, under the SHA-256 of what they are
made from. The entry holds the blocks of the last release only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from publisher.build import keys
from publisher.build.cache import Cache
from publisher.release import union
from publisher.release.union import Found, merged_block

KIND = "merged"


class MergedBlocks:
    """`merged_block`, from the last release's blocks when made from the same triples."""

    def __init__(self, cache: Cache, prefixes: dict[str, str]) -> None:
        self.cache = cache
        # The code that merges (not among the build's own modules) and the prefixes decide
        # the bytes: another gives another entry.
        code = Path(union.__file__)
        self.key = keys.digest(
            keys.software(),
            keys.files([code], code.parent),
            repr(sorted(prefixes.items())),
        )
        self.previous = cache.get(KIND, self.key) or {}
        self.used: dict[str, bytes] = {}

    def __call__(self, found: Found, prefixes: dict[str, str]) -> bytes:
        digest = hashlib.sha256()
        for _, nquads, cut in found:
            digest.update(len(nquads).to_bytes(8, "big") + cut.to_bytes(4, "big"))
            digest.update(nquads)
        name = digest.hexdigest()
        block = self.previous.get(name)
        if block is None:
            block = merged_block(found, prefixes)
        self.used[name] = block
        return block

    def save(self) -> None:
        """Keep the blocks of this release for the next one (and no others)."""
        self.cache.put(KIND, self.key, self.used)
        self.cache.keep_only((KIND,))
