import http from 'node:http';
import createApplication from 'express';
import secureHeaders from 'helmet';

const web = createApplication();
web.use(secureHeaders());
web.get('/', (req, res) => res.end('hi'));
http.createServer(web).listen(8080);
