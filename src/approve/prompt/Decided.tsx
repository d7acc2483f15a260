// What stays on the terminal once the person has answered: one line, plus why when a typed
// name did not match.

import { Box, Text } from 'ink';
import type { PromptOutcome } from '../types.js';
import { warningStyle } from '../ui/theme.js';

const deniedBy: Record<string, string> = {
  key: 'denied',
  escape: 'denied (esc)',
  interrupt: 'denied (ctrl-c)',
  'typed-mismatch': 'denied (the typed name did not match)',
};

export function Decided({
  outcome,
  command,
  notice,
}: {
  outcome: PromptOutcome;
  command: string;
  notice?: string;
}) {
  const approved = outcome.kind === 'approved';
  const label = approved
    ? 'approved once'
    : outcome.kind === 'denied'
      ? deniedBy[outcome.reason]
      : 'not asked';
  return (
    <Box flexDirection="column">
      {notice !== undefined && outcome.kind === 'denied' && outcome.reason === 'typed-mismatch' ? (
        <Text wrap="wrap" {...warningStyle}>
          {notice}
        </Text>
      ) : null}
      <Text wrap="truncate-end">
        <Text bold>airlock: </Text>
        <Text color={approved ? 'green' : 'red'} bold>
          {label}
        </Text>
        <Text dimColor> · {command}</Text>
      </Text>
    </Box>
  );
}
