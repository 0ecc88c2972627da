"""The messages between the server and a query worker: a JSON header with a byte payload,
framed by their two lengths and read with a deadline. Never pickles: a worker's answer is read
as data, whatever query it ran."""

from __future__ import annotations

import json
import socket
import struct
import time
from dataclasses import dataclass
from typing import Any

_HEADER = struct.Struct("!II")  # JSON length, payload length
Meta = dict[str, Any]  # a message's JSON header


@dataclass(frozen=True)
class Request:
    """One query for a worker: the text, its dataset and its limits (rows, and bytes of the
    answer as TSV or N-Triples)."""

    sparql: str
    base_iri: str | None = None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    row_cap: int | None = None
    byte_cap: int | None = None


# An answer is a sequence of messages. The first says what it is: {"kind": "solutions",
# "variables": [...]}, {"kind": "graph"}, {"kind": "boolean", "boolean": b}, or an error kind
# ("syntax", "error", "memory", "panic", "too-large") with a "message". Solutions and graphs
# carry their first chunk as payload, and more chunks follow as {"kind": "chunk"}; the last
# message of every answer has "last": true, with "cut" ({"reason", "limit"} or null) and
# "retiring" (the worker leaves after it).


def send(channel: socket.socket, meta: Meta, payload: bytes, deadline: float | None) -> None:
    header = json.dumps(meta).encode()
    channel.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
    channel.sendall(_HEADER.pack(len(header), len(payload)) + header + payload)


def receive(channel: socket.socket, deadline: float | None) -> tuple[Meta, bytes]:
    sizes = read_exactly(channel, _HEADER.size, deadline)
    header_size, payload_size = _HEADER.unpack(sizes)
    meta = json.loads(read_exactly(channel, header_size, deadline))
    return meta, read_exactly(channel, payload_size, deadline)


def read_exactly(channel: socket.socket, size: int, deadline: float | None) -> bytes:
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            channel.settimeout(remaining)
        count = channel.recv_into(view[got:])  # TimeoutError past the deadline
        if not count:
            raise EOFError
        got += count
    return bytes(buffer)
