"""One module per character, over the shared face kit in face.py: each draws that character's portraits."""
