// Reading fields out of a harness payload without trusting its shape: every field may be
// missing or of the wrong type, and each such case becomes a malformed call, never a throw.

import type { HookCall } from './types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined when it is absent or not an object. */
export function objectAt(from: unknown, key: string): JsonObject | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return isObject(value) ? value : undefined;
}

/** The string at `key`, or undefined when it is absent or not a string. */
export function stringAt(from: unknown, key: string): string | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return typeof value === 'string' ? value : undefined;
}

/** The first string of an array at `key` (workspace roots). */
export function firstStringAt(from: unknown, key: string): string | undefined {
  if (!isObject(from)) return undefined;
  const value = from[key];
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

export function malformed(reason: string): HookCall {
  return { kind: 'malformed', reason };
}

/**
 * A shell tool call: the command must be a non-empty string. A harness that sends anything
 * else is confused or being fed something odd, and a confused call is blocked.
 */
export function shellCall(tool: string, command: unknown, cwd: string | undefined, where: string): HookCall {
  if (command === undefined) return malformed(`no ${where} in the payload`);
  if (typeof command !== 'string') return malformed(`${where} is not a string`);
  if (command.trim() === '') return malformed(`${where} is empty`);
  return { kind: 'shell', tool, command, cwd };
}

export interface ToolPayloadShape {
  toolKey: string;
  inputKey: string;
  commandKey: string;
  cwd: string | undefined;
  shellTools: readonly string[];
}

/** The common shape `{tool_name, tool_input: {command}}` most harnesses share, in their spellings. */
export function readToolPayload(payload: unknown, shape: ToolPayloadShape): HookCall {
  if (!isObject(payload)) return malformed('the payload is not a JSON object');
  const tool = payload[shape.toolKey];
  if (typeof tool !== 'string' || tool === '') return malformed(`no ${shape.toolKey} string in the payload`);
  if (!shape.shellTools.includes(tool)) return { kind: 'other-tool', tool };
  const input = payload[shape.inputKey];
  if (!isObject(input)) return malformed(`${shape.inputKey} is not an object`);
  return shellCall(tool, input[shape.commandKey], shape.cwd, `${shape.inputKey}.${shape.commandKey}`);
}
