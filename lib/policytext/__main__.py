"""``python -m policytext``: see `policytext.cli`."""

import sys

from policytext.cli import main

if __name__ == "__main__":
    sys.exit(main())
