"""The bundle's entry point: PyInstaller freezes this script as the `cxworkshop` executable.

`cxworkshop/__main__.py` cannot be frozen directly: as a script its relative import of the
CLI would fail. This does what the `cxworkshop` console script does.
"""

import sys

from cxworkshop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
