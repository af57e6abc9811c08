"""The root parser and the dispatcher: every command module registers its own
sub-commands; `main` turns every failure into one line and an exit code; `run` is the
program."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from aipdesk.cli import access, budget, catalogue, checks, files, months, report, targets, values
from aipdesk.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    Output,
    Parser,
    UsageError,
    close_databases,
    common_options,
    location,
    say,
    translator,
    usage,
)
from aipdesk.domain.errors import Code, DomainError
from aipdesk.domain.messages import Note, message

PANES = ("dashboard", "projects", "integrations", "training", "targets", "budget")
# What a process killed by SIGPIPE ends with in a shell: what `aipdesk status | head`
# ends with when `head` has read enough.
EXIT_PIPE = 128 + 13


def build_parser(lang: str = "de") -> argparse.ArgumentParser:
    """The parser; `lang` ("de" or "en") is the language of every text it says."""
    t = translator(lang)
    parser = Parser(
        prog="aipdesk",
        parents=[common_options(None, lang)],
        description=t(
            "aipdesk – Steuerung des Arbeitsmarkt- und Integrationsprogramms",
            "aipdesk – steering the labour-market and integration programme",
        ),
        lang=lang,
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help=t("Fenster als PNG speichern und beenden", "save the window as a PNG and quit"),
    )
    parser.add_argument(
        "--pane",
        default="dashboard",
        metavar=t("ANSICHT", "PANE"),
        help=t("Ansicht für --screenshot", "view for --screenshot") + f" ({', '.join(PANES)})",
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar=t("BEFEHL", "COMMAND"),
        help=t("ohne Befehl: das Fenster", "without a command: the window"),
    )
    # Sub-commands accept the common options too; SUPPRESS keeps a value given before them.
    common = common_options(argparse.SUPPRESS, lang)
    for module in (values, files, report, catalogue, targets, months, checks, access, budget):
        module.register(sub, common, lang)
    return parser


def help_language(argv: Sequence[str]) -> str:
    """`--lang en` (or `--lang=en`) anywhere on the line: the help texts in English too."""
    for index, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and argv[index + 1 : index + 2] == ["en"]):
            return "en"
    return "de"


def run() -> NoReturn:
    """The program `aipdesk` (the console script, ``python -m aipdesk``, the frozen build).

    Python ends a process with a full garbage collection of every object still alive,
    SQLAlchemy's and Qt's by the hundred thousand: 0.2–0.35 s of every command. They are
    frozen instead (`gc.freeze`), so that collection has nothing to do. The rest of a
    normal exit still happens: `main` has closed the databases (the WAL checkpointed),
    the atexit handlers run (the log file is flushed and closed), the standard streams
    are flushed, and the exit code is `main`'s.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    lang = help_language(sys.argv[1:] if argv is None else list(argv))
    parser = build_parser(lang)
    # What a library's finalizer raises after a failure (a half-written zip being closed
    # on a full disk) goes to the log file, never as a traceback to the terminal.
    sys.unraisablehook = _log_unraisable
    out = Output(sys.stdout)
    sys.stdout = out  # the help too: `aipdesk --help | head` ends quietly
    try:
        args = parser.parse_args(argv)
        lang = args.lang or "de"
        code = _run(parser, args, lang)
    finally:
        out.flush()  # a help cut short by a closed pipe is not flushed again at exit
        sys.stdout = out.target
        close_databases()
    if out.error is None:
        return code
    changed = code == EXIT_OK and getattr(args, "changes", False)
    changed = changed and not getattr(args, "dry_run", False)
    if out.pipe_closed and not changed:
        return EXIT_PIPE  # the reader has what it wanted; nobody is left to tell
    problem = DomainError(
        Code.output_lost_after_change if changed else Code.output_lost, reason=out.reason()
    )
    if changed:
        say(message(Note.notice, lang, message=problem.text(lang)))
        return code
    say(problem.text(lang))
    return EXIT_REJECTED


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: str) -> int:
    try:
        if args.command is None:
            return run_gui(args)
        return int(args.func(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        say(exc.text(lang))
        return EXIT_USAGE
    except DomainError as exc:
        say(exc.text(lang))
        return EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: one line, never a traceback
        from aipdesk.errors import describe_unexpected

        message = describe_unexpected(exc, lang)  # the details go to the log file
        damage = _damage_behind(args)
        say(damage.text(lang) if damage is not None else message)
        return EXIT_REJECTED


def _damage_behind(args: argparse.Namespace) -> DomainError | None:
    """A damaged database file behind an unforeseen error is what the user must hear of."""
    if args.command is None:
        return None
    from aipdesk.services.maintenance import damage_behind

    return damage_behind(location(args))


def _log_unraisable(unraisable: Any) -> None:
    from aipdesk.errors import log, log_to_file

    log_to_file()
    error = unraisable.exc_value
    log.warning("ignored in a finalizer", exc_info=(type(error), error, unraisable.exc_traceback))


def run_gui(args: argparse.Namespace) -> int:
    """Without a sub-command: the desktop window (or, with --screenshot, a PNG of it)."""
    # The database stack is imported off the GUI thread once the window is up
    # (aipdesk.ui.backend), so the window paints first (bench/startup.py).
    if args.pane not in PANES:
        raise usage(Note.usage_pane, panes=", ".join(PANES))
    # Start-up makes objects by the hundred thousand and frees few: no collections until
    # the figures are shown; then what start-up made is frozen out of every later one
    # (a full collection would otherwise walk it all, a pause in the middle of an edit).
    collecting = gc.isenabled()
    gc.disable()

    def started(*_: object) -> None:  # the figures are shown (or could not be loaded)
        if collecting and not gc.isenabled():
            gc.freeze()
            gc.enable()

    try:
        from aipdesk.ui.application import build, screenshot

        window = build(location(args), lang=args.lang or "de", user=args.user)
        window.loaded.connect(started)
        window.load_failed.connect(started)
        if args.screenshot:
            screenshot(window, args.screenshot, args.pane)
            window.close()
            return EXIT_OK
        from PySide6.QtWidgets import QApplication

        window.show_pane(args.pane)
        window.show()
        return QApplication.instance().exec()  # type: ignore[union-attr]
    finally:
        if collecting:
            gc.enable()
