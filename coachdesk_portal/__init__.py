"""The Coaching Portal: the server CoachDesk notebooks sync with (docs/sync-protocol.md), installed with `[portal]`."""
