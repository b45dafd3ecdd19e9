import { Router } from 'express';
import { AuthController } from '../controllers/auth.controller.mjs';
import { AuthMiddleware } from '../middlewares/auth.middleware.mjs';

export class AuthRoute {
  public router = Router();
  public auth = new AuthController();

  constructor() {
    this.router.post('/signup', this.auth.signUp);
    this.router.post('/login', this.auth.logIn);
    this.router.post('/logout', AuthMiddleware, this.auth.logOut);
  }
}
