// Each finding on one block: the mark of its decision, the rule id, its decision, and why.

import { Box, Text } from 'ink';
import type { DecidedFinding } from '../../decide/verdict.js';
import { decisionMark, mutedStyle } from './theme.js';

export function FindingLine({ finding }: { finding: DecidedFinding }) {
  const mark = decisionMark[finding.decision];
  const quiet = finding.decision === 'allow';
  return (
    <Box>
      <Box width={3} flexShrink={0}>
        <Text {...mark.style}> {mark.mark}</Text>
      </Box>
      <Box flexDirection="column" flexShrink={1}>
        <Text wrap="wrap">
          <Text bold={!quiet} dimColor={quiet}>
            {finding.rule}
          </Text>
          <Text {...mutedStyle}>
            {'  '}
            {finding.effect} · {finding.decision}
          </Text>
        </Text>
        <Text wrap="wrap" dimColor={quiet}>
          {finding.reason}
        </Text>
      </Box>
    </Box>
  );
}

export function Findings({ findings }: { findings: readonly DecidedFinding[] }) {
  if (findings.length === 0) return <Text {...mutedStyle}> no rule matched</Text>;
  return (
    <Box flexDirection="column">
      {findings.map((finding, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same rule can match twice in one line
        <FindingLine key={i} finding={finding} />
      ))}
    </Box>
  );
}
