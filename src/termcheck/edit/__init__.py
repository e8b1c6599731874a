"""The write side: ``--fix`` rewrites, ``--annotate-docx`` writes commented copies. Both write atomically."""
