import '../basic/index.js';
import './index.js';
