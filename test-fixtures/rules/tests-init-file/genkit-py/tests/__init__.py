# Workspace-level tests directory: flagged with or without a member.
