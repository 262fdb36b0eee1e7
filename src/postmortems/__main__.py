"""``python -m postmortems``."""

from postmortems.cli.main import main

raise SystemExit(main())
