"""Engine tests of chroma."""
