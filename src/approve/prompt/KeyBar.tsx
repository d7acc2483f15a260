// The keys line at the bottom of the prompt, for the screen it is on.

import { Box, Text } from 'ink';
import { keyStyle, mutedStyle } from '../ui/theme.js';
import type { PromptScreen } from './prompt-state.js';

type Keys = [key: string, action: string][];

function keysFor(screen: PromptScreen, typed: boolean): Keys {
  if (screen === 'help') return [['any key', 'back']];
  if (screen === 'details')
    return typed
      ? [
          ['tab', 'back'],
          ['esc', 'back'],
        ]
      : [
          ['d', 'back'],
          ['y', 'approve once'],
          ['n', 'deny'],
        ];
  if (typed)
    return [
      ['enter', 'confirm'],
      ['esc', 'deny'],
      ['tab', 'details'],
      ['?', 'help'],
    ];
  return [
    ['y', 'approve once'],
    ['n', 'deny'],
    ['d', 'details'],
    ['?', 'help'],
  ];
}

export function KeyBar({ screen, typed }: { screen: PromptScreen; typed: boolean }) {
  const keys = keysFor(screen, typed);
  return (
    <Box flexWrap="wrap">
      {keys.map(([key, action], i) => (
        // Each key and its action stay on one line; the bar wraps between them.
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
