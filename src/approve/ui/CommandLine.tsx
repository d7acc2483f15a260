// The command being asked about, program, flags and targets each in their own style.

import { Text } from 'ink';
import { tokenStyle } from './theme.js';
import { tokenizeCommand } from './tokenize-command.js';

export function CommandLine({ command }: { command: string }) {
  const tokens = tokenizeCommand(command);
  return (
    <Text wrap="wrap">
      <Text dimColor>$ </Text>
      {tokens.map((token, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional and never reorder
        <Text key={i} {...tokenStyle[token.kind]}>
          {token.text}
        </Text>
      ))}
    </Text>
  );
}
