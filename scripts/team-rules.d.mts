/** Ten `[tool.pyguide.custom-rules]` tables of the kinds teams write (TOML). */
export declare const TEAM_RULES: string;
