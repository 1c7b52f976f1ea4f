/** Side-effect module for worker threads: registers every built-in app type (top-level await). */
import { loadBuiltins } from './builtin.js';
await loadBuiltins();
//# sourceMappingURL=builtin-register.js.map