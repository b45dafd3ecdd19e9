import { App } from './app.mjs';
import { AuthRoute } from './routes/auth.route.mjs';
import { UserRoute } from './routes/users.route.mjs';

const app = new App([new UserRoute(), new AuthRoute()]);
app.listen();
