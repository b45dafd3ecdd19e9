import express from 'express';
import helmet from 'helmet';

const app = express();
app.use(helmet());
app.get('/v1/ping', (req, res) => res.send('pong'));
app.listen(4000);
