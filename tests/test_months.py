from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month, Period


def test_parse_and_format() -> None:
    assert Month.parse("2021-03") == Month(2021, 3)
    assert Month.parse(" 2021-3 ") == Month(2021, 3)
    assert str(Month(2021, 3)) == "2021-03"


@pytest.mark.parametrize("text", ["2021-13", "2021-00", "21-03", "März 2021", "", "2021/03"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        Month.parse(text)
    assert "kein gültiger Monat" in str(info.value)


@given(st.integers(1900 * 12, 2999 * 12 + 11), st.integers(-600, 600))
def test_shift_and_index_agree(index: int, offset: int) -> None:
    month = Month.from_index(index)
    assert month.index == index
    if 1900 * 12 <= index + offset <= 2999 * 12 + 11:
        assert month.shift(offset).index == index + offset


def test_period() -> None:
    guide = Period(Month(2019, 11), Month(2024, 4))
    assert len(guide) == 54
    assert guide.contains(Month(2021, 1)) and not guide.contains(Month(2024, 5))
    assert guide.overlaps_year(2019) and guide.overlaps_year(2024)
    assert not guide.overlaps_year(2025)
    open_end = Period(Month(2020, 1), None)
    assert open_end.contains(Month(2099, 12)) and not open_end.contains(Month(2019, 12))
    with pytest.raises(DomainError):
        Period(Month(2021, 2), Month(2021, 1))
