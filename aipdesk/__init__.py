"""aipdesk: steer a Jobcenter's yearly labour-market and integration programme (AIP)."""

import logging as _logging

__version__ = "0.1.0"

# Details of failures go to the log file (aipdesk.errors.log_to_file), never to the
# terminal: without a handler of its own, Python's last-resort handler would print a
# warning's traceback on stderr.
_log = _logging.getLogger("aipdesk")
_log.propagate = False
if not _log.handlers:
    _log.addHandler(_logging.NullHandler())
