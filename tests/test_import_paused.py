"""Python's cycle collector is paused while an import reads, compares and writes (each
of its passes would walk every value alive again), and always resumed after, also when
the file is refused; a pause inside a pause leaves it to the outer one."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from aipdesk.domain.errors import DomainError
from aipdesk.exchange import importer
from aipdesk.exchange.layout import DATA_HEADER
from aipdesk.exchange.paused import collector_paused


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector running, as in the application; as it was after the test."""
    before = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if before else gc.disable)()


def _export(path: Path, value: object) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Daten"
    ws.append(list(DATA_HEADER))
    ws.append([2021, 1, "NEUSTART", "integrations", value])
    wb.save(path)
    return path


def test_paused_while_reading_and_resumed(
    tmp_path: Path, collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    read = importer._read

    def spied(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return read(*args)

    monkeypatch.setattr(importer, "_read", spied)
    file = importer.read_workbook(_export(tmp_path / "gut.xlsx", 5))
    assert [item.value for item in file.incoming] == [5]
    assert seen == [False] and gc.isenabled()
    with pytest.raises(DomainError):
        importer.read_workbook(_export(tmp_path / "schlecht.xlsx", -3))
    assert seen == [False, False] and gc.isenabled()


def test_a_pause_inside_a_pause_leaves_it_to_the_outer(collector: None) -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()  # whoever stopped it resumes it
    gc.enable()
