"""Handlevej: municipal knowledge packs, Danish NLU helpers and dialogue policy."""
