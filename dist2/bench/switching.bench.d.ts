import '../src/apps/index.js';
