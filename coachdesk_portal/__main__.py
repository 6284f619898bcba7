import sys

from coachdesk_portal.cli import main

sys.exit(main())
