"""What identifies a release: its time, from the inputs, and its id, from its content."""

from __future__ import annotations

import hashlib
import os
import zlib
from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from itertools import accumulate

from publisher import __version__
from publisher.corpus.model import Corpus
from publisher.errors import ValidationFailed
from publisher.files import Buffer, after


def release_time(corpus: Corpus) -> datetime:
    """From SOURCE_DATE_EPOCH, else the newest day a document was added: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    days = sorted(d.added for d in corpus.documents.values() if d.added)
    day = days[-1] if days else "1970-01-01"
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


# The id every id-dependent part is made with first; the release id is then a digest of the
# files so made (see `content_identity`), written in place of it. Same length as an id, so
# that replacing it changes no order of subjects or lines.
PLACEHOLDER = "0" * 16


def content_identity(files: Mapping[str, bytes]) -> str:
    """The release id: a digest of the release's files, made with PLACEHOLDER for the id.

    The same output always gets the same id and a different output a different one, whatever
    changed (an input, the code, a prefix, a library), so a release folder of that id can be
    reused as it is, and moving code that changes nothing in the output changes no id. The .gz
    files are compressions of the others: zlib's version stands for them."""
    return identity_of({name: hashlib.sha256(data).digest() for name, data in files.items()})


def identity_of(digests: Mapping[str, bytes]) -> str:
    """`content_identity` from the SHA-256 (raw) of each file."""
    digest = hashlib.sha256(f"publisher {__version__}\nzlib {zlib.ZLIB_RUNTIME_VERSION}\n".encode())
    for name in sorted(digests):
        if not name.endswith(".gz"):
            digest.update(name.encode() + b"\0" + digests[name])
    return digest.hexdigest()[:16]


def refuse_placeholder(graph: str, nquads: bytes) -> None:
    """Refuse a graph other than the release graph whose N-Quads hold the text PLACEHOLDER,
    which stands for the release id while it is computed and is replaced where found (an id
    written into a document's literal). Every text of a graph's other serialisations is in its
    N-Quads too (an IRI, a literal's lexical form; a prefixed name is a cut of the IRI it
    stands for). The build checks each part as it makes it, so that the parts read back from
    its cache are never searched again (publish.py)."""
    if PLACEHOLDER.encode() in nquads:
        raise ValidationFailed(
            f"{graph} holds the text {PLACEHOLDER}, which stands for the release id while it "
            "is computed; remove it"
        )


class TwoDigests:
    """The SHA-256 of a file made with PLACEHOLDER (`drafted`), and later of the same file with
    the id written in (`final`): they share every byte before the first PLACEHOLDER, which a
    release's dumps hold only near their end (in the release graph), so those bytes are hashed
    once for both."""

    def __init__(
        self,
        segments: Sequence[Buffer],
        sink: Callable[[Buffer], object] | None = None,
        until: Collection[Buffer] = (),
    ) -> None:
        """`sink`, if given, is handed each segment once it is hashed: the file is written in
        the same pass, while the segment is still in the processor's cache. The shared bytes
        end at the first PLACEHOLDER, and at the latest where one of the segments `until`
        begins (those made from bytes that hold it: the release graph's gzip members, in
        which it cannot be found)."""
        self.shared, self.offset = hashlib.sha256(), 0
        marker, index, at = PLACEHOLDER.encode(), 0, 0
        stops = {id(segment) for segment in until}
        for index, segment in enumerate(segments):  # noqa: B007 (index is read after)
            # Only bytes are searched: a view is a section read from the build's cache, of a
            # part that holds no placeholder (the build refuses one that does when it makes
            # it). Were one missed, the digests would still be right, only shared less:
            # `final` uses the shared bytes only if the file with the id begins with them.
            at = segment.find(marker) if isinstance(segment, bytes) else -1
            if at != -1:
                break
            if id(segment) in stops:
                at = 0
                break
            self.shared.update(segment)
            self.offset += len(segment)
            if sink is not None:
                sink(segment)
        else:
            index, at = len(segments), 0
        self.shared.update(memoryview(segments[index])[:at] if at else b"")
        self.offset += at
        drafted = self.shared.copy()
        for number, segment in enumerate(segments[index:]):
            drafted.update(memoryview(segment)[at:] if number == 0 else segment)
            if sink is not None:
                sink(segment)
        self.drafted = drafted.digest()
        self.segments = list(segments)
        self.starts = list(accumulate((len(segment) for segment in segments[:-1]), initial=0))

    def final(self, segments: Sequence[Buffer], same: int | None = None) -> str:
        """The hex SHA-256 of the file with the id, from the shared bytes when `segments` do
        begin with them (checked, unless `same`, what `same_until` gave, says: else the whole
        file is hashed)."""
        if (self.same_until(segments) if same is None else same) != self.offset:
            whole = hashlib.sha256()
            for segment in segments:
                whole.update(segment)
            return whole.hexdigest()
        digest = self.shared.copy()
        for piece in after(segments, self.offset):
            digest.update(piece)
        return digest.hexdigest()

    def same_until(self, segments: Sequence[Buffer]) -> int:
        """How many bytes at the start of the file `segments` are known to be those of the
        drafted file (the shared bytes, or none when they are not its start)."""
        return self.offset if self._shared_by(segments) else 0

    def _shared_by(self, segments: Sequence[Buffer]) -> bool:
        """Whether `segments` begin with the bytes hashed as shared (the same objects are
        not compared: a part that is in both files is one bytes object)."""
        position = 0
        for segment in segments:
            if position >= self.offset:
                return True
            end = min(position + len(segment), self.offset)
            at = bisect_right(self.starts, position) - 1
            same = self.starts[at] == position and self.segments[at] is segment
            if not same and self._drafted(position, end) != segment[: end - position]:
                return False
            position += len(segment)
        return position >= self.offset

    def _drafted(self, start: int, end: int) -> bytes:
        """Bytes start:end of the drafted file."""
        at, found = bisect_right(self.starts, start) - 1, []
        while start < end:
            segment, offset = self.segments[at], start - self.starts[at]
            found.append(segment[offset : offset + end - start])
            start += len(found[-1])
            at += 1
        return b"".join(found)
