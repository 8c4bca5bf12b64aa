"""Block Kit builders: pure functions from domain models to Slack views and messages."""
