// The environment a command acts on, as a badge; production is loud, local is quiet.

import { Text } from 'ink';
import type { Environment } from '../../decide/verdict.js';
import { environmentBadge } from './theme.js';

export function EnvBadge({
  environment,
  withSource = false,
}: {
  environment: Environment;
  withSource?: boolean;
}) {
  const badge = environmentBadge[environment.name] ?? environmentBadge.unknown;
  return (
    <Text>
      <Text {...badge.style}>{badge.label}</Text>
      {environment.value !== undefined && environment.value !== '' ? <Text> {environment.value}</Text> : null}
      {withSource ? <Text dimColor> ({environment.source})</Text> : null}
    </Text>
  );
}
