// The blast radius as it fills in: starts from the view's, replaced by each update the
// measuring side pushes through `subscribe`.

import { useEffect, useState } from 'react';
import type { BlastRadius } from '../types.js';

export type SubscribeBlastRadius = (listener: (b: BlastRadius) => void) => () => void;

export function useBlastRadius(
  initial: BlastRadius | undefined,
  subscribe: SubscribeBlastRadius | undefined,
): BlastRadius | undefined {
  const [blastRadius, setBlastRadius] = useState(initial);
  useEffect(() => {
    if (subscribe === undefined) return;
    return subscribe((next) => setBlastRadius(next));
  }, [subscribe]);
  return blastRadius;
}
