"""Custom actions for Handlevej (run by the rasa-sdk action server)."""
