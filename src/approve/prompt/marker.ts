// The first words of every prompt frame: terminal tests and the benchmark wait for them.

export const promptReadyMarker = 'airlock: approval needed';
