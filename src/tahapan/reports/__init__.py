"""What each command answers, as plain data: a payload for JSON and an exit code."""
