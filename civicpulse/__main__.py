"""``python -m civicpulse`` is the ``civicpulse`` command."""

from civicpulse.cli import main

main()
