// A workspace configured with the ten team rules the bench's `--team` row runs (scripts/team-rules.mjs).
import { TEAM_RULES } from '../../scripts/team-rules.mjs';

export const TEAM_PYPROJECT = `[project]\nname = "team"\nversion = "0.1.0"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\n${TEAM_RULES}`;
