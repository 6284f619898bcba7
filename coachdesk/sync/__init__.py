"""Optional sync with the Coaching Portal (no Qt): the outbox of local changes today; see docs/sync-protocol.md."""
