import express from 'express';
import cors from 'cors';
import helmet from 'helmet';
import hpp from 'hpp';
import type { Routes } from './interfaces/routes.interface.mjs';

export class App {
  public app: express.Application;
  public port: string | number;

  constructor(routes: Routes[]) {
    this.app = express();
    this.port = process.env.PORT || 3000;
    this.initializeMiddlewares();
    this.initializeRoutes(routes);
  }

  public listen() {
    this.app.listen(this.port, () => console.log(`listening on ${this.port}`));
  }

  private initializeMiddlewares() {
    this.app.use(cors({ origin: process.env.ORIGIN, credentials: true }));
    this.app.use(hpp());
    this.app.use(helmet());
    this.app.use(express.json());
  }

  private initializeRoutes(routes: Routes[]) {
    routes.forEach((route) => this.app.use('/', route.router));
  }
}
