"""No network for the processes that evaluate queries, enforced by the kernel.

The zygote installs a seccomp filter on itself before it forks any worker, and filters are
inherited: from then on `socket()` fails with EPERM in the zygote and in every worker, so no
query can open a connection whatever the guard let through (SERVICE, a store bug). Workers
still talk to the server over socket pairs made before or by `socketpair()`, which needs no
`socket()`. `io_uring_setup` is refused too, since io_uring can open sockets without the
syscall. The descriptor limit of a worker (child.py) stays as a second wall.

The filter is a few instructions of classic BPF: check the architecture (a process of another
ABI could otherwise use other syscall numbers), then the syscall number.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_RET_KILL_PROCESS = 0x80000000
_LOAD_WORD = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JUMP_EQUAL = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JUMP_AT_LEAST = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RETURN = 0x06  # BPF_RET | BPF_K
_X32_SYSCALLS = 0x40000000  # x86-64's x32 ABI: same architecture, numbers offset by this

# machine -> (AUDIT_ARCH_*, socket, io_uring_setup)
_ARCHITECTURES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}


class SandboxUnavailable(OSError):
    """The kernel refused the filter, or this architecture is not known here."""


def _instruction(code: int, jump_true: int, jump_false: int, value: int) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, value)


def _program(machine: str) -> bytes:
    arch, socket_call, io_uring_setup = _ARCHITECTURES[machine]
    deny = _RET_ERRNO | errno.EPERM
    return b"".join(
        [
            _instruction(_LOAD_WORD, 0, 0, 4),  # seccomp_data.arch
            _instruction(_JUMP_EQUAL, 1, 0, arch),
            _instruction(_RETURN, 0, 0, _RET_KILL_PROCESS),
            _instruction(_LOAD_WORD, 0, 0, 0),  # seccomp_data.nr
            _instruction(_JUMP_AT_LEAST, 3, 0, _X32_SYSCALLS),
            _instruction(_JUMP_EQUAL, 2, 0, socket_call),
            _instruction(_JUMP_EQUAL, 1, 0, io_uring_setup),
            _instruction(_RETURN, 0, 0, _RET_ALLOW),
            _instruction(_RETURN, 0, 0, deny),
        ]
    )


def forbid_network() -> None:
    """Install the filter on the calling process (and so on every process it forks later)."""
    machine = platform.machine()
    if machine not in _ARCHITECTURES:
        raise SandboxUnavailable(f"no seccomp filter is defined for {machine}")
    program = _program(machine)
    count = len(program) // 8
    buffer = ctypes.create_string_buffer(program, len(program))

    class _Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = _Program(count, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    # No new privileges: what lets an unprivileged process install a filter at all.
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxUnavailable(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise SandboxUnavailable(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")
