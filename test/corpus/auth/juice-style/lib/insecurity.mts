import jwt from 'jsonwebtoken';
import expressJwt from 'express-jwt';

export const isAuthorized = () => expressJwt({ secret: process.env.PUBLIC_KEY ?? '' });
export const denyAll = () => expressJwt({ secret: '' + Math.random() });
export const updateAuthenticatedUsers = () => (req: any, res: any, next: () => void) => {
  const token = req.cookies.token;
  if (token) jwt.verify(token, process.env.PUBLIC_KEY ?? '');
  next();
};
