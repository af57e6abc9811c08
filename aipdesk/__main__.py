from aipdesk.cli import run

run()
