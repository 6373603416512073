"""Commune articles proposed to the province portal's news (rules.py) and their shared
copies kept in step with the originals (sync.py)."""
