"""The built-in view server: the host screen, the prompter and a read-only run order in any browser in the
studio, pushed live. Qt-free, so the GUI and `livedesk serve` run the same server."""
