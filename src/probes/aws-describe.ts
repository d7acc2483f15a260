// aws-describe: other aws destroys name their targets. For the operations one describe call
// can tell about (ec2 instances, rds instances and clusters, dynamodb tables, ebs volumes and
// snapshots), what the command would delete, its protection, and what recovery remains.

import type { Invocation } from '../tools/invocation.js';
import { type ProbeResult, unknownResult } from './aws-describe-call.js';
import { measureTable } from './aws-describe-dynamodb.js';
import { measureSnapshot, measureVolume } from './aws-describe-ebs.js';
import { measureInstances } from './aws-describe-ec2.js';
import { measureDatabase } from './aws-describe-rds.js';
import { registerProbe } from './registry.js';
import type { ProbeContext } from './types.js';

type Measure = (invocation: Invocation, ctx: ProbeContext) => Promise<ProbeResult>;

const byOperation: Record<string, Measure> = {
  'ec2 terminate-instances': measureInstances,
  'ec2 stop-instances': measureInstances,
  'ec2 delete-volume': measureVolume,
  'ec2 delete-snapshot': measureSnapshot,
  'rds delete-db-instance': measureDatabase,
  'rds delete-db-cluster': measureDatabase,
  'dynamodb delete-table': measureTable,
};

registerProbe({
  name: 'aws-describe',
  measure: async ({ invocation }, ctx) => {
    const operation = invocation.subcommand.join(' ');
    const measure = byOperation[operation];
    if (measure === undefined) return unknownResult(`no describe call is known for aws ${operation}`);
    // Ids that only exist at run time (`--instance-ids $IDS`, xargs) cannot be described now.
    const dynamic = invocation.command.argv.find((word) => word.value === undefined);
    if (dynamic !== undefined) return unknownResult(`${dynamic.text} is not known before it runs`);
    if (invocation.facts['aws.arguments-from-input'] === true)
      return unknownResult('its arguments come from input, not known before it runs');
    if (invocation.flags['cli-input-json'] !== undefined || invocation.flags['cli-input-yaml'] !== undefined)
      return unknownResult('its parameters come from --cli-input-json/yaml');
    return measure(invocation, ctx);
  },
});
