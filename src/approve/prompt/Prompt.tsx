// The approval prompt: what would run, where, what it matches, how much it would destroy, and
// the keys. It resolves one PromptOutcome through onDecide and never runs anything.

import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { ApprovalView, PromptOutcome } from '../types.js';
import { BlastPanel } from '../ui/BlastPanel.js';
import { CommandLine } from '../ui/CommandLine.js';
import { Details } from '../ui/Details.js';
import { EnvBadge } from '../ui/EnvBadge.js';
import { Findings } from '../ui/Findings.js';
import { headingStyle, mutedStyle } from '../ui/theme.js';
import { ConfirmInput } from './ConfirmInput.js';
import { Decided } from './Decided.js';
import { HelpScreen } from './HelpScreen.js';
import { KeyBar } from './KeyBar.js';
import { promptReadyMarker } from './marker.js';
import { initialPromptState, type KeyPress, type PromptState, pressKey } from './prompt-state.js';
import { type SubscribeBlastRadius, useBlastRadius } from './use-blast-radius.js';

export interface PromptProps {
  view: ApprovalView;
  subscribe?: SubscribeBlastRadius;
  onDecide: (outcome: PromptOutcome) => void;
  /** For this long after it appears, only the denying keys work (typed-ahead keys must not approve). */
  armMs?: number;
}

/**
 * A pasted name, or a name typed faster than the terminal is read, arrives as one chunk
 * (`prod\r`): into the name field it goes key by key. Elsewhere a chunk is not a key press.
 */
function splitTyped(input: string, key: Omit<KeyPress, 'input'>): KeyPress[] {
  if (input.length <= 1 || key.ctrl || key.meta) return [{ input, ...key }];
  return [...input].map((ch) =>
    ch === '\r' || ch === '\n'
      ? { input: '', return: true }
      : ch === '\u007f'
        ? { input: '', backspace: true }
        : { input: ch },
  );
}

function useArmed(armMs: number): { current: boolean } {
  const armed = useRef(armMs <= 0);
  useEffect(() => {
    if (armMs <= 0) return;
    const timer = setTimeout(() => {
      armed.current = true;
    }, armMs);
    return () => clearTimeout(timer);
  }, [armMs]);
  return armed;
}

export function Prompt({ view, subscribe, onDecide, armMs = 0 }: PromptProps) {
  const [state, setState] = useState<PromptState>(initialPromptState);
  const blastRadius = useBlastRadius(view.blastRadius, subscribe);
  const armed = useArmed(armMs);
  useInput((input, key) => {
    const presses = view.confirmation === undefined ? [{ input, ...key }] : splitTyped(input, key);
    setState((s) =>
      presses.reduce((acc, press) => pressKey(acc, press, view.confirmation, armed.current), s),
    );
  });
  useEffect(() => {
    if (state.outcome !== undefined) onDecide(state.outcome);
  }, [state.outcome, onDecide]);

  if (state.outcome !== undefined) {
    return <Decided outcome={state.outcome} command={view.command} notice={state.notice} />;
  }
  const shown = { ...view, blastRadius };
  return (
    <Box flexDirection="column">
      <Box flexWrap="wrap" columnGap={1}>
        <Text bold>{promptReadyMarker}</Text>
        <EnvBadge environment={view.verdict.environment} />
      </Box>
      <CommandLine command={view.command} />
      <Text {...mutedStyle} wrap="truncate-middle">
        {'  in '}
        {view.cwd}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {state.screen === 'main' ? (
          <>
            <Findings findings={view.verdict.findings} />
            <Box marginTop={1}>
              <BlastPanel blastRadius={blastRadius} />
            </Box>
            <Box marginTop={1}>
              <Text wrap="wrap">
                <Text {...headingStyle}>Undo: </Text>
                {view.rollback === 'no undo' ? <Text color="red">no undo</Text> : view.rollback}
              </Text>
            </Box>
          </>
        ) : state.screen === 'details' ? (
          <Details view={shown} />
        ) : (
          <HelpScreen confirmation={view.confirmation} />
        )}
      </Box>
      {view.confirmation !== undefined && state.screen !== 'help' ? (
        <Box marginTop={1}>
          <ConfirmInput confirmation={view.confirmation} typed={state.typed} notice={state.notice} />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <KeyBar screen={state.screen} typed={view.confirmation !== undefined} />
      </Box>
    </Box>
  );
}
