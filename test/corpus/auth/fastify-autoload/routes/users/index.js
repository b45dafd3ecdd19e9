module.exports = async function (fastify, opts) {
  fastify.get('/', async function (request, reply) { // expect: missing-auth
    return fastify.db.users.findAll();
  });
  fastify.post('/', { onRequest: [fastify.authenticate] }, async function (request, reply) {
    return fastify.db.users.create(request.body);
  });
  fastify.delete('/:id', async function (request, reply) { // expect: missing-auth
    return fastify.db.users.remove(request.params.id);
  });
};
