// A counter that advances on a timer while `active`, for spinners; stops when nothing is pending.

import { useEffect, useState } from 'react';

export function useTick(active: boolean, everyMs = 80): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return tick;
}
