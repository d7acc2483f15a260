// The full bundle (dist/airlock-full.cjs): every command, and `cold` with all it reaches. The
// start-up bundle hands runs over to `main` here and borrows `cold` (see cold-handover.ts).

export { main, start } from './cli.js';
export { cold } from './cold.js';
