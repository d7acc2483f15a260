// Reads `terraform show -json PLAN`: what the plan creates, updates, replaces and destroys,
// with addresses, and which of those resources hold data that a destroy loses.

export interface PlanChanges {
  create: string[];
  update: string[];
  replace: string[];
  destroy: string[];
  /** Addresses of destroyed or replaced resources whose type holds data. */
  stateful: string[];
}

interface ResourceChange {
  address?: string;
  type?: string;
  change?: { actions?: string[] };
}

/** Resource types whose destruction loses data (databases, buckets, disks, volumes). */
export function isStatefulType(type: string): boolean {
  if (type === 'terraform_data' || type === 'null_resource') return false;
  const exact = [
    'aws_db_instance',
    'aws_rds_cluster',
    'aws_rds_cluster_instance',
    'aws_s3_bucket',
    'aws_dynamodb_table',
    'aws_efs_file_system',
    'aws_elasticache_cluster',
    'aws_elasticache_replication_group',
    'aws_redshift_cluster',
    'aws_docdb_cluster',
    'aws_neptune_cluster',
    'aws_opensearch_domain',
    'aws_elasticsearch_domain',
    'aws_kinesis_stream',
    'aws_sqs_queue',
    'aws_secretsmanager_secret',
    'aws_kms_key',
    'google_sql_database_instance',
    'google_sql_database',
    'google_storage_bucket',
    'google_bigquery_dataset',
    'google_bigquery_table',
    'google_spanner_instance',
    'google_spanner_database',
    'google_bigtable_instance',
    'google_filestore_instance',
    'google_redis_instance',
    'azurerm_storage_account',
    'azurerm_storage_container',
    'azurerm_cosmosdb_account',
    'azurerm_key_vault',
  ];
  if (exact.includes(type)) return true;
  if (
    type.startsWith('azurerm_') &&
    (type.endsWith('_database') || type.includes('_database_') || type.endsWith('_server'))
  )
    return true;
  if (type.startsWith('kubernetes_persistent_volume')) return true;
  return (
    type.endsWith('_volume') || type.endsWith('_disk') || type.includes('_volume_') || type.includes('_disk_')
  );
}

export function readPlan(json: string): PlanChanges {
  const plan = JSON.parse(json) as { resource_changes?: ResourceChange[] };
  const out: PlanChanges = { create: [], update: [], replace: [], destroy: [], stateful: [] };
  for (const rc of plan.resource_changes ?? []) {
    const actions = rc.change?.actions ?? [];
    const address = rc.address ?? '?';
    let losesData = false;
    if (actions.includes('delete') && actions.includes('create')) {
      out.replace.push(address);
      losesData = true;
    } else if (actions.includes('delete')) {
      out.destroy.push(address);
      losesData = true;
    } else if (actions.includes('create')) out.create.push(address);
    else if (actions.includes('update')) out.update.push(address);
    if (losesData && isStatefulType(rc.type ?? '')) out.stateful.push(address);
  }
  return out;
}

/** Addresses named by a plan that refused to destroy a `prevent_destroy` resource. */
export function preventDestroyAddresses(output: string): string[] {
  const flat = output.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
  const found: string[] = [];
  const pattern = /Resource (\S+) has lifecycle\.prevent_destroy set/g;
  for (let m = pattern.exec(flat); m !== null; m = pattern.exec(flat))
    if (!found.includes(m[1] as string)) found.push(m[1] as string);
  return found;
}

/** `Plan: 1 to add, 2 to change, 3 to destroy.` from plan's text output. */
export function planLineCounts(output: string): { add: number; change: number; destroy: number } | undefined {
  const m = /Plan: (\d+) to add, (\d+) to change, (\d+) to destroy/.exec(output);
  return m === null ? undefined : { add: Number(m[1]), change: Number(m[2]), destroy: Number(m[3]) };
}
