"""Rule-based Danish signal detectors (age group, acute danger) and their Rasa component."""
