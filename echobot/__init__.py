"""echobot: Project ECHO teleECHO programs run inside Slack."""

__version__ = "0.1.0"
