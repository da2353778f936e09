"""`python -m livedesk` runs the command line (and with no command, the GUI)."""

from livedesk.cli.main import main

raise SystemExit(main())
