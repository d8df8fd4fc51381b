def main():
    from pathlib import Path
    return Path.cwd()
