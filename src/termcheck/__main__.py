"""``python -m termcheck``: the command line."""

from .frontends.cli import main

main()
