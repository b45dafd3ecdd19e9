module.exports = async function (fastify) {
  fastify.get('/items', async () => fastify.db.items.all());
  fastify.post('/items', { onRequest: [fastify.authenticate] }, async (request) => fastify.db.items.add(request.body));
  fastify.put('/items/:id', { onRequest: [fastify.authenticate], schema: { params: { id: { type: 'integer' } } } }, async (request) => fastify.db.items.update(request.params.id, request.body));
  fastify.delete('/items/:id', async (request) => fastify.db.items.remove(request.params.id)); // expect: missing-auth
};
