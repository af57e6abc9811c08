"""The five panes of the main window."""
