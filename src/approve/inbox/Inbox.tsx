// `airlock inbox`: the pending requests, newest first, live; details, approve and deny by key,
// the typed name first for a destroy in production. The queue does the deciding.

import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { ConfirmInput } from '../prompt/ConfirmInput.js';
import { BlastPanel } from '../ui/BlastPanel.js';
import { Details } from '../ui/Details.js';
import { keyStyle, mutedStyle, warningStyle } from '../ui/theme.js';
import { InboxRow } from './InboxRow.js';
import { type InboxState, initialInboxState, pressInboxKey, selectedItem } from './inbox-state.js';
import type { InboxSource } from './source.js';
import { usePending } from './use-pending.js';

export const inboxReadyMarker = 'airlock inbox';

export interface InboxProps {
  source: InboxSource;
  pollMs?: number;
  bell: () => void;
  onQuit: () => void;
  now?: () => number;
}

function Keys({ items }: { items: [string, string][] }) {
  return (
    <Box flexWrap="wrap">
      {items.map(([key, action], i) => (
        <Box key={key} flexShrink={0}>
          <Text>
            {i > 0 ? <Text {...mutedStyle}> · </Text> : null}
            <Text {...keyStyle}>{key}</Text> {action}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

export function Inbox({ source, pollMs = 1000, bell, onQuit, now = Date.now }: InboxProps) {
  const pending = usePending(source, pollMs, bell);
  const [state, setState] = useState<InboxState>(initialInboxState);
  const items = pending.items;
  // Read at key time: Ink may still hold the handler of an earlier render when a key arrives.
  const latest = useRef({ state, items });
  latest.current = { state, items };
  useInput((input, key) => {
    const step = pressInboxKey(latest.current.state, { input, ...key }, latest.current.items);
    let next = step.state;
    if (step.action !== undefined) {
      const decided = source.decide(step.action.id, step.action.decision);
      next = { ...next, message: decided.message };
      pending.refresh();
    }
    latest.current = { ...latest.current, state: next };
    setState(next);
  });
  useEffect(() => {
    if (state.quit) onQuit();
  }, [state.quit, onQuit]);

  const item = selectedItem(state, items);
  const header = (
    <Box flexWrap="wrap" columnGap={1}>
      <Text bold>{inboxReadyMarker}</Text>
      <Text {...mutedStyle}>
        {items.length} pending{pollMs > 0 ? ', live' : ''}
      </Text>
    </Box>
  );
  const footer = (
    <Box flexDirection="column" marginTop={1}>
      {pending.error !== undefined ? (
        <Text {...warningStyle}>the queue cannot be read: {pending.error}</Text>
      ) : null}
      {state.message !== undefined ? <Text wrap="wrap">{state.message}</Text> : null}
      {state.screen === 'confirm' ? (
        <Keys
          items={[
            ['enter', 'approve'],
            ['esc', 'cancel'],
          ]}
        />
      ) : state.screen === 'details' ? (
        <Keys
          items={[
            ['a', 'approve'],
            ['d', 'deny'],
            ['esc', 'back'],
          ]}
        />
      ) : (
        <Keys
          items={[
            ['↑↓/jk', 'move'],
            ['enter', 'details'],
            ['a', 'approve'],
            ['d', 'deny'],
            ['q', 'quit'],
          ]}
        />
      )}
    </Box>
  );
  if (item !== undefined && state.screen === 'details') {
    return (
      <Box flexDirection="column">
        {header}
        <InboxRow item={item} selected now={now()} />
        <Box marginTop={1} flexDirection="column">
          <BlastPanel blastRadius={item.view.blastRadius} />
          <Text> </Text>
          <Details view={item.view} />
        </Box>
        {footer}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {header}
      <Box flexDirection="column" marginTop={1} rowGap={1}>
        {items.length === 0 ? (
          <Text {...mutedStyle}>
            Nothing is waiting for you. New requests appear here as agents make them.
          </Text>
        ) : (
          items.map((it) => <InboxRow key={it.id} item={it} selected={it.id === item?.id} now={now()} />)
        )}
      </Box>
      {state.screen === 'confirm' && item?.view.confirmation ? (
        <Box marginTop={1}>
          <ConfirmInput confirmation={item.view.confirmation} typed={state.typed} notice={undefined} />
        </Box>
      ) : null}
      {footer}
    </Box>
  );
}
