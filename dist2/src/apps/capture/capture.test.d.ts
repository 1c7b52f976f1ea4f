import '../basic/index.js';
