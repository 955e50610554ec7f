"""`python -m game` runs the same command line as `face-value`."""

import sys

from game.cli import main

sys.exit(main())
