// The opencode plugin init writes to .opencode/plugins/airlock.ts. It speaks the payload
// src/hook/dialects/opencode.ts reads ({tool, args, sessionID, cwd}) and blocks unless the
// answer is {"decision":"allow"} with exit 0; its shell.env hook puts the shims first in PATH.
// Written as plain JavaScript syntax so it loads whether opencode strips types or not.

import { stamped } from './owned-file.js';

const body = `// airlock: every bash command the agent runs is judged by \`airlock hook --harness opencode\`
// first; anything but an explicit allow (a refusal, a wait for a person, a crash) blocks it.
import { spawnSync } from "node:child_process";

let shimLine;
function shimDir() {
  // The shim directory as airlock itself reports it ("export PATH=\\"DIR:$PATH\\"").
  if (shimLine === undefined) {
    const out = spawnSync("airlock", ["shims", "path", "--shell", "sh"], { encoding: "utf8" });
    shimLine = out.status === 0 ? out.stdout.trim() : "";
  }
  const match = /^export PATH="(.*):\\$PATH"$/.exec(shimLine);
  return match ? match[1].replace(/\\\\(.)/g, "$1") : undefined;
}

export const AirlockPlugin = async ({ directory }) => ({
  "tool.execute.before": async (input, output) => {
    if (input.tool !== "bash") return;
    const payload = JSON.stringify({
      tool: input.tool,
      args: output.args,
      sessionID: input.sessionID,
      cwd: directory,
    });
    const run = spawnSync("airlock", ["hook", "--harness", "opencode"], {
      input: payload,
      encoding: "utf8",
      env: { ...process.env, AIRLOCK_AGENT: "opencode" },
    });
    if (run.error) throw new Error(\`airlock could not judge this command (\${run.error.message}); it was not run.\`);
    let answer;
    try {
      answer = JSON.parse(run.stdout);
    } catch {
      answer = undefined;
    }
    if (run.status === 0 && answer && answer.decision === "allow") return;
    throw new Error((answer && answer.reason) || run.stderr.trim() || "airlock blocked this command.");
  },
  "shell.env": async (_input, output) => {
    const dir = shimDir();
    if (dir) output.env.PATH = \`\${dir}:\${output.env.PATH ?? process.env.PATH ?? ""}\`;
    output.env.AIRLOCK_AGENT = "opencode";
  },
});
`;

export function opencodePlugin(): string {
  return stamped('//', body);
}
