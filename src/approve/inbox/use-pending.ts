// The pending requests, polled from the store; rings the bell when a new one arrives (not for
// the ones already waiting when the screen opened).

import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxItem, InboxSource } from './source.js';

export interface Pending {
  items: InboxItem[];
  error?: string;
  refresh: () => void;
}

export function usePending(source: InboxSource, pollMs: number, bell: () => void): Pending {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [error, setError] = useState<string>();
  const newest = useRef<number | undefined>(undefined);
  const refresh = useCallback(() => {
    const listed = source.listPending();
    if (!listed.ok) {
      setError(listed.message);
      return;
    }
    setError(undefined);
    const top = listed.items.reduce((max, item) => Math.max(max, item.id), 0);
    if (newest.current !== undefined && top > newest.current) bell();
    newest.current = Math.max(newest.current ?? 0, top);
    setItems(listed.items);
  }, [source, bell]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, pollMs);
    return () => clearInterval(timer);
  }, [refresh, pollMs]);
  return { items, error, refresh };
}
