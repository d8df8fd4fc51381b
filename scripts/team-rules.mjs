// The bench's `--team` row and the tests of the team rules' keystroke path run these.

/**
 * Ten team rules (`[tool.pyguide.custom-rules]`, docs/custom-rules.md) of the kinds teams write:
 * patterns on calls, subscripts, comparisons and try statements, with metavariables of each form
 * and regex constraints, plus a query with #match?.
 */
export const TEAM_RULES = `
[tool.pyguide.custom-rules.t-entry]
pattern = "asyncio.run($MAIN)"
message = "ai.run_main($MAIN)"
fix = "ai.run_main($MAIN)"
[tool.pyguide.custom-rules.t-print]
pattern = "print($$$ARGS)"
message = "log $$$ARGS"
[tool.pyguide.custom-rules.t-env]
pattern = "os.environ[$NAME]"
where.NAME = { not-regex = "GENKIT_" }
message = "GENKIT_ prefix, not $NAME"
[tool.pyguide.custom-rules.t-same]
pattern = "$A == $A"
message = "$A with itself"
[tool.pyguide.custom-rules.t-region]
pattern = "$F($$$, location=$LOC, $$$)"
where.LOC = { not-regex = "us-central1" }
message = "us-central1, not $LOC"
[tool.pyguide.custom-rules.t-logger]
pattern = "logging.getLogger($$$)"
message = "structlog"
[tool.pyguide.custom-rules.t-sleep]
pattern = "time.sleep($S)"
message = "await asyncio.sleep($S)"
[tool.pyguide.custom-rules.t-swallow]
pattern = "try:\\n    $$$BODY\\nexcept Exception:\\n    pass"
message = "swallowed"
[tool.pyguide.custom-rules.t-get-default]
pattern = "$D.get($K, '')"
message = "fail fast on $K"
[tool.pyguide.custom-rules.t-todo]
query = '((comment) @finding (#match? @finding "^# TODO[^(]"))'
message = "TODO(owner)"
`;
