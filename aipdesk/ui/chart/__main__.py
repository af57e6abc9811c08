"""The progress chart alone, for a look:
``python -m aipdesk.ui.chart [DB] [--project P] [--metric M] [--screenshot out.png]``
(without a database: a temporary demo)."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from aipdesk.domain.errors import DomainError
from aipdesk.domain.months import Month
from aipdesk.services.base import Actor
from aipdesk.services.database import open_database
from aipdesk.services.demo import load_demo
from aipdesk.services.views import default_report_month
from aipdesk.ui import i18n
from aipdesk.ui.backend import Backend
from aipdesk.ui.chart.widget import ProgressChart


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m aipdesk.ui.chart",
        description="Show the progress chart of one target (default: a demo database).",
    )
    parser.add_argument("db", nargs="?", help="database file (default: a temporary demo)")
    parser.add_argument("--project", default="NEUSTART")
    parser.add_argument("--metric", default="integrations")
    parser.add_argument("--year", type=int, default=2021)
    parser.add_argument("--month", help="report month YYYY-MM (default: latest with values)")
    parser.add_argument("--lang", default="de", choices=i18n.LANGUAGES)
    parser.add_argument("--screenshot", metavar="PNG", help="write the chart as PNG and exit")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with contextlib.suppress(FileNotFoundError):  # a checkout without the compiled .qm
        i18n.install(app, args.lang)
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            db = open_database(args.db)
        else:
            db = open_database(Path(folder) / "demo.sqlite")
            load_demo(db, Actor("demo", "demo"), args.year)
        try:
            month = Month.parse(args.month) if args.month else default_report_month(db, args.year)
            data = Backend(db, Actor("demo", "demo"), args.lang).chart(
                args.project, args.metric, args.year, month
            )
        except DomainError as error:
            print(f"aipdesk: {error.text(args.lang)}", file=sys.stderr)
            return 1
        finally:
            db.close()
    if data is None:
        print(
            f"aipdesk: no target for {args.project} {args.metric} in {args.year}", file=sys.stderr
        )
        return 1
    chart = ProgressChart()
    chart.resize(960, 540)
    chart.set_data(data)
    chart.show()
    if args.screenshot:
        app.processEvents()
        chart.grab().save(args.screenshot)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
