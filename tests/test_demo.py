"""The demo values: deterministic, plausible, and within the davon and partition rules."""

from __future__ import annotations

import hashlib
import json

from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.demo import GENDER_PARTS, load_demo
from aipdesk.services.views import year_cells
from aipdesk.store.database import Database
from tests.conftest import sqlite_only

# The demo values as they were before women and men were added (410 values, JC,
# projects, 2020 and 2021): sha256 of their sorted [project, metric, month, value] list.
BEFORE_WOMEN_MEN = "430eb29df23dfd9f9ffe52fa9bc399d2f97d831842160df6b24c9f7ec10f8c7c"
SECTORS = ("training_logistics", "training_care", "training_education", "training_transport",
           "training_security")


@sqlite_only
def test_demo_values(db: Database, actor: Actor) -> None:
    load_demo(db, actor, 2021)
    values = {
        (c.project, c.metric, c.month): c.value
        for year in (2019, 2020, 2021)
        for c in year_cells(db, year)
    }
    others = sorted([p, m, str(month), v] for (p, m, month), v in values.items()
                    if m not in GENDER_PARTS)
    assert hashlib.sha256(json.dumps(others).encode()).hexdigest() == BEFORE_WOMEN_MEN
    for month in [Month(2020, 1).shift(k) for k in range(24)]:
        cell = {m: v for (p, m, at), v in values.items() if p == "JC" and at == month}

        def get(metric: str, cell: dict[str, int] = cell) -> int:
            return cell[metric]

        # Women and men make up the whole; women about 45 % of the integrations and
        # about 49 % of the ELB stock.
        assert get("integrations_women") + get("integrations_men") == get("integrations")
        assert get("elb_stock_women") + get("elb_stock_men") == get("elb_stock")
        assert 0.44 <= get("integrations_women") / get("integrations") <= 0.46
        assert 0.48 <= get("elb_stock_women") / get("elb_stock") <= 0.50
        assert sum(get(s) for s in SECTORS) <= get("training_entries")
        assert get("training_entries_degree") <= get("training_entries")
    assert len([k for k in values if k[1] in GENDER_PARTS]) == 4 * 24
