"""Plain dataclasses and rules of a live-stream session; standard library only."""
