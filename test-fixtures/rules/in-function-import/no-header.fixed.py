from pathlib import Path

def main():
    return Path.cwd()
