"""``python -m reader`` starts the app; ``python -m reader COMMAND ...`` runs the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader import CLI_COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(arg in CLI_COMMANDS or arg in ("-h", "--help", "--version") for arg in args):
        from reader.cli import main as cli_main

        return cli_main(args)
    import gc

    # The app pauses the cyclic collector until its first paint (see reader.app.main):
    # pausing it here already spares the imports of reader.app.
    gc.disable()
    from reader.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
