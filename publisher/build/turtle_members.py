"""The gzip members of dataset.ttl.gz, kept in the build cache from one release to the next.

dataset.ttl.gz is one gzip member per run of the union Turtle (release/dumps.py), so a release
after a one-document change compresses only the runs whose bytes changed and takes the others
from here, under the SHA-256 of the run. The entry holds the members of the last release only.
"""

from __future__ import annotations

import zlib

from publisher.build import keys
from publisher.build.cache import Cache
from publisher.files import Buffer
from publisher.release.parts import compress

KIND = "dumps"


class TurtleMembers:
    """A run's gzip member, from the last release's when its bytes are the same."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        # zlib's version and the code decide the members' bytes: another gives another entry.
        self.key = keys.digest(keys.software(), "turtle-gz", zlib.ZLIB_RUNTIME_VERSION)
        self.previous = cache.get(KIND, self.key) or {}
        self.used: dict[str, bytes] = {}

    def __call__(self, digest: bytes, run: Buffer) -> bytes:
        name = digest.hex()
        member = self.previous.get(name)
        if member is None:
            member = compress(run)
        self.used[name] = member
        return member

    def save(self) -> None:
        """Keep the members of this release for the next one (and no others)."""
        self.cache.put(KIND, self.key, self.used)
        self.cache.keep_only((KIND,))
