"""The Discord face of the newsroom bot, its CLI and composition root."""
