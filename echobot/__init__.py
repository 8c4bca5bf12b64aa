"""echobot: Project ECHO teleECHO programs run inside Slack."""

__version__ = "0.2.0.dev0"
