const express = require('express');
const request = require('supertest');

describe('health', () => {
  it('answers', async () => {
    const app = express();
    app.get('/health', (req, res) => res.send('ok'));
    await request(app).get('/health').expect(200);
  });
});
