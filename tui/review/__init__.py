"""The liaison groups' app: review of their units' self-assessments and the supervision visits."""
