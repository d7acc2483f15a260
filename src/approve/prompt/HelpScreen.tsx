// `?`: what each key does, and what approving means.

import { Box, Text } from 'ink';
import type { TypedConfirmation } from '../types.js';
import { headingStyle, keyStyle } from '../ui/theme.js';

function Row({ keys, text }: { keys: string; text: string }) {
  return (
    <Text wrap="wrap">
      {'  '}
      <Text {...keyStyle}>{keys.padEnd(12)}</Text>
      {text}
    </Text>
  );
}

export function HelpScreen({ confirmation }: { confirmation: TypedConfirmation | undefined }) {
  return (
    <Box flexDirection="column">
      <Text {...headingStyle}>Keys</Text>
      {confirmation === undefined ? (
        <>
          <Row keys="y" text="approve: the command runs once, as shown" />
          <Row keys="n" text="deny: nothing runs" />
          <Row keys="d" text="details: findings, parsed command, raw measurements" />
        </>
      ) : (
        <>
          <Row
            keys={`type + enter`}
            text={`approve: type the ${confirmation.what} name exactly, then Enter`}
          />
          <Row keys="tab" text="details: findings, parsed command, raw measurements" />
        </>
      )}
      <Row keys="esc, ctrl-c" text="deny: nothing runs" />
      <Row keys="?" text="this help" />
      <Box marginTop={1}>
        <Text wrap="wrap">
          Approving lets this one command run now. Denying stops it; the program is never started. Either way
          the decision is recorded in airlock's log.
          {confirmation !== undefined ? ' A name that does not match denies.' : ''}
        </Text>
      </Box>
    </Box>
  );
}
