"""What identifies a release: its time, from the inputs, and its id, from its content."""

from __future__ import annotations

import hashlib
import os
import zlib
from datetime import UTC, datetime

from publisher import __version__
from publisher.corpus.model import Corpus


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


def content_identity(files: dict[str, bytes]) -> str:
    """The release id: a digest of the release's files, made with PLACEHOLDER for the id.

    The same output always gets the same id and a different output a different one, whatever
    changed (an input, the code, a prefix, a library), so a release folder of that id can be
    reused as it is, and moving code that changes nothing in the output changes no id. The .gz
    files are compressions of the others: zlib's version stands for them."""
    digest = hashlib.sha256(f"publisher {__version__}\nzlib {zlib.ZLIB_RUNTIME_VERSION}\n".encode())
    for name in sorted(files):
        if not name.endswith(".gz"):
            digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]
