import '../../src/apps/index.js';
import '../../src/drivers/af-packet/index.js';
