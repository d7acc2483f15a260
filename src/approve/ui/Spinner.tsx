// A one-character spinner for measurements still running.

import { Text } from 'ink';
import { useTick } from './use-tick.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Spinner() {
  const tick = useTick(true);
  return <Text color="cyan">{frames[tick % frames.length]}</Text>;
}
