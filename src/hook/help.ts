// `airlock hook --help`: every harness, how to install the hook there, and what each of
// airlock's decisions becomes in that harness.

export const hookHelp = `Usage: airlock hook [--harness NAME] < payload.json

The pre-tool-use hook for AI coding agents. The harness runs it before each tool call with
its JSON payload on stdin; airlock judges shell commands exactly as 'airlock check' does,
records the call in the audit log, and answers in that harness's own format. The harness
runs (or does not run) the command; the hook runs nothing. Other tools (file edits, web
fetch, MCP tools) get no decision. A payload that cannot be read is blocked.

Without --harness the dialect is recognized from the payload's shape. With --harness, a
payload from a harness known to run that harness's hook file (VS Code runs Claude Code's and
Copilot's files; Goose can run Claude Code's) is answered in its own dialect.

Options:
  --harness NAME  claude-code, codex, gemini, agy, cursor, copilot, vscode, opencode,
                  goose, openhands, cline
  -h, --help      show this help

'airlock init --harness NAME' writes these files for you (merging, never clobbering).

What each decision becomes ("queue" = refused with a request id: a person approves it with
'airlock approve ID' or in 'airlock inbox', then the agent re-runs the same command, which
the hook then lets through once):

  harness      allow                    approve                        deny / unreadable payload
  claude-code  no output (Claude's own  hookSpecificOutput             hookSpecificOutput deny;
               permission rules apply)  permissionDecision "ask"       unreadable: exit 2 + stderr
  codex        no output                queue (Codex runs the command  hookSpecificOutput deny + reason;
                                        on "ask")                      unreadable: exit 2 + stderr
  gemini       {}                       {"decision":"ask"}             {"decision":"deny"};
                                                                       unreadable: exit 2 + stderr
  agy          {"decision":"allow"}     {"decision":"force_ask"}       {"decision":"deny"}
  cursor       {}                       queue ({"permission":"deny"};  {"permission":"deny",
                                        cursor-agent ignores "ask")    "user_message","agent_message"}
  copilot      no output                {"permissionDecision":"ask"};  {"permissionDecision":"deny"}
                                        queue on the cloud agent
                                        (GITHUB_ACTIONS=true)
  vscode       no output                hookSpecificOutput "ask"       hookSpecificOutput deny;
                                                                       unreadable: exit 2 + stderr
  opencode     {"decision":"allow"}     queue                          {"decision":"deny","reason"}, exit 2
  goose        no output                queue                          exit 2 + reason on stderr
  openhands    no output                queue                          {"decision":"deny","reason"},
                                                                       exit 2 + stderr
  cline        {"cancel":false}         queue ({"cancel":true})        {"cancel":true,"errorMessage"}
                                                                       (cancel stops Cline's task)

Non-shell tools: the "allow" column. A payload matching no harness: exit 2 + stderr.

Installing by hand (use a PATH-resolvable 'airlock', never a machine-specific path):
  claude-code  .claude/settings.json: hooks.PreToolUse = [{"matcher": "Bash", "hooks":
               [{"type": "command", "command": "airlock hook --harness claude-code",
               "timeout": 30}]}]
  codex        .codex/hooks.json: {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks":
               [{"type": "command", "command": "airlock hook --harness codex",
               "timeout": 30}]}]}}; then trust it in Codex's /hooks
  gemini       .gemini/settings.json: hooks.BeforeTool = [{"matcher": "run_shell_command",
               "hooks": [{"name": "airlock", "type": "command",
               "command": "airlock hook --harness gemini", "timeout": 30000}]}]
  agy          .agents/hooks.json: {"airlock": {"PreToolUse": [{"matcher": "run_command",
               "hooks": [{"type": "command", "command": "airlock hook --harness agy"}]}]}}
  cursor       .cursor/hooks.json: {"version": 1, "hooks": {"beforeShellExecution":
               [{"command": "airlock hook --harness cursor", "timeout": 30,
               "failClosed": true}]}}
  copilot      .github/hooks/airlock.json: {"version": 1, "hooks": {"preToolUse":
               [{"type": "command", "bash": "airlock hook --harness copilot",
               "cwd": ".", "timeoutSec": 30}]}}
  vscode       reads .claude/settings.json and .github/hooks/*.json: install either of the
               above (its payloads are recognized and answered in its own format)
  opencode     .opencode/plugins/airlock.ts: in "tool.execute.before", run
               'airlock hook --harness opencode' with {"tool", "args", "sessionID", "cwd"}
               on stdin and throw new Error(reason) when it answers "deny" or exits non-zero
  goose        .agents/plugins/airlock/hooks/hooks.json: {"hooks": {"PreToolUse":
               [{"matcher": "developer__shell|shell", "hooks": [{"type": "command",
               "command": "airlock hook --harness goose", "timeout": 30,
               "on_failure": "block"}]}]}}
  openhands    .openhands/hooks.json: {"PreToolUse": [{"matcher": "terminal", "hooks":
               [{"type": "command", "command": "airlock hook --harness openhands",
               "timeout": 30}]}]}
  cline        .clinerules/hooks/PreToolUse (executable): #!/bin/sh
               exec airlock hook --harness cline

Exit status: as the harness expects (see above); 0 with --help.
`;
