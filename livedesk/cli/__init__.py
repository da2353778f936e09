"""The `livedesk` command line: one module per command group (`*_command.py`), found at start-up."""
