"""Everything that talks to the terminal: console, rendering, prompts, the countdown."""
