"""The built-in budget of the Eingliederungstitel is the AIP 2021's chapter 5, amount by
amount, and its sums are checked: only the document's own slips are let through."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from aipdesk.domain.budget import BudgetCatalogueError, Level, arithmetic, budget_catalogue
from aipdesk.paths import budget_file


@pytest.fixture
def raw() -> dict[str, Any]:
    with budget_file().open("rb") as fh:
        return tomllib.load(fh)


def euros(cents: int) -> int:
    assert cents % 100 == 0
    return cents // 100


def test_the_allocation_is_abb_2(raw: dict[str, Any]) -> None:
    a = budget_catalogue(raw).allocation
    assert [euros(getattr(a, f)) for f in a.__annotations__] == [
        31_896_160,
        275_395,
        3_316_779,
        28_854_776,
        17_475_373,
        11_379_403,
        1_000_000,
        12_379_403,
    ]


# The instrument table of the AIP 2021, typed again from the document: code, plan 2021,
# due 2022, 2023, 2024, 2025 (whole euros).
TABLE = {
    "EGL": (29_488_524, 8_923_743, 2_588_730, 939_180, 467_830),
    "I": (19_435_203, 7_103_851, 1_234_310, 75_240, 75_240),
    "FBW": (4_707_481, 1_757_626, 163_495, 75_240, 75_240),
    "EGZ": (2_031_758, 1_002_697, 75_660, 0, 0),
    "AEZ_WB": (0, 0, 0, 0, 0),
    "MABE": (10_247_261, 3_551_178, 0, 0, 0),
    "VB": (915_733, 63_000, 0, 0, 0),
    "ESG": (246_378, 39_750, 0, 0, 0),
    "SELBST": (250_878, 0, 0, 0, 0),
    "FF": (92_655, 5_600, 0, 0, 0),
    "EVL": (943_058, 684_000, 378_000, 0, 0),
    "II": (6_406_360, 1_207_201, 772_420, 445_390, 392_590),
    "AGH": (1_031_616, 275_281, 0, 0, 0),
    "BEZ": (275_394, 0, 0, 0, 0),
    "TAAM": (5_099_350, 931_920, 772_420, 445_390, 392_590),
    "III": (1_929_864, 612_691, 582_000, 418_550, 0),
    "BAE": (1_629_756, 582_000, 582_000, 418_550, 0),
    "EQ": (77_785, 30_691, 0, 0, 0),
    "ASA": (168_630, 0, 0, 0, 0),
    "ABH": (53_693, 0, 0, 0, 0),
    "FSEJ": (0, 0, 0, 0, 0),
    "IV": (1_685_566, 0, 0, 0, 0),
    "REHA_P": (1_109_124, 0, 0, 0, 0),
    "EGZ_SB": (374_941, 0, 0, 0, 0),
    "REHA_E": (576_442, 0, 0, 0, 0),
    "SONST": (31_531, 0, 0, 0, 0),
    "SONSTIGE": (31_531, 0, 0, 0, 0),
}


def test_every_row_of_the_instrument_table(raw: dict[str, Any]) -> None:
    catalogue = budget_catalogue(raw)
    assert [line.code for line in catalogue.lines] == list(TABLE)
    for line in catalogue.lines:
        plan, *due = TABLE[line.code]
        assert euros(line.plan) == plan, line.code
        assert [euros(line.due[y]) for y in (2022, 2023, 2024, 2025)] == due, line.code
    levels = {line.code: line.level for line in catalogue.lines}
    assert levels["EGL"] is Level.TOTAL and levels["I"] is Level.GROUP
    assert levels["FBW"] is Level.INSTRUMENT
    shares = {line.code: line.share_pct for line in catalogue.lines}
    assert (shares["FBW"], shares["MABE"], shares["I"], shares["REHA_E"]) == (
        "16,0",
        "34,7",
        "65,9",
        "",
    )
    assert catalogue.line("FBW").metric == "training_entries"  # type: ignore[union-attr]
    assert catalogue.line("TAAM").metric == "taam_new"  # type: ignore[union-attr]


def test_only_the_documents_own_slips_are_let_through(raw: dict[str, Any]) -> None:
    found = arithmetic(budget_catalogue(raw))
    # Group I: its instruments add up to 19,435,202 €, and to 617,155 € due in 2023.
    assert sorted(found) == [
        ("I due 2023", 123_431_000, 61_715_500),
        ("I plan", 1_943_520_300, 1_943_520_200),
    ]


def test_any_other_difference_refuses_the_file(raw: dict[str, Any]) -> None:
    broken = copy.deepcopy(raw)
    agh = next(i for i in broken["instruments"] if i["code"] == "AGH")
    agh["plan"] += 1  # one euro more than the document
    with pytest.raises(BudgetCatalogueError, match="II plan"):
        budget_catalogue(broken)
    broken = copy.deepcopy(raw)
    broken["allocation"]["prior_commitments"] = 17_475_374
    with pytest.raises(BudgetCatalogueError, match="new business"):
        budget_catalogue(broken)
    broken = copy.deepcopy(raw)
    broken["instruments"][0]["plan"] = 4_707_481.5
    with pytest.raises(BudgetCatalogueError, match="FBW"):
        budget_catalogue(broken)
