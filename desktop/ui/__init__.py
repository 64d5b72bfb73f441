"""Qt widgets and item models over the core."""
