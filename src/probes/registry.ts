// Which probe measures what: rules name a probe in their `probe:` field; this maps the
// name to its implementation. Probe modules register themselves here in one line each.

import type { Probe } from './types.js';

const probes = new Map<string, Probe>();

export function registerProbe(probe: Probe): void {
  probes.set(probe.name, probe);
}

export function probeNamed(name: string): Probe | undefined {
  return probes.get(name);
}

export function registeredProbes(): string[] {
  return [...probes.keys()].sort();
}
