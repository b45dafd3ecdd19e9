module.exports = async function (fastify) {
  fastify.addHook('onRequest', fastify.authenticate);
  fastify.get('/users', async () => fastify.db.users.all());
  fastify.route({ method: 'DELETE', url: '/users/:id', handler: async (request) => fastify.db.users.remove(request.params.id) });
};
