"""Sync on the desktop: the status bar's sync state, background sync, and the dialogs around it."""
