import '../src/drivers/vhost-user/index.js';
