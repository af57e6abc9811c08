"""Layering (DESIGN §5) and the PySide6 6.12.0 trap (DESIGN §7)."""

from __future__ import annotations

import subprocess
import sys


def test_domain_store_services_cli_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import aipdesk.cli, aipdesk.services.status, aipdesk.services.values,"
        " aipdesk.services.catalogue, aipdesk.services.demo, aipdesk.store.backup\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')"
        " or m.startswith('aipdesk.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_contracts() -> None:
    """The import-linter contracts of pyproject.toml hold (also run by `make lint`)."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            "sys.exit(lint_imports_command())",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_pyside6_version_is_not_the_broken_one() -> None:
    import PySide6

    assert PySide6.__version__ != "6.12.0"
    assert tuple(int(x) for x in PySide6.__version__.split(".")[:2]) < (6, 12)


def test_none_refcount_does_not_drift_over_void_qt_calls() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "obj = QObject()\n"
        "for _ in range(100): obj.setObjectName('warm')\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(10_000): obj.setObjectName('x')\n"
        "after = sys.getrefcount(None)\n"
        "print(after - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # 6.12.0 aborts with none_dealloc
    assert abs(int(result.stdout.strip())) < 100
