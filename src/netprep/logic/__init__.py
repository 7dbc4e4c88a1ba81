"""Plain logic behind the commands: returns data, never prints, prompts or exits."""
