import express from 'express';
import cors from 'cors';
import helmet from 'helmet';
import routes from './routes.mjs';

class App {
  public readonly express: express.Application;

  constructor() {
    this.express = express();
    this.middlewares();
    this.express.use(routes);
  }

  private middlewares(): void {
    this.express.use(express.json());
    this.express.use(cors());
    this.express.use(helmet());
  }
}

export default new App().express;
