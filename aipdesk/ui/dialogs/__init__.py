"""Dialogs of the main window: each edits one thing and writes through the Backend."""
