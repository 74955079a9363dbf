"""One extension per user-facing feature."""
