// The terminal's width, kept current on resize: re-rendering on 'resize' also makes Ink lay
// the frame out again at the new width, whatever Ink's own resize handling does.

import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => stdout.columns || 80);
  useEffect(() => {
    const onResize = () => setColumns(stdout.columns || 80);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return columns;
}

/** Below this width, side-by-side pieces stack. */
export const narrowColumns = 60;
