// The blast radius: one line per measurement, a spinner while it runs, its summary and how
// recoverable it is when done, "unknown: <reason>" when it failed or timed out.

import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { BlastRadius, Measurement } from '../types.js';
import { Spinner } from './Spinner.js';
import { mutedStyle, recoverabilityStyle } from './theme.js';
import { narrowColumns, useColumns } from './use-columns.js';

/** A mark in its own column, so wrapped text hangs under the text, not under the mark. */
function Marked({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <Box>
      <Box width={3} flexShrink={0}>
        <Text> {mark}</Text>
      </Box>
      <Box flexDirection="column" flexShrink={1}>
        {children}
      </Box>
    </Box>
  );
}

export function MeasurementLine({ measurement }: { measurement: Measurement }) {
  const narrow = useColumns() < narrowColumns;
  if (measurement.status === 'pending') {
    return (
      <Marked mark={<Spinner />}>
        <Text>
          {measurement.probe} <Text {...mutedStyle}>measuring…</Text>
        </Text>
      </Marked>
    );
  }
  if (measurement.status === 'unknown') {
    return (
      <Marked mark={<Text color="yellow">?</Text>}>
        <Text wrap="wrap">
          {measurement.probe} <Text color="yellow">unknown: {measurement.reason ?? 'no result'}</Text>
        </Text>
      </Marked>
    );
  }
  const summary = `${measurement.capped ? 'at least ' : ''}${measurement.summary}`;
  const recoverability = (
    <Text {...(recoverabilityStyle[measurement.recoverability] ?? {})}>{measurement.recoverability}</Text>
  );
  return (
    <Marked mark={<Text color="green">✓</Text>}>
      <Box flexDirection={narrow ? 'column' : 'row'} columnGap={2}>
        <Text wrap="wrap">
          {measurement.probe}
          {'  '}
          <Text bold>{summary}</Text>
        </Text>
        {recoverability}
      </Box>
    </Marked>
  );
}

export function BlastPanel({ blastRadius }: { blastRadius: BlastRadius | undefined }) {
  const measurements = blastRadius?.measurements ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>Blast radius</Text>
      {measurements.length === 0 ? (
        <Text {...mutedStyle}> not measured</Text>
      ) : (
        measurements.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: measurements keep their order as they fill in
          <MeasurementLine key={i} measurement={m} />
        ))
      )}
    </Box>
  );
}
