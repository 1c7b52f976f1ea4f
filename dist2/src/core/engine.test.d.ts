import '../apps/basic/index.js';
