import helmet from 'helmet';
import { app } from './app.mjs';
import { router } from './routes.mjs';

app.use(helmet());
app.use('/api', router);
app.listen(process.env.PORT ?? 3000);
