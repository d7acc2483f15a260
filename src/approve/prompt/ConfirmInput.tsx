// Typed confirmation for a destroy in production: the person types the target's name.

import { Box, Text } from 'ink';
import type { TypedConfirmation } from '../types.js';
import { warningStyle } from '../ui/theme.js';

export function ConfirmInput({
  confirmation,
  typed,
  notice,
}: {
  confirmation: TypedConfirmation;
  typed: string;
  notice: string | undefined;
}) {
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        To approve, type the {confirmation.what} name <Text bold>{confirmation.expected}</Text> and press
        Enter:
      </Text>
      <Text>
        <Text color="cyan">{'> '}</Text>
        {typed}
        <Text color="cyan">▌</Text>
      </Text>
      {notice !== undefined ? (
        <Text wrap="wrap" {...warningStyle}>
          {notice}
        </Text>
      ) : null}
    </Box>
  );
}
