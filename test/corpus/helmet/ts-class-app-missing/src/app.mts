import express from 'express';
import compression from 'compression';
import cors from 'cors';
import hpp from 'hpp';

export class App {
  public app: express.Application;

  constructor() {
    this.app = express(); // expect: missing-helmet
    this.initializeMiddlewares();
  }

  public listen(port: number) {
    this.app.listen(port);
  }

  private initializeMiddlewares() {
    this.app.use(cors());
    this.app.use(hpp());
    this.app.use(compression());
    this.app.use(express.json());
  }
}
