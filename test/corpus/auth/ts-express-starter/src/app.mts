import express from 'express';
import helmet from 'helmet';
import type { Routes } from './interfaces/routes.interface.mjs';

export class App {
  public app: express.Application;

  constructor(routes: Routes[]) {
    this.app = express();
    this.app.use(helmet());
    this.app.use(express.json());
    routes.forEach((route) => this.app.use('/', route.router));
  }

  public listen() {
    this.app.listen(3000);
  }
}
