"""What the bot can do, free of Discord: plain inputs, dataclass results, one transaction a call."""
