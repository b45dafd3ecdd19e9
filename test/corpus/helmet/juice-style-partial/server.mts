import express from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { restoreOverwrittenFiles } from './lib/startup/restore.mjs';

const app = express(); // expect: missing-helmet

app.options('*', cors());
app.use(cors());
app.use(helmet.noSniff());
app.use(helmet.frameguard());
app.disable('x-powered-by');

app.get('/rest/admin/application-version', (req, res) => res.json({ version: '1.0.0' }));

export async function start() {
  await restoreOverwrittenFiles();
  app.listen(process.env.PORT ?? 3000);
}
