// The styles the approval UI uses, by role, so every screen shows the same thing the same way.
// Nothing here may carry meaning by color alone: NO_COLOR strips it all.

import type { TextProps } from 'ink';
import type { Decision, EnvironmentName } from '../../decide/verdict.js';
import type { TokenKind } from './tokenize-command.js';

export const tokenStyle: Record<TokenKind, TextProps> = {
  program: { bold: true, color: 'cyan' },
  assignment: { color: 'magenta' },
  flag: { color: 'yellow' },
  target: { bold: true, underline: true },
  operator: { dimColor: true },
  space: {},
};

/** PRODUCTION in capitals and inverse red: it has to stand out even without color. */
export const environmentBadge: Record<EnvironmentName, { label: string; style: TextProps }> = {
  prod: { label: ' PRODUCTION ', style: { inverse: true, bold: true, color: 'red' } },
  staging: { label: ' staging ', style: { inverse: true, color: 'yellow' } },
  unknown: { label: ' unknown env ', style: { color: 'yellow' } },
  dev: { label: ' dev ', style: { dimColor: true } },
  local: { label: ' local ', style: { dimColor: true } },
};

export const decisionMark: Record<Decision, { mark: string; style: TextProps }> = {
  deny: { mark: '✗', style: { color: 'red', bold: true } },
  approve: { mark: '!', style: { color: 'yellow', bold: true } },
  allow: { mark: '✓', style: { color: 'green' } },
};

export const recoverabilityStyle: Record<string, TextProps> = {
  recoverable: { color: 'green' },
  'not recoverable': { color: 'red', bold: true },
  unknown: { color: 'yellow' },
};

export const headingStyle: TextProps = { bold: true };
export const mutedStyle: TextProps = { dimColor: true };
export const keyStyle: TextProps = { bold: true, color: 'cyan' };
export const warningStyle: TextProps = { color: 'red', bold: true };
