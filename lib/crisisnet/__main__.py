"""``python -m crisisnet``: see :mod:`crisisnet.cli`."""

from .cli import main

raise SystemExit(main())
