"""Files and folders that aipdesk writes are for its user only.

A folder aipdesk creates gets mode 0700, a file 0600, whatever the umask (which
usually leaves 0755 and 0644, readable by every account on the machine). A file
that already exists and is replaced (an export written over last month's) keeps
the mode its owner gave it: that is how a user asks for a shared place. On
Windows the modes mean little; the files inherit the folder's access list.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_dir(folder: Path) -> Path:
    """Create `folder` and any missing parent, each with mode 0700; folders that exist
    already are left as they are. Raises OSError like `Path.mkdir`."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            path.mkdir(mode=FOLDER_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(f"not a folder: {folder}")
    return folder


def mode_for(target: Path) -> int:
    """The mode a file written to `target` gets: the existing file's, else 0600."""
    try:
        st = target.stat()
    except OSError:
        return FILE_MODE
    if not stat.S_ISREG(st.st_mode):
        return FILE_MODE
    return stat.S_IMODE(st.st_mode)


def open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_EXCL) -> int:
    """A file descriptor of `path`, created with mode 0600."""
    return os.open(path, flags, FILE_MODE)


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new empty file (0600) in the folder of `target`, for writing it atomically."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` to `path` whole (a temporary file renamed over it), mode 0600."""
    private_dir(path.parent)
    temp = temporary_beside(path)
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
