"""Whether a database file lies on a network share: there aipdesk uses the rollback
journal instead of WAL and tells the user that PostgreSQL is the right choice for
shared use (aipdesk.store.database).
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PureWindowsPath
from typing import NamedTuple

# Linux /proc/self/mountinfo types (and macOS f_fstypename) on which WAL is unsafe:
# WAL needs shared memory between all processes using the file, which only one host has.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "ncp", "afs", "openafs",
        "coda", "ceph", "fuse.ceph", "glusterfs", "fuse.glusterfs", "9p", "sshfs",
        "fuse.sshfs", "davfs", "fuse.davfs2", "webdav", "afpfs", "lustre", "gpfs", "ocfs2",
        "gfs2", "beegfs", "fuse.rclone", "fuse.s3fs", "s3fs", "fuse.gcsfuse", "vboxsf",
        "vmhgfs", "fuse.vmhgfs-fuse", "prl_fs", "pvfs2", "orangefs", "fuse.juicefs",
        "fuse.sshfs-win",
    }
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW


class Mount(NamedTuple):
    mount_point: str
    fstype: str
    source: str


def _unescape_mount(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(content: str) -> list[Mount]:
    """The mounts of a /proc/self/mountinfo text, in its order (later ones cover earlier)."""
    mounts = []
    for line in content.splitlines():
        fields = line.split()
        if "-" not in fields:
            continue
        dash = fields.index("-")
        if dash < 6 or len(fields) < dash + 3:
            continue
        mounts.append(
            Mount(_unescape_mount(fields[4]), fields[dash + 1], _unescape_mount(fields[dash + 2]))
        )
    return mounts


def mount_of(path: str, mounts: Sequence[Mount]) -> Mount | None:
    """The mount holding the absolute POSIX `path`: the longest mount point that is a prefix
    of it component by component; of equal ones the last mounted."""
    best: Mount | None = None
    best_length = -1
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = point == "/" or path == point or path.startswith(point + "/")
        if inside and len(point) >= best_length:
            best, best_length = mount, len(point)
    return best


def is_unc_path(path: str) -> bool:
    """``\\\\server\\share\\…``, ``//server/share/…`` or ``\\\\?\\UNC\\server\\share\\…``."""
    drive = PureWindowsPath(path).drive.replace("/", "\\")
    if drive.upper().startswith("\\\\?\\UNC\\"):
        return True
    return drive.startswith("\\\\") and not drive.startswith(("\\\\?\\", "\\\\.\\"))


def windows_share(path: str, drive_type: Callable[[str], int] | None = None) -> str | None:
    """The share of a Windows `path`: its UNC prefix, or its drive if that is remote."""
    if is_unc_path(path):
        return PureWindowsPath(path).drive
    drive = PureWindowsPath(path).drive
    if drive.startswith("\\\\?\\"):
        drive = drive[4:]
    if len(drive) == 2 and drive[1] == ":":
        get_type = drive_type or _windows_drive_type
        try:
            if get_type(drive + "\\") == DRIVE_REMOTE:
                return drive
        except Exception:
            return None
    return None


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _read_mountinfo() -> str | None:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
            return fh.read()
    except OSError:
        return None


def _macos_fstype(path: str) -> str | None:  # pragma: no cover - macOS only
    """f_fstypename of statfs(2) (struct statfs with 64-bit inodes, the only one on arm64)."""
    import ctypes.util
    import platform

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        try:
            statfs = libc["statfs$INODE64"]
        except AttributeError:
            if platform.machine() != "arm64":
                return None
            statfs = libc.statfs
        buffer = ctypes.create_string_buffer(4096)  # the struct is 2168 bytes; room to spare
        if statfs(os.fsencode(path), buffer) != 0:
            return None
        # u32 bsize, i32 iosize, 5 × u64, fsid 2 × i32, u32 owner, type, flags, fssubtype
        offset = 4 + 4 + 5 * 8 + 8 + 4 * 4
        return buffer.raw[offset : offset + 16].split(b"\0", 1)[0].decode("ascii", "replace")
    except Exception:
        return None


def network_share(
    path: str | os.PathLike[str],
    *,
    platform: str | None = None,
    mountinfo: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Where `path` lies if that is a network share (for the notice), else None.

    Windows: a UNC path, or a drive letter whose GetDriveTypeW is DRIVE_REMOTE.
    Linux: the type of the mount holding the path (/proc/self/mountinfo).
    macOS: statfs's file-system type. Anything that cannot be told: None (local).
    The arguments other than `path` let tests play another system.
    """
    platform = platform or sys.platform
    raw = os.fspath(path)
    if platform == "win32":
        return windows_share(raw, drive_type)
    try:
        where = str(Path(raw).resolve()) if platform == sys.platform else raw
    except OSError:
        return None
    if platform.startswith("linux"):
        content = _read_mountinfo() if mountinfo is None else mountinfo
        if not content:
            return None
        mount = mount_of(where, parse_mountinfo(content))
        if mount is not None and mount.fstype.lower() in NETWORK_FILESYSTEMS:
            return f"{mount.fstype} {mount.source}"
        return None
    if platform == "darwin":
        fstype = _macos_fstype(where)
        if fstype and fstype.lower() in NETWORK_FILESYSTEMS:
            return fstype
    return None
