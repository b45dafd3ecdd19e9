import { App } from './app.mjs';
import { UserRoute } from './routes/users.route.mjs';

const app = new App([new UserRoute()]);
app.listen();
