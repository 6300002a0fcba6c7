"""Rasa input channels of Handlevej."""
