"""Sample data that reads like a real notebook, for trying CoachDesk out and for benchmarking it.

The demo follows what the field asks of a leader log (see the seeds): a session roughly every week with each agent,
its next steps kept as commitments and followed up at the next one, plans as a stairway of steps, one-on-ones up
the line at least fortnightly, recognition, and mentoring across contact-centre and field teams. It also has what
real notebooks have: holidays, team leaders who lapse for weeks, agents overdue today, commitments missed.

Everything comes from one seeded generator, so a seed and a date always give the same notebook, ids included. Rows
go in through bulk inserts in one transaction; the 250-agent, five-year benchmark notebook builds in about 20 s,
most of it SQLite keeping the full-text index in step through its triggers.
"""

from coachdesk.demo.generator import check_demo_size, generate_demo
from coachdesk.demo.rows import DemoSummary

__all__ = ["DemoSummary", "check_demo_size", "generate_demo"]
