"""The command line (DESIGN §6): headless commands over the services.

Exit codes: 0 done; 1 input or data rejected (one line per problem on stderr,
nothing changed); 2 usage error. No traceback ever reaches the user.
"""

from aipdesk.cli.main import build_parser, main, run

__all__ = ["build_parser", "main", "run"]
