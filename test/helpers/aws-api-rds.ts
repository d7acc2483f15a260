// The RDS half of the AWS stand-in: Query API actions over the stand-in's world, answered in
// RDS's XML with its error codes (DBInstanceNotFound, InvalidParameterCombination…).

import type { AwsWorld, Reply } from './aws-api.js';
import { dbClusterXml, dbInstanceXml, rdsError, rdsResponse } from './aws-api-xml.js';

const ok = (action: string, inner: string): Reply => ({ status: 200, body: rdsResponse(action, inner) });
const fail = (status: number, code: string, message: string): Reply => ({
  status,
  body: rdsError(code, message),
});

/** Final snapshot and automated backups, as DeleteDBInstance and DeleteDBCluster apply them. */
function deletion(params: URLSearchParams, clustered: boolean): { snapshot?: string; error?: Reply } {
  const skip = params.get('SkipFinalSnapshot') === 'true';
  const snapshot = params.get('FinalDBSnapshotIdentifier') ?? undefined;
  if (clustered) return {};
  if (skip && snapshot !== undefined)
    return {
      error: fail(
        400,
        'InvalidParameterCombination',
        'Cannot specify FinalDBSnapshotIdentifier with SkipFinalSnapshot',
      ),
    };
  if (!skip && snapshot === undefined)
    return {
      error: fail(
        400,
        'InvalidParameterCombination',
        'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
      ),
    };
  return snapshot === undefined ? {} : { snapshot };
}

export function handleRds(world: AwsWorld, action: string, params: URLSearchParams): Reply {
  switch (action) {
    case 'DescribeDBInstances': {
      const id = params.get('DBInstanceIdentifier');
      if (id === null)
        return ok(
          action,
          `<DBInstances>${[...world.dbInstances.values()].map(dbInstanceXml).join('')}</DBInstances>`,
        );
      const db = world.dbInstances.get(id);
      if (db === undefined) return fail(404, 'DBInstanceNotFound', `DBInstance ${id} not found.`);
      return ok(action, `<DBInstances>${dbInstanceXml(db)}</DBInstances>`);
    }
    case 'DescribeDBClusters': {
      const id = params.get('DBClusterIdentifier') ?? '';
      const cluster = world.dbClusters.get(id);
      if (cluster === undefined) return fail(404, 'DBClusterNotFoundFault', `DBCluster ${id} not found.`);
      return ok(action, `<DBClusters>${dbClusterXml(cluster)}</DBClusters>`);
    }
    case 'DeleteDBInstance': {
      const id = params.get('DBInstanceIdentifier') ?? '';
      const db = world.dbInstances.get(id);
      if (db === undefined) return fail(404, 'DBInstanceNotFound', `DBInstance ${id} not found.`);
      if (db.deletionProtection)
        return fail(
          400,
          'InvalidParameterCombination',
          'Cannot delete protected DB Instance, please disable deletion protection and try again.',
        );
      const plan = deletion(params, db.cluster !== undefined);
      if (plan.error !== undefined) return plan.error;
      if (plan.snapshot !== undefined) world.dbSnapshots.push(plan.snapshot);
      if (params.get('DeleteAutomatedBackups') === 'false' && db.backupRetention > 0)
        world.retainedBackups.push(id);
      world.dbInstances.delete(id);
      return ok(action, dbInstanceXml({ ...db, status: 'deleting' }));
    }
    case 'DeleteDBCluster': {
      const id = params.get('DBClusterIdentifier') ?? '';
      const cluster = world.dbClusters.get(id);
      if (cluster === undefined) return fail(404, 'DBClusterNotFoundFault', `DBCluster ${id} not found.`);
      if (cluster.deletionProtection)
        return fail(
          400,
          'InvalidParameterCombination',
          'Cannot delete protected Cluster, please disable deletion protection and try again.',
        );
      if (cluster.members.length > 0)
        return fail(
          400,
          'InvalidDBClusterStateFault',
          'Cluster cannot be deleted, it still contains DB instances in non-deleting state.',
        );
      const plan = deletion(params, false);
      if (plan.error !== undefined) return plan.error;
      if (plan.snapshot !== undefined) world.dbSnapshots.push(plan.snapshot);
      if (params.get('DeleteAutomatedBackups') === 'false' && cluster.backupRetention > 0)
        world.retainedBackups.push(id);
      world.dbClusters.delete(id);
      return ok(action, dbClusterXml({ ...cluster, status: 'deleting' }));
    }
    default:
      return fail(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  }
}
