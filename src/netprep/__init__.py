"""netprep: an offline command-line coach for tech-interview preparation."""

__version__ = "0.1.0"
