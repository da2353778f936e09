"""One Qt-free function per user action; the GUI runs them in the background, the CLI calls them directly."""
