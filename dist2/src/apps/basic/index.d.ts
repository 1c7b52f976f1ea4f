import { Generator } from './generator.js';
import { Sink, NullPort } from './sink.js';
export { Generator, Sink, NullPort };
