import express from 'express';
import helmet from 'helmet';
import * as security from './lib/insecurity.mjs';
import { login } from './routes/login.mjs';
import { retrieveBasket } from './routes/basket.mjs';
import { createProductReviews, updateProductReviews } from './routes/productReviews.mjs';
import { retrieveAppConfiguration } from './routes/appConfiguration.mjs';
import { changePassword } from './routes/changePassword.mjs';
import { currentUser } from './routes/currentUser.mjs';

const app = express();
app.use(helmet());

app.use('/rest/basket', security.isAuthorized());
app.use('/rest/user/change-password', security.isAuthorized());
app.use('/api/Users/:id', security.isAuthorized());

app.post('/rest/user/login', login());
app.get('/rest/user/whoami', security.updateAuthenticatedUsers(), currentUser());
app.get('/rest/basket/:id', retrieveBasket());
app.get('/rest/user/change-password', changePassword());
app.put('/rest/products/:id/reviews', createProductReviews()); // expect: missing-auth
app.patch('/rest/products/reviews', security.isAuthorized(), updateProductReviews());
app.get('/rest/admin/application-configuration', retrieveAppConfiguration()); // expect: missing-auth
app.delete('/api/Products/:id', security.denyAll());
app.put('/api/Users/:id', (req, res) => res.json({ updated: req.params.id }));

export async function start() {
  app.listen(3000);
}
