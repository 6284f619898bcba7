"""CoachDesk: an offline-first coaching notebook."""

__version__ = "0.1.0"
