// One pending request in the list: id, environment, command, then rules, blast radius, who asked.

import { Box, Text } from 'ink';
import { CommandLine } from '../ui/CommandLine.js';
import { EnvBadge } from '../ui/EnvBadge.js';
import { mutedStyle } from '../ui/theme.js';
import type { InboxItem } from './source.js';

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function InboxRow({ item, selected, now }: { item: InboxItem; selected: boolean; now: number }) {
  const { view } = item;
  const rules = view.verdict.findings.filter((f) => f.decision !== 'allow').map((f) => f.rule);
  const who = view.actor.agent ?? view.actor.kind;
  const age = formatAge(now - Date.parse(view.requestedAt));
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Text color="cyan" bold>
          {selected ? '▸' : ' '}
        </Text>
      </Box>
      <Box flexDirection="column" flexShrink={1}>
        <Box flexWrap="wrap" columnGap={1}>
          <Text bold inverse={selected}>
            #{item.id}
          </Text>
          <EnvBadge environment={view.verdict.environment} />
        </Box>
        <CommandLine command={view.command} />
        <Text wrap="wrap" {...mutedStyle}>
          {rules.join(', ') || 'no rule'} · blast: {item.blastSummary} · {who} · {age} ago
        </Text>
      </Box>
    </Box>
  );
}
