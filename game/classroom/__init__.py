"""Classroom mode without pygame: session records, room votes, the facilitator's countdown and
a lesson over one Runner (votes decide, a chapter stops at its end, the road not taken)."""
