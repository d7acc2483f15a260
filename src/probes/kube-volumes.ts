// PersistentVolumeClaims among deleted objects: which volumes go with them, because the
// volume's reclaim policy is Delete, and which are kept (Retain) for a person to recover.

import { type KubeObject, objectsOf } from './kube-args.js';
import type { ProbeContext } from './types.js';

export interface ClaimFate {
  claim: string;
  volume?: string;
  policy?: string;
  /** True when the volume and its data are deleted with the claim. */
  dataLost: boolean;
}

export async function claimFates(
  claims: readonly KubeObject[],
  connection: string[],
  ctx: ProbeContext,
): Promise<ClaimFate[]> {
  if (claims.length === 0) return [];
  const listed = await ctx.exec('kubectl', ['get', 'persistentvolumes', '-o', 'json', ...connection]);
  const volumes = listed.code === 0 ? objectsOf(listed.stdout) : [];
  return claims.map((claim) => {
    const name = `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? '?'}`;
    const volumeName = (claim.spec as { volumeName?: string } | undefined)?.volumeName;
    const volume = volumes.find((v) => v.metadata?.name === volumeName);
    const policy = (volume?.spec as { persistentVolumeReclaimPolicy?: string } | undefined)
      ?.persistentVolumeReclaimPolicy;
    // An unknown volume counts as lost: Delete is the default of dynamically provisioned volumes.
    return {
      claim: name,
      ...(volumeName ? { volume: volumeName } : {}),
      ...(policy ? { policy } : {}),
      dataLost: policy !== 'Retain' && policy !== 'Recycle',
    };
  });
}

export function describeFates(fates: readonly ClaimFate[]): string[] {
  return fates.map((f) =>
    f.dataLost
      ? `volume ${f.volume ?? '(unbound)'} of claim ${f.claim} is deleted with it (reclaim policy ${f.policy ?? 'unknown'}): data lost`
      : `volume ${f.volume} of claim ${f.claim} is kept (reclaim policy ${f.policy})`,
  );
}
