"""questionary wizards of the admin commands (imported only inside the commands that ask)."""
