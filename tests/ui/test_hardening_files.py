"""Files the window writes follow the rules of every file aipdesk writes (breaks 1 and 10):
never over the database, whole or not at all, for their user only."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.ui.application import screenshot
from aipdesk.ui.main_window import MainWindow


def test_a_screenshot_is_private_and_never_written_over_the_database(
    window: MainWindow, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        png = tmp_path / "bild.png"
        screenshot(window, str(png))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert stat.S_IMODE(png.stat().st_mode) == 0o600
        database = window.backend.db.path
        assert database is not None
        before = hashlib.sha256(database.read_bytes()).hexdigest()
        for target in (database, Path(f"{database}-wal")):
            with pytest.raises(DomainError) as refused:
                screenshot(window, str(target))
            assert refused.value.code == "output_refused"
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    finally:
        os.umask(old)
