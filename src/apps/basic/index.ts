/** Built-in basic apps: generator, sink, null. Importing this module registers them. */
import { registerApp } from '../../core/registry.js';
import { Generator, generatorSchema } from './generator.js';
import { Sink, NullPort, sinkSchema } from './sink.js';

registerApp('gen', Generator, { schema: generatorSchema, description: 'UDP traffic generator (size, flows, rate, count)' });
registerApp('sink', Sink, { schema: sinkSchema, description: 'counts and verifies generator sequence numbers' });
registerApp('null', NullPort, { schema: { type: 'object' }, description: 'discards everything' });

export { Generator, Sink, NullPort };
