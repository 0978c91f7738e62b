"""Self-assessment by units: sign in with the unit code, fill in the assigned forms, submit."""
