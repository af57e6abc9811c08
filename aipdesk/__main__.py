import sys

from aipdesk.cli import main

sys.exit(main())
