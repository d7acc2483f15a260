// The details view: every finding in full, the parsed invocation behind it, and the raw output
// of each measurement, for a person who wants to see exactly what airlock saw.

import { Box, Text } from 'ink';
import type { InvocationView } from '../../classify/finding.js';
import type { DecidedFinding } from '../../decide/verdict.js';
import type { ApprovalView } from '../types.js';
import { EnvBadge } from './EnvBadge.js';
import { headingStyle, mutedStyle } from './theme.js';

function flagText(flags: InvocationView['flags']): string {
  const parts: string[] = [];
  for (const [name, values] of Object.entries(flags)) {
    for (const value of values) parts.push(value === '' ? `--${name}` : `--${name} ${value}`);
  }
  return parts.length === 0 ? '(none)' : parts.join(' ');
}

function Field({ name, value }: { name: string; value: string }) {
  return (
    <Text wrap="wrap">
      <Text {...mutedStyle}>{name}: </Text>
      {value}
    </Text>
  );
}

function InvocationDetails({ invocation }: { invocation: InvocationView }) {
  const targets = invocation.targets.map((t) => {
    const name = t.value ?? t.pattern ?? `(${t.dynamic ?? 'dynamic'})`;
    const traits = t.traits.length > 0 ? ` [${t.traits.join(', ')}]` : '';
    return `${t.kind} ${name}${t.resolved && t.resolved !== t.value ? ` → ${t.resolved}` : ''}${traits}`;
  });
  const hints = invocation.envHints.map((h) => `${h.kind} ${h.value ?? '(unknown)'} from ${h.source}`);
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Field
        name="tool"
        value={`${invocation.tool} (program ${invocation.program})${invocation.remote ? ` on ${invocation.remote}` : ''}`}
      />
      <Field name="subcommand" value={invocation.subcommand.join(' ') || '(none)'} />
      <Field name="flags" value={flagText(invocation.flags)} />
      <Field name="targets" value={targets.join('; ') || '(none)'} />
      <Field name="env hints" value={hints.join('; ') || '(none)'} />
      {invocation.unknowns.length > 0 ? (
        <Field name="unknown" value={invocation.unknowns.join('; ')} />
      ) : null}
    </Box>
  );
}

function FindingDetails({ finding }: { finding: DecidedFinding }) {
  return (
    <Box flexDirection="column" paddingLeft={1} marginBottom={1}>
      <Text wrap="wrap">
        <Text bold>{finding.rule}</Text>
        <Text {...mutedStyle}>
          {' '}
          pack {finding.pack} · {finding.effect} · {finding.decision}
          {finding.catastrophic ? ' · catastrophic' : ''}
        </Text>
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        <Field name="reason" value={finding.reason} />
        <Field name="decision" value={finding.why} />
        <Text wrap="wrap">
          <Text {...mutedStyle}>environment: </Text>
          <EnvBadge environment={finding.environment} withSource />
        </Text>
        <Field name="from" value={finding.command} />
        {finding.alternatives.map((alternative) => (
          <Field key={alternative} name="instead" value={alternative} />
        ))}
      </Box>
      <InvocationDetails invocation={finding.invocation} />
    </Box>
  );
}

export function Details({ view }: { view: ApprovalView }) {
  const measurements = view.blastRadius?.measurements ?? [];
  return (
    <Box flexDirection="column">
      <Text {...headingStyle}>Findings</Text>
      {view.verdict.findings.map((finding, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same rule can match twice in one line
        <FindingDetails key={i} finding={finding} />
      ))}
      {view.verdict.unknowns.length > 0 ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text {...headingStyle}>Not understood</Text>
          {view.verdict.unknowns.map((u, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain list
            <Text key={i} wrap="wrap">
              {' '}
              {JSON.stringify(u)}
            </Text>
          ))}
        </Box>
      ) : null}
      <Text {...headingStyle}>Measurements</Text>
      {measurements.length === 0 ? <Text {...mutedStyle}> none</Text> : null}
      {measurements.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: measurements keep their order
        <Box key={i} flexDirection="column" paddingLeft={1}>
          <Text wrap="wrap">
            <Text bold>{m.probe}</Text>
            <Text {...mutedStyle}>
              {' '}
              {m.status}
              {m.elapsedMs !== undefined ? ` in ${m.elapsedMs} ms` : ''}
            </Text>
          </Text>
          {m.recovery ? <Field name="  recovery" value={m.recovery} /> : null}
          {(m.items ?? []).slice(0, 10).map((item) => (
            <Text key={item} wrap="truncate-middle">
              {'   '}
              {item}
            </Text>
          ))}
          <Text wrap="wrap">{indent(m.raw ?? m.reason ?? '(no raw output)')}</Text>
        </Box>
      ))}
      <Box marginTop={1}>
        <Field
          name="asked by"
          value={`${view.actor.kind}${view.actor.agent ? ` (${view.actor.agent})` : ''}: ${view.actor.reason}`}
        />
      </Box>
    </Box>
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
