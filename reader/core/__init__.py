"""Plain values and rules shared by every layer (standard library only)."""
