"""Everything a person touches: the kaoping CLI, questionary wizards, the Textual apps and their texts."""
