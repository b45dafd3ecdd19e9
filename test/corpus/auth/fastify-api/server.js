const fastify = require('fastify')({ logger: true });

fastify.register(require('./plugins/auth'));
fastify.register(require('./routes/health'));
fastify.register(require('./routes/items'), { prefix: '/api' });
fastify.register(require('./routes/admin'), { prefix: '/admin' });

fastify.listen({ port: 3000 });
