const helmet = require('helmet');
const request = require('supertest');
const app = require('../src/app');

app.use(helmet());

it('lists todos', () => request(app).get('/todos').expect(200));
